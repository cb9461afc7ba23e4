// An answer is text from a server: rendering it must never open anything. Images in its
// markdown (local paths, file: URLs, relative names, qrc:, remote URLs, HTML <img>) show as
// their alt text (or not at all), and no style sheet or background image named by its HTML is read.
// A named pipe tells whether anyone opened it; a real picture on disk tells whether it was painted.
#include "ui/chat/MarkdownRenderer.h"
#include "ui/chat/TextBody.h"

#include "PipeWatch.h"
#include "TestMain.h"

#include <QAbstractTextDocumentLayout>
#include <QGuiApplication>
#include <QPainter>
#include <QTextBlock>
#include <QTextDocument>

using qvd::MarkdownRenderer;
using qvd::TextBody;
using qvd::test::PipeWatch;

namespace {

const QColor kSecretColour(255, 0, 255);

MarkdownRenderer::Style style()
{
    QFont font = QGuiApplication::font();
    font.setPointSize(11);
    return {font, QColor(235, 235, 235)};
}

QImage draw(const TextBody &body)
{
    QImage image(body.size().expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    TextBody::Paint how;
    how.palette = QGuiApplication::palette();
    how.text = Qt::black;
    how.clip = QRect(QPoint(), body.size());
    body.paint(&painter, {}, how);
    return image;
}

int pixelsOf(const QImage &image, const QColor &colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += image.pixelColor(x, y) == colour ? 1 : 0;
    }
    return count;
}

bool hasImageObject(const TextBody &body)
{
    for (int i = 0; i < body.blockCount(); ++i) {
        for (QTextBlock b = body.block(i)->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                if (it.fragment().charFormat().isImageFormat())
                    return true;
            }
        }
    }
    return false;
}

} // namespace

class TestAnswerLoadsNothing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void imagesShowAsTheirAltText_data();
    void imagesShowAsTheirAltText();
    void namedPipeIsNeverOpened_data();
    void namedPipeIsNeverOpened();
    void devZeroIsNeverRead();
    void documentsLoadNoResource();

private:
    QTemporaryDir m_dir;
    QString m_picture;
};

void TestAnswerLoadsNothing::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_picture = m_dir.filePath(QStringLiteral("secret.png"));
    QImage picture(120, 120, QImage::Format_RGB32);
    picture.fill(kSecretColour);
    QVERIFY(picture.save(m_picture));
    // Relative names resolve against the working directory.
    QVERIFY(QDir::setCurrent(m_dir.path()));
}

void TestAnswerLoadsNothing::imagesShowAsTheirAltText_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("shown"); // what the text must contain instead of the picture
    const QString path = m_picture;
    const QString url = QUrl::fromLocalFile(path).toString();
    QTest::newRow("absolute path") << QStringLiteral("See ![secret photo](%1) here.").arg(path)
                                   << QStringLiteral("secret photo");
    QTest::newRow("file URL") << QStringLiteral("![secret photo](%1)").arg(url)
                              << QStringLiteral("secret photo");
    QTest::newRow("relative name")
        << QStringLiteral("![secret photo](secret.png)") << QStringLiteral("secret photo");
    // Qt's reader drops an image without alt text, and inline <img>, altogether.
    QTest::newRow("no alt text") << QStringLiteral("See ![](%1)").arg(path)
                                 << QStringLiteral("See");
    QTest::newRow("qrc") << QStringLiteral("![icon](qrc:/icons/qwenvl-desk.svg)")
                         << QStringLiteral("icon");
    QTest::newRow("remote") << QStringLiteral("![tracker](https://example.invalid/p.png)")
                            << QStringLiteral("tracker");
    QTest::newRow("html img") << QStringLiteral("A <img src=\"%1\" width=\"120\"> B").arg(path)
                              << QStringLiteral("A");
    QTest::newRow("inside a table")
        << QStringLiteral("| a | b |\n|---|---|\n| ![secret photo](%1) | 2 |\n").arg(path)
        << QStringLiteral("secret photo");
    QTest::newRow("inside a list") << QStringLiteral("- one\n- ![secret photo](%1)\n").arg(path)
                                   << QStringLiteral("secret photo");
    QTest::newRow("html background")
        << QStringLiteral("<table background=\"%1\"><tr><td>cell</td></tr></table>").arg(path)
        << QStringLiteral("cell");
    QTest::newRow("css background")
        << QStringLiteral("<p style=\"background-image: url(%1)\">para</p>").arg(path)
        << QStringLiteral("para");
}

void TestAnswerLoadsNothing::imagesShowAsTheirAltText()
{
    QFETCH(QString, markdown);
    QFETCH(QString, shown);
    const auto body = TextBody::markdown(markdown, {}, style(), 600);
    QVERIFY(!hasImageObject(*body));
    QVERIFY2(body->text().contains(shown), qPrintable(body->text()));
    QCOMPARE(pixelsOf(draw(*body), kSecretColour), 0);
}

void TestAnswerLoadsNothing::namedPipeIsNeverOpened_data()
{
    QTest::addColumn<QString>("markdown"); // %1: the pipe's path
    QTest::newRow("markdown image") << QStringLiteral("![x](%1)");
    QTest::newRow("file URL") << QStringLiteral("![x](file://%1)");
    QTest::newRow("html img") << QStringLiteral("<img src=\"%1\">");
    QTest::newRow("style sheet") << QStringLiteral(
        "<link rel=\"stylesheet\" type=\"text/css\" href=\"%1\">\n\ntext");
    QTest::newRow("css import") << QStringLiteral("<style>@import url(%1);</style>\n\ntext");
    QTest::newRow("table background")
        << QStringLiteral("<table background=\"%1\"><tr><td>c</td></tr></table>");
    QTest::newRow("css background") << QStringLiteral("<p style=\"background: url(%1)\">p</p>");
}

void TestAnswerLoadsNothing::namedPipeIsNeverOpened()
{
    QFETCH(QString, markdown);
    const QString pipe = m_dir.filePath(QStringLiteral("pipe-%1")
                                            .arg(QString::fromLatin1(QTest::currentDataTag()))
                                            .replace(QLatin1Char(' '), QLatin1Char('-')));
    PipeWatch watch(pipe);
    const auto body = TextBody::markdown(markdown.arg(pipe), {}, style(), 600);
    draw(*body);
    // The watcher polls every millisecond; give it time to see an open that did happen.
    QTest::qWait(50);
    QVERIFY(!watch.opened());
}

void TestAnswerLoadsNothing::devZeroIsNeverRead()
{
    // Reading it as an image allocates without end (std::bad_alloc).
    const auto body = TextBody::markdown(
        QStringLiteral("![zero](/dev/zero) and ![](file:///dev/zero)"), {}, style(), 600);
    draw(*body);
    QVERIFY(body->text().contains(QLatin1String("zero")));
    QVERIFY(!hasImageObject(*body));
}

// What the renderer hands out can be asked for resources directly (a later layout, a printer):
// it still loads nothing.
void TestAnswerLoadsNothing::documentsLoadNoResource()
{
    const auto document = MarkdownRenderer::render(QStringLiteral("text"), {}, style());
    for (const QUrl &url : {QUrl::fromLocalFile(m_picture), QUrl(QStringLiteral("secret.png")),
                            QUrl(QStringLiteral("qrc:/icons/qwenvl-desk.svg"))}) {
        QVERIFY(!document->resource(QTextDocument::ImageResource, url).isValid());
        QVERIFY(!document->resource(QTextDocument::StyleSheetResource, url).isValid());
    }
}

QVD_TEST_GUI_MAIN(TestAnswerLoadsNothing)

#include "tst_AnswerLoadsNothing.moc"
