// The chat pane end to end: real composer and chat view, a real ChatSession, and the loopback
// HttpTestServer speaking DashScope's SSE. Asserts what goes on the wire and what the view
// shows: streaming, stop, regenerate, inline errors with retry, edit-and-resend, regions,
// highlighted grounding refs, copy and reasoning.
#include "core/conversation/ChatSession.h"
#include "core/session/ActiveEndpoint.h"
#include "core/session/DeskSession.h"
#include "core/session/DetectionId.h"
#include "ui/chat/AttachmentList.h"
#include "ui/chat/AttachmentStrip.h"
#include "ui/chat/ChatPane.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/Composer.h"
#include "ui/chat/ComposerEdit.h"
#include "ui/chat/LabelPalette.h"
#include "ui/chat/MarkdownRenderer.h"
#include "ui/chat/MessageDelegate.h"
#include "ui/chat/MessageLayout.h"
#include "ui/chat/TextBody.h"

#include "ChatTestSupport.h"
#include "TestAppContext.h"
#include "TestMain.h"
#include "WireFixtures.h"
#include "core/grounding/LabelPalette.h"

#include <QApplication>
#include <QClipboard>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBlock>
#include <QTextDocument>

using qvd::ChatPane;
using qvd::Message;
using qvd::MessageLayout;
using qvd::Part;
using qvd::test::HttpTestServer;
using qvd::test::Reply;
using Action = qvd::MessageLayout::Action;

class TestChatPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sendCarriesThePreparedImageAndText();
    void answerStreamsIntoTheViewWhileTheServerStalls();
    void stopKeepsThePartialTextMarkedInterrupted();
    void escapeInTheComposerStops();
    void regenerateAsksAgain();
    void errorIsShownInlineAndRetrySucceeds();
    void editAndResendDropsLaterTurnsAfterConfirmation();
    void regionChipGoesIntoTheRequestText();
    void groundingRefsAreHighlightedInTheirLabelColour();
    void copyPutsTheAnswerOnTheClipboard();
    void reasoningIsCollapsedUntilClicked();

private:
    void type(const QString &text);
    void waitUntilIdle();
    const MessageLayout *row(int index) const;
    void click(int row, Action action);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<qvd::test::TestAppContext> m_app;
    std::unique_ptr<qvd::DeskSession> m_desk;
    std::unique_ptr<ChatPane> m_pane;
};

void TestChatPane::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_app = std::make_unique<qvd::test::TestAppContext>();
    m_app->useLoopback(m_server->url(QStringLiteral("/api/v1")));
    m_desk = m_app->makeSession();
    QTRY_COMPARE(m_desk->endpoint()->state(), qvd::ActiveEndpoint::State::Ready);
    m_pane = std::make_unique<ChatPane>(*m_desk);
    m_pane->session()->setMaxAttempts(1);
    m_pane->composer()->setModelId(QStringLiteral("qwen3-vl-plus"));
    m_pane->resize(900, 800);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
    m_pane->composer()->input()->setFocus();
}

void TestChatPane::cleanup()
{
    if (m_server)
        m_server->release();
    m_pane.reset();
    m_desk.reset();
    m_app.reset();
    m_server.reset();
}

void TestChatPane::type(const QString &text)
{
    // QTest types ASCII only; Chinese arrives as committed input-method text.
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii)
        QTest::keyClicks(m_pane->composer()->input(), text);
    else
        m_pane->composer()->input()->insertPlainText(text);
}

void TestChatPane::waitUntilIdle()
{
    QTRY_VERIFY_WITH_TIMEOUT(!m_pane->session()->isBusy(), 20000);
}

const MessageLayout *TestChatPane::row(int index) const
{
    m_pane->view()->flushLayout();
    return m_pane->view()->messageDelegate()->layout(index);
}

void TestChatPane::click(int rowIndex, Action action)
{
    m_pane->view()->flushLayout();
    const QRect rect = m_pane->view()->actionRect(rowIndex, action);
    QVERIFY2(!rect.isEmpty(), "the row has no such action");
    QVERIFY(m_pane->view()->viewport()->rect().contains(rect.center()));
    QTest::mouseClick(m_pane->view()->viewport(), Qt::LeftButton, {}, rect.center());
}

void TestChatPane::sendCarriesThePreparedImageAndText()
{
    m_server->enqueue(Reply::raw(qvd::test::wire(QStringLiteral("9b-response.http"))));
    const QString path = qvd::test::writeImage(*m_dir, QStringLiteral("beach.jpg"), {1600, 1200});
    std::unique_ptr<QMimeData> mime(qvd::test::uriList({QUrl::fromLocalFile(path)}));
    QVERIFY(qvd::test::drop(m_pane->composer()->input()->viewport(), mime.get()));
    type(QStringLiteral("这个图片是哪里？"));
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->composer()->sendButton()->isEnabled(), 20000);
    const Part prepared = m_pane->composer()->draft().first();
    // The draft holds the encoded bytes, not a data: URI; the request carries the URI.
    const qvd::PreparedImage sent =
        m_pane->composer()->attachments()->attachments().first().prepared;
    QVERIFY(prepared.imageUrl.isData());
    QVERIFY(prepared.imageUrl.data().isSharedWith(sent.encoded));
    QTest::keyClick(m_pane->composer()->input(), Qt::Key_Return);

    QVERIFY(m_pane->composer()->input()->toPlainText().isEmpty()); // the draft went out
    waitUntilIdle();
    QCOMPARE(m_server->requests().size(), 1);
    const QJsonArray content = qvd::test::sentMessages(m_server->requests().first())
                                   .first()
                                   .toObject()
                                   .value(QLatin1String("content"))
                                   .toArray();
    QCOMPARE(content.size(), 2);
    const QJsonObject image = content.at(0).toObject();
    QVERIFY(image.value(QLatin1String("image"))
                .toString()
                .startsWith(QLatin1String("data:image/jpeg;base64,")));
    QCOMPARE(image.value(QLatin1String("image")).toString(), sent.dataUri());
    QCOMPARE(image.value(QLatin1String("min_pixels")).toInteger(), prepared.minPixels);
    QCOMPARE(image.value(QLatin1String("max_pixels")).toInteger(), prepared.maxPixels);
    QVERIFY(prepared.minPixels > 0 && prepared.maxPixels >= prepared.minPixels);
    QCOMPARE(content.at(1).toObject().value(QLatin1String("text")).toString(),
             QStringLiteral("这个图片是哪里？"));

    // The view shows the question with its thumbnail, and the streamed answer.
    QCOMPARE(m_pane->view()->model()->rowCount(), 2);
    QVERIFY(row(0)->imageRect(0).height() > 20);
    QCOMPARE(row(1)->bodyText(), QStringLiteral("这是一个海滩和其他访客。"));
    QVERIFY(m_pane->composer()->strip()->isHidden());
    qvd::test::saveArtifact(m_pane.get(), QStringLiteral("chat-answered"));
}

void TestChatPane::answerStreamsIntoTheViewWhileTheServerStalls()
{
    QSignalSpy stalled(m_server.get(), &HttpTestServer::stalled);
    m_server->enqueue(
        Reply()
            .send(qvd::test::kSseHead)
            .send(qvd::test::dashScopeEvent(1, QStringLiteral("The picture shows ")))
            .stall()
            .send(qvd::test::dashScopeEvent(2, QStringLiteral("a **beach**."), "stop")));
    type(QStringLiteral("What is it?"));
    QTest::keyClick(m_pane->composer()->input(), Qt::Key_Return);
    QVERIFY(stalled.wait(20000));
    QTRY_COMPARE(row(1)->bodyText(), QStringLiteral("The picture shows"));
    QCOMPARE(m_pane->composer()->sendButton()->text(), QStringLiteral("Stop"));
    qvd::test::saveArtifact(m_pane.get(), QStringLiteral("chat-streaming"));

    m_server->release();
    waitUntilIdle();
    QCOMPARE(row(1)->bodyText(), QStringLiteral("The picture shows a beach."));
    // Markdown is rendered: the bold word is bold, not wrapped in asterisks.
    const QTextBlock block = row(1)->body()->block(0)->firstBlock();
    bool bold = false;
    for (auto it = block.begin(); !it.atEnd(); ++it)
        bold = bold
            || (it.fragment().text() == QLatin1String("beach")
                && it.fragment().charFormat().fontWeight() >= QFont::Bold);
    QVERIFY(bold);
    QCOMPARE(m_pane->composer()->sendButton()->text(), QStringLiteral("Send"));
}

void TestChatPane::stopKeepsThePartialTextMarkedInterrupted()
{
    m_server->enqueue(Reply()
                          .send(qvd::test::kSseHead)
                          .send(qvd::test::dashScopeEvent(1, QStringLiteral("这是")))
                          .stall());
    type(QStringLiteral("?"));
    QTest::keyClick(m_pane->composer()->input(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(row(1)->bodyText(), QStringLiteral("这是"), 20000);
    QTest::mouseClick(m_pane->composer()->sendButton(), Qt::LeftButton);
    QVERIFY(!m_pane->session()->isBusy());
    QCOMPARE(m_pane->session()->conversation().messages.at(1).state, Message::State::Interrupted);
    QCOMPARE(row(1)->bodyText(), QStringLiteral("这是"));
    QCOMPARE(row(1)->statusText(), QStringLiteral("(interrupted)"));
    qvd::test::saveArtifact(m_pane.get(), QStringLiteral("chat-interrupted"));
}

void TestChatPane::escapeInTheComposerStops()
{
    m_server->enqueue(Reply()
                          .send(qvd::test::kSseHead)
                          .send(qvd::test::dashScopeEvent(1, QStringLiteral("Partial")))
                          .stall());
    type(QStringLiteral("?"));
    QTest::keyClick(m_pane->composer()->input(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(row(1)->bodyText(), QStringLiteral("Partial"), 20000);
    QTest::keyClick(m_pane->composer()->input(), Qt::Key_Escape);
    QVERIFY(!m_pane->session()->isBusy());
    QCOMPARE(row(1)->statusText(), QStringLiteral("(interrupted)"));
}

void TestChatPane::regenerateAsksAgain()
{
    m_server->enqueue(qvd::test::answer(QStringLiteral("First answer.")));
    m_server->enqueue(qvd::test::answer(QStringLiteral("Second answer."), 2));
    type(QStringLiteral("Describe it"));
    QTest::keyClick(m_pane->composer()->input(), Qt::Key_Return);
    waitUntilIdle();
    QCOMPARE(row(1)->bodyText(), QStringLiteral("First answer."));
    // Only the last answer offers Regenerate; the question offers Edit.
    QVERIFY(m_pane->view()->actionRect(0, Action::Regenerate).isEmpty());
    QVERIFY(!m_pane->view()->actionRect(0, Action::Edit).isEmpty());

    click(1, Action::Regenerate);
    waitUntilIdle();
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(qvd::test::sentMessages(m_server->requests().at(1)).size(), 1);
    QCOMPARE(m_pane->session()->conversation().messages.size(), 2);
    QCOMPARE(row(1)->bodyText(), QStringLiteral("Second answer."));
}

void TestChatPane::errorIsShownInlineAndRetrySucceeds()
{
    m_server->enqueue(Reply::http(
        401,
        R"({"code":"InvalidApiKey","message":"Invalid API-key provided.","request_id":"r401"})",
        {"Content-Type: application/json"}));
    m_server->enqueue(qvd::test::answer(QStringLiteral("Hello!")));
    type(QStringLiteral("Hi"));
    QTest::keyClick(m_pane->composer()->input(), Qt::Key_Return);
    waitUntilIdle();
    const auto error = m_pane->session()->error(1);
    QVERIFY(error.has_value());
    QCOMPARE(row(1)->errorText(), error->userMessage());
    QVERIFY2(row(1)->errorText().contains(QStringLiteral("Invalid API-key provided.")),
             qPrintable(row(1)->errorText()));
    qvd::test::saveArtifact(m_pane.get(), QStringLiteral("chat-error"));

    click(1, Action::Retry);
    waitUntilIdle();
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(row(1)->errorText(), QString());
    QCOMPARE(row(1)->bodyText(), QStringLiteral("Hello!"));
    QVERIFY(m_pane->view()->actionRect(1, Action::Retry).isEmpty());
}

void TestChatPane::editAndResendDropsLaterTurnsAfterConfirmation()
{
    m_server->enqueue(qvd::test::answer(QStringLiteral("First."), 1));
    m_server->enqueue(qvd::test::answer(QStringLiteral("Second."), 2));
    m_server->enqueue(qvd::test::answer(QStringLiteral("Edited."), 3));
    type(QStringLiteral("one"));
    QTest::keyClick(m_pane->composer()->input(), Qt::Key_Return);
    waitUntilIdle();
    type(QStringLiteral("two"));
    QTest::keyClick(m_pane->composer()->input(), Qt::Key_Return);
    waitUntilIdle();
    QCOMPARE(m_pane->view()->model()->rowCount(), 4);

    click(0, Action::Edit);
    QCOMPARE(m_pane->composer()->editingIndex(), 0);
    QCOMPARE(m_pane->composer()->input()->toPlainText(), QStringLiteral("one"));
    QCOMPARE(m_pane->composer()->sendButton()->text(), QStringLiteral("Resend"));
    type(QStringLiteral(", edited"));
    QTest::keyClick(m_pane->composer()->input(), Qt::Key_Return);

    // Nothing is dropped until the person confirms.
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_pane->findChild<QMessageBox *>(QStringLiteral("confirmResend")))
                && box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("3")));
    QCOMPARE(m_pane->session()->conversation().messages.size(), 4);
    qvd::test::saveArtifact(box, QStringLiteral("chat-confirm-resend"));
    QPushButton *resend = nullptr;
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::AcceptRole)
            resend = qobject_cast<QPushButton *>(button);
    }
    QVERIFY(resend);
    QTest::mouseClick(resend, Qt::LeftButton);

    waitUntilIdle();
    QCOMPARE(m_server->requests().size(), 3);
    const QJsonArray sent = qvd::test::sentMessages(m_server->requests().at(2));
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first()
                 .toObject()
                 .value(QLatin1String("content"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("text"))
                 .toString(),
             QStringLiteral("one, edited"));
    QCOMPARE(m_pane->view()->model()->rowCount(), 2);
    QCOMPARE(row(1)->bodyText(), QStringLiteral("Edited."));
    QCOMPARE(m_pane->composer()->editingIndex(), -1);
}

void TestChatPane::regionChipGoesIntoTheRequestText()
{
    m_server->enqueue(qvd::test::answer(QStringLiteral("A red car.")));
    const QString region = QStringLiteral("{\"bbox_2d\": [120, 80, 460, 390]}");
    m_pane->addRegion(Part::fromRegion(QRectF(10, 10, 100, 100), region, 0));
    type(QStringLiteral("What is in this region?"));
    QTest::keyClick(m_pane->composer()->input(), Qt::Key_Return);
    waitUntilIdle();
    const QJsonArray content = qvd::test::sentMessages(m_server->requests().first())
                                   .first()
                                   .toObject()
                                   .value(QLatin1String("content"))
                                   .toArray();
    QStringList texts;
    for (const QJsonValue &item : content)
        texts.append(item.toObject().value(QLatin1String("text")).toString());
    QCOMPARE(texts, QStringList({region, QStringLiteral("What is in this region?")}));
}

void TestChatPane::groundingRefsAreHighlightedInTheirLabelColour()
{
    m_server->enqueue(qvd::test::answer(QStringLiteral(
        "Found them:\n```json\n[{\"bbox_2d\": [10, 20, 300, 400], \"label\": \"dog\"},\n"
        " {\"bbox_2d\": [500, 20, 700, 400], \"label\": \"cat\"}]\n```\nTwo animals.")));
    type(QStringLiteral("Find the animals"));
    QTest::keyClick(m_pane->composer()->input(), Qt::Key_Return);
    waitUntilIdle();
    const QList<qvd::Detection> detections = m_pane->session()->detections(1);
    QCOMPARE(detections.size(), 2);
    const qvd::TextBody *body = row(1)->body();
    QHash<int, QColor> found;
    for (int i = 0; i < body->blockCount(); ++i) {
        for (QTextBlock block = body->block(i)->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QTextCharFormat format = it.fragment().charFormat();
                const QVariant index = format.property(qvd::MarkdownRenderer::kDetectionProperty);
                if (index.isValid())
                    found.insert(index.toInt(), format.background().color());
            }
        }
    }
    QCOMPARE(found.size(), 2);
    for (int i = 0; i < 2; ++i)
        QCOMPARE(found.value(i), qvd::labelHighlight(detections.at(i).label));
    // Stable per label, and the boxes' own colour.
    QCOMPARE(qvd::labelColor(QStringLiteral("dog")), qvd::labelColor(QStringLiteral(" dog ")));
    QCOMPARE(qvd::labelColor(QStringLiteral("dog")),
             qvd::LabelPalette::colour(QStringLiteral("dog")));
    // The ref's text is shown exactly as the model wrote it.
    QVERIFY(row(1)->bodyText().contains(QStringLiteral("\"label\": \"dog\"")));

    // Pointing at the highlighted text names the detection, by id.
    QSignalSpy hovered(m_desk->selection(), &qvd::Selection::hoveredDetectionChanged);
    const int at = body->text().indexOf(QStringLiteral("\"cat\""));
    const QRectF caret = body->cursorRect(at + 2);
    const QPointF inDoc = caret.topLeft() + QPointF(1, caret.height() / 2);
    const QPoint inView = m_pane->view()->visualRect(m_pane->view()->model()->index(1, 0)).topLeft()
        + row(1)->bodyRect().topLeft() + inDoc.toPoint();
    QTest::mouseMove(m_pane->view()->viewport(), inView);
    QTRY_VERIFY(!hovered.isEmpty());
    const QString answerId = m_pane->session()->conversation().messages.at(1).id;
    QCOMPARE(hovered.last().at(0).toString(), qvd::detectionIds(answerId, detections).at(1));
    qvd::test::saveArtifact(m_pane.get(), QStringLiteral("chat-grounding"));
}

void TestChatPane::copyPutsTheAnswerOnTheClipboard()
{
    m_server->enqueue(qvd::test::answer(QStringLiteral("Copy **me**.")));
    type(QStringLiteral("?"));
    QTest::keyClick(m_pane->composer()->input(), Qt::Key_Return);
    waitUntilIdle();
    QGuiApplication::clipboard()->clear();
    click(1, Action::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Copy **me**."));
}

void TestChatPane::reasoningIsCollapsedUntilClicked()
{
    m_server->enqueue(
        Reply()
            .send(qvd::test::kSseHead)
            .send(qvd::test::dashScopeEvent(1, QString(), "null",
                                            QStringLiteral("Let me look closely.")))
            .send(qvd::test::dashScopeEvent(2, QStringLiteral("A lighthouse."), "stop")));
    type(QStringLiteral("?"));
    QTest::keyClick(m_pane->composer()->input(), Qt::Key_Return);
    waitUntilIdle();
    const int collapsedHeight = row(1)->size().height();
    QVERIFY(!m_pane->view()->actionRect(1, Action::ToggleReasoning).isEmpty());
    click(1, Action::ToggleReasoning);
    QTRY_VERIFY(row(1)->size().height() > collapsedHeight);
    click(1, Action::ToggleReasoning);
    QTRY_COMPARE(row(1)->size().height(), collapsedHeight);
}

QVD_TEST_WIDGETS_MAIN(TestChatPane)
#include "tst_ChatPane.moc"
