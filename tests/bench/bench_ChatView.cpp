// The chat view with long conversations (ChatView: QListView + cached per-row layouts):
//  - load: opening a conversation until the bottom is laid out and painted (goal ≤ 300 ms for
//    2,000 messages with 300 images), against a 10-message baseline;
//  - delta: UI-thread cost of one streamed delta at the end of that conversation (goal ≤ 2 ms),
//    from ChatSession's signal to the repainted row, over real loopback SSE, against the same
//    baseline; a third row streams a 2,000-delta answer to show the cost does not grow with
//    the answer (its last 300 deltas are reported apart).
//   build/bin/bench_ChatView                 (all)
//   build/bin/bench_ChatView load 2000

#include "core/conversation/ChatSession.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/MessageDelegate.h"
#include "ui/chat/MessageListModel.h"
#include "ui/chat/ThumbnailCache.h"

#include "../gui/ChatFixtures.h"
#include "../gui/ChatTestSupport.h"
#include "TestMain.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QScrollBar>

#include <algorithm>

using namespace qvd;

class BenchChatView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void load_data();
    void load();
    void delta_data();
    void delta();
};

static void addRows()
{
    QTest::addColumn<int>("messages");
    QTest::addColumn<int>("images");
    QTest::newRow("baseline-10") << 10 << 2;
    QTest::newRow("long-2000") << 2000 << 300;
}

void BenchChatView::load_data()
{
    addRows();
}

void BenchChatView::load()
{
    QFETCH(int, messages);
    QFETCH(int, images);
    const Conversation conversation = test::longConversation(messages, images);
    QNetworkAccessManager network;
    ChatSession session(&network);
    ThumbnailCache thumbnails;
    ChatView view(&session, &thumbnails);
    view.resize(800, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QBENCHMARK
    {
        session.setConversation(conversation);
        view.flushLayout();
        view.scrollToBottom();
        view.viewport()->repaint();
    }
    QCOMPARE(view.model()->rowCount(), messages);
    QVERIFY(view.isAtBottom());
    qInfo("%s: %d layouts built, %d thumbnails decoded", QTest::currentDataTag(),
          view.messageDelegate()->layoutsBuilt(), thumbnails.decodesStarted());
}

void BenchChatView::delta_data()
{
    QTest::addColumn<int>("messages");
    QTest::addColumn<int>("images");
    QTest::addColumn<int>("deltas");
    QTest::newRow("baseline-10") << 10 << 2 << 300;
    QTest::newRow("long-2000") << 2000 << 300 << 300;
    // A long answer (about 20 KB): the cost per delta must not grow with the answer.
    QTest::newRow("long-2000-long-answer") << 2000 << 300 << 2000;
}

void BenchChatView::delta()
{
    QFETCH(int, messages);
    QFETCH(int, images);
    QFETCH(int, deltas);
    const int kDeltas = deltas;
    test::HttpTestServer server;
    QVERIFY(server.listen());
    test::Reply reply;
    reply.send(test::kSseHead);
    for (int i = 0; i < kDeltas; ++i) {
        const QString piece = i % 25 == 24 ? QStringLiteral("\n\n- item %1 ").arg(i)
                                           : QStringLiteral("word%1 ").arg(i);
        reply.send(test::dashScopeEvent(i + 1, piece)).pause(std::chrono::milliseconds(1));
    }
    reply.send(test::dashScopeEvent(kDeltas + 1, QStringLiteral("done."), "stop"));
    server.enqueue(reply);

    QNetworkAccessManager network;
    ChatSession session(&network);
    EndpointProfile profile;
    profile.name = QStringLiteral("bench");
    profile.baseUrl = server.url(QStringLiteral("/api/v1"));
    session.setEndpoint(profile, QStringLiteral("sk-bench"));
    ModelInfo model;
    model.id = QStringLiteral("qwen3-vl-plus");
    session.setModel(model);

    // Connected before the view's model: the clock starts when the session announces a delta.
    QElapsedTimer clock;
    connect(&session, &ChatSession::messageChanged, this, [&clock] { clock.start(); });
    ThumbnailCache thumbnails;
    ChatView view(&session, &thumbnails);
    view.resize(800, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    session.setConversation(test::longConversation(messages, images));
    view.flushLayout();
    view.scrollToBottom();
    view.viewport()->repaint();
    const int builtBefore = view.messageDelegate()->layoutsBuilt();

    // ... and stops once the view has done everything the delta causes: the row's new layout,
    // a relayout if its height changed, and painting what changed.
    QList<qint64> costs;
    connect(&session, &ChatSession::messageChanged, this, [&](int row) {
        view.flushLayout();
        QCoreApplication::sendPostedEvents(view.verticalScrollBar());
        view.viewport()->repaint(view.visualRect(view.model()->index(row, 0)));
        costs.append(clock.nsecsElapsed());
    });
    QVERIFY(session.send({Part::fromText(QStringLiteral("Describe the picture"))}));
    QTRY_VERIFY_WITH_TIMEOUT(!session.isBusy(), 60000);
    QVERIFY(costs.size() >= kDeltas);
    QList<qint64> lastCosts = costs.mid(costs.size() - 300);
    std::sort(lastCosts.begin(), lastCosts.end());
    std::sort(costs.begin(), costs.end());
    qint64 total = 0;
    for (qint64 cost : std::as_const(costs))
        total += cost;
    const double mean = double(total) / double(costs.size()) / 1e6;
    const double median = double(costs.at(costs.size() / 2)) / 1e6;
    const double p95 = double(costs.at(costs.size() * 95 / 100)) / 1e6;
    const int built = view.messageDelegate()->layoutsBuilt() - builtBefore;
    qInfo("%s: %lld deltas, per delta mean %.3f ms, median %.3f ms, p95 %.3f ms, max %.3f ms; "
          "%d layouts built (the streaming row, plus idle measuring of estimated rows)",
          QTest::currentDataTag(), qlonglong(costs.size()), mean, median, p95,
          double(costs.last()) / 1e6, built);
    qInfo("%s: the last 300 deltas: median %.3f ms, p95 %.3f ms", QTest::currentDataTag(),
          double(lastCosts.at(150)) / 1e6, double(lastCosts.at(285)) / 1e6);
    QTest::setBenchmarkResult(mean, QTest::WalltimeMilliseconds);
}

QVD_TEST_WIDGETS_MAIN(BenchChatView)
#include "bench_ChatView.moc"
