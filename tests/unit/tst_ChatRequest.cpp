// ChatRequest::fromConversation: what of a conversation is sent.
#include "TestMain.h"

#include "core/api/ChatRequest.h"

using namespace qvd;

class TestChatRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void takesPromptParametersAndSendableMessages();
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

QVD_TEST_MAIN(TestChatRequest)
#include "tst_ChatRequest.moc"
