// History you can take with you, as a person does it in the real window: ask about a photo,
// File → Export Conversation…, then `qwenvl-desk-cli history import` on another HOME finds the
// same messages, images and boxes; File → Import… brings a bundle in with progress and a report
// while the window keeps answering, and the list shows it at once.
#include "core/conversation/ChatSession.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/HistoryTransfer.h"
#include "core/storage/ImageStore.h"
#include "ui/chat/ChatPane.h"
#include "ui/chat/Composer.h"
#include "ui/chat/ComposerEdit.h"
#include "ui/conversations/ConversationListPane.h"
#include "ui/history/HistoryTransferController.h"
#include "ui/window/MainWindow.h"

#include "BundleWriter.h"
#include "ChatTestSupport.h"
#include "CliRunner.h"
#include "HttpTestServer.h"
#include "TestAppContext.h"
#include "TestMain.h"
#include "WireFixtures.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>

using namespace qvd;
using qvd::test::HttpTestServer;
using Controller = qvd::HistoryTransferController;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The environment of a person on another machine: HOME and the XDG folders under `home`.
QProcessEnvironment otherHome(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    return env;
}

} // namespace

class TestHistoryJourney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void exportedConversationImportsIntoAnotherHome();
    void markdownExportWritesTheImagesBesideIt();
    void importThroughTheMenuReportsAndListsAtOnce();
    void windowKeepsAnsweringWhileABigBundleImports();
    void stoppingAnImportChangesNothing();

private:
    void askAboutImage();
    Controller *controller() const { return m_window->findChild<Controller *>(); }
    QAction *action(const char *name) const
    {
        return m_window->findChild<QAction *>(QLatin1String(name));
    }
    // The next file dialog answers `path` with filter `filter`.
    void answerFileDialog(const QString &path, int filter = 0);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<qvd::test::TestAppContext> m_app;
    std::unique_ptr<MainWindow> m_window;
    QList<Controller::FileRequest> m_requests;
};

void TestHistoryJourney::init()
{
    qvd::test::TestAppContext::forgetSettings();
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_app = std::make_unique<qvd::test::TestAppContext>();
    QVERIFY(m_app->enableHistory(m_dir->filePath(QStringLiteral("data"))));
    m_app->useLoopback(m_server->url(QStringLiteral("/api/v1")), QStringLiteral("sk-history"));
    m_window = std::make_unique<MainWindow>(m_app->context());
    m_window->chat()->session()->setMaxAttempts(1);
    m_window->chat()->composer()->setModelId(QStringLiteral("qwen2.5-vl-72b-instruct"));
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_requests.clear();
}

void TestHistoryJourney::cleanup()
{
    m_window.reset();
    m_app.reset();
    m_server.reset();
}

void TestHistoryJourney::answerFileDialog(const QString &path, int filter)
{
    QVERIFY(controller());
    controller()->setFileChooser([this, path, filter](QWidget *, const Controller::FileRequest &r) {
        m_requests.append(r);
        return Controller::FileChoice{path, filter};
    });
}

void TestHistoryJourney::askAboutImage()
{
    // 1000x500 goes out as 1008x504; the box is the lower-right quarter of the photo.
    const QString photo = qvd::test::writeImage(*m_dir, QStringLiteral("garden.png"), {1000, 500});
    m_server->enqueue(qvd::test::answer(
        QStringLiteral("```json\n[{\"bbox_2d\": [504, 252, 1008, 504], \"label\": \"狗\"}]\n```")));
    m_window->attachImages({photo});
    Composer *composer = m_window->chat()->composer();
    composer->input()->insertPlainText(QStringLiteral("框出狗"));
    QTRY_VERIFY_WITH_TIMEOUT(composer->sendButton()->isEnabled(), 20000);
    QTest::keyClick(composer->input(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->chat()->session()->isBusy(), 20000);
    const QString id = m_window->chat()->session()->conversation().id;
    QTRY_VERIFY_WITH_TIMEOUT(m_app->context().history->contains(id), 10000);
}

void TestHistoryJourney::exportedConversationImportsIntoAnotherHome()
{
    askAboutImage();
    const QString id = m_window->chat()->session()->conversation().id;
    const auto original = m_app->context().history->conversation(id);
    QVERIFY(original);
    QCOMPARE(original->messages.size(), 2);

    // File → Export Conversation…, answered with a bundle path.
    QAction *exportAction = action("actionExportConversation");
    QVERIFY(exportAction);
    QVERIFY(
        m_window->findChild<QMenu *>(QStringLiteral("menuFile"))->actions().contains(exportAction));
    const QString bundle = m_dir->filePath(QStringLiteral("shared/garden"));
    QDir().mkpath(m_dir->filePath(QStringLiteral("shared")));
    answerFileDialog(bundle);
    QSignalSpy finished(controller(), &Controller::finished);
    exportAction->trigger();
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    // The dialog offered both formats and a name from the title; ".json" was added.
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests.first().filters.size(), 2);
    QVERIFY(m_requests.first().suggestedPath.endsWith(QStringLiteral(".json")));
    // The dialog opens in a folder that exists (a fresh HOME has no Documents yet), never in
    // the directory the app happened to be started from.
    const QString folder = QFileInfo(m_requests.first().suggestedPath).absolutePath();
    QVERIFY2(QDir(folder).exists() && folder.startsWith(QDir::homePath()), qPrintable(folder));
    QVERIFY(QFileInfo::exists(bundle + QStringLiteral(".json")));
    QTRY_VERIFY(m_window->findChild<QMessageBox *>(QStringLiteral("historyTransferReport")));

    // Another person, another HOME: the command-line tool imports the file.
    QTemporaryDir home;
    const qvd::test::CliRun run = qvd::test::runCli(
        {QStringLiteral("history"), QStringLiteral("import"), bundle + QStringLiteral(".json")}, {},
        otherHome(home.path()));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));

    const QString data = home.filePath(QStringLiteral(".local/share/qwenvl-desk"));
    HistoryStore second;
    QVERIFY(second.open(data + QStringLiteral("/history.sqlite")).ok());
    ImageStore secondImages(data + QStringLiteral("/images"));
    const auto copy = second.conversation(id);
    QVERIFY2(copy, "the conversation keeps its id on the other machine");
    QCOMPARE(copy->header, original->header);
    QCOMPARE(copy->messages.size(), original->messages.size());
    for (int i = 0; i < original->messages.size(); ++i)
        QVERIFY2(copy->messages.at(i).sameContent(original->messages.at(i)),
                 qPrintable(QStringLiteral("message %1 differs").arg(i)));
    // The very same original photo, byte for byte.
    const QList<ImageSource> sources = copy->messages.at(0).images;
    QCOMPARE(sources.size(), 1);
    const QByteArray photo = fileBytes(secondImages.pathFor(sources.first().sha256));
    QVERIFY(!photo.isEmpty());
    QCOMPARE(photo, fileBytes(m_app->context().images->pathFor(sources.first().sha256)));
    QCOMPARE(qvd::test::sha256Of(photo), sources.first().sha256);
    QCOMPARE(QImage::fromData(photo).size(), QSize(1000, 500));
    // And the box the model drew, in the space it was read in.
    const QList<Detection> boxes = copy->messages.at(1).detections;
    QCOMPARE(boxes.size(), 1);
    QCOMPARE(boxes.first().label, QStringLiteral("狗"));
    QCOMPARE(boxes.first().rect, QRectF(QPointF(504, 252), QPointF(1008, 504)));
    QCOMPARE(copy->messages.at(1).space, original->messages.at(1).space);
}

void TestHistoryJourney::markdownExportWritesTheImagesBesideIt()
{
    askAboutImage();
    const QString id = m_window->chat()->session()->conversation().id;
    const QString markdown = m_dir->filePath(QStringLiteral("notes/garden.md"));
    QDir().mkpath(m_dir->filePath(QStringLiteral("notes")));
    answerFileDialog(markdown, 1);
    QSignalSpy finished(controller(), &Controller::finished);
    action("actionExportConversation")->trigger();
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    const QString text = QString::fromUtf8(fileBytes(markdown));
    QVERIFY(text.contains(QStringLiteral("框出狗")));
    QVERIFY(text.contains(QStringLiteral("| 1 | 狗 | box |")));
    const auto record = m_app->context().history->conversation(id);
    const QByteArray sha256 = record->messages.at(0).images.first().sha256;
    const QString image = QStringLiteral("garden_images/") + QString::fromLatin1(sha256.toHex())
        + QStringLiteral(".png");
    QVERIFY2(text.contains(u'(' + image + u')'), qPrintable(text));
    QCOMPARE(fileBytes(m_dir->filePath(QStringLiteral("notes/")) + image),
             fileBytes(m_app->context().images->pathFor(sha256)));
}

void TestHistoryJourney::importThroughTheMenuReportsAndListsAtOnce()
{
    // A bundle from another machine: one conversation with a real photo and a box, and one image
    // that is not an image at all although its hash matches.
    const QByteArray photo = qvd::test::encodedImage(qvd::test::picture({320, 240}), "JPEG");
    ConversationRecord record;
    record.header.id = QStringLiteral("from-elsewhere");
    record.header.title = QStringLiteral("海边的伞");
    StoredMessage question;
    question.message = Message::user({Part::fromText(QStringLiteral("伞在哪里？"))});
    ImageSource source;
    source.sha256 = qvd::test::sha256Of(photo);
    source.byteCount = photo.size();
    source.name = QStringLiteral("beach.jpg");
    source.format = QStringLiteral("jpeg");
    question.message.parts.append(Part::fromImage(QStringLiteral("https://example.com/b.jpg")));
    question.images = {source};
    question.createdAt = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    StoredMessage answer;
    answer.message =
        Message::assistant(QStringLiteral("<ref>伞</ref><box>(10,20),(300,400)</box>"));
    answer.detections = {Detection::box(10, 20, 300, 400, QStringLiteral("伞"))};
    answer.createdAt = QDateTime::fromMSecsSinceEpoch(1700000001000, Qt::UTC);
    record.messages = {question, answer};
    const QString bundle = m_dir->filePath(QStringLiteral("incoming.json"));
    {
        HistoryStore scratch;
        ImageStore scratchImages(m_dir->filePath(QStringLiteral("scratch/images")));
        QVERIFY(scratch.open(m_dir->filePath(QStringLiteral("scratch/h.sqlite"))).ok());
        QVERIFY(!scratch.insertRecord(record).isError());
        QVERIFY(scratchImages.put(photo).ok());
        QVERIFY(!HistoryTransfer(scratch, scratchImages).exportBundle({}, bundle).error);
    }
    // Add a hostile image to the exported file by hand.
    QByteArray text = fileBytes(bundle);
    const QByteArray script = "#!/bin/sh\necho not a picture\n";
    const QByteArray hostile = "{\"sha256\":\"" + qvd::test::sha256Of(script).toHex()
        + "\",\"data\":\"" + script.toBase64() + "\"},\n";
    const QByteArray images = "\"images\":[\n";
    text.replace(images, QByteArray(images + hostile));
    QFile rewrite(bundle);
    QVERIFY(rewrite.open(QIODevice::WriteOnly | QIODevice::Truncate));
    rewrite.write(text);
    rewrite.close();

    QSignalSpy imported(controller(), &Controller::imported);
    QSignalSpy finished(controller(), &Controller::finished);
    answerFileDialog(bundle);
    QVERIFY(action("actionImportHistory"));
    action("actionImportHistory")->trigger();
    QVERIFY(finished.wait(60000));
    const QString report = finished.first().at(1).toString();
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(report));
    QCOMPARE(imported.size(), 1);
    // In the list at once, without a restart or a new answer.
    QVERIFY(m_window->conversationList()->entryIds().contains(QStringLiteral("from-elsewhere")));
    // The report says what came in and what was refused, and why.
    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("historyTransferReport"));
    QVERIFY(box);
    QCOMPARE(box->text(), report);
    QVERIFY2(report.contains(QStringLiteral("1 new")), qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("Messages imported: 2. Images imported: 1.")),
             qPrintable(report));
    QVERIFY2(report.contains(QString::fromLatin1(qvd::test::sha256Of(script).toHex()))
                 && report.contains(QStringLiteral("not an image")),
             qPrintable(report));
    QVERIFY(!m_app->context().images->contains(qvd::test::sha256Of(script)));
    QVERIFY(m_app->context().images->load(source.sha256).ok());
    const auto stored = m_app->context().history->conversation(QStringLiteral("from-elsewhere"));
    QVERIFY(stored);
    QCOMPARE(stored->messages.at(1).detections.size(), 1);
    // The actions work again once it is over.
    QVERIFY(action("actionImportHistory")->isEnabled());
}

void TestHistoryJourney::windowKeepsAnsweringWhileABigBundleImports()
{
    // ~240 MB of originals in 60 conversations: long enough to see whether the window waits.
    const QString bundle = m_dir->filePath(QStringLiteral("big.json"));
    {
        qvd::test::BundleWriter writer(bundle);
        QList<QByteArray> images;
        for (int i = 0; i < 60; ++i) {
            const QByteArray jpeg = qvd::test::paddedJpeg(4 * 1024 * 1024, quint32(i + 1));
            QJsonObject conversation{
                {QStringLiteral("id"), QStringLiteral("big-%1").arg(i)},
                {QStringLiteral("title"), QStringLiteral("大文件 %1").arg(i)},
                {QStringLiteral("messages"),
                 QJsonArray{QJsonObject{
                     {QStringLiteral("role"), QStringLiteral("user")},
                     {QStringLiteral("parts"),
                      QJsonArray{QJsonObject{{QStringLiteral("kind"), QStringLiteral("image")},
                                             {QStringLiteral("image_url"),
                                              QStringLiteral("https://example.com/x.jpg")}}}},
                     {QStringLiteral("images"),
                      QJsonArray{
                          QJsonObject{{QStringLiteral("sha256"),
                                       QString::fromLatin1(qvd::test::sha256Of(jpeg).toHex())},
                                      {QStringLiteral("byte_count"), jpeg.size()},
                                      {QStringLiteral("format"), QStringLiteral("jpeg")}}}},
                     {QStringLiteral("created_at"), qint64(1700000000000) + i}}}}};
            writer.addConversation(conversation);
            images.append(jpeg);
        }
        for (const QByteArray &jpeg : std::as_const(images))
            writer.addImage(jpeg);
        QVERIFY(writer.finish());
    }
    QSignalSpy finished(controller(), &Controller::finished);
    answerFileDialog(bundle);
    // The event loop's longest pause while the import runs.
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    qint64 longest = 0;
    int progressSeen = 0;
    QTimer tick;
    tick.setInterval(10);
    connect(&tick, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        longest = qMax(longest, now - last);
        last = now;
        if (auto *progress =
                m_window->findChild<QProgressDialog *>(QStringLiteral("historyTransferProgress"))) {
            if (progress->isVisible() && progress->value() > 0)
                ++progressSeen;
        }
    });
    tick.start();
    last = clock.elapsed();
    action("actionImportHistory")->trigger();
    const qint64 started = clock.elapsed();
    last = started;
    longest = 0;
    QVERIFY(!action("actionImportHistory")->isEnabled()); // no second transfer meanwhile
    QVERIFY(finished.wait(240000));
    const qint64 took = clock.elapsed() - started;
    tick.stop();
    qInfo("import: %lld ms, longest pause of the window %lld ms", took, longest);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(m_window->conversationList()->entryCount(), 60);
    // An import on the window's thread would freeze it for the whole time.
    QVERIFY2(took > 1500, qPrintable(QStringLiteral("the import took only %1 ms").arg(took)));
    QVERIFY2(
        longest < 500,
        qPrintable(QStringLiteral("the window froze for %1 ms of %2 ms").arg(longest).arg(took)));
    QVERIFY(progressSeen > 0);
}

void TestHistoryJourney::stoppingAnImportChangesNothing()
{
    const QString bundle = m_dir->filePath(QStringLiteral("stop.json"));
    {
        qvd::test::BundleWriter writer(bundle);
        for (int i = 0; i < 40; ++i) {
            writer.addConversation(
                QJsonObject{{QStringLiteral("id"), QStringLiteral("s-%1").arg(i)},
                            {QStringLiteral("title"), QStringLiteral("stop")}});
        }
        for (int i = 0; i < 40; ++i)
            writer.addImage(qvd::test::paddedJpeg(4 * 1024 * 1024, quint32(100 + i)));
        QVERIFY(writer.finish());
    }
    QSignalSpy finished(controller(), &Controller::finished);
    answerFileDialog(bundle);
    action("actionImportHistory")->trigger();
    // Stop as soon as the progress shows.
    QProgressDialog *progress = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((progress = m_window->findChild<QProgressDialog *>(
                                  QStringLiteral("historyTransferProgress")))
                                 && progress->isVisible(),
                             20000);
    progress->findChild<QPushButton *>()->click();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY2(finished.first().at(1).toString().contains(QStringLiteral("nothing was changed")),
             qPrintable(finished.first().at(1).toString()));
    QCOMPARE(m_app->context().history->conversations().size(), 0);
    // No original of it stayed behind either.
    QDir images(m_app->context().images->root());
    const QStringList left = images.entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                                 .filter(QRegularExpression(QStringLiteral("^[0-9a-f]{2}$")));
    QVERIFY2(left.isEmpty(), qPrintable(left.join(u' ')));
}

QVD_TEST_WIDGETS_MAIN(TestHistoryJourney)
#include "tst_HistoryJourney.moc"
