// One row of the chat view, laid out and painted into an image: the answer's status while the
// question and its images are still being sent.
#include "ui/chat/MessageLayout.h"

#include "TestMain.h"

#include <QApplication>
#include <QPainter>

using qvd::MessageLayout;

class TestMessageLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sendingShowsHowMuchIsSent();
    void waitingForTheServerShowsNoProgress();
};

void TestMessageLayout::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

static qvd::MessageContext sending(qint64 sent, qint64 total)
{
    qvd::MessageContext context;
    context.streaming = true;
    context.uploadSent = sent;
    context.uploadTotal = total;
    return context;
}

void TestMessageLayout::sendingShowsHowMuchIsSent()
{
    const QPalette palette = QApplication::palette();
    const MessageLayout layout(qvd::Message::assistant(QString()), sending(1 << 20, 4 << 20),
                               QApplication::font(), palette, 600);
    QCOMPARE(layout.statusText(), QStringLiteral("Sending 1.00 MiB of 4.00 MiB…"));

    QImage image(layout.size(), QImage::Format_RGB32);
    image.fill(palette.color(QPalette::Base));
    QPainter painter(&image);
    layout.paint(&painter, {}, {});
    painter.end();
    // A bar under the status, a quarter of it in the highlight colour.
    const QRgb highlight = palette.color(QPalette::Highlight).rgb();
    int firstRow = -1;
    int filled = 0;
    for (int y = 0; y < image.height() && firstRow < 0; ++y) {
        int run = 0;
        for (int x = 0; x < image.width(); ++x)
            run += image.pixel(x, y) == highlight ? 1 : 0;
        if (run > 0) {
            firstRow = y;
            filled = run;
        }
    }
    QVERIFY2(firstRow > 0, "no progress bar");
    QVERIFY2(filled >= 40 && filled <= 60, qPrintable(QString::number(filled))); // 25 % of 200
}

void TestMessageLayout::waitingForTheServerShowsNoProgress()
{
    // Sent completely: the status goes back to waiting for the answer.
    const MessageLayout sent(qvd::Message::assistant(QString()), sending(4 << 20, 4 << 20),
                             QApplication::font(), QApplication::palette(), 600);
    QCOMPARE(sent.statusText(), QStringLiteral("…"));
    const MessageLayout idle(qvd::Message::assistant(QString()), sending(0, 0),
                             QApplication::font(), QApplication::palette(), 600);
    QCOMPARE(idle.statusText(), QStringLiteral("…"));
    QVERIFY(idle.size().height() < MessageLayout(qvd::Message::assistant(QString()), sending(1, 2),
                                                 QApplication::font(), QApplication::palette(), 600)
                                       .size()
                                       .height());
}

QVD_TEST_WIDGETS_MAIN(TestMessageLayout)
#include "tst_MessageLayout.moc"
