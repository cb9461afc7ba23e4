// The composer as a person uses it: keys, drops from a file manager and a browser, paste of a
// screenshot or a copied file, refusals, remove buttons and region chips. Real widgets,
// offscreen; images are prepared by the real ImagePreparer on worker threads.
#include "ui/ThemeManager.h"
#include "ui/chat/AttachmentList.h"
#include "ui/chat/AttachmentStrip.h"
#include "ui/chat/AttachmentTile.h"
#include "ui/chat/Composer.h"
#include "ui/chat/ComposerEdit.h"
#include "ui/chat/ParametersPopup.h"
#include "ui/chat/RegionChip.h"

#include "ChatTestSupport.h"
#include "TestMain.h"

#include "core/imaging/ImagePreparer.h"
#include "core/models/ModelRegistry.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

#include <cmath>

using qvd::Composer;
using qvd::Part;

namespace {

// WCAG 2 relative luminance and contrast ratio (1:1 … 21:1).
qreal luminance(QColor c)
{
    const auto channel = [](qreal v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

qreal contrast(QColor a, QColor b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The most common colour of `image` (the background) and the contrast of the pixel that stands
// out most against it (the core of the glyphs).
qreal textContrast(const QImage &image, QColor *background = nullptr)
{
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            ++counts[image.pixel(x, y)];
    }
    QRgb common = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > counts.value(common))
            common = it.key();
    }
    qreal best = 1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        best = std::max(best, contrast(QColor(it.key()), QColor(common)));
    if (background)
        *background = QColor(common);
    return best;
}

} // namespace

class TestComposer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void enterSendsAndShiftEnterStartsANewLine();
    void ctrlEnterAlsoSends();
    void escapeAsksToStop();
    void sendTurnsIntoStopWhileBusy();
    void droppedImageFilesBecomeThumbnailsWithSizeAndTokens();
    void droppedHttpUrlIsDownloadedAndPrepared();
    void nonImageFileIsRefusedWithAnInlineMessage();
    void pastedScreenshotBecomesAnAttachment();
    void pastedFileBecomesAnAttachment();
    void plainTextPastesAsText();
    void removeButtonDropsTheImage();
    void regionChipsAreSentAndRemovable();
    void changingTheModelPreparesImagesAgain();
    void noticeReadsOnLightAndDarkPalettes_data();
    void noticeReadsOnLightAndDarkPalettes();
    void parametersStartAtTheDefaultsAndKeepValuesSetBeforeTheyAreShown();
    void modelPickerIsSizedLikeAPlainComboBox();

private:
    QList<qvd::AttachmentTile *> readyTiles() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<qvd::ModelRegistry> m_models;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<Composer> m_composer;
};

void TestComposer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_models = std::make_unique<qvd::ModelRegistry>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_composer = std::make_unique<Composer>(m_models.get(), m_network.get());
    m_composer->setModelId(QStringLiteral("qwen3-vl-plus"));
    m_composer->resize(640, 260);
    m_composer->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_composer.get()));
    m_composer->input()->setFocus();
}

void TestComposer::cleanup()
{
    QApplication::setPalette(QApplication::style()->standardPalette());
    m_composer.reset();
    m_network.reset();
}

QList<qvd::AttachmentTile *> TestComposer::readyTiles() const
{
    QList<qvd::AttachmentTile *> ready;
    for (qvd::AttachmentTile *tile : m_composer->strip()->tiles()) {
        if (!tile->isBusy())
            ready.append(tile);
    }
    return ready;
}

void TestComposer::enterSendsAndShiftEnterStartsANewLine()
{
    QSignalSpy submitted(m_composer.get(), &Composer::submitted);
    QTest::keyClicks(m_composer->input(), QStringLiteral("first line"));
    QTest::keyClick(m_composer->input(), Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(m_composer->input(), QStringLiteral("second"));
    QCOMPARE(submitted.size(), 0);
    QCOMPARE(m_composer->input()->toPlainText(), QStringLiteral("first line\nsecond"));

    QTest::keyClick(m_composer->input(), Qt::Key_Return);
    QCOMPARE(submitted.size(), 1);
    const auto parts = submitted.first().first().value<QList<Part>>();
    QCOMPARE(parts.size(), 1);
    QCOMPARE(parts.first().kind, Part::Kind::Text);
    QCOMPARE(parts.first().text, QStringLiteral("first line\nsecond"));
}

void TestComposer::ctrlEnterAlsoSends()
{
    QSignalSpy submitted(m_composer.get(), &Composer::submitted);
    QTest::keyClick(m_composer->input(), Qt::Key_Return); // nothing to send yet
    QCOMPARE(submitted.size(), 0);
    QTest::keyClicks(m_composer->input(), QStringLiteral("hi"));
    QTest::keyClick(m_composer->input(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(submitted.size(), 1);
    // The hint under the input says so.
    const auto labels = m_composer->findChildren<QLabel *>();
    const bool hinted = std::any_of(labels.begin(), labels.end(), [](QLabel *label) {
        return label->text().contains(QStringLiteral("Ctrl+Enter"))
            && label->text().contains(QStringLiteral("Shift+Enter"));
    });
    QVERIFY(hinted);
}

void TestComposer::escapeAsksToStop()
{
    QSignalSpy stop(m_composer.get(), &Composer::stopRequested);
    QTest::keyClick(m_composer->input(), Qt::Key_Escape);
    QCOMPARE(stop.size(), 1);
}

void TestComposer::sendTurnsIntoStopWhileBusy()
{
    QSignalSpy stop(m_composer.get(), &Composer::stopRequested);
    QSignalSpy submitted(m_composer.get(), &Composer::submitted);
    QTest::keyClicks(m_composer->input(), QStringLiteral("next question"));
    m_composer->setBusy(true);
    QCOMPARE(m_composer->sendButton()->text(), QStringLiteral("Stop"));
    QVERIFY(m_composer->sendButton()->isEnabled());
    QTest::keyClick(m_composer->input(), Qt::Key_Return); // typing ahead, not sending
    QCOMPARE(submitted.size(), 0);
    QTest::mouseClick(m_composer->sendButton(), Qt::LeftButton);
    QCOMPARE(stop.size(), 1);
    m_composer->setBusy(false);
    QCOMPARE(m_composer->sendButton()->text(), QStringLiteral("Send"));
}

void TestComposer::droppedImageFilesBecomeThumbnailsWithSizeAndTokens()
{
    const QString a = qvd::test::writeImage(*m_dir, QStringLiteral("beach.jpg"), {2000, 1500});
    const QString b = qvd::test::writeImage(*m_dir, QStringLiteral("dog.png"), {640, 480});
    const QString c = qvd::test::writeImage(*m_dir, QStringLiteral("tall.webp"), {300, 900});
    std::unique_ptr<QMimeData> mime(qvd::test::uriList(
        {QUrl::fromLocalFile(a), QUrl::fromLocalFile(b), QUrl::fromLocalFile(c)}));
    QVERIFY(qvd::test::drop(m_composer->input()->viewport(), mime.get()));

    // Prepared off the UI thread: right after the drop every tile is still busy.
    QCOMPARE(m_composer->strip()->tiles().size(), 3);
    for (qvd::AttachmentTile *tile : m_composer->strip()->tiles())
        QVERIFY(tile->isBusy());
    QVERIFY(!m_composer->sendButton()->isEnabled());

    QTRY_COMPARE_WITH_TIMEOUT(readyTiles().size(), 3, 20000);
    QVERIFY(m_composer->notice().isEmpty());
    const qvd::ImagePreparer preparer(m_models->find(QStringLiteral("qwen3-vl-plus")));
    const qvd::PrepareResult expected = preparer.prepareFile(a);
    QVERIFY(expected.ok());
    const qvd::Attachment first = m_composer->attachments()->attachments().first();
    QCOMPARE(first.part.transform.sentSize, expected.image.transform.sentSize);
    QCOMPARE(first.estimatedTokens, expected.image.estimatedTokens);
    QVERIFY(!first.thumbnail.isNull());
    QVERIFY(first.thumbnail.width() <= qvd::Attachment::kThumbnailSize);
    // The caption shows the size that will be sent and the token estimate.
    auto *tile = m_composer->strip()->tile(first.id);
    const QString caption = tile->findChildren<QLabel *>().last()->text();
    const QSize sent = expected.image.transform.sentSize;
    QVERIFY2(caption.contains(QStringLiteral("%1×%2").arg(sent.width()).arg(sent.height())),
             qPrintable(caption));
    QVERIFY2(caption.contains(QString::number(expected.image.estimatedTokens)),
             qPrintable(caption));
    QVERIFY(m_composer->sendButton()->isEnabled());
    qvd::test::saveArtifact(m_composer.get(), QStringLiteral("composer-three-images"));
}

void TestComposer::droppedHttpUrlIsDownloadedAndPrepared()
{
    qvd::test::HttpTestServer server;
    QVERIFY(server.listen());
    server.enqueue(
        qvd::test::Reply::http(200, qvd::test::pngBytes({800, 600}), {"Content-Type: image/png"}));
    // A browser drags an image as a uri-list with its http URL.
    std::unique_ptr<QMimeData> mime(qvd::test::uriList({server.url(QStringLiteral("/cat.png"))}));
    QVERIFY(qvd::test::drop(m_composer->input()->viewport(), mime.get()));
    QTRY_COMPARE_WITH_TIMEOUT(readyTiles().size(), 1, 20000);
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().first().target, QByteArray("/cat.png"));
    const Part part = m_composer->draft().first();
    QVERIFY(part.imageUrl.isData());
    QVERIFY(part.imageUrl.mimeType().startsWith(QLatin1String("image/")));
    QCOMPARE(QImage::fromData(part.imageUrl.data()).size(), part.transform.sentSize);
    QCOMPARE(part.transform.originalSize, QSize(800, 600));
}

void TestComposer::nonImageFileIsRefusedWithAnInlineMessage()
{
    const QString text = m_dir->filePath(QStringLiteral("notes.txt"));
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a picture\n");
    file.close();
    const QString image = qvd::test::writeImage(*m_dir, QStringLiteral("ok.png"), {400, 300});
    std::unique_ptr<QMimeData> mime(
        qvd::test::uriList({QUrl::fromLocalFile(text), QUrl::fromLocalFile(image)}));
    QVERIFY(qvd::test::drop(m_composer->input()->viewport(), mime.get()));

    const QString expected = qvd::ImagePreparer(qvd::ModelInfo{}).prepareFile(text).error.message();
    QVERIFY(expected.contains(QStringLiteral("notes.txt")));
    QTRY_COMPARE_WITH_TIMEOUT(m_composer->notice(), expected, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(readyTiles().size(), 1, 20000);
    QCOMPARE(m_composer->strip()->tiles().size(), 1); // the text file left no tile behind
    qvd::test::saveArtifact(m_composer.get(), QStringLiteral("composer-refused"));
}

void TestComposer::pastedScreenshotBecomesAnAttachment()
{
    QGuiApplication::clipboard()->setImage(qvd::test::picture({1280, 720}));
    QTest::keyClick(m_composer->input(), Qt::Key_V, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(readyTiles().size(), 1, 20000);
    QVERIFY(m_composer->input()->toPlainText().isEmpty()); // not pasted as text
    const Part part = m_composer->draft().first();
    QCOMPARE(part.kind, Part::Kind::Image);
    QCOMPARE(part.transform.originalSize, QSize(1280, 720));
    QVERIFY(part.minPixels > 0 && part.maxPixels > 0);
}

void TestComposer::pastedFileBecomesAnAttachment()
{
    const QString path = qvd::test::writeImage(*m_dir, QStringLiteral("copied.png"), {500, 500});
    QGuiApplication::clipboard()->setMimeData(qvd::test::uriList({QUrl::fromLocalFile(path)}));
    QTest::keyClick(m_composer->input(), Qt::Key_V, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(readyTiles().size(), 1, 20000);
    QCOMPARE(m_composer->attachments()->attachments().first().source.name,
             QStringLiteral("copied.png"));
}

void TestComposer::plainTextPastesAsText()
{
    QGuiApplication::clipboard()->setText(QStringLiteral("这是什么？"));
    QTest::keyClick(m_composer->input(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(m_composer->input()->toPlainText(), QStringLiteral("这是什么？"));
    QVERIFY(m_composer->strip()->tiles().isEmpty());
}

void TestComposer::removeButtonDropsTheImage()
{
    const QString a = qvd::test::writeImage(*m_dir, QStringLiteral("a.png"), {300, 200});
    const QString b = qvd::test::writeImage(*m_dir, QStringLiteral("b.png"), {200, 300});
    m_composer->addImages({qvd::AttachmentSource::fromFile(a), qvd::AttachmentSource::fromFile(b)});
    QTRY_COMPARE_WITH_TIMEOUT(readyTiles().size(), 2, 20000);
    const int firstId = m_composer->attachments()->attachments().first().id;
    auto *remove = m_composer->strip()->tile(firstId)->findChild<QToolButton *>(
        QStringLiteral("removeAttachment"));
    QVERIFY(remove);
    QVERIFY(!remove->accessibleName().isEmpty());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(m_composer->attachments()->attachments().size(), 1);
    QCOMPARE(m_composer->attachments()->attachments().first().source.name, QStringLiteral("b.png"));
    QTRY_COMPARE(m_composer->strip()->tiles().size(), 1);
}

void TestComposer::regionChipsAreSentAndRemovable()
{
    const Part region = Part::fromRegion(QRectF(10, 20, 100, 50),
                                         QStringLiteral("{\"bbox_2d\": [10, 20, 110, 70]}"), 0);
    m_composer->addRegion(region);
    m_composer->addRegion(Part::fromRegion(QRectF(0, 0, 5, 5), QStringLiteral("[0, 0, 5, 5]"), 0));
    QCOMPARE(m_composer->strip()->chips().size(), 2);
    QVERIFY(m_composer->strip()->isVisible());
    QTest::keyClicks(m_composer->input(), QStringLiteral("what is here?"));
    QList<Part> parts = m_composer->draft();
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts.at(0).kind, Part::Kind::Region);
    QCOMPARE(parts.at(0).text, region.text);
    QCOMPARE(parts.at(2).text, QStringLiteral("what is here?"));

    qvd::RegionChip *second = nullptr;
    for (qvd::RegionChip *chip : m_composer->strip()->chips()) {
        if (chip->toolTip().contains(QStringLiteral("[0, 0, 5, 5]")))
            second = chip;
    }
    QVERIFY(second);
    QTest::mouseClick(second->findChild<QToolButton *>(QStringLiteral("removeRegion")),
                      Qt::LeftButton);
    parts = m_composer->draft();
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts.at(0).text, region.text);
}

void TestComposer::changingTheModelPreparesImagesAgain()
{
    const QString path = qvd::test::writeImage(*m_dir, QStringLiteral("wide.png"), {1000, 700});
    m_composer->addImages({qvd::AttachmentSource::fromFile(path)});
    QTRY_COMPARE_WITH_TIMEOUT(readyTiles().size(), 1, 20000);
    const qvd::ModelInfo other = m_models->find(QStringLiteral("qwen2.5-vl-72b-instruct"));
    QVERIFY(other.budget.factor != m_models->find(QStringLiteral("qwen3-vl-plus")).budget.factor);
    QLineEdit *modelText = m_composer->modelPicker()->lineEdit();
    modelText->selectAll();
    QTest::keyClicks(modelText, other.id);
    QTest::keyClick(modelText, Qt::Key_Return);
    QCOMPARE(m_composer->modelId(), other.id);
    QTRY_COMPARE_WITH_TIMEOUT(readyTiles().size(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_composer->draft().first().transform.budget.factor,
                              other.budget.factor, 20000);
    const QSize sent = m_composer->draft().first().transform.sentSize;
    QCOMPARE(sent.width() % other.budget.factor, 0);
    QCOMPARE(sent.height() % other.budget.factor, 0);
}

void TestComposer::noticeReadsOnLightAndDarkPalettes_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << QApplication::style()->standardPalette();
    QTest::newRow("dark") << qvd::ThemeManager::darkPalette();
}

void TestComposer::noticeReadsOnLightAndDarkPalettes()
{
    QFETCH(QPalette, palette);
    // Switched while the composer is open, as the settings dialog does.
    QApplication::setPalette(palette);
    // Top-level windows take a new application palette from a posted event.
    QTRY_COMPARE(m_composer->palette().color(QPalette::Window), palette.color(QPalette::Window));
    m_composer->showNotice(QStringLiteral("“notes.txt” is not an image — 不是图片"));
    auto *notice = m_composer->findChild<QLabel *>(QStringLiteral("composerNotice"));
    QVERIFY(notice);
    QTRY_VERIFY(notice->isVisible());
    const QImage shot = m_composer->grab(notice->geometry()).toImage();
    QColor background;
    const qreal ratio = textContrast(shot, &background);
    QCOMPARE(background, palette.color(QPalette::Window));
    QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("contrast %1:1").arg(ratio)));
    qvd::test::saveArtifact(m_composer.get(),
                            QStringLiteral("composer-notice-")
                                + QString::fromLatin1(QTest::currentDataTag()));
}

void TestComposer::parametersStartAtTheDefaultsAndKeepValuesSetBeforeTheyAreShown()
{
    // Nothing is sent until the person (or the conversation) chooses a value.
    QCOMPARE(m_composer->parameters(), qvd::GenerationParameters());
    QCOMPARE(m_composer->systemPrompt(), QString());
    auto *button = m_composer->findChild<QToolButton *>(QStringLiteral("parametersButton"));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    qvd::ParametersPopup *popup = m_composer->parametersPopup();
    QTRY_VERIFY(popup->isVisible());
    auto *temperature = popup->findChild<QDoubleSpinBox *>();
    QVERIFY(temperature);
    QCOMPARE(temperature->text(), QStringLiteral("Default"));
    QCOMPARE(m_composer->parameters(), qvd::GenerationParameters());
    popup->close();

    // A conversation's own settings, given before the popup is ever shown, are what it shows.
    Composer fresh(m_models.get(), m_network.get());
    qvd::GenerationParameters chosen;
    chosen.temperature = 0.7;
    chosen.seed = 42;
    fresh.setConversationSettings(chosen, QStringLiteral("Answer in English."));
    QCOMPARE(fresh.parameters(), chosen);
    QCOMPARE(fresh.systemPrompt(), QStringLiteral("Answer in English."));
    QCOMPARE(fresh.parametersPopup()->findChild<QDoubleSpinBox *>()->value(), 0.7);
    // Back to the defaults, as a new conversation does.
    fresh.setConversationSettings({}, {});
    QCOMPARE(fresh.parameters(), qvd::GenerationParameters());
}

void TestComposer::modelPickerIsSizedLikeAPlainComboBox()
{
    // Its minimum is its preferred size: the width of the longest model id, as Qt computes it.
    QComboBox *picker = m_composer->modelPicker();
    QComboBox plain;
    plain.setEditable(true);
    plain.setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (int i = 0; i < picker->count(); ++i)
        plain.addItem(picker->itemText(i));
    QVERIFY(picker->count() > 10);
    QCOMPARE(picker->sizeHint(), plain.sizeHint());
    QCOMPARE(picker->minimumSizeHint(), plain.minimumSizeHint());
}

QVD_TEST_WIDGETS_MAIN(TestComposer)
#include "tst_Composer.moc"
