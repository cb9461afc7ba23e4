// Check, don't trust, as a person sees it: the whole window (real ChatPane and InspectorPane,
// real SQLite history) asks a loopback server about an EXIF-rotated photo. The server resizes
// the image on its own and reports image tokens accordingly; the box lands on the right pixels,
// the coordinate badge says "server resized to W×H" — or "confirmed by the server" when the
// sizes agree — and the finding comes back with the conversation in a new window.
#include "../unit/ImageFixtures.h"
#include "ChatTestSupport.h"
#include "HttpTestServer.h"
#include "ServerResize.h"
#include "TestAppContext.h"
#include "TestMain.h"

#include "core/conversation/ChatSession.h"
#include "core/session/ActiveEndpoint.h"
#include "core/session/DeskSession.h"
#include "ui/chat/ChatPane.h"
#include "ui/chat/Composer.h"
#include "ui/chat/ComposerEdit.h"
#include "ui/inspector/ImageCanvas.h"
#include "ui/inspector/InspectorPane.h"
#include "ui/inspector/SpaceBadge.h"
#include "ui/window/MainWindow.h"

#include <QApplication>
#include <QPushButton>

using namespace qvd;
using qvd::test::HttpTestServer;
using qvd::test::ServerResize;

class TestServerSizeBadge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void badgeSaysTheServerResizedAndBoxesLandRight_data();
    void badgeSaysTheServerResizedAndBoxesLandRight();
    void badgeSaysConfirmedWhenSizesAgree();
    void findingComesBackWithTheConversation();

private:
    std::unique_ptr<MainWindow> openWindow();
    void ask(const ServerResize &resize);
    void checkBoxOnTheUprightLowerRight(const ServerResize &resize);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<qvd::test::TestAppContext> m_app;
    std::unique_ptr<MainWindow> m_window;
    QString m_model;
};

void TestServerSizeBadge::init()
{
    qvd::test::TestAppContext::forgetSettings();
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<HttpTestServer>();
    QVERIFY(m_server->listen());
    m_app = std::make_unique<qvd::test::TestAppContext>();
    QVERIFY(m_app->enableHistory(m_dir->filePath(QStringLiteral("data"))));
}

void TestServerSizeBadge::cleanup()
{
    m_window.reset();
    m_app.reset();
    m_server.reset();
}

std::unique_ptr<MainWindow> TestServerSizeBadge::openWindow()
{
    m_app->useLoopback(m_server->url(QStringLiteral("/api/v1")), QStringLiteral("sk-badge"));
    auto window = std::make_unique<MainWindow>(m_app->context());
    if (!QTest::qWaitFor(
            [&] { return window->session().endpoint()->state() == ActiveEndpoint::State::Ready; }))
        return nullptr;
    window->chat()->session()->setMaxAttempts(1);
    window->session().chooseModel(m_model);
    window->resize(1400, 900);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

// Attaches the EXIF-rotated photo, asks, and waits for the answer.
void TestServerSizeBadge::ask(const ServerResize &resize)
{
    m_model = QString::fromLatin1(resize.model);
    m_window = openWindow();
    QVERIFY(m_window);
    const QString path = m_dir->filePath(QStringLiteral("rotated.jpg"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(qvd::fixtures::withExifOrientation(
        qvd::fixtures::encode(qvd::fixtures::quadrants(resize.stored), "jpeg"), 6));
    file.close();
    m_server->enqueue(qvd::test::resizingServerReply(resize));
    m_window->attachImages({path});
    Composer *composer = m_window->chat()->composer();
    composer->input()->insertPlainText(QStringLiteral("框出右下角"));
    QTRY_VERIFY_WITH_TIMEOUT(composer->sendButton()->isEnabled(), 20000);
    QTest::keyClick(composer->input(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->chat()->session()->isBusy(), 20000);
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(qvd::test::sentImage(m_server->requests().first()).size(), resize.sent);
}

// The lower-right quarter of what the server saw is the lower-right quarter of the upright
// photo — where the file's top-right (green) quadrant shows once it is turned.
void TestServerSizeBadge::checkBoxOnTheUprightLowerRight(const ServerResize &resize)
{
    InspectorPane *inspector = m_window->inspector();
    QTRY_COMPARE(inspector->imageIndex(), 0);
    QTRY_COMPARE(inspector->shownDetections().size(), 1);
    const QRectF box = inspector->shownDetections().first().rect;
    const QSize upright = qvd::test::upright(resize);
    const QRectF quarter(QPointF(upright.width() / 2.0, upright.height() / 2.0),
                         QPointF(upright.width(), upright.height()));
    QVERIFY2(std::abs(box.left() - quarter.left()) < 0.5
                 && std::abs(box.top() - quarter.top()) < 0.5
                 && std::abs(box.right() - quarter.right()) < 0.5
                 && std::abs(box.bottom() - quarter.bottom()) < 0.5,
             qPrintable(QStringLiteral("box %1,%2 %3x%4")
                            .arg(box.x())
                            .arg(box.y())
                            .arg(box.width())
                            .arg(box.height())));
    const QImage shown = inspector->canvas()->image();
    QCOMPARE(shown.size(), upright);
    QVERIFY(qvd::fixtures::near(shown.pixel(box.center().toPoint()), qvd::fixtures::kTopRight));
}

void TestServerSizeBadge::badgeSaysTheServerResizedAndBoxesLandRight_data()
{
    QTest::addColumn<int>("scenario");
    QTest::newRow("other patch size") << 0;
    QTest::newRow("smaller budget") << 1;
    QTest::newRow("smaller budget and other patch size") << 2;
}

void TestServerSizeBadge::badgeSaysTheServerResizedAndBoxesLandRight()
{
    QFETCH(int, scenario);
    const ServerResize *const scenarios[] = {&qvd::test::kOtherPatch, &qvd::test::kSmallerBudget,
                                             &qvd::test::kBoth};
    const ServerResize &resize = *scenarios[scenario];
    ask(resize);
    const QString expected = QStringLiteral("server resized to %1×%2")
                                 .arg(resize.server.width())
                                 .arg(resize.server.height());
    SpaceBadge *badge = m_window->inspector()->spaceBadge();
    QTRY_VERIFY2(badge->text().contains(expected), qPrintable(badge->text()));
    QCOMPARE(badge->serverCheck(), SizeCheck::Corrected);
    // The pixel reading names the server's size too.
    QVERIFY2(badge->text().contains(QStringLiteral("%1×%2 input px")
                                        .arg(resize.server.width())
                                        .arg(resize.server.height())),
             qPrintable(badge->text()));
    checkBoxOnTheUprightLowerRight(resize);
    qvd::test::saveArtifact(m_window.get(), QStringLiteral("server-resized"));
}

void TestServerSizeBadge::badgeSaysConfirmedWhenSizesAgree()
{
    ask(qvd::test::kAgreeing);
    SpaceBadge *badge = m_window->inspector()->spaceBadge();
    QTRY_VERIFY2(badge->text().contains(QStringLiteral("confirmed by the server")),
                 qPrintable(badge->text()));
    QVERIFY(!badge->text().contains(QStringLiteral("resized to")));
    QVERIFY(badge->toolTip().contains(QStringLiteral("840×1148")));
    checkBoxOnTheUprightLowerRight(qvd::test::kAgreeing);
}

void TestServerSizeBadge::findingComesBackWithTheConversation()
{
    ask(qvd::test::kSmallerBudget);
    const QString id = m_window->chat()->session()->conversation().id;
    QTRY_VERIFY(m_app->context().history->contains(id));
    m_window.reset();

    // Next start: the stored image keeps what the server said; the box is still right.
    m_window = openWindow();
    QVERIFY(m_window);
    m_window->session().restoreLastConversation();
    QCOMPARE(m_window->chat()->session()->conversation().id, id);
    SpaceBadge *badge = m_window->inspector()->spaceBadge();
    QTRY_VERIFY2(badge->text().contains(QStringLiteral("server resized to 560×784")),
                 qPrintable(badge->text()));
    checkBoxOnTheUprightLowerRight(qvd::test::kSmallerBudget);
    QCOMPARE(m_server->requests().size(), 1); // nothing was asked again
}

QVD_TEST_WIDGETS_MAIN(TestServerSizeBadge)
#include "tst_ServerSizeBadge.moc"
