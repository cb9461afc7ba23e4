// ChatRequest::fromConversation: what of a conversation is sent.
#include "TestMain.h"

#include "core/api/ChatRequest.h"

using namespace qvd;

class TestChatRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takesPromptParametersAndSendableMessages();
    void thinkingAndStreaming_data();
    void thinkingAndStreaming();
};

void TestChatRequest::takesPromptParametersAndSendableMessages()
{
    Conversation conversation;
    conversation.systemPrompt = QStringLiteral("sys");
    conversation.parameters.seed = 7;
    const Message question = Message::user({Part::fromText(QStringLiteral("q1"))});
    Message failedEmpty = Message::assistant({});
    failedEmpty.state = Message::State::Failed;
    Message interrupted = Message::assistant(QStringLiteral("partial"));
    interrupted.state = Message::State::Interrupted;
    const Message followUp = Message::user({Part::fromText(QStringLiteral("q2"))});
    conversation.messages = {question, failedEmpty, interrupted, followUp};
    ModelInfo model;
    model.id = QStringLiteral("qwen3-vl-plus");

    const ChatRequest request = ChatRequest::fromConversation(conversation, model, false);
    QCOMPARE(request.model.id, QStringLiteral("qwen3-vl-plus"));
    QCOMPARE(request.systemPrompt, QStringLiteral("sys"));
    QCOMPARE(request.parameters.seed, std::optional<qint64>(7));
    QVERIFY(!request.stream);
    // The empty failed answer would be rejected by the server (§2.1); partial text is kept.
    QCOMPARE(request.messages, QList<Message>({question, interrupted, followUp}));
}

void TestChatRequest::thinkingAndStreaming_data()
{
    QTest::addColumn<Thinking>("thinking");
    QTest::addColumn<bool>("streamingOnly");
    QTest::addColumn<ModelSource>("source");
    QTest::addColumn<std::optional<bool>>("asked");
    QTest::addColumn<bool>("thinks");
    QTest::addColumn<bool>("mustStream");
    const auto none = std::optional<bool>();
    // Switchable models follow the switch, else their default; thinking streams (§5).
    QTest::newRow("off by default")
        << Thinking::Off << false << ModelSource::BuiltIn << none << false << false;
    QTest::newRow("switched on") << Thinking::Off << false << ModelSource::BuiltIn
                                 << std::optional<bool>(true) << true << true;
    QTest::newRow("on by default")
        << Thinking::On << false << ModelSource::BuiltIn << none << true << true;
    QTest::newRow("switched off") << Thinking::On << false << ModelSource::User
                                  << std::optional<bool>(false) << false << false;
    QTest::newRow("always") << Thinking::Always << false << ModelSource::BuiltIn
                            << std::optional<bool>(false) << true << true;
    QTest::newRow("never") << Thinking::NotApplicable << false << ModelSource::BuiltIn
                           << std::optional<bool>(true) << false << false;
    // QVQ streams only (§8), whatever is asked.
    QTest::newRow("streaming only")
        << Thinking::Always << true << ModelSource::Server << none << true << true;
    // A local server's own model need not stream to think.
    QTest::newRow("server's own") << Thinking::Always << false << ModelSource::Server << none
                                  << true << false;
}

void TestChatRequest::thinkingAndStreaming()
{
    QFETCH(Thinking, thinking);
    QFETCH(bool, streamingOnly);
    QFETCH(ModelSource, source);
    QFETCH(std::optional<bool>, asked);
    QFETCH(bool, thinks);
    QFETCH(bool, mustStream);
    ModelInfo model;
    model.thinking = thinking;
    model.streamingOnly = streamingOnly;
    model.source = source;
    Conversation conversation;
    conversation.parameters.enableThinking = asked;
    QCOMPARE(ChatRequest::thinks(model, conversation.parameters), thinks);
    QCOMPARE(ChatRequest::mustStream(model, conversation.parameters), mustStream);
    // Asked not to stream, the request streams anyway where it must.
    QCOMPARE(ChatRequest::fromConversation(conversation, model, false).stream, mustStream);
}

QVD_TEST_MAIN(TestChatRequest)
#include "tst_ChatRequest.moc"
