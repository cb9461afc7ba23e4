// The open conversation saved as it happens, with real SQLite, a real image store, real images
// and answers streamed over loopback; then opened again as a person would years later.
#include "core/conversation/ChatSession.h"
#include "core/imaging/ImagePreparer.h"
#include "core/storage/ConversationRecorder.h"
#include "core/storage/HistoryStore.h"
#include "core/storage/ImageStore.h"

#include "HttpTestServer.h"
#include "TestMain.h"
#include "WireFixtures.h"

#include <QImage>
#include <QNetworkAccessManager>

using namespace qvd;
using qvd::test::HttpTestServer;
using qvd::test::Reply;

namespace {

Reply answer(const QString &text)
{
    return Reply().send(qvd::test::kSseHead).send(qvd::test::dashScopeEvent(1, text, "stop"));
}

} // namespace

class TestConversationRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void answerIsSavedWithItsImageAndBoxes();
    void reopenedConversationShowsTheSameBoxes();
    void failedAnswerIsSavedAndRegenerateReplacesIt();
    void editAndResendDropsTheReplacedTurns();
    void savedOriginalsLeaveMemoryAndStayLinked();

private:
    PreparedImage prepareImage();
    void waitIdle() { QTRY_VERIFY_WITH_TIMEOUT(!m_session->isBusy(), 20000); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<HistoryStore> m_history;
    std::unique_ptr<ImageStore> m_images;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<ConversationRecorder> m_recorder;
    ModelInfo m_model;
};

void TestConversationRecorder::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_history = std::make_unique<HistoryStore>();
    QVERIFY(m_history->open(m_dir->filePath(QStringLiteral("history.sqlite"))).ok());
    m_images = std::make_unique<ImageStore>(m_dir->filePath(QStringLiteral("images")));
    m_session = std::make_unique<ChatSession>(m_network.get());
    EndpointProfile profile;
    profile.name = QStringLiteral("test");
    profile.baseUrl = m_server->url(QStringLiteral("/api/v1"));
    m_session->setEndpoint(profile, QStringLiteral("sk-recorder"));
    m_model.id = QStringLiteral("qwen2.5-vl-72b-instruct");
    m_model.family = ModelFamily::Qwen25VL;
    m_model.space = CoordinateSpace::AbsResized;
    m_session->setModel(m_model);
    m_session->setMaxAttempts(1);
    m_recorder =
        std::make_unique<ConversationRecorder>(m_session.get(), m_history.get(), m_images.get());
}

void TestConversationRecorder::cleanup()
{
    m_recorder.reset();
    m_session.reset();
    m_history.reset();
}

PreparedImage TestConversationRecorder::prepareImage()
{
    QImage image(QSize(1000, 500), QImage::Format_RGB32);
    image.fill(QColor(30, 140, 90));
    const QString path = m_dir->filePath(QStringLiteral("park.png"));
    image.save(path);
    const PrepareResult result = ImagePreparer(m_model).prepareFile(path);
    if (!result.ok())
        qFatal("cannot prepare the test image");
    return result.image;
}

void TestConversationRecorder::answerIsSavedWithItsImageAndBoxes()
{
    const PreparedImage image = prepareImage();
    m_recorder->addOriginal(image);
    m_server->enqueue(answer(
        QStringLiteral("```json\n[{\"bbox_2d\": [504, 252, 1008, 504], \"label\": \"狗\"}]\n```")));
    QSignalSpy saved(m_recorder.get(), &ConversationRecorder::saved);
    QVERIFY(m_session->send({Part::fromPrepared(image), Part::fromText(QStringLiteral("框出狗"))}));
    QVERIFY(saved.wait(20000));

    const auto record = m_history->conversation(m_session->conversation().id);
    QVERIFY(record.has_value());
    QCOMPARE(record->header.title, QStringLiteral("框出狗"));
    QCOMPARE(record->messages.size(), 2);
    QCOMPARE(record->messages[0].images.size(), 1);
    QCOMPARE(record->messages[0].images[0].sha256, image.sourceSha256);
    QCOMPARE(record->messages[0].images[0].name, QStringLiteral("park.png"));
    // The original file is in the image store, byte for byte.
    QFile original(m_images->pathFor(image.sourceSha256));
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), image.sourceBytes);
    // The answer with its box and the space it was read in.
    QCOMPARE(record->messages[1].message.state, Message::State::Complete);
    QCOMPARE(record->messages[1].detections.size(), 1);
    QCOMPARE(record->messages[1].detections[0].label, QStringLiteral("狗"));
    QVERIFY(record->messages[1].space.has_value());
    QCOMPARE(record->messages[1].space->space, CoordinateSpace::AbsResized);
    QCOMPARE(m_recorder->savedCount(), 2);
}

void TestConversationRecorder::reopenedConversationShowsTheSameBoxes()
{
    const PreparedImage image = prepareImage();
    m_recorder->addOriginal(image);
    m_server->enqueue(answer(QStringLiteral("<ref>狗</ref><box>(100,200),(300,400)</box>")));
    QSignalSpy saved(m_recorder.get(), &ConversationRecorder::saved);
    QVERIFY(m_session->send({Part::fromPrepared(image), Part::fromText(QStringLiteral("where?"))}));
    QVERIFY(saved.wait(20000));
    const Conversation before = m_session->conversation();
    const auto boxesBefore = m_session->detections(1);

    // Later, in another session of the app.
    ChatSession reopened(m_network.get());
    ConversationRecorder recorder(&reopened, m_history.get(), m_images.get());
    QVERIFY(recorder.open(before.id));
    QCOMPARE(reopened.conversation().messages.size(), 2);
    QCOMPARE(reopened.conversation().messages[1].text, before.messages[1].text);
    const Part &imagePart = reopened.conversation().messages[0].parts[0];
    QCOMPARE(imagePart.imageHash, QString::fromLatin1(image.sourceSha256.toHex()));
    QCOMPARE(imagePart.transform, image.transform);
    QCOMPARE(reopened.detections(1), boxesBefore);
    QCOMPARE(recorder.savedCount(), 2);
    const ImageStore::Loaded loaded = m_images->load(image.sourceSha256);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.image.size(), QSize(1000, 500));
}

void TestConversationRecorder::failedAnswerIsSavedAndRegenerateReplacesIt()
{
    m_server->enqueue(Reply::http(
        500,
        R"({"code":"InternalError","message":"inference internal error.","request_id":"r1"})"));
    QSignalSpy saved(m_recorder.get(), &ConversationRecorder::saved);
    QVERIFY(m_session->send({Part::fromText(QStringLiteral("hello"))}));
    QVERIFY(saved.wait(20000));
    auto record = m_history->conversation(m_session->conversation().id);
    QCOMPARE(record->messages.size(), 2);
    QCOMPARE(record->messages[1].message.state, Message::State::Failed);

    m_server->enqueue(answer(QStringLiteral("Hi!")));
    QVERIFY(m_session->retry());
    QVERIFY(saved.wait(20000));
    record = m_history->conversation(m_session->conversation().id);
    QCOMPARE(record->messages.size(), 2);
    QCOMPARE(record->messages[1].message.text, QStringLiteral("Hi!"));
    QCOMPARE(record->messages[1].message.state, Message::State::Complete);
}

void TestConversationRecorder::editAndResendDropsTheReplacedTurns()
{
    QSignalSpy saved(m_recorder.get(), &ConversationRecorder::saved);
    m_server->enqueue(answer(QStringLiteral("One.")));
    m_server->enqueue(answer(QStringLiteral("Two.")));
    m_server->enqueue(answer(QStringLiteral("Edited.")));
    QVERIFY(m_session->send({Part::fromText(QStringLiteral("first"))}));
    QVERIFY(saved.wait(20000));
    waitIdle();
    QVERIFY(m_session->send({Part::fromText(QStringLiteral("second"))}));
    QVERIFY(saved.wait(20000));
    waitIdle();
    QCOMPARE(m_history->conversation(m_session->conversation().id)->messages.size(), 4);

    QVERIFY(m_session->resend(2, {Part::fromText(QStringLiteral("second, edited"))}));
    QVERIFY(saved.wait(20000));
    const auto record = m_history->conversation(m_session->conversation().id);
    QCOMPARE(record->messages.size(), 4);
    QCOMPARE(record->messages[2].message.parts[0].text, QStringLiteral("second, edited"));
    QCOMPARE(record->messages[3].message.text, QStringLiteral("Edited."));
    // The search index forgot the replaced turn.
    QVERIFY(m_history->search(QStringLiteral("Two")).isEmpty());
}

void TestConversationRecorder::savedOriginalsLeaveMemoryAndStayLinked()
{
    const PreparedImage image = prepareImage();
    const QString hash = QString::fromLatin1(image.sourceSha256.toHex());
    m_recorder->addOriginal(image);
    QCOMPARE(m_recorder->unsavedOriginalBytes(), image.sourceBytes.size());
    QSignalSpy saved(m_recorder.get(), &ConversationRecorder::saved);
    m_server->enqueue(answer(QStringLiteral("A park.")));
    m_server->enqueue(answer(QStringLiteral("A green park.")));
    QVERIFY(m_session->send({Part::fromPrepared(image), Part::fromText(QStringLiteral("what?"))}));
    QVERIFY(saved.wait(20000));
    waitIdle();
    // Saved: the bytes are in the store, not in memory, and the image is still shown.
    QCOMPARE(m_recorder->unsavedOriginalBytes(), 0);
    QCOMPARE(m_recorder->originalImage(hash).size(), QSize(1000, 500));
    QCOMPARE(m_recorder->originalImage(hash).pixelColor(10, 10), QColor(30, 140, 90));

    // Editing the question saves it again, still linked to its original.
    QVERIFY(m_session->resend(
        0, {Part::fromPrepared(image), Part::fromText(QStringLiteral("what colour?"))}));
    QVERIFY(saved.wait(20000));
    const auto record = m_history->conversation(m_session->conversation().id);
    QCOMPARE(record->messages.size(), 2);
    QCOMPARE(record->messages[0].images.size(), 1);
    QCOMPARE(record->messages[0].images[0].sha256, image.sourceSha256);
    QCOMPARE(record->messages[0].images[0].name, QStringLiteral("park.png"));
    QCOMPARE(record->messages[0].images[0].byteCount, image.sourceBytes.size());
}

QVD_TEST_MAIN(TestConversationRecorder)
#include "tst_ConversationRecorder.moc"
