// Journey: a new user on a fresh HOME meets the welcome dialog, picks DashScope (China,
// Beijing), pastes a key, presses Save Key, asks "Hello" — and the answer streams in, with no
// restart. (Version one answered "there is no API key" here until the app was restarted.)
#include "ui/settings/FirstRunDialog.h"

#include "ChatTestSupport.h"
#include "HttpTestServer.h"
#include "JourneyApp.h"

#include <QComboBox>
#include <QPushButton>

#include <QPointer>
#include <QStatusBar>

using namespace qvd;
using namespace qvd::test;

namespace {
const QString kKey = QStringLiteral("sk-journey-first-key-0123456789");
}

class TestJourneyFirstKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void welcomeKeySaveAskAnswers();
};

void TestJourneyFirstKey::welcomeKeySaveAskAnswers()
{
    QVD_REQUIRE_SECRET_SERVICE();
    HttpTestServer server;
    QVERIFY(server.listen());
    // Where the built-in DashScope profiles send requests, as with the official SDK.
    qputenv("DASHSCOPE_HTTP_BASE_URL", server.url(QStringLiteral("/api/v1")).toEncoded());

    JourneyApp journey;
    // The dialog deletes itself once closed: held by a guard, not a raw pointer.
    QPointer<FirstRunDialog> dialog = journey.waitForWindow<FirstRunDialog>();
    QVERIFY2(dialog, "the welcome dialog did not open on a fresh HOME");
    auto *profiles = dialog->findChild<QComboBox *>(QStringLiteral("profileCombo"));
    QCOMPARE(profiles->currentData().toString(), QStringLiteral("dashscope-beijing"));
    auto *keyEdit = dialog->findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"));
    QTest::mouseClick(keyEdit, Qt::LeftButton);
    QTest::keyClicks(keyEdit, kKey);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 15000);
    QTRY_VERIFY2_WITH_TIMEOUT(journey.statusText().contains(QStringLiteral("key in")),
                              qPrintable(journey.statusText()), 15000);

    server.enqueue(answer(QStringLiteral("Hello! How can I help?")));
    journey.ask(QStringLiteral("Hello"));
    QTRY_COMPARE_WITH_TIMEOUT(journey.lastShownText(), QStringLiteral("Hello! How can I help?"),
                              15000);
    // The status bar's passing messages say only what happened: no standing "Ready" (it would
    // stay through every answer and in the language of the start).
    QCOMPARE(journey.window().statusBar()->currentMessage(), QString());
    QCOMPARE(journey.composerNotice(), QString());
    QCOMPARE(server.requests().size(), 1);
    const RecordedRequest request = server.requests().first();
    QCOMPARE(request.header("Authorization"), QByteArray("Bearer ") + kKey.toLatin1());
    QVERIFY(request.target.startsWith("/api/v1/services/aigc/multimodal-generation/generation"));
}

QVD_TEST_WIDGETS_MAIN(TestJourneyFirstKey)
#include "tst_JourneyFirstKey.moc"
