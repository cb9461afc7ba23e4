// `qwenvl-desk-cli ask` as a user runs it: the built binary against the loopback test server
// replaying the spec's bytes, with real image files and, for the key cycle, the real keychain.
#include "../unit/ImageFixtures.h"
#include "CliRunner.h"
#include "HttpTestServer.h"
#include "ServerResize.h"
#include "TestMain.h"
#include "WireFixtures.h"

#include "core/settings/Settings.h"

#include <QDirIterator>
#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QUuid>

#include <csignal>

using qvd::test::HttpTestServer;
using qvd::test::kSseHead;
using qvd::test::Reply;
using qvd::test::wire;

namespace {

// The answer of §9.B (events 3–13 elided in the spec), concatenated from its deltas.
const QString kAnswer9B = QStringLiteral("这是一个海滩和其他访客。");

const QByteArray kInvalidKeyBody =
    R"({"code":"InvalidApiKey","message":"Invalid API-key provided.","request_id":"req-401"})";

} // namespace

class TestCliAsk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void streamsTheAnswerOfSpec9B();
    void sendsAPreparedImageWithItsBounds();
    void noStreamSystemPromptAndReasoning();
    void jsonReportsTheImageSizes();
    void jsonMapsBoxesOntoTheOriginalImage();
    void exitCodes_data();
    void exitCodes();
    void unreadableImageIsRefusedBeforeSending();
    void remotePlainHttpIsRefused();
    void noKeyAnywhereExitsThree();
    void ctrlCKeepsThePartialAnswer();
    void keyCycleLeavesNoTraceOfTheKey();
    void readmeLocalServerCommandSendsNoKey();
    void keysGoOnlyWhereTheRuleSays_data();
    void keysGoOnlyWhereTheRuleSays();
    void redirectIsNotFollowed();
    void noStreamIsRefusedWhereTheAnswerMustStream();
    void thinkingSwitchesGoOnlyWhereTheyApply();
    void boxesLandOnTheRightPixelsWhateverTheServerDid_data();
    void boxesLandOnTheRightPixelsWhateverTheServerDid();
    void answerCutByTheServerSaysSo();

private:
    using Run = qvd::test::CliRun;
    // Starts the CLI without blocking the event loop (the test server lives on it).
    QProcess *start(const QStringList &arguments, const QProcessEnvironment &environment);
    Run run(const QStringList &arguments, const QProcessEnvironment &environment);
    Run ask(const QStringList &extra, const QString &key = QStringLiteral("sk-test-key"));
    QProcessEnvironment environment(const QString &key) const;
    QProcessEnvironment sdkEnvironment(const QString &key) const;
    QString writeImage(const QString &name, QSize size) const;
    void saveLoopbackProfile(const QString &name) const;

    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<HttpTestServer> m_other; // another origin, which must receive nothing
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCliAsk::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_other = std::make_unique<HttpTestServer>();
    QVERIFY(m_other->listen());
    m_dir = std::make_unique<QTemporaryDir>();
}

QProcessEnvironment TestCliAsk::environment(const QString &key) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"DASHSCOPE_API_KEY", "DASHSCOPE_HTTP_BASE_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL"})
        environment.remove(QString::fromLatin1(name));
    if (!key.isEmpty())
        environment.insert(QStringLiteral("DASHSCOPE_API_KEY"), key);
    return environment;
}

// The official SDK's way to point DASHSCOPE_API_KEY at another server: the test server is
// where the key may go.
QProcessEnvironment TestCliAsk::sdkEnvironment(const QString &key) const
{
    QProcessEnvironment sdk = environment(key);
    sdk.insert(QStringLiteral("DASHSCOPE_HTTP_BASE_URL"),
               m_server->url(QStringLiteral("/api/v1")).toString());
    return sdk;
}

QProcess *TestCliAsk::start(const QStringList &arguments, const QProcessEnvironment &environment)
{
    auto *process = new QProcess(this);
    process->setProcessEnvironment(environment);
    process->start(QStringLiteral(QVD_CLI_PATH), arguments);
    process->closeWriteChannel();
    return process;
}

TestCliAsk::Run TestCliAsk::run(const QStringList &arguments,
                                const QProcessEnvironment &environment)
{
    return qvd::test::runCli(arguments, {}, environment);
}

TestCliAsk::Run TestCliAsk::ask(const QStringList &extra, const QString &key)
{
    return run(QStringList{QStringLiteral("ask")} + extra, sdkEnvironment(key));
}

void TestCliAsk::saveLoopbackProfile(const QString &name) const
{
    qvd::EndpointProfile profile;
    profile.name = name;
    profile.displayName = name;
    profile.baseUrl = m_server->url(QStringLiteral("/api/v1"));
    profile.defaultModel = QStringLiteral("qwen3-vl-plus");
    qvd::Settings settings; // the file the CLI reads: same user, same XDG directories
    settings.saveProfile(profile);
    settings.sync();
}

QString TestCliAsk::writeImage(const QString &name, QSize size) const
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(40, 120, 200));
    const QString path = m_dir->filePath(name);
    return image.save(path) ? path : QString();
}

void TestCliAsk::streamsTheAnswerOfSpec9B()
{
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9b-response.http"))));
    const Run result = ask({QStringLiteral("--max-retries"), QStringLiteral("0"),
                            QStringLiteral("这个图片是哪里，请用简短的语言回答")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.trimmed(), kAnswer9B);

    QCOMPARE(m_server->requests().size(), 1);
    const auto request = m_server->requests().first();
    QCOMPARE(request.target, QByteArray("/api/v1/services/aigc/multimodal-generation/generation"));
    QCOMPARE(request.header("Authorization"), QByteArray("Bearer sk-test-key"));
    QCOMPARE(request.header("X-DashScope-SSE"), QByteArray("enable"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QCOMPARE(body.value(QLatin1String("model")).toString(), QStringLiteral("qwen3-vl-plus"));
    const QJsonArray messages =
        body.value(QLatin1String("input")).toObject().value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0]
                 .toObject()
                 .value(QLatin1String("content"))
                 .toArray()[0]
                 .toObject()
                 .value(QLatin1String("text")),
             QJsonValue(QStringLiteral("这个图片是哪里，请用简短的语言回答")));
}

void TestCliAsk::sendsAPreparedImageWithItsBounds()
{
    const QString image = writeImage(QStringLiteral("photo.png"), QSize(1000, 500));
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9b-response.http"))));
    const Run result = ask({QStringLiteral("--image"), image, QStringLiteral("--model"),
                            QStringLiteral("qwen2.5-vl-72b-instruct"), QStringLiteral("what?")});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject body = QJsonDocument::fromJson(m_server->requests().first().body).object();
    const QJsonArray content = body.value(QLatin1String("input"))
                                   .toObject()
                                   .value(QLatin1String("messages"))
                                   .toArray()[0]
                                   .toObject()
                                   .value(QLatin1String("content"))
                                   .toArray();
    QCOMPARE(content.size(), 2);
    const QJsonObject imageItem = content[0].toObject();
    QVERIFY(imageItem.value(QLatin1String("image"))
                .toString()
                .startsWith(QLatin1String("data:image/jpeg;base64,")));
    // smart_resize(1000x500, factor 28) = 1008x504 is inside the default budget: the bounds sent
    // with the image make the server keep exactly these pixels.
    const QByteArray jpeg = QByteArray::fromBase64(
        imageItem.value(QLatin1String("image")).toString().section(QLatin1Char(','), 1).toLatin1());
    QCOMPARE(QImage::fromData(jpeg).size(), QSize(1008, 504));
    const qint64 pixels = 1008 * 504;
    QVERIFY(imageItem.value(QLatin1String("min_pixels")).toInteger() <= pixels);
    QVERIFY(imageItem.value(QLatin1String("max_pixels")).toInteger() >= pixels);
    QCOMPARE(content[1].toObject().value(QLatin1String("text")).toString(),
             QStringLiteral("what?"));
}

void TestCliAsk::noStreamSystemPromptAndReasoning()
{
    // --no-stream: the non-streamed reply of §9.A, asked without the SSE headers.
    m_server->enqueue(Reply::raw(qvd::test::wire(QStringLiteral("9a-response.http"))));
    const Run plain =
        ask({QStringLiteral("--no-stream"), QStringLiteral("--system"),
             QStringLiteral("You are a helpful assistant."), QStringLiteral("哪里？")});
    QCOMPARE(plain.exitCode, 0);
    QCOMPARE(plain.out.trimmed(), QStringLiteral("海滩。"));
    const auto request = m_server->requests().first();
    QVERIFY(request.header("X-DashScope-SSE").isEmpty());
    const QJsonArray messages = QJsonDocument::fromJson(request.body)
                                    .object()
                                    .value(QLatin1String("input"))
                                    .toObject()
                                    .value(QLatin1String("messages"))
                                    .toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages[0].toObject().value(QLatin1String("role")).toString(),
             QStringLiteral("system"));

    // Thinking goes to standard error only with --show-reasoning, never into the answer.
    const QByteArray thinking =
        qvd::test::dashScopeEvent(1, QString(), "null", QStringLiteral("先看左边。"))
        + qvd::test::dashScopeEvent(2, QStringLiteral("一只狗。"), "stop");
    m_server->enqueue(Reply().send(qvd::test::kSseHead).send(thinking));
    const Run quiet = ask({QStringLiteral("几只狗？")});
    QCOMPARE(quiet.out.trimmed(), QStringLiteral("一只狗。"));
    QVERIFY(!quiet.err.contains(QStringLiteral("先看左边")));
    m_server->enqueue(Reply().send(qvd::test::kSseHead).send(thinking));
    const Run shown = ask({QStringLiteral("--show-reasoning"), QStringLiteral("几只狗？")});
    QCOMPARE(shown.out.trimmed(), QStringLiteral("一只狗。"));
    QVERIFY(shown.err.contains(QStringLiteral("先看左边。")));
}

void TestCliAsk::jsonReportsTheImageSizes()
{
    const QString image = writeImage(QStringLiteral("wide.png"), QSize(1000, 500));
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9b-response.http"))));
    const Run result =
        ask({QStringLiteral("--json"), QStringLiteral("--image"), image, QStringLiteral("--model"),
             QStringLiteral("qwen2.5-vl-72b-instruct"), QStringLiteral("where?")});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8()).object();
    QCOMPARE(json.value(QLatin1String("text")).toString(), kAnswer9B);
    QCOMPARE(json.value(QLatin1String("model")).toString(),
             QStringLiteral("qwen2.5-vl-72b-instruct"));
    QCOMPARE(json.value(QLatin1String("request_id")).toString(),
             QStringLiteral("13c5644d-339c-928a-a09a-e0414bfaa95c"));
    QCOMPARE(json.value(QLatin1String("finish_reason")).toString(), QStringLiteral("stop"));
    const QJsonObject sizes = json.value(QLatin1String("images")).toArray()[0].toObject();
    QCOMPARE(sizes.value(QLatin1String("width")).toInt(), 1000);
    QCOMPARE(sizes.value(QLatin1String("height")).toInt(), 500);
    QCOMPARE(sizes.value(QLatin1String("sent_width")).toInt(), 1008);
    QCOMPARE(sizes.value(QLatin1String("sent_height")).toInt(), 504);
    QVERIFY(
        json.value(QLatin1String("usage")).toObject().value(QLatin1String("input_tokens")).toInt()
        > 0);
    QVERIFY(json.value(QLatin1String("detections")).isArray());
}

void TestCliAsk::jsonMapsBoxesOntoTheOriginalImage()
{
    // Qwen2.5-VL counts pixels of the upload: 1000x500 is sent as 1008x504 (smart_resize, 28),
    // so [504, 252, 1008, 504] is the lower-right quarter: (500, 250)-(1000, 500) in the file.
    const QString image = writeImage(QStringLiteral("quarter.png"), QSize(1000, 500));
    const QString answer =
        QStringLiteral("```json\n[{\"bbox_2d\": [504, 252, 1008, 504], \"label\": \"狗\"}]\n```");
    m_server->enqueue(Reply()
                          .send("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\n")
                          .send(qvd::test::dashScopeEvent(1, answer, "stop")));
    const Run result =
        ask({QStringLiteral("--json"), QStringLiteral("--image"), image, QStringLiteral("--model"),
             QStringLiteral("qwen2.5-vl-72b-instruct"), QStringLiteral("框出狗")});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray detections = QJsonDocument::fromJson(result.out.toUtf8())
                                      .object()
                                      .value(QLatin1String("detections"))
                                      .toArray();
    QVERIFY2(detections.size() == 1, qPrintable(result.out));
    const QJsonObject box = detections[0].toObject();
    QCOMPARE(box.value(QLatin1String("kind")).toString(), QStringLiteral("box"));
    QCOMPARE(box.value(QLatin1String("label")).toString(), QStringLiteral("狗"));
    QCOMPARE(box.value(QLatin1String("x1")).toDouble(), 500.0);
    QCOMPARE(box.value(QLatin1String("y1")).toDouble(), 250.0);
    QCOMPARE(box.value(QLatin1String("x2")).toDouble(), 1000.0);
    QCOMPARE(box.value(QLatin1String("y2")).toDouble(), 500.0);
    QCOMPARE(box.value(QLatin1String("image")).toInt(), 0);
}

void TestCliAsk::exitCodes_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("inError");

    const QList<QByteArray> json{"Content-Type: application/json"};
    QTest::newRow("401 auth") << Reply::http(401, kInvalidKeyBody, json).steps().first().bytes << 3
                              << QStringLiteral("request_id=req-401");
    QTest::newRow("403 permission")
        << Reply::http(
               403, R"({"code":"AccessDenied","message":"Access denied.","request_id":"r3"})", json)
               .steps()
               .first()
               .bytes
        << 3 << QStringLiteral("AccessDenied");
    QTest::newRow("400 refused")
        << Reply::http(
               400, R"({"code":"InvalidParameter","message":"Model not found","request_id":"r4"})",
               json)
               .steps()
               .first()
               .bytes
        << 5 << QStringLiteral("Model not found");
    QTest::newRow("stream event:error")
        << wire(QStringLiteral("9c-stream-error.http")) << 5 << QString();
    QTest::newRow("429 after retries")
        << Reply::http(
               429,
               R"({"code":"Throttling","message":"Requests throttling triggered.","request_id":"r5"})",
               json)
               .steps()
               .first()
               .bytes
        << 6 << QStringLiteral("Throttling");
    QTest::newRow("500 after retries")
        << Reply::http(
               500,
               R"({"code":"InternalError","message":"An internal error has occured, try again later.","request_id":"r6"})",
               json)
               .steps()
               .first()
               .bytes
        << 6 << QStringLiteral("InternalError");
    QTest::newRow("malformed reply")
        << QByteArray("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\n"
                      "id:1\nevent:result\ndata:{not json\n\n")
        << 4 << QString();
}

void TestCliAsk::exitCodes()
{
    QFETCH(QByteArray, response);
    QFETCH(int, exitCode);
    QFETCH(QString, inError);
    m_server->enqueue(Reply::raw(response));
    const Run result =
        ask({QStringLiteral("--max-retries"), QStringLiteral("0"), QStringLiteral("hello")});
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY(!result.err.isEmpty());
    // One line, with the server's code and request id where the server sent them.
    QCOMPARE(result.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY2(result.err.contains(inError), qPrintable(result.err));
    QVERIFY(!result.err.contains(QStringLiteral("sk-test-key")));
    QCOMPARE(m_server->requests().size(), 1); // --max-retries 0
}

void TestCliAsk::unreadableImageIsRefusedBeforeSending()
{
    QFile broken(m_dir->filePath(QStringLiteral("broken.jpg")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("\xff\xd8\xff\xe0 this is not really a jpeg");
    broken.close();
    const Run result = ask({QStringLiteral("--image"), broken.fileName(), QStringLiteral("what?")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("broken.jpg")), qPrintable(result.err));
    QCOMPARE(m_server->requests().size(), 0);
}

void TestCliAsk::remotePlainHttpIsRefused()
{
    const Run result =
        run({QStringLiteral("ask"), QStringLiteral("--endpoint"),
             QStringLiteral("http://dashscope.aliyuncs.com/api/v1"), QStringLiteral("hello")},
            environment(QStringLiteral("sk-test-key")));
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(QStringLiteral("http://")));
}

void TestCliAsk::noKeyAnywhereExitsThree()
{
    QVD_REQUIRE_SECRET_SERVICE(); // "anywhere" includes an empty keychain
    // The default profile, DashScope's own host: nothing is sent without a key.
    const Run result = run({QStringLiteral("ask"), QStringLiteral("hello")}, environment({}));
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains(QStringLiteral("key set")), qPrintable(result.err));
    QCOMPARE(m_server->requests().size(), 0);
}

void TestCliAsk::ctrlCKeepsThePartialAnswer()
{
    const QByteArray firstEvent = qvd::test::events9B(1);
    m_server->enqueue(Reply()
                          .send("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\n")
                          .send(firstEvent)
                          .stall());
    std::unique_ptr<QProcess> process(start({QStringLiteral("ask"), QStringLiteral("hello")},
                                            sdkEnvironment(QStringLiteral("sk-test-key"))));
    QByteArray out;
    connect(process.get(), &QProcess::readyReadStandardOutput, this,
            [&] { out += process->readAllStandardOutput(); });
    QTRY_VERIFY_WITH_TIMEOUT(QString::fromUtf8(out).contains(QStringLiteral("这是一个")), 30000);
    ::kill(pid_t(process->processId()), SIGINT);
    QSignalSpy finished(process.get(), &QProcess::finished);
    QVERIFY(finished.wait(30000));
    QCOMPARE(process->exitCode(), 130);
    out += process->readAllStandardOutput();
    QCOMPARE(QString::fromUtf8(out).trimmed(), QStringLiteral("这是一个"));
    QVERIFY(
        QString::fromUtf8(process->readAllStandardError()).contains(QStringLiteral("interrupted")));
    m_server->release();
}

void TestCliAsk::keyCycleLeavesNoTraceOfTheKey()
{
    // The keychain issue's full cycle: set the key, ask with it, delete it; then no file under
    // the temporary HOME/XDG dirs, and no output, holds the key's bytes.
    QVD_REQUIRE_SECRET_SERVICE();
    const QString key = QStringLiteral("sk-cycle-") + QUuid::createUuid().toString(QUuid::Id128);
    const QProcessEnvironment noEnvKey = environment(QString());
    // A profile of the test server's own: its key goes to its origin and nowhere else.
    const QString profile = QStringLiteral("loopback");
    saveLoopbackProfile(profile);

    auto set = std::make_unique<QProcess>();
    set->setProcessEnvironment(noEnvKey);
    set->start(
        QStringLiteral(QVD_CLI_PATH),
        {QStringLiteral("key"), QStringLiteral("set"), QStringLiteral("--profile"), profile});
    set->write(key.toUtf8() + "\n");
    set->closeWriteChannel();
    QSignalSpy setDone(set.get(), &QProcess::finished);
    QVERIFY(setDone.wait(30000));
    QCOMPARE(set->exitCode(), 0);
    QString allOutput =
        QString::fromUtf8(set->readAllStandardOutput() + set->readAllStandardError());

    m_server->enqueue(Reply::raw(wire(QStringLiteral("9b-response.http"))));
    const Run asked =
        run({QStringLiteral("ask"), QStringLiteral("--profile"), profile, QStringLiteral("hello")},
            noEnvKey);
    QCOMPARE(asked.exitCode, 0);
    QCOMPARE(m_server->requests().first().header("Authorization"), "Bearer " + key.toUtf8());
    allOutput += asked.out + asked.err;

    const Run removed =
        run({QStringLiteral("key"), QStringLiteral("delete"), QStringLiteral("--profile"), profile},
            noEnvKey);
    QCOMPARE(removed.exitCode, 0);
    allOutput += removed.out + removed.err;
    QVERIFY(!allOutput.contains(key));

    QDirIterator files(qEnvironmentVariable("HOME"), QDir::Files | QDir::Hidden | QDir::System,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(key.toUtf8()), qPrintable(file.fileName()));
    }
}

// The README's local-server example on a fresh install, with keys in the environment as many
// shells have them: the keyless server gets the question and no Authorization header.
void TestCliAsk::readmeLocalServerCommandSendsNoKey()
{
    QFile::remove(qvd::Settings().fileName()); // a fresh install: no settings at all
    QProcessEnvironment keys = environment(QStringLiteral("sk-dashscope-env"));
    keys.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-openai-env"));
    m_server->enqueue(Reply().send(kSseHead).send(qvd::test::events9D(5)));
    // As written in the README, with the test server's port for 11434.
    const QString endpoint = QStringLiteral("http://127.0.0.1:%1/v1").arg(m_server->port());
    const Run result =
        run({QStringLiteral("ask"), QStringLiteral("--protocol"), QStringLiteral("openai"),
             QStringLiteral("--endpoint"), endpoint, QStringLiteral("--model"),
             QStringLiteral("qwen2.5vl:7b"), QStringLiteral("Hi")},
            keys);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(QStringLiteral("图")), qPrintable(result.out));
    QCOMPARE(m_server->requests().size(), 1);
    const auto request = m_server->requests().first();
    QCOMPARE(request.target, QByteArray("/v1/chat/completions"));
    QVERIFY(request.header("Authorization").isEmpty());
    QVERIFY(!request.body.contains("sk-"));
    QCOMPARE(QJsonDocument::fromJson(request.body).object().value(QLatin1String("model")),
             QJsonValue(QStringLiteral("qwen2.5vl:7b")));
}

void TestCliAsk::keysGoOnlyWhereTheRuleSays_data()
{
    QTest::addColumn<QStringList>("arguments"); // %1: the test server's base, %2: the other's
    QTest::addColumn<QStringList>("environment"); // NAME=VALUE, with the same placeholders
    QTest::addColumn<bool>("openAi"); // the server answers in the OpenAI-compatible protocol
    QTest::addColumn<QByteArray>("authorization"); // what the test server must receive

    const QString native = QStringLiteral("%1/api/v1");
    const QString v1 = QStringLiteral("%1/v1");
    const QString dashScopeKey = QStringLiteral("DASHSCOPE_API_KEY=sk-dashscope-env");
    QTest::newRow("DASHSCOPE_API_KEY and --endpoint elsewhere")
        << QStringList{QStringLiteral("--endpoint"), native} << QStringList{dashScopeKey} << false
        << QByteArray();
    QTest::newRow("DASHSCOPE_API_KEY and an OpenAI-compatible local server")
        << QStringList{QStringLiteral("--protocol"), QStringLiteral("openai"),
                       QStringLiteral("--endpoint"), v1}
        << QStringList{dashScopeKey} << true << QByteArray();
    QTest::newRow("DASHSCOPE_HTTP_BASE_URL names another origin")
        << QStringList{QStringLiteral("--endpoint"), native}
        << QStringList{dashScopeKey, QStringLiteral("DASHSCOPE_HTTP_BASE_URL=%2/api/v1")} << false
        << QByteArray();
    QTest::newRow("DASHSCOPE_HTTP_BASE_URL is not for the OpenAI protocol")
        << QStringList{QStringLiteral("--protocol"), QStringLiteral("openai"),
                       QStringLiteral("--endpoint"), v1}
        << QStringList{dashScopeKey, QStringLiteral("DASHSCOPE_HTTP_BASE_URL=%1/api/v1")} << true
        << QByteArray();
    QTest::newRow("OPENAI_BASE_URL without OPENAI_API_KEY")
        << QStringList{QStringLiteral("--protocol"), QStringLiteral("openai")}
        << QStringList{dashScopeKey, QStringLiteral("OPENAI_BASE_URL=%1/v1")} << true
        << QByteArray();
    QTest::newRow("OPENAI_API_KEY for another origin")
        << QStringList{QStringLiteral("--protocol"), QStringLiteral("openai"),
                       QStringLiteral("--endpoint"), v1}
        << QStringList{QStringLiteral("OPENAI_API_KEY=sk-openai-env"),
                       QStringLiteral("OPENAI_BASE_URL=%2/v1")}
        << true << QByteArray();
    // Where the rule does send them, as the official SDKs do.
    QTest::newRow("DASHSCOPE_HTTP_BASE_URL here")
        << QStringList()
        << QStringList{dashScopeKey, QStringLiteral("DASHSCOPE_HTTP_BASE_URL=%1/api/v1")} << false
        << QByteArray("Bearer sk-dashscope-env");
    QTest::newRow("OPENAI_BASE_URL here with OPENAI_API_KEY")
        << QStringList{QStringLiteral("--protocol"), QStringLiteral("openai")}
        << QStringList{dashScopeKey, QStringLiteral("OPENAI_API_KEY=sk-openai-env"),
                       QStringLiteral("OPENAI_BASE_URL=%1/v1")}
        << true << QByteArray("Bearer sk-openai-env");
}

void TestCliAsk::keysGoOnlyWhereTheRuleSays()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(bool, openAi);
    QFETCH(QByteArray, authorization);
    const QString here = m_server->url().toString(QUrl::StripTrailingSlash);
    const QString there = m_other->url().toString(QUrl::StripTrailingSlash);
    const auto fill = [&](QString text) {
        return text.replace(QLatin1String("%1"), here).replace(QLatin1String("%2"), there);
    };
    QProcessEnvironment variables = this->environment({});
    for (const QString &line : std::as_const(environment))
        variables.insert(line.section(QLatin1Char('='), 0, 0),
                         fill(line.section(QLatin1Char('='), 1)));
    QStringList command{QStringLiteral("ask"), QStringLiteral("--max-retries"),
                        QStringLiteral("0")};
    for (const QString &argument : std::as_const(arguments))
        command.append(fill(argument));
    command.append(QStringLiteral("hello"));
    m_server->enqueue(openAi ? Reply().send(kSseHead).send(qvd::test::events9D(5))
                             : Reply::raw(wire(QStringLiteral("9b-response.http"))));

    const Run result = run(command, variables);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(m_server->requests().first().header("Authorization"), authorization);
    QCOMPARE(m_other->connectionCount(), 0);
}

void TestCliAsk::redirectIsNotFollowed()
{
    const QUrl elsewhere = m_other->url(QStringLiteral("/api/v1/services/aigc/x"));
    m_server->enqueue(Reply::http(307, {}, {"Location: " + elsewhere.toEncoded()}));
    const Run result =
        ask({QStringLiteral("--max-retries"), QStringLiteral("0"), QStringLiteral("hello")});
    QCOMPARE(result.exitCode, 5);
    const QString where = QStringLiteral("127.0.0.1:%1").arg(m_other->port());
    QVERIFY2(result.err.contains(where), qPrintable(result.err));
    QCOMPARE(m_server->requests().first().header("Authorization"),
             QByteArray("Bearer sk-test-key"));
    QTest::qWait(200); // a followed request would have arrived by now
    QCOMPARE(m_other->connectionCount(), 0);
}

void TestCliAsk::noStreamIsRefusedWhereTheAnswerMustStream()
{
    // QVQ streams only (docs/dashscope-protocol.md §8): refused before anything is sent.
    const Run qvq = ask({QStringLiteral("--no-stream"), QStringLiteral("--model"),
                         QStringLiteral("qvq-max"), QStringLiteral("why?")});
    QCOMPARE(qvq.exitCode, 2);
    QVERIFY2(qvq.err.contains(QLatin1String("qvq-max answers only as a stream")),
             qPrintable(qvq.err));
    // Qwen3.5 thinks unless switched off, and a thinking answer streams (§5).
    const Run thinking = ask({QStringLiteral("--no-stream"), QStringLiteral("--model"),
                              QStringLiteral("qwen3.5-plus"), QStringLiteral("why?")});
    QCOMPARE(thinking.exitCode, 2);
    QVERIFY2(thinking.err.contains(QLatin1String("--thinking off")), qPrintable(thinking.err));
    QCOMPARE(m_server->requests().size(), 0);

    // Switched off, it may wait for the whole answer.
    m_server->enqueue(Reply::raw(wire(QStringLiteral("9a-response.http"))));
    const Run off =
        ask({QStringLiteral("--no-stream"), QStringLiteral("--thinking"), QStringLiteral("off"),
             QStringLiteral("--model"), QStringLiteral("qwen3.5-plus"), QStringLiteral("why?")});
    QCOMPARE(off.exitCode, 0);
    const auto request = m_server->requests().first();
    QVERIFY(request.header("X-DashScope-SSE").isEmpty());
    const QJsonObject parameters = QJsonDocument::fromJson(request.body)
                                       .object()
                                       .value(QLatin1String("parameters"))
                                       .toObject();
    QCOMPARE(parameters.value(QLatin1String("enable_thinking")), QJsonValue(false));
}

void TestCliAsk::thinkingSwitchesGoOnlyWhereTheyApply()
{
    const auto parametersSent = [this](const QStringList &extra, QString *err) {
        m_server->enqueue(Reply::raw(wire(QStringLiteral("9b-response.http"))));
        const Run result = ask(extra + QStringList{QStringLiteral("why?")});
        *err = result.err;
        if (result.exitCode != 0 || m_server->requests().isEmpty())
            return QJsonObject();
        return QJsonDocument::fromJson(m_server->requests().last().body)
            .object()
            .value(QLatin1String("parameters"))
            .toObject();
    };
    QString err;
    const QJsonObject plus = parametersSent(
        {QStringLiteral("--model"), QStringLiteral("qwen3-vl-plus"), QStringLiteral("--thinking"),
         QStringLiteral("on"), QStringLiteral("--thinking-budget"), QStringLiteral("1024")},
        &err);
    QCOMPARE(plus.value(QLatin1String("enable_thinking")), QJsonValue(true));
    QCOMPARE(plus.value(QLatin1String("thinking_budget")).toInt(), 1024);
    QCOMPARE(plus.value(QLatin1String("incremental_output")), QJsonValue(true));

    // QVQ always reasons: enable_thinking does not apply and is not sent; the person is told.
    const QJsonObject qvq = parametersSent(
        {QStringLiteral("--model"), QStringLiteral("qvq-max"), QStringLiteral("--thinking"),
         QStringLiteral("on"), QStringLiteral("--thinking-budget"), QStringLiteral("1024")},
        &err);
    QVERIFY(!qvq.isEmpty());
    QVERIFY(!qvq.contains(QLatin1String("enable_thinking")));
    QVERIFY(!qvq.contains(QLatin1String("thinking_budget")));
    QVERIFY2(err.contains(QLatin1String("cannot switch thinking")), qPrintable(err));

    const QJsonObject refused =
        parametersSent({QStringLiteral("--thinking"), QStringLiteral("maybe")}, &err);
    QVERIFY(refused.isEmpty());
    QVERIFY(err.contains(QLatin1String("--thinking must be on or off")));
}

void TestCliAsk::boxesLandOnTheRightPixelsWhateverTheServerDid_data()
{
    QTest::addColumn<int>("scenario");
    const qvd::test::ServerResize *const scenarios[] = {
        &qvd::test::kAgreeing, &qvd::test::kOtherPatch, &qvd::test::kSmallerBudget,
        &qvd::test::kBoth};
    for (int i = 0; i < 4; ++i)
        QTest::newRow(scenarios[i]->name) << i;
}

// An EXIF-rotated photo, a server that resizes it on its own and reports image tokens
// accordingly, and a box on the lower-right quarter of what the server saw: `ask --json` puts it
// on the lower-right quarter of the upright photo, and says what it found.
void TestCliAsk::boxesLandOnTheRightPixelsWhateverTheServerDid()
{
    QFETCH(int, scenario);
    const qvd::test::ServerResize *const scenarios[] = {
        &qvd::test::kAgreeing, &qvd::test::kOtherPatch, &qvd::test::kSmallerBudget,
        &qvd::test::kBoth};
    const qvd::test::ServerResize &resize = *scenarios[scenario];
    const QString path = m_dir->filePath(QStringLiteral("rotated.jpg"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(qvd::fixtures::withExifOrientation(
            qvd::fixtures::encode(qvd::fixtures::quadrants(resize.stored), "jpeg"), 6));
    }
    m_server->enqueue(qvd::test::resizingServerReply(resize));
    const Run result =
        ask({QStringLiteral("--json"), QStringLiteral("--image"), path, QStringLiteral("--model"),
             QString::fromLatin1(resize.model), QStringLiteral("框出右下角")});
    QCOMPARE(result.exitCode, 0);
    // The server got the upright photo at the size the client computed.
    const QImage sent = qvd::test::sentImage(m_server->requests().first());
    QCOMPARE(sent.size(), resize.sent);

    const QJsonObject json = result.json();
    const QJsonObject image = json.value(QLatin1String("images")).toArray().first().toObject();
    const QSize upright = qvd::test::upright(resize);
    QCOMPARE(image.value(QLatin1String("width")).toInt(), upright.width());
    QCOMPARE(image.value(QLatin1String("height")).toInt(), upright.height());
    QCOMPARE(image.value(QLatin1String("sent_width")).toInt(), resize.sent.width());
    QCOMPARE(image.value(QLatin1String("sent_height")).toInt(), resize.sent.height());
    QCOMPARE(image.value(QLatin1String("server_width")).toInt(), resize.server.width());
    QCOMPARE(image.value(QLatin1String("server_height")).toInt(), resize.server.height());
    QCOMPARE(image.value(QLatin1String("size_check")).toString(),
             QString::fromLatin1(resize.sizeCheck));

    const QJsonArray detections = json.value(QLatin1String("detections")).toArray();
    QVERIFY2(detections.size() == 1, qPrintable(result.out));
    const QJsonObject box = detections.first().toObject();
    const QRectF rect(QPointF(box.value(QLatin1String("x1")).toDouble(),
                              box.value(QLatin1String("y1")).toDouble()),
                      QPointF(box.value(QLatin1String("x2")).toDouble(),
                              box.value(QLatin1String("y2")).toDouble()));
    const QRectF quarter(QPointF(upright.width() / 2.0, upright.height() / 2.0),
                         QPointF(upright.width(), upright.height()));
    for (const auto &[got, want] :
         {std::pair{rect.left(), quarter.left()}, std::pair{rect.top(), quarter.top()},
          std::pair{rect.right(), quarter.right()}, std::pair{rect.bottom(), quarter.bottom()}})
        QVERIFY2(std::abs(got - want) < 0.5, qPrintable(result.out));
    // …which is where the file's top-right (green) quadrant shows once turned upright.
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage photo = reader.read();
    QCOMPARE(photo.size(), upright);
    QVERIFY(qvd::fixtures::near(photo.pixel(rect.center().toPoint()), qvd::fixtures::kTopRight));
}

void TestCliAsk::answerCutByTheServerSaysSo()
{
    const QByteArray body =
        R"({"output":{"choices":[{"message":{"role":"assistant","content":[{"text":"海滩上有"}]}}]},)"
        R"("usage":{"output_tokens":4,"input_tokens":20},"request_id":"req-cut"})";
    m_server->enqueue(Reply::http(
        200, body, {"Content-Type: application/json", "x-dashscope-partialresponse: true"}));
    const Run result =
        ask({QStringLiteral("--no-stream"), QStringLiteral("--json"), QStringLiteral("哪里？")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.json().value(QLatin1String("text")).toString(), QStringLiteral("海滩上有"));
    QCOMPARE(result.json().value(QLatin1String("state")).toString(),
             QStringLiteral("cut-by-server"));
    QVERIFY2(result.err.contains(QLatin1String("cut off by the server")), qPrintable(result.err));
}

QVD_TEST_MAIN(TestCliAsk)
#include "tst_CliAsk.moc"
