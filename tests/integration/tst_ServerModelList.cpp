// ServerModelList against a loopback OpenAI-compatible server: the list a picker offers for a
// local server is exactly the server's own models, with families guessed from the ids or
// chosen by the person; the shapes vLLM, LM Studio, llama.cpp and Ollama answer with; errors.
#include "HttpTestServer.h"
#include "TestMain.h"

#include "core/api/ChatRequest.h"
#include "core/api/ServerModelList.h"
#include "core/models/ModelRegistry.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace qvd;
using qvd::test::HttpTestServer;
using qvd::test::Reply;

class TestServerModelList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsExactlyTheServersModels();
    void familyChosenByThePerson();
    void keyGoesAsBearerAndNeverIntoErrors();
    void shapes_data();
    void shapes();
    void notAModelListFails();

private:
    EndpointProfile profile() const;
    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    ModelRegistry m_registry;
};

void TestServerModelList::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestServerModelList::cleanup()
{
    m_network.reset();
    m_server.reset();
}

EndpointProfile TestServerModelList::profile() const
{
    EndpointProfile profile;
    profile.name = QStringLiteral("local");
    profile.protocol = EndpointProfile::Protocol::OpenAiCompatible;
    profile.baseUrl = m_server->url(QStringLiteral("/v1"));
    profile.keyRequired = false;
    return profile;
}

void TestServerModelList::listsExactlyTheServersModels()
{
    m_server->enqueue(Reply::http(
        200,
        R"({"object":"list","data":[{"id":"Qwen/Qwen2.5-VL-7B-Instruct","object":"model"},)"
        R"({"id":"Qwen/Qwen3-VL-8B-Thinking","object":"model"},{"id":"gemma-3-4b","object":"model"}]})",
        {"Content-Type: application/json"}));
    ServerModelList list(m_network.get(), &m_registry);
    QSignalSpy finished(&list, &ServerModelList::finished);
    list.fetch(profile(), QString());
    QVERIFY(list.isFetching());
    QVERIFY(finished.wait(20000));
    QVERIFY(!list.isFetching());
    QCOMPARE(
        list.ids(),
        QStringList({QStringLiteral("Qwen/Qwen2.5-VL-7B-Instruct"),
                     QStringLiteral("Qwen/Qwen3-VL-8B-Thinking"), QStringLiteral("gemma-3-4b")}));
    const QList<ModelInfo> models = list.models();
    QCOMPARE(models[0].family, ModelFamily::Qwen25VL);
    QCOMPARE(models[0].space, CoordinateSpace::AbsResized);
    QCOMPARE(models[1].family, ModelFamily::Qwen3VL);
    QCOMPARE(models[1].thinking, Thinking::Always);
    QCOMPARE(models[2].family, ModelFamily::Unknown);
    for (const ModelInfo &model : models)
        QCOMPARE(model.source, ModelSource::Server);
    // A local server's own thinking model need not stream (DashScope's rule does not apply).
    QVERIFY(!ChatRequest::mustStream(models[1], {}));
    const auto request = m_server->requests().first();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/v1/models"));
    QVERIFY(request.header("Authorization").isEmpty());
}

void TestServerModelList::familyChosenByThePerson()
{
    m_server->enqueue(Reply::http(200, R"({"data":[{"id":"my-finetune"},{"id":"qwen3-vl:8b"}]})",
                                  {"Content-Type: application/json"}));
    ServerModelList list(m_network.get(), &m_registry);
    QSignalSpy finished(&list, &ServerModelList::finished);
    QSignalSpy changed(&list, &ServerModelList::changed);
    // Remembered per profile (Settings::modelFamilies) and given with the fetch.
    list.fetch(profile(), QString(), {{QStringLiteral("my-finetune"), ModelFamily::Qwen25VL}});
    QVERIFY(finished.wait(20000));
    QCOMPARE(list.find(QStringLiteral("my-finetune")).family, ModelFamily::Qwen25VL);
    QCOMPARE(list.find(QStringLiteral("my-finetune")).budget.factor, 28);
    // One click on another model: applied at once.
    list.setFamily(QStringLiteral("qwen3-vl:8b"), ModelFamily::Qwen35);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(list.models()[1].family, ModelFamily::Qwen35);
    QCOMPARE(list.models()[1].source, ModelSource::Server);
    list.setFamily(QStringLiteral("qwen3-vl:8b"), std::nullopt);
    QCOMPARE(list.models()[1].family, ModelFamily::Qwen3VL);
}

void TestServerModelList::keyGoesAsBearerAndNeverIntoErrors()
{
    const QString key = QStringLiteral("sk-local-secret-1234");
    m_server->enqueue(Reply::http(
        401,
        R"({"error":{"message":"Incorrect API key provided: sk-local-secret-1234","type":"invalid_request_error","code":"invalid_api_key"}})",
        {"Content-Type: application/json"}));
    ServerModelList list(m_network.get(), &m_registry);
    QSignalSpy failed(&list, &ServerModelList::failed);
    list.fetch(profile(), key);
    QVERIFY(failed.wait(20000));
    const ApiError error = failed.first().first().value<ApiError>();
    QCOMPARE(error.httpStatus, 401);
    QVERIFY(!error.userMessage().contains(key));
    QVERIFY(!error.message.contains(key));
    QCOMPARE(m_server->requests().first().header("Authorization"), "Bearer " + key.toUtf8());
    QVERIFY(list.models().isEmpty());
}

void TestServerModelList::shapes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("ids");
    const QStringList two{QStringLiteral("qwen2.5vl:7b"), QStringLiteral("qwen3-vl:8b")};
    // vLLM, LM Studio, llama.cpp and Ollama's /v1/models: OpenAI's list.
    QTest::newRow("openai list") << QByteArray(
        R"({"object":"list","data":[{"id":"qwen2.5vl:7b","object":"model","owned_by":"library"},{"id":"qwen3-vl:8b","object":"model"}]})")
                                 << two;
    // llama.cpp's server adds its own "models" list next to "data"; "data" wins.
    QTest::newRow("llama.cpp") << QByteArray(
        R"({"models":[{"name":"x.gguf","model":"x.gguf"}],"object":"list","data":[{"id":"qwen2.5vl:7b"},{"id":"qwen3-vl:8b"}]})")
                               << two;
    // Ollama's own /api/tags, for a base URL without /v1.
    QTest::newRow("ollama tags") << QByteArray(
        R"({"models":[{"name":"qwen2.5vl:7b","model":"qwen2.5vl:7b","size":6000000000},{"name":"qwen3-vl:8b","model":"qwen3-vl:8b"}]})")
                                 << two;
    QTest::newRow("repeats and blanks") << QByteArray(
        R"({"data":[{"id":"qwen2.5vl:7b"},{"id":" "},{"id":"qwen2.5vl:7b"},{"id":"qwen3-vl:8b"}]})")
                                        << two;
    QTest::newRow("empty") << QByteArray(R"({"object":"list","data":[]})") << QStringList();
}

void TestServerModelList::shapes()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, ids);
    QCOMPARE(ServerModelList::parseIds(body), std::optional<QStringList>(ids));
}

void TestServerModelList::notAModelListFails()
{
    m_server->enqueue(Reply::http(200, "<html>It works!</html>", {"Content-Type: text/html"}));
    ServerModelList list(m_network.get(), &m_registry);
    QSignalSpy failed(&list, &ServerModelList::failed);
    list.fetch(profile(), QString());
    QVERIFY(failed.wait(20000));
    QCOMPARE(failed.first().first().value<ApiError>().kind, ApiError::Kind::MalformedReply);
    QVERIFY(!ServerModelList::parseIds(R"({"object":"list"})"));
}

QVD_TEST_MAIN(TestServerModelList)
#include "tst_ServerModelList.moc"
