// The chat view with long conversations: opening 2,000 messages lays out only what is seen
// (the rest start with estimates, measured when idle, without moving the view), a streamed
// delta lays out only its own row, and images are decoded only for the rows on screen.
#include "core/conversation/ChatSession.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/MessageDelegate.h"
#include "ui/chat/MessageListModel.h"
#include "ui/chat/TextBody.h"
#include "ui/chat/ThumbnailCache.h"

#include "ChatFixtures.h"
#include "ChatTestSupport.h"
#include "TestMain.h"

#include <QApplication>
#include <QClipboard>
#include <QNetworkAccessManager>
#include <QScrollBar>

using qvd::ChatSession;
using qvd::ChatView;
using qvd::test::HttpTestServer;
using qvd::test::Reply;

class TestChatView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void openingALongConversationLaysOutOnlyWhatIsSeen();
    void idleMeasuringKeepsTheViewInPlace();
    void aStreamedDeltaLaysOutOnlyItsOwnRow();
    void imagesAreDecodedOnlyForVisibleRows();
    void answerTextCanBeSelectedAndCopied();
    void selectingPastTheBottomScrolls();

private:
    // Viewport point on the character at `position` of `row`'s body.
    QPoint pointOn(int row, int position) const;

    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ChatSession> m_session;
    std::unique_ptr<qvd::ThumbnailCache> m_thumbnails;
    std::unique_ptr<ChatView> m_view;
};

void TestChatView::init()
{
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_session = std::make_unique<ChatSession>(m_network.get());
    qvd::EndpointProfile profile;
    profile.name = QStringLiteral("loopback");
    profile.baseUrl = m_server->url(QStringLiteral("/api/v1"));
    m_session->setEndpoint(profile, QStringLiteral("sk-test"));
    qvd::ModelInfo model;
    model.id = QStringLiteral("qwen3-vl-plus");
    m_session->setModel(model);
    m_session->setMaxAttempts(1);
    m_thumbnails = std::make_unique<qvd::ThumbnailCache>();
    m_view = std::make_unique<ChatView>(m_session.get(), m_thumbnails.get());
    m_view->resize(800, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestChatView::cleanup()
{
    m_server->release();
    m_view.reset();
    m_session.reset();
    m_thumbnails.reset();
}

void TestChatView::openingALongConversationLaysOutOnlyWhatIsSeen()
{
    m_session->setConversation(qvd::test::longConversation(2000, 300));
    m_view->flushLayout();
    m_view->viewport()->repaint();
    QCOMPARE(m_view->model()->rowCount(), 2000);
    QVERIFY(m_view->isAtBottom());
    const int built = m_view->messageDelegate()->layoutsBuilt();
    QVERIFY2(built <= qvd::MessageDelegate::kMeasuredTail + 20, qPrintable(QString::number(built)));
    QVERIFY(!m_view->messageDelegate()->isMeasured(0));
    QVERIFY(m_view->messageDelegate()->isMeasured(1999));
    QTRY_VERIFY_WITH_TIMEOUT(m_view->isFullyMeasured(), 30000);
    QVERIFY(m_view->messageDelegate()->isMeasured(0));
    QVERIFY(m_view->isAtBottom()); // still following the newest message
}

void TestChatView::idleMeasuringKeepsTheViewInPlace()
{
    m_session->setConversation(qvd::test::longConversation(2000, 0));
    m_view->flushLayout();
    // The person scrolls up to an older answer before the rows above it are measured.
    const QModelIndex target = m_view->model()->index(1500, 0);
    m_view->scrollTo(target, QAbstractItemView::PositionAtTop);
    const int before = m_view->visualRect(target).top();
    QTRY_VERIFY_WITH_TIMEOUT(m_view->isFullyMeasured(), 30000);
    QVERIFY(qAbs(m_view->visualRect(target).top() - before) <= 1);
}

void TestChatView::aStreamedDeltaLaysOutOnlyItsOwnRow()
{
    m_session->setConversation(qvd::test::longConversation(2000, 0));
    m_view->flushLayout();
    QTRY_VERIFY_WITH_TIMEOUT(m_view->isFullyMeasured(), 30000);
    QSignalSpy stalled(m_server.get(), &HttpTestServer::stalled);
    m_server->enqueue(Reply()
                          .send(qvd::test::kSseHead)
                          .send(qvd::test::dashScopeEvent(1, QStringLiteral("One ")))
                          .stall()
                          .send(qvd::test::dashScopeEvent(2, QStringLiteral("two ")))
                          .stall()
                          .send(qvd::test::dashScopeEvent(3, QStringLiteral("three."), "stop")));
    QVERIFY(m_session->send({qvd::Part::fromText(QStringLiteral("Count"))}));
    QVERIFY(stalled.wait(20000));
    QTRY_COMPARE(m_session->conversation().messages.last().text, QStringLiteral("One "));
    m_view->flushLayout();
    m_view->viewport()->repaint();
    const int answerRow = m_session->streamingIndex();
    QCOMPARE(answerRow, 2001);

    const int before = m_view->messageDelegate()->layoutsBuilt();
    m_server->release();
    QVERIFY(stalled.wait(20000));
    QTRY_COMPARE(m_session->conversation().messages.last().text, QStringLiteral("One two "));
    m_view->flushLayout();
    m_view->viewport()->repaint();
    // Exactly one layout: the answer's own row; no other row's text was laid out again.
    QCOMPARE(m_view->messageDelegate()->layoutsBuilt() - before, 1);
    QCOMPARE(m_view->messageDelegate()->layout(answerRow)->bodyText(), QStringLiteral("One two"));
    QVERIFY(m_view->isAtBottom());
}

void TestChatView::imagesAreDecodedOnlyForVisibleRows()
{
    m_session->setConversation(qvd::test::longConversation(2000, 300));
    m_view->flushLayout();
    m_view->scrollToBottom();
    m_view->viewport()->repaint();
    QVERIFY(m_thumbnails->decodesStarted() < 10);
    m_view->scrollTo(m_view->model()->index(0, 0), QAbstractItemView::PositionAtTop);
    m_view->viewport()->repaint();
    QVERIFY(m_thumbnails->decodesStarted() >= 1); // the first question has an image
    QVERIFY(m_thumbnails->decodesStarted() < 20);
}

QPoint TestChatView::pointOn(int row, int position) const
{
    const qvd::MessageLayout *layout = m_view->messageDelegate()->layout(row);
    const QRectF caret = layout->body()->cursorRect(position);
    return m_view->visualRect(m_view->model()->index(row, 0)).topLeft()
        + layout->bodyRect().topLeft()
        + (caret.topLeft() + QPointF(1, caret.height() / 2)).toPoint();
}

void TestChatView::answerTextCanBeSelectedAndCopied()
{
    qvd::Conversation conversation;
    conversation.messages.append(qvd::Message::user({qvd::Part::fromText(QStringLiteral("Q?"))}));
    conversation.messages.append(
        qvd::Message::assistant(QStringLiteral("Alpha **beta** gamma.\n\nDelta epsilon zeta.")));
    m_session->setConversation(conversation);
    m_view->flushLayout();
    m_view->viewport()->repaint();
    const qvd::TextBody *body = m_view->messageDelegate()->layout(1)->body();
    QCOMPARE(body->blockCount(), 2);
    const QString shown = body->text();
    const int from = int(shown.indexOf(QLatin1String("beta")));
    const int to = int(shown.indexOf(QLatin1String("silon")));

    // Drag across the two paragraphs.
    QSignalSpy selected(m_view.get(), &ChatView::answerSelected);
    QWidget *viewport = m_view->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, pointOn(1, from));
    QTest::mouseMove(viewport, pointOn(1, from + 2));
    QTest::mouseMove(viewport, pointOn(1, to));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, pointOn(1, to));
    QCOMPARE(m_view->selectedText(), QStringLiteral("beta gamma.\nDelta ep"));
    QCOMPARE(selected.size(), 0); // a drag selects text, not the answer

    // It is drawn in the highlight colour.
    const QImage shot = viewport->grab().toImage();
    const QRgb highlight = m_view->palette().color(QPalette::Highlight).rgb();
    auto highlightedAround = [&](int position) {
        const QPoint centre = pointOn(1, position);
        int count = 0;
        for (int dy = -4; dy <= 4; ++dy) {
            for (int dx = 0; dx < 12; ++dx)
                count += shot.pixel(centre + QPoint(dx, dy)) == highlight ? 1 : 0;
        }
        return count;
    };
    QVERIFY(highlightedAround(from) > 10); // selected
    QCOMPARE(highlightedAround(0), 0); // "Alpha" is not

    QGuiApplication::clipboard()->clear();
    m_view->setFocus();
    QTest::keyClick(m_view.get(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("beta gamma.\nDelta ep"));

    // A double click selects a word; a plain click clears the selection.
    const int zeta = int(shown.indexOf(QLatin1String("zeta")));
    QTest::mouseDClick(viewport, Qt::LeftButton, {}, pointOn(1, zeta + 1));
    QCOMPARE(m_view->selectedText(), QStringLiteral("zeta"));
    QTest::keyClick(m_view.get(), Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(m_view->selectedText(), QStringLiteral("Alpha beta gamma.\nDelta epsilon zeta."));
    // A click, even one that wobbles a pixel, clears the selection and selects the answer.
    selected.clear();
    QTest::mousePress(viewport, Qt::LeftButton, {}, pointOn(1, 2));
    QTest::mouseMove(viewport, pointOn(1, 2) + QPoint(1, 0));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, pointOn(1, 2) + QPoint(1, 0));
    QCOMPARE(m_view->selectedText(), QString());
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().first().toInt(), 1);
}

void TestChatView::selectingPastTheBottomScrolls()
{
    QStringList paragraphs;
    for (int i = 0; i < 80; ++i)
        paragraphs.append(QStringLiteral("Paragraph %1.").arg(i));
    qvd::Conversation conversation;
    conversation.messages.append(qvd::Message::user({qvd::Part::fromText(QStringLiteral("Q?"))}));
    conversation.messages.append(qvd::Message::assistant(paragraphs.join(QStringLiteral("\n\n"))));
    m_session->setConversation(conversation);
    m_view->flushLayout();
    m_view->scrollTo(m_view->model()->index(1, 0), QAbstractItemView::PositionAtTop);
    m_view->viewport()->repaint();
    QScrollBar *bar = m_view->verticalScrollBar();
    const int before = bar->value();
    QVERIFY(before < bar->maximum());

    QWidget *viewport = m_view->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, pointOn(1, 0));
    QTest::mouseMove(viewport, QPoint(100, viewport->height() + 40));
    QTRY_VERIFY(bar->value() >= bar->maximum());
    QTRY_VERIFY(m_view->selectedText().endsWith(QLatin1String("Paragraph 79.")));
    QVERIFY(m_view->selectedText().startsWith(QLatin1String("Paragraph 0.\nParagraph 1.")));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(100, viewport->height() + 40));
}

QVD_TEST_WIDGETS_MAIN(TestChatView)
#include "tst_ChatView.moc"
