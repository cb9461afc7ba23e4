// A server that answers with a redirect never gets the request sent on: over real loopback
// sockets, a 3xx from the configured server to another origin (or to plain http on the same
// host) ends the answer and the connection test with an error naming where it pointed, and the
// second server receives nothing, so the key goes nowhere else.
#include "ChatTurnFixtures.h"
#include "HttpTestServer.h"
#include "TestMain.h"

#include "core/api/ChatTurn.h"
#include "core/api/ConnectionTester.h"
#include "core/api/DashScopeBackend.h"
#include "core/api/OpenAiBackend.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>

using namespace qvd;
using namespace qvd::test;

namespace {

const QString kKey = QStringLiteral("sk-redirect-4d1e8a");

QByteArray redirectTo(int status, const QUrl &target)
{
    return Reply::http(status, "moved\n",
                       {"Location: " + target.toEncoded(), "Content-Type: text/plain"})
        .steps()
        .first()
        .bytes;
}

} // namespace

class TestRedirectsNotFollowed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void answerStopsAtARedirect_data();
    void answerStopsAtARedirect();
    void relativeRedirectIsNotFollowedEither();
    void connectionTestStopsAtARedirect_data();
    void connectionTestStopsAtARedirect();

private:
    std::unique_ptr<HttpTestServer> m_origin;
    std::unique_ptr<HttpTestServer> m_elsewhere;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestRedirectsNotFollowed::init()
{
    m_origin = std::make_unique<HttpTestServer>();
    m_elsewhere = std::make_unique<HttpTestServer>();
    QVERIFY(m_origin->listen());
    QVERIFY(m_elsewhere->listen());
    m_network = std::make_unique<QNetworkAccessManager>();
    // What would be said if the redirect were followed.
    m_elsewhere->enqueue(
        Reply().send(kSseHead).send(dashScopeEvent(1, QStringLiteral("x"), "stop")));
}

void TestRedirectsNotFollowed::cleanup()
{
    m_network.reset();
    m_origin.reset();
    m_elsewhere.reset();
}

void TestRedirectsNotFollowed::answerStopsAtARedirect_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("compatible");
    for (int status : {301, 302, 303, 307, 308}) {
        QTest::addRow("%d native", status) << status << false;
        QTest::addRow("%d compatible", status) << status << true;
    }
}

void TestRedirectsNotFollowed::answerStopsAtARedirect()
{
    QFETCH(int, status);
    QFETCH(bool, compatible);
    const QUrl target = m_elsewhere->url(QStringLiteral("/steal"));
    m_origin->enqueue(Reply::raw(redirectTo(status, target)));
    const Endpoint endpoint{
        m_origin->url(compatible ? QStringLiteral("/v1") : QStringLiteral("/api/v1")), kKey, {}};
    std::unique_ptr<ChatBackend> backend;
    if (compatible)
        backend = std::make_unique<OpenAiBackend>(endpoint);
    else
        backend = std::make_unique<DashScopeBackend>(endpoint);
    ChatTurn turn(m_network.get(), backend.get(), spec9Request(true));
    QSignalSpy failed(&turn, &ChatTurn::failed);
    QSignalSpy finished(&turn, &ChatTurn::finished);
    turn.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QCOMPARE(finished.size(), 0);

    const auto error = failed.first().first().value<ApiError>();
    QCOMPARE(error.httpStatus, status);
    QVERIFY(!error.retryable());
    QCOMPARE(error.category(), ApiError::Category::InvalidRequest);
    const QString where = QStringLiteral("127.0.0.1:%1").arg(m_elsewhere->port());
    QVERIFY2(error.userMessage().contains(where), qPrintable(error.userMessage()));
    QVERIFY(!error.userMessage().contains(kKey));
    QCOMPARE(m_origin->requests().size(), 1);
    QCOMPARE(m_origin->requests().first().header("Authorization"), "Bearer " + kKey.toUtf8());
    // Give a followed request every chance to arrive: it must not.
    QTest::qWait(200);
    QCOMPARE(m_elsewhere->connectionCount(), 0);
}

void TestRedirectsNotFollowed::relativeRedirectIsNotFollowedEither()
{
    m_origin->enqueue(Reply::raw(redirectTo(307, QUrl(QStringLiteral("/api/v2/elsewhere")))));
    DashScopeBackend backend({m_origin->url(QStringLiteral("/api/v1")), kKey, {}});
    ChatTurn turn(m_network.get(), &backend, spec9Request(true));
    QSignalSpy failed(&turn, &ChatTurn::failed);
    turn.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    const auto error = failed.first().first().value<ApiError>();
    QCOMPARE(error.redirectTarget, QStringLiteral("http://127.0.0.1:%1").arg(m_origin->port()));
    QTest::qWait(200);
    QCOMPARE(m_origin->requests().size(), 1);
}

void TestRedirectsNotFollowed::connectionTestStopsAtARedirect_data()
{
    QTest::addColumn<bool>("compatible");
    QTest::newRow("native POST") << false;
    QTest::newRow("compatible GET /models") << true;
}

void TestRedirectsNotFollowed::connectionTestStopsAtARedirect()
{
    QFETCH(bool, compatible);
    m_origin->enqueue(Reply::raw(redirectTo(302, m_elsewhere->url(QStringLiteral("/")))));
    EndpointProfile profile;
    profile.name = QStringLiteral("redirecting");
    profile.protocol = compatible ? EndpointProfile::Protocol::OpenAiCompatible
                                  : EndpointProfile::Protocol::DashScope;
    profile.baseUrl = m_origin->url(QStringLiteral("/v1"));
    profile.defaultModel = QStringLiteral("qwen3-vl-plus");
    profile.proxy.mode = ProxySettings::Mode::None;
    ConnectionTester tester(m_network.get());
    QSignalSpy finished(&tester, &ConnectionTester::finished);
    tester.start(profile, kKey);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    const auto report = finished.first().first().value<ConnectionReport>();
    QCOMPARE(report.outcome, ConnectionReport::Outcome::Redirected);
    QVERIFY(!report.reachable() || report.outcome != ConnectionReport::Outcome::KeyAccepted);
    QVERIFY2(report.summary().contains(QStringLiteral("127.0.0.1:%1").arg(m_elsewhere->port())),
             qPrintable(report.summary()));
    QTest::qWait(200);
    QCOMPARE(m_elsewhere->connectionCount(), 0);
}

QVD_TEST_MAIN(TestRedirectsNotFollowed)

#include "tst_RedirectsNotFollowed.moc"
