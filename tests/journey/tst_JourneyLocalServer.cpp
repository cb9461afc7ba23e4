// Journey: a new user with a model on their own computer picks "Local OpenAI-compatible server"
// in the welcome dialog, types the address their server listens on, saves, and asks — the
// answer comes from that server, without a restart and without any Authorization header.
#include "ui/settings/FirstRunDialog.h"

#include "HttpTestServer.h"
#include "JourneyApp.h"
#include "JourneyReplies.h"

#include <QComboBox>
#include <QPushButton>

using namespace qvd;
using namespace qvd::test;

class TestJourneyLocalServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void welcomeLocalServerAddressAskAnswers();
};

void TestJourneyLocalServer::welcomeLocalServerAddressAskAnswers()
{
    QVD_REQUIRE_SECRET_SERVICE();
    HttpTestServer server;
    QVERIFY(server.listen());

    JourneyApp journey;
    auto *dialog = journey.waitForWindow<FirstRunDialog>();
    QVERIFY2(dialog, "the welcome dialog did not open on a fresh HOME");
    auto *profiles = dialog->findChild<QComboBox *>(QStringLiteral("profileCombo"));
    profiles->setCurrentIndex(profiles->findData(QStringLiteral("local-openai")));
    auto *address = dialog->findChild<QLineEdit *>(QStringLiteral("addressEdit"));
    QVERIFY2(address && !address->isReadOnly(), "a local server's address cannot be edited");
    QTest::mouseClick(address, Qt::LeftButton);
    QTest::keyClick(address, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(address, server.url(QStringLiteral("/v1")).toString());
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveButton"));
    QVERIFY(save->isEnabled()); // no key needed
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 15000);
    QTRY_VERIFY2_WITH_TIMEOUT(journey.statusText().contains(QStringLiteral("no key needed")),
                              qPrintable(journey.statusText()), 15000);

    server.enqueue(openAiAnswer(QStringLiteral("Hi from your own server.")));
    journey.ask(QStringLiteral("Hi"));
    QTRY_COMPARE_WITH_TIMEOUT(journey.lastShownText(), QStringLiteral("Hi from your own server."),
                              15000);
    QCOMPARE(journey.composerNotice(), QString());
    QCOMPARE(server.requests().size(), 1);
    const RecordedRequest request = server.requests().first();
    QCOMPARE(request.target, QByteArray("/v1/chat/completions"));
    QVERIFY2(request.header("Authorization").isEmpty(),
             request.header("Authorization").constData());
}

QVD_TEST_WIDGETS_MAIN(TestJourneyLocalServer)
#include "tst_JourneyLocalServer.moc"
