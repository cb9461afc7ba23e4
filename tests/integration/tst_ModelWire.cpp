// What goes on the wire for each model family of the 2026 table (docs/dashscope-protocol.md §8.1),
// over a real loopback socket, for both protocols: the per-image min_pixels / max_pixels, the
// size of the image itself (a real JPEG, prepared as the composer does), and the thinking
// parameters only where the model takes them. Expected sizes are smart_resize worked out by
// hand in the comments (round half to even).
#include "../unit/ImageFixtures.h"
#include "HttpTestServer.h"
#include "TestMain.h"
#include "WireFixtures.h"

#include "core/api/ChatTurn.h"
#include "core/api/DashScopeBackend.h"
#include "core/api/OpenAiBackend.h"
#include "core/imaging/ImagePreparer.h"
#include "core/models/ModelRegistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace qvd;
using qvd::test::HttpTestServer;
using qvd::test::Reply;

namespace {

enum class Protocol { Native, Compatible };

struct SentImage
{
    QSize size;
    qint64 minPixels = -1;
    qint64 maxPixels = -1;
};

QByteArray openAiAnswer()
{
    return "data: {\"choices\":[{\"delta\":{\"content\":\"ok\"},\"finish_reason\":\"stop\","
           "\"index\":0}]}\n\ndata: [DONE]\n\n";
}

QSize decodedSize(const QString &dataUri)
{
    const QByteArray bytes =
        QByteArray::fromBase64(dataUri.section(QLatin1Char(','), 1).toLatin1());
    return QImage::fromData(bytes).size();
}

} // namespace

class TestModelWire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void budgetsAndSizePerFamily_data();
    void budgetsAndSizePerFamily();
    void thinkingOnlyWhereItApplies_data();
    void thinkingOnlyWhereItApplies();

private:
    // Sends one question with a `size` photo to `modelId` and returns the request body.
    QJsonObject send(Protocol protocol, const QString &modelId, QSize size,
                     const GenerationParameters &parameters = {});
    static SentImage imageOf(Protocol protocol, const QJsonObject &body);
    static QJsonObject parametersOf(Protocol protocol, const QJsonObject &body);

    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    ModelRegistry m_models;
};

void TestModelWire::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestModelWire::cleanup()
{
    m_network.reset();
    m_server.reset();
}

QJsonObject TestModelWire::send(Protocol protocol, const QString &modelId, QSize size,
                                const GenerationParameters &parameters)
{
    const ModelInfo model = m_models.find(modelId);
    const PrepareResult prepared = ImagePreparer(model).prepareBytes(
        fixtures::encode(fixtures::quadrants(size), "jpeg"), QStringLiteral("photo.jpg"));
    if (!prepared.ok())
        return {};
    Conversation conversation;
    conversation.parameters = parameters;
    conversation.messages = {Message::user(
        {Part::fromPrepared(prepared.image), Part::fromText(QStringLiteral("框出狗"))})};
    const ChatRequest request = ChatRequest::fromConversation(conversation, model);

    std::unique_ptr<ChatBackend> backend;
    if (protocol == Protocol::Native) {
        backend = std::make_unique<DashScopeBackend>(
            Endpoint{m_server->url(QStringLiteral("/api/v1")), QStringLiteral("sk-wire"), {}});
        m_server->enqueue(Reply()
                              .send(qvd::test::kSseHead)
                              .send(qvd::test::dashScopeEvent(1, QStringLiteral("ok"), "stop")));
    } else {
        backend = std::make_unique<OpenAiBackend>(
            Endpoint{m_server->url(QStringLiteral("/v1")), QString(), {}});
        m_server->enqueue(Reply().send(qvd::test::kSseHead).send(openAiAnswer()));
    }
    ChatTurn turn(m_network.get(), backend.get(), request);
    QSignalSpy finished(&turn, &ChatTurn::finished);
    turn.start();
    if (!finished.wait(20000) || m_server->requests().isEmpty())
        return {};
    return QJsonDocument::fromJson(m_server->requests().last().body).object();
}

SentImage TestModelWire::imageOf(Protocol protocol, const QJsonObject &body)
{
    const QJsonObject first = protocol == Protocol::Native
        ? body.value(QLatin1String("input"))
              .toObject()
              .value(QLatin1String("messages"))
              .toArray()
              .first()
              .toObject()
        : body.value(QLatin1String("messages")).toArray().first().toObject();
    const QJsonObject item = first.value(QLatin1String("content")).toArray().first().toObject();
    const QString uri = protocol == Protocol::Native
        ? item.value(QLatin1String("image")).toString()
        : item.value(QLatin1String("image_url")).toObject().value(QLatin1String("url")).toString();
    return {decodedSize(uri), item.value(QLatin1String("min_pixels")).toInteger(-1),
            item.value(QLatin1String("max_pixels")).toInteger(-1)};
}

QJsonObject TestModelWire::parametersOf(Protocol protocol, const QJsonObject &body)
{
    // Native: inside "parameters" (§2.2); compatible: at the top level (§7, "extra_body").
    return protocol == Protocol::Native ? body.value(QLatin1String("parameters")).toObject() : body;
}

void TestModelWire::budgetsAndSizePerFamily_data()
{
    QTest::addColumn<Protocol>("protocol");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QSize>("photo");
    QTest::addColumn<qint64>("minPixels");
    QTest::addColumn<qint64>("maxPixels");
    QTest::addColumn<QSize>("sent");
    struct Row
    {
        const char *model;
        QSize photo;
        qint64 minPixels;
        qint64 maxPixels;
        QSize sent;
    };
    const Row rows[] = {
        // Qwen3.6/3.5: 32 px, 64..2560 tokens. β = √(3000·2000/2621440) = 1.51288,
        // ⌊2000/β/32⌋ = 41 → 1312, ⌊3000/β/32⌋ = 61 → 1952.
        {"qwen3.6-plus", {3000, 2000}, 65536, 2621440, {1952, 1312}},
        {"qwen3.5-flash", {3000, 2000}, 65536, 2621440, {1952, 1312}},
        // Qwen3-VL: the same budget.
        {"qwen3-vl-plus", {3000, 2000}, 65536, 2621440, {1952, 1312}},
        // …and its floor: 300×200 rounds to 288×192 = 55296 < 65536, so β = √(65536/60000) =
        // 1.04512, ⌈200·β/32⌉ = 7 → 224, ⌈300·β/32⌉ = 10 → 320.
        {"qwen3-vl-8b-instruct", {300, 200}, 65536, 2621440, {320, 224}},
        // 32-px qwen-vl-max/plus: 4..1280 tokens. β = √(6e6/1310720) = 2.13954,
        // ⌊2000/β/32⌋ = 29 → 928, ⌊3000/β/32⌋ = 43 → 1376.
        {"qwen-vl-max", {3000, 2000}, 4096, 1310720, {1376, 928}},
        {"qwen-vl-plus-2025-08-15", {3000, 2000}, 4096, 1310720, {1376, 928}},
        // 28-px Qwen2.5-VL generation and QVQ: 4..1280 tokens. β = √(6e6/1003520) = 2.44520,
        // ⌊2000/β/28⌋ = 29 → 812, ⌊3000/β/28⌋ = 43 → 1204.
        {"qwen2.5-vl-72b-instruct", {3000, 2000}, 3136, 1003520, {1204, 812}},
        {"qwen-vl-max-2025-04-08", {3000, 2000}, 3136, 1003520, {1204, 812}},
        {"qvq-max", {3000, 2000}, 3136, 1003520, {1204, 812}},
        // OCR (Qwen3-VL based): 32 px, up to 8388608 px; 3000×2000 fits, so plain rounding:
        // round(2000/32) = 62 (62.5, half to even) → 1984, round(3000/32) = 94 → 3008.
        {"qwen-vl-ocr", {3000, 2000}, 3072, 8388608, {3008, 1984}},
    };
    for (const Protocol protocol : {Protocol::Native, Protocol::Compatible}) {
        for (const Row &row : rows) {
            const QByteArray name =
                QByteArray(protocol == Protocol::Native ? "native " : "compat ") + row.model;
            QTest::newRow(name.constData())
                << protocol << QString::fromLatin1(row.model) << row.photo << row.minPixels
                << row.maxPixels << row.sent;
        }
    }
}

void TestModelWire::budgetsAndSizePerFamily()
{
    QFETCH(Protocol, protocol);
    QFETCH(QString, model);
    QFETCH(QSize, photo);
    QFETCH(qint64, minPixels);
    QFETCH(qint64, maxPixels);
    QFETCH(QSize, sent);
    const QJsonObject body = send(protocol, model, photo);
    QVERIFY2(!body.isEmpty(), "no request arrived");
    QCOMPARE(body.value(QLatin1String("model")).toString(), model);
    const SentImage image = imageOf(protocol, body);
    QCOMPARE(image.minPixels, minPixels);
    QCOMPARE(image.maxPixels, maxPixels);
    QCOMPARE(image.size, sent);
}

void TestModelWire::thinkingOnlyWhereItApplies_data()
{
    QTest::addColumn<Protocol>("protocol");
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("enableThinking"); // enable_thinking: true is on the wire
    QTest::addColumn<bool>("budget"); // thinking_budget: 2048 is on the wire
    struct Row
    {
        const char *model;
        bool enableThinking;
        bool budget;
    };
    // Asked for: thinking on with a budget of 2048 tokens.
    const Row rows[] = {
        {"qwen3.6-plus", true, true}, // switchable, budget (§8.1)
        {"qwen3-vl-plus", true, true}, // switchable (default off), budget
        {"qwen3-vl-8b-thinking", false, true}, // always thinks: no switch, a budget
        {"qvq-max", false, false}, // always reasons; enable_thinking does not apply
        {"qwen-vl-max", false, false}, // not applicable
        {"qwen2.5-vl-72b-instruct", false, false},
        {"qwen-vl-ocr", false, false},
    };
    for (const Protocol protocol : {Protocol::Native, Protocol::Compatible}) {
        for (const Row &row : rows) {
            const QByteArray name =
                QByteArray(protocol == Protocol::Native ? "native " : "compat ") + row.model;
            QTest::newRow(name.constData())
                << protocol << QString::fromLatin1(row.model) << row.enableThinking << row.budget;
        }
    }
}

void TestModelWire::thinkingOnlyWhereItApplies()
{
    QFETCH(Protocol, protocol);
    QFETCH(QString, model);
    QFETCH(bool, enableThinking);
    QFETCH(bool, budget);
    GenerationParameters parameters;
    parameters.enableThinking = true;
    parameters.thinkingBudget = 2048;
    const QJsonObject body = send(protocol, model, {640, 480}, parameters);
    QVERIFY2(!body.isEmpty(), "no request arrived");
    const QJsonObject sent = parametersOf(protocol, body);
    QCOMPARE(sent.contains(QLatin1String("enable_thinking")), enableThinking);
    if (enableThinking)
        QCOMPARE(sent.value(QLatin1String("enable_thinking")), QJsonValue(true));
    QCOMPARE(sent.contains(QLatin1String("thinking_budget")), budget);
    if (budget)
        QCOMPARE(sent.value(QLatin1String("thinking_budget")).toInt(), 2048);
    // Thinking answers stream, with incremental output on the native protocol (§5).
    if (protocol == Protocol::Native)
        QCOMPARE(sent.value(QLatin1String("incremental_output")), QJsonValue(true));
    else
        QCOMPARE(body.value(QLatin1String("stream")), QJsonValue(true));
}

QVD_TEST_MAIN(TestModelWire)
#include "tst_ModelWire.moc"
