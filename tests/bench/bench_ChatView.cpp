// The chat view with long conversations (ChatView: QListView + cached per-row layouts), each
// figure against a baseline measured in the same run (tests/bench/BenchReport.h):
//  - load: opening a 2,000-message conversation with 300 images until its bottom is laid out
//    and painted, against a 10-message one (goal: at most 20 times as long for 200 times the
//    messages: only the rows in view are laid out);
//  - delta: what one streamed delta costs the UI thread (its CPU time from one delta to the
//    next: the reply's events, the session, the grounding results, the row's layout and paint),
//    over real loopback SSE served from another thread. A 2,000-message conversation streaming
//    a 20 KB answer against a 10-message one streaming a short answer (goal: the same, 1.2x),
//    and against a budget of 1 ms a delta;
//  - longAnswer: a 200 KB answer with 400 boxes in 4,000 deltas: the last 400 deltas against
//    the first 400 (goal 1.2x: a delta costs the same however long the answer already is).
//   build/bin/bench_ChatView                 (all; QVD_BENCH_QUICK=1: small sizes)
//   build/bin/bench_ChatView longAnswer

#include "core/conversation/ChatSession.h"
#include "ui/chat/ChatView.h"
#include "ui/chat/MessageDelegate.h"
#include "ui/chat/MessageListModel.h"
#include "ui/chat/ThumbnailCache.h"

#include "../gui/ChatFixtures.h"
#include "../gui/ChatTestSupport.h"
#include "BenchReport.h"
#include "TestMain.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QScrollBar>
#include <QThread>

#include <algorithm>
#include <ctime>
#include <vector>

using namespace qvd;
using bench::Better;

namespace {

// CPU time of the calling thread, in milliseconds: what the UI thread spent, whatever else the
// machine was doing.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// The loopback server in a thread of its own: its sending is not the UI thread's time.
class ServerThread
{
public:
    explicit ServerThread(const test::Reply &reply)
    {
        m_thread.start();
        m_context.moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            &m_context,
            [this, &reply] {
                m_server = new test::HttpTestServer;
                m_listening = m_server->listen();
                m_server->enqueue(reply);
                m_url = m_server->url(QStringLiteral("/api/v1"));
            },
            Qt::BlockingQueuedConnection);
    }
    ~ServerThread()
    {
        QObject *home = QCoreApplication::instance();
        QMetaObject::invokeMethod(
            &m_context,
            [this, home] {
                delete m_server;
                m_context.moveToThread(home->thread());
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    bool isListening() const { return m_listening; }
    QUrl url() const { return m_url; }

private:
    QThread m_thread;
    QObject m_context;
    test::HttpTestServer *m_server = nullptr;
    bool m_listening = false;
    QUrl m_url;
};

test::Reply streamOf(const QStringList &deltas)
{
    test::Reply reply;
    reply.send(test::kSseHead);
    for (int i = 0; i < deltas.size(); ++i)
        reply.send(test::dashScopeEvent(i + 1, deltas.at(i))).pause(std::chrono::milliseconds(1));
    reply.send(test::dashScopeEvent(int(deltas.size()) + 1, QStringLiteral("done."), "stop"));
    return reply;
}

// Short words, a list item every 25 deltas: about 10 bytes a delta.
QStringList wordDeltas(int count)
{
    QStringList deltas;
    for (int i = 0; i < count; ++i) {
        deltas.append(i % 25 == 24 ? QStringLiteral("\n\n- item %1 ").arg(i)
                                   : QStringLiteral("word%1 ").arg(i));
    }
    return deltas;
}

// About `bytes` of prose in paragraphs of about 1 KB, with a Qwen-VL box every 500 bytes, cut
// into `count` deltas of equal length (tags cut in the middle too, as a model streams them).
QStringList boxedDeltas(int bytes, int count)
{
    QString answer;
    for (int i = 0; answer.size() < bytes; ++i) {
        answer +=
            QStringLiteral("The %1th object stands near the water, left of the boats; ").arg(i);
        if (i % 8 == 7) {
            answer += QStringLiteral("<ref>dog %1</ref><box>(%2,%3),(%4,%5)</box> ")
                          .arg(i)
                          .arg(i % 700)
                          .arg(i % 500)
                          .arg(i % 700 + 200)
                          .arg(i % 500 + 300);
        }
        if (i % 16 == 15)
            answer += QStringLiteral("\n\n");
    }
    answer.truncate(bytes);
    QStringList deltas;
    const qsizetype piece = bytes / count;
    for (int i = 0; i < count; ++i)
        deltas.append(answer.mid(i * piece, i + 1 < count ? piece : -1));
    return deltas;
}

// The UI thread's CPU time when the view showed the answer at some length.
struct Mark
{
    double cpuMs = 0;
    qsizetype length = 0; // of the answer's text
};

// Streams `deltas` into a conversation of `messages` (`images` of them with an image) shown in
// a ChatView, and returns a mark after every change of the answer's text (the row laid out
// and painted). Events that arrive in one read of the socket reach the view as one change
// (ChatTurn), so a mark may stand for several deltas: the figures below count deltas by the
// text shown, not by marks. The first mark also pays for the request's start.
QList<Mark> streamIntoView(int messages, int images, const QStringList &deltas,
                           QList<Detection> *finalDetections = nullptr)
{
    const ServerThread server(streamOf(deltas));
    if (!server.isListening())
        return {};
    QNetworkAccessManager network;
    ChatSession session(&network);
    EndpointProfile profile;
    profile.name = QStringLiteral("bench");
    profile.baseUrl = server.url();
    session.setEndpoint(profile, QStringLiteral("sk-bench"));
    ModelInfo model;
    model.id = QStringLiteral("qwen3-vl-plus");
    session.setModel(model);
    ThumbnailCache thumbnails;
    ChatView view(&session, &thumbnails);
    view.resize(800, 900);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return {};
    session.setConversation(test::longConversation(messages, images));
    view.flushLayout();
    view.scrollToBottom();
    view.viewport()->repaint();
    // Rows far from view are measured while idle: done before the answer starts.
    if (!QTest::qWaitFor([&] { return view.isFullyMeasured(); }, 60000))
        return {};

    QList<Mark> marks;
    qsizetype length = 0;
    // After every change, at once: the row's layout, a relayout if its height changed, and
    // painting what the view marked for repainting.
    QObject::connect(&session, &ChatSession::messageChanged, &view, [&](int row) {
        view.flushLayout();
        QCoreApplication::sendPostedEvents(view.verticalScrollBar());
        QCoreApplication::sendPostedEvents(view.window(), QEvent::UpdateRequest);
        const qsizetype now = session.conversation().messages.at(row).text.size();
        if (now != length && session.isBusy()) // a delta, not new detections
            marks.append({threadCpuMs(), now});
        length = now;
    });
    if (!session.send({Part::fromText(QStringLiteral("Describe the picture"))}))
        return {};
    if (!QTest::qWaitFor([&] { return !session.isBusy(); }, 600000))
        return {};
    if (finalDetections)
        *finalDetections = session.detections(int(session.conversation().messages.size()) - 1);
    return marks;
}

// Mean CPU time per delta over deltas (from, to] of `deltas`: from the last mark that shows at
// most `from` deltas (or the first mark) to the first that shows at least `to`, divided by the
// deltas shown in between. -1 when the marks do not span it.
double meanMsPerDelta(const QList<Mark> &marks, const QStringList &deltas, int from, int to)
{
    std::vector<qsizetype> shownAfter(size_t(deltas.size()) + 1, 0); // text of the first n
    for (int i = 0; i < deltas.size(); ++i)
        shownAfter[size_t(i) + 1] = shownAfter[size_t(i)] + deltas.at(i).size();
    const auto deltasIn = [&](qsizetype length) {
        return int(std::upper_bound(shownAfter.begin(), shownAfter.end(), length)
                   - shownAfter.begin())
            - 1;
    };
    int begin = -1;
    int end = -1;
    for (int m = 0; m < marks.size(); ++m) {
        const int shown = deltasIn(marks.at(m).length);
        if (shown <= from)
            begin = m;
        if (shown >= to && end < 0)
            end = m;
    }
    begin = std::max(begin, 0);
    if (end <= begin)
        return -1;
    const int counted = deltasIn(marks.at(end).length) - deltasIn(marks.at(begin).length);
    return (marks.at(end).cpuMs - marks.at(begin).cpuMs) / double(counted);
}

} // namespace

class BenchChatView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void load();
    void delta();
    void longAnswer();
};

void BenchChatView::load()
{
    const int messages = bench::pick(2000, 200);
    const int images = bench::pick(300, 30);
    const auto open = [](int count, int withImages) {
        const Conversation conversation = test::longConversation(count, withImages);
        QNetworkAccessManager network;
        ChatSession session(&network);
        ThumbnailCache thumbnails;
        ChatView view(&session, &thumbnails);
        view.resize(800, 900);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            return -1.0;
        const double ms = bench::medianMs(bench::pick(5, 1), [&] {
            session.setConversation(conversation);
            view.flushLayout();
            view.scrollToBottom();
            view.viewport()->repaint();
        });
        const bool shown = view.model()->rowCount() == count && view.isAtBottom();
        qInfo("%d messages: %d layouts built, %d thumbnails decoded", count,
              view.messageDelegate()->layoutsBuilt(), thumbnails.decodesStarted());
        return shown ? ms : -1.0;
    };
    const double baseline = open(10, 2);
    const double loaded = open(messages, images);
    QVERIFY(baseline > 0 && loaded > 0);
    QVD_BENCH_GOAL("open a 2,000-message conversation, 300 images (ms)", loaded, "ms",
                   "open a 10-message one", baseline, Better::Lower, 20);
}

void BenchChatView::delta()
{
    const int shortDeltas = bench::pick(300, 60);
    const int longDeltas = bench::pick(2000, 200);
    const QList<Mark> small = streamIntoView(10, 2, wordDeltas(shortDeltas));
    const QList<Mark> large =
        streamIntoView(bench::pick(2000, 200), bench::pick(300, 30), wordDeltas(longDeltas));
    // The first mark pays for the request's start: the means begin after the first delta.
    const double smallMean = meanMsPerDelta(small, wordDeltas(shortDeltas), 1, shortDeltas);
    const double largeMean = meanMsPerDelta(large, wordDeltas(longDeltas), 1, longDeltas);
    QVERIFY2(smallMean > 0 && largeMean > 0, "the answers did not stream");
    qInfo("10 messages, %d deltas: %.3f ms each; 2,000 messages, %d deltas (20 KB): %.3f ms each",
          shortDeltas, smallMean, longDeltas, largeMean);
    QVD_BENCH_GOAL("delta into 2,000 messages, 20 KB answer (ms UI CPU)", largeMean, "ms",
                   "10 messages, short answer", smallMean, Better::Lower, 1.2);
    QVD_BENCH_GOAL("delta into 2,000 messages, 20 KB answer (ms UI CPU)", largeMean, "ms",
                   "budget of 1 ms a delta", 1.0, Better::Lower, 1.0);
}

void BenchChatView::longAnswer()
{
    const int deltas = bench::pick(4000, 400);
    const int window = deltas / 10;
    QList<Detection> detections;
    const QStringList pieces = boxedDeltas(bench::pick(200'000, 20'000), deltas);
    const QList<Mark> marks = streamIntoView(10, 2, pieces, &detections);
    // Every closed box of the answer was found.
    QCOMPARE(detections.size(), pieces.join(QString()).count(QLatin1String("</box>")));
    QVERIFY(detections.size() >= bench::pick(300, 30));
    const double first = meanMsPerDelta(marks, pieces, 1, 1 + window);
    const double last = meanMsPerDelta(marks, pieces, deltas - 1 - window, deltas - 1);
    QVERIFY2(first > 0 && last > 0, "the answer did not stream");
    qInfo("%d deltas, %lld boxes: first %d %.3f ms each, last %d %.3f ms each", deltas,
          qlonglong(detections.size()), window, first, window, last);
    QVD_BENCH_GOAL("200 KB answer: last 400 of 4,000 deltas (ms UI CPU)", last, "ms",
                   "its first 400 deltas", first, Better::Lower, 1.2);
}

QVD_TEST_WIDGETS_MAIN(BenchChatView)
#include "bench_ChatView.moc"
