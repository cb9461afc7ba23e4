// `qwenvl-desk-cli models` as a person runs it: the built-in list of the 2026 table, merged with
// a models file in the config folder (added and changed entries, bad files reported with their
// line, never fatal), and a loopback OpenAI-compatible server's own models.
#include "CliRunner.h"
#include "HttpTestServer.h"
#include "TestMain.h"

#include "core/settings/Settings.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using qvd::test::HttpTestServer;
using qvd::test::Reply;

namespace {

// What a vLLM server answers to GET /v1/models (trimmed), with three models.
const QByteArray kThreeModels = R"({"object":"list","data":[
    {"id":"Qwen/Qwen2.5-VL-7B-Instruct","object":"model","owned_by":"vllm","root":"Qwen/Qwen2.5-VL-7B-Instruct"},
    {"id":"qwen3-vl:8b","object":"model","owned_by":"library"},
    {"id":"llava-v1.6-mistral","object":"model","owned_by":"vllm"}]})";

} // namespace

class TestCliModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsThe2026Table();
    void tableShowsEveryColumn();
    void modelsFileAddsOneAndChangesAnother();
    void badModelsFileIsReportedWithItsLineNeverFatal();
    void invalidJsonIsReportedWithItsLine();
    void localServerListsExactlyItsModels();
    void familyChosenForAServerModelIsUsed();
    void unreachableServerIsAClearError();
    void profilesKeyGoesOnlyToItsOwnServer();

private:
    using Run = qvd::test::CliRun;
    static Run models(const QStringList &extra = {});
    // id → entry of `models --json`.
    static QHash<QString, QJsonObject> byId(const Run &run);
    static QString modelsFile();
    static void writeModelsFile(const QByteArray &content);

    std::unique_ptr<HttpTestServer> m_server;
};

void TestCliModels::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    QFile::remove(modelsFile());
}

void TestCliModels::cleanup()
{
    QFile::remove(modelsFile());
    m_server.reset();
}

TestCliModels::Run TestCliModels::models(const QStringList &extra)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DASHSCOPE_API_KEY"));
    return qvd::test::runCli(QStringList{QStringLiteral("models")} + extra, {}, environment);
}

QHash<QString, QJsonObject> TestCliModels::byId(const Run &run)
{
    QHash<QString, QJsonObject> entries;
    const QJsonArray array = QJsonDocument::fromJson(run.out.toUtf8()).array();
    for (const QJsonValue &value : array)
        entries.insert(value.toObject().value(QLatin1String("id")).toString(), value.toObject());
    return entries;
}

// Next to the settings file: $XDG_CONFIG_HOME/qwenvl-desk/ (the README's "Where data and keys
// live").
QString TestCliModels::modelsFile()
{
    return QDir(qEnvironmentVariable("XDG_CONFIG_HOME"))
        .filePath(QStringLiteral("qwenvl-desk/models.json"));
}

void TestCliModels::writeModelsFile(const QByteArray &content)
{
    QDir().mkpath(QFileInfo(modelsFile()).absolutePath());
    QFile file(modelsFile());
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write the models file");
}

void TestCliModels::listsThe2026Table()
{
    const Run run = models({QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QString());
    const auto entries = byId(run);
    // One id per row of docs/dashscope-protocol.md §8.1, checked column by column.
    const QJsonObject qwen36 = entries.value(QStringLiteral("qwen3.6-plus"));
    QCOMPARE(qwen36.value(QLatin1String("family")).toString(), QStringLiteral("qwen3.5"));
    QCOMPARE(qwen36.value(QLatin1String("patch")).toInt(), 32);
    QCOMPARE(qwen36.value(QLatin1String("min_pixels")).toInteger(), 65536);
    QCOMPARE(qwen36.value(QLatin1String("max_pixels")).toInteger(), 2621440);
    QCOMPARE(qwen36.value(QLatin1String("max_pixels_ceiling")).toInteger(), 16777216);
    QCOMPARE(qwen36.value(QLatin1String("thinking")).toString(), QStringLiteral("on"));
    QCOMPARE(qwen36.value(QLatin1String("thinking_budget")), QJsonValue(true));
    QCOMPARE(qwen36.value(QLatin1String("source")).toString(), QStringLiteral("built-in"));
    const QJsonObject qwen3 = entries.value(QStringLiteral("qwen3-vl-plus"));
    QCOMPARE(qwen3.value(QLatin1String("min_pixels")).toInteger(), 65536);
    QCOMPARE(qwen3.value(QLatin1String("max_pixels")).toInteger(), 2621440);
    QCOMPARE(qwen3.value(QLatin1String("space")).toString(), QStringLiteral("norm1000"));
    QCOMPARE(qwen3.value(QLatin1String("thinking")).toString(), QStringLiteral("off"));
    const QJsonObject max = entries.value(QStringLiteral("qwen-vl-max"));
    QCOMPARE(max.value(QLatin1String("patch")).toInt(), 32);
    QCOMPARE(max.value(QLatin1String("min_pixels")).toInteger(), 4096);
    QCOMPARE(max.value(QLatin1String("max_pixels")).toInteger(), 1310720);
    QCOMPARE(max.value(QLatin1String("space")).toString(), QStringLiteral("abs-resized"));
    QCOMPARE(max.value(QLatin1String("space_verified")), QJsonValue(false));
    QCOMPARE(max.value(QLatin1String("thinking")).toString(), QStringLiteral("n/a"));
    const QJsonObject qwen25 = entries.value(QStringLiteral("qwen2.5-vl-72b-instruct"));
    QCOMPARE(qwen25.value(QLatin1String("patch")).toInt(), 28);
    QCOMPARE(qwen25.value(QLatin1String("min_pixels")).toInteger(), 3136);
    QCOMPARE(qwen25.value(QLatin1String("max_pixels")).toInteger(), 1003520);
    QCOMPARE(qwen25.value(QLatin1String("max_pixels_ceiling")).toInteger(), 12845056);
    const QJsonObject qvq = entries.value(QStringLiteral("qvq-max"));
    QCOMPARE(qvq.value(QLatin1String("thinking")).toString(), QStringLiteral("always"));
    QCOMPARE(qvq.value(QLatin1String("streaming_only")), QJsonValue(true));
    const QJsonObject ocr = entries.value(QStringLiteral("qwen-vl-ocr"));
    QCOMPARE(ocr.value(QLatin1String("family")).toString(), QStringLiteral("qwen3-vl"));
    QCOMPARE(ocr.value(QLatin1String("patch")).toInt(), 32);
    QCOMPARE(ocr.value(QLatin1String("max_pixels")).toInteger(), 8388608);
    // Legacy ids are known, listed only with --all.
    QVERIFY(!entries.contains(QStringLiteral("qwen-vl-chat-v1")));
    const auto all = byId(models({QStringLiteral("--json"), QStringLiteral("--all")}));
    QCOMPARE(all.value(QStringLiteral("qwen-vl-chat-v1")).value(QLatin1String("legacy")),
             QJsonValue(true));
    QVERIFY(all.size() > entries.size());
}

void TestCliModels::tableShowsEveryColumn()
{
    const Run run = models();
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(QLatin1Char('\n'));
    QVERIFY(lines.first().startsWith(QLatin1String("ID")));
    for (const char *column :
         {"FAMILY", "PATCH", "MIN PX", "MAX PX", "CEILING", "SPACE", "THINKING", "SOURCE"})
        QVERIFY2(lines.first().contains(QLatin1String(column)), column);
    QString qvq;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("qvq-max ")))
            qvq = line.simplified();
    }
    QCOMPARE(qvq,
             QStringLiteral("qvq-max qvq 28 3136 1003520 12845056 abs-resized* always "
                            "built-in"));
}

void TestCliModels::modelsFileAddsOneAndChangesAnother()
{
    // A new model, and qwen-vl-max changed back to 28-px patches without restating the rest.
    writeModelsFile(R"({
        "models": [
            {"id": "lab-grounder", "name": "Lab grounder", "family": "qwen2.5-vl",
             "maxPixels": 2007040},
            {"id": "qwen-vl-max", "factor": 28, "minPixels": 3136, "maxPixels": 1003520}
        ]
    })");
    const Run run = models({QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QString());
    const auto entries = byId(run);
    const QJsonObject lab = entries.value(QStringLiteral("lab-grounder"));
    QCOMPARE(lab.value(QLatin1String("source")).toString(), QStringLiteral("user"));
    QCOMPARE(lab.value(QLatin1String("family")).toString(), QStringLiteral("qwen2.5-vl"));
    QCOMPARE(lab.value(QLatin1String("max_pixels")).toInteger(), 2007040);
    QCOMPARE(lab.value(QLatin1String("space")).toString(), QStringLiteral("abs-resized"));
    const QJsonObject max = entries.value(QStringLiteral("qwen-vl-max"));
    QCOMPARE(max.value(QLatin1String("source")).toString(), QStringLiteral("user"));
    QCOMPARE(max.value(QLatin1String("patch")).toInt(), 28);
    QCOMPARE(max.value(QLatin1String("max_pixels")).toInteger(), 1003520);
    QCOMPARE(max.value(QLatin1String("family")).toString(), QStringLiteral("qwen2.5-vl"));
    QCOMPARE(max.value(QLatin1String("name")).toString(), QStringLiteral("Qwen-VL Max"));
    // The others are untouched.
    QCOMPARE(entries.value(QStringLiteral("qwen-vl-plus")).value(QLatin1String("patch")).toInt(),
             32);
    QCOMPARE(
        entries.value(QStringLiteral("qwen-vl-plus")).value(QLatin1String("source")).toString(),
        QStringLiteral("built-in"));
}

void TestCliModels::badModelsFileIsReportedWithItsLineNeverFatal()
{
    writeModelsFile("{\n"
                    "  \"models\": [\n"
                    "    {\"id\": \"good-one\", \"family\": \"qwen3-vl\"},\n"
                    "    {\"id\": \"typo\", \"family\": \"qwen3-vl\", \"maxPixel\": 100000},\n"
                    "    {\"id\": \"unknown-family\", \"family\": \"qwen9\"}\n"
                    "  ]\n"
                    "}\n");
    const Run run = models({QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QStringList warnings = run.err.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(warnings.size(), 2);
    QVERIFY2(warnings[0].contains(modelsFile() + QStringLiteral(":4: ")), qPrintable(run.err));
    QVERIFY2(warnings[0].contains(QLatin1String("maxPixel")), qPrintable(run.err));
    QVERIFY2(warnings[1].contains(modelsFile() + QStringLiteral(":5: ")), qPrintable(run.err));
    QVERIFY2(warnings[1].contains(QLatin1String("qwen9")), qPrintable(run.err));
    const auto entries = byId(run);
    QVERIFY(entries.contains(QStringLiteral("good-one")));
    QVERIFY(!entries.contains(QStringLiteral("typo")));
    QVERIFY(!entries.contains(QStringLiteral("unknown-family")));
    QVERIFY(entries.contains(QStringLiteral("qwen3-vl-plus")));
}

void TestCliModels::invalidJsonIsReportedWithItsLine()
{
    writeModelsFile(
        "{\"models\": [\n  {\"id\": \"x\", \"family\": \"qwen3-vl\"}\n  {\"id\": \"y\"}\n]}\n");
    const Run run = models({QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains(modelsFile() + QStringLiteral(":3: ")), qPrintable(run.err));
    const auto entries = byId(run);
    QVERIFY(!entries.contains(QStringLiteral("x"))); // nothing of a broken file counts
    QVERIFY(entries.contains(QStringLiteral("qwen3-vl-plus")));
}

void TestCliModels::localServerListsExactlyItsModels()
{
    m_server->enqueue(Reply::http(200, kThreeModels, {"Content-Type: application/json"}));
    const Run run =
        models({QStringLiteral("--endpoint"), m_server->url(QStringLiteral("/v1")).toString(),
                QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray array = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QStringList ids;
    for (const QJsonValue &value : array)
        ids.append(value.toObject().value(QLatin1String("id")).toString());
    QCOMPARE(ids,
             QStringList({QStringLiteral("Qwen/Qwen2.5-VL-7B-Instruct"),
                          QStringLiteral("qwen3-vl:8b"), QStringLiteral("llava-v1.6-mistral")}));
    const auto entries = byId(run);
    // Families guessed from the ids; every entry from the server.
    QCOMPARE(entries.value(ids[0]).value(QLatin1String("family")).toString(),
             QStringLiteral("qwen2.5-vl"));
    QCOMPARE(entries.value(ids[0]).value(QLatin1String("patch")).toInt(), 28);
    QCOMPARE(entries.value(ids[1]).value(QLatin1String("family")).toString(),
             QStringLiteral("qwen3-vl"));
    QCOMPARE(entries.value(ids[2]).value(QLatin1String("family")).toString(),
             QStringLiteral("unknown"));
    for (const QString &id : ids)
        QCOMPARE(entries.value(id).value(QLatin1String("source")).toString(),
                 QStringLiteral("server"));
    const auto request = m_server->requests().first();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/v1/models"));
    QVERIFY(request.header("Authorization").isEmpty()); // a local server gets no key
}

void TestCliModels::familyChosenForAServerModelIsUsed()
{
    {
        qvd::Settings settings;
        qvd::EndpointProfile local;
        local.name = QStringLiteral("lab");
        local.displayName = QStringLiteral("Lab server");
        local.protocol = qvd::EndpointProfile::Protocol::OpenAiCompatible;
        local.baseUrl = m_server->url(QStringLiteral("/v1"));
        local.keyRequired = false;
        settings.saveProfile(local);
        settings.setModelFamily(QStringLiteral("lab"), QStringLiteral("llava-v1.6-mistral"),
                                qvd::ModelFamily::Qwen25VL);
        settings.sync();
    }
    m_server->enqueue(Reply::http(200, kThreeModels, {"Content-Type: application/json"}));
    const Run run =
        models({QStringLiteral("--profile"), QStringLiteral("lab"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject llava = byId(run).value(QStringLiteral("llava-v1.6-mistral"));
    QCOMPARE(llava.value(QLatin1String("family")).toString(), QStringLiteral("qwen2.5-vl"));
    QCOMPARE(llava.value(QLatin1String("space")).toString(), QStringLiteral("abs-resized"));
    QCOMPARE(llava.value(QLatin1String("source")).toString(), QStringLiteral("server"));
    // Kept in the settings file, never with a key.
    QFile ini(qvd::Settings().fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray text = ini.readAll();
    QVERIFY(text.contains("qwen2.5-vl"));
    QVERIFY(!text.contains("sk-"));
}

// `--profile` with `--endpoint` lists another server's models: the key saved for the profile
// stays with the profile's own server (KeyScope), as `ask --endpoint` does.
void TestCliModels::profilesKeyGoesOnlyToItsOwnServer()
{
    QVD_REQUIRE_SECRET_SERVICE();
    HttpTestServer other;
    QVERIFY(other.listen());
    const QString profile = QStringLiteral("keyed-lab");
    {
        qvd::Settings settings;
        qvd::EndpointProfile lab;
        lab.name = profile;
        lab.displayName = QStringLiteral("Keyed lab");
        lab.protocol = qvd::EndpointProfile::Protocol::OpenAiCompatible;
        lab.baseUrl = m_server->url(QStringLiteral("/v1"));
        lab.keyRequired = true;
        settings.saveProfile(lab);
        settings.sync();
    }
    const QByteArray key = "sk-models-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DASHSCOPE_API_KEY"));
    environment.remove(QStringLiteral("OPENAI_API_KEY"));
    const Run set = qvd::test::runCli(
        {QStringLiteral("key"), QStringLiteral("set"), QStringLiteral("--profile"), profile},
        key + "\n", environment);
    QCOMPARE(set.exitCode, 0);

    // Its own server gets it ...
    m_server->enqueue(Reply::http(200, kThreeModels, {"Content-Type: application/json"}));
    const Run own = models({QStringLiteral("--profile"), profile, QStringLiteral("--json")});
    QVERIFY2(own.exitCode == 0, qPrintable(own.err));
    QCOMPARE(m_server->requests().first().header("Authorization"), "Bearer " + key);
    // ... another one named for this run does not.
    other.enqueue(Reply::http(200, kThreeModels, {"Content-Type: application/json"}));
    const Run elsewhere =
        models({QStringLiteral("--profile"), profile, QStringLiteral("--endpoint"),
                other.url(QStringLiteral("/v1")).toString(), QStringLiteral("--json")});
    QVERIFY2(elsewhere.exitCode == 0, qPrintable(elsewhere.err));
    QCOMPARE(other.requests().size(), 1);
    QVERIFY(other.requests().first().header("Authorization").isEmpty());
    QVERIFY(!other.requests().first().body.contains("sk-"));

    const Run removed = qvd::test::runCli(
        {QStringLiteral("key"), QStringLiteral("delete"), QStringLiteral("--profile"), profile}, {},
        environment);
    QCOMPARE(removed.exitCode, 0);
}

void TestCliModels::unreachableServerIsAClearError()
{
    m_server->enqueue(Reply::http(404, "Not Found", {"Content-Type: text/plain"}));
    const Run run =
        models({QStringLiteral("--endpoint"), m_server->url(QStringLiteral("/v1")).toString()});
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(QLatin1String("Cannot list the models")), qPrintable(run.err));
    QCOMPARE(run.out, QString());
}

QVD_TEST_MAIN(TestCliModels)
#include "tst_CliModels.moc"
