// Journey: keys and endpoints changed in Settings apply to the next question, no restart. The
// person makes DashScope (Singapore) the default (it has no key: one notice, however often they
// press Send), enters its key, asks (the new key goes out), removes it again (the notice is
// back), and goes back to Beijing (its key goes out again).
#include "core/session/ActiveEndpoint.h"
#include "core/session/DeskSession.h"
#include "ui/settings/FirstRunDialog.h"
#include "ui/settings/ProfilesPage.h"
#include "ui/settings/SettingsDialog.h"

#include "HttpTestServer.h"
#include "JourneyApp.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QListWidget>
#include <QPushButton>

#include <QPointer>

using namespace qvd;
using namespace qvd::test;

namespace {

const QString kBeijingKey = QStringLiteral("sk-journey-beijing-0123456789");
const QString kSingaporeKey = QStringLiteral("sk-journey-singapore-0123456789");
const QString kNoSingaporeKey =
    QStringLiteral("Cannot send: there is no API key for “DashScope (International, "
                   "Singapore)”. Add one in Settings.");

QByteArray bearer(const QString &key)
{
    return "Bearer " + key.toLatin1();
}

} // namespace

class TestJourneySettingsKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void settingsChangesApplyToTheNextQuestion();

private:
    SettingsDialog *openSettings();
    void pressOk(SettingsDialog *dialog);
    void chooseDefault(const QString &profile);
    // Settings → Endpoints → `profile`; the editor then shows it.
    SettingsDialog *editProfile(const QString &profile);

    std::unique_ptr<JourneyApp> m_journey;
};

SettingsDialog *TestJourneySettingsKeys::openSettings()
{
    m_journey->action(QStringLiteral("actionSettings"))->trigger();
    return m_journey->waitForWindow<SettingsDialog>();
}

void TestJourneySettingsKeys::pressOk(SettingsDialog *settings)
{
    const QPointer<SettingsDialog> dialog = settings; // it may delete itself once closed
    auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 15000);
}

void TestJourneySettingsKeys::chooseDefault(const QString &profile)
{
    SettingsDialog *dialog = openSettings();
    QVERIFY(dialog);
    auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("defaultProfileCombo"));
    combo->setCurrentIndex(combo->findData(profile));
    QCOMPARE(combo->currentData().toString(), profile);
    pressOk(dialog);
}

SettingsDialog *TestJourneySettingsKeys::editProfile(const QString &profile)
{
    SettingsDialog *dialog = openSettings();
    if (!dialog)
        return nullptr;
    auto *list = dialog->findChild<QListWidget *>(QStringLiteral("profileList"));
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == profile) {
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                              list->visualItemRect(list->item(row)).center());
            return dialog;
        }
    }
    return nullptr;
}

void TestJourneySettingsKeys::settingsChangesApplyToTheNextQuestion()
{
    QVD_REQUIRE_SECRET_SERVICE();
    HttpTestServer server;
    QVERIFY(server.listen());
    qputenv("DASHSCOPE_HTTP_BASE_URL", server.url(QStringLiteral("/api/v1")).toEncoded());
    m_journey = std::make_unique<JourneyApp>();
    JourneyApp &journey = *m_journey;

    // The welcome dialog: Beijing's key.
    // The dialog deletes itself once closed: held by a guard, not a raw pointer.
    QPointer<FirstRunDialog> welcome = journey.waitForWindow<FirstRunDialog>();
    QVERIFY(welcome);
    auto *keyEdit = welcome->findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"));
    QTest::mouseClick(keyEdit, Qt::LeftButton);
    QTest::keyClicks(keyEdit, kBeijingKey);
    QTest::mouseClick(welcome->findChild<QPushButton *>(QStringLiteral("saveButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!welcome || !welcome->isVisible(), 15000);
    server.enqueue(answer(QStringLiteral("one")));
    journey.ask(QStringLiteral("First question"));
    QTRY_COMPARE_WITH_TIMEOUT(journey.lastShownText(), QStringLiteral("one"), 15000);
    QCOMPARE(server.requests().last().header("Authorization"), bearer(kBeijingKey));

    // Singapore as the default endpoint: no key there.
    chooseDefault(QStringLiteral("dashscope-singapore"));
    QTRY_VERIFY2_WITH_TIMEOUT(
        journey.statusText().startsWith(QStringLiteral("DashScope (International, Singapore)")),
        qPrintable(journey.statusText()), 15000);
    journey.ask(QStringLiteral("Second question"));
    QTRY_COMPARE_WITH_TIMEOUT(journey.composerNotice(), kNoSingaporeKey, 15000);
    // Each press looks for the key once more (it may have come meanwhile), then refuses.
    ActiveEndpoint *endpoint = journey.window().session().endpoint();
    for (int i = 0; i < 2; ++i) {
        journey.sendAgain();
        QTRY_COMPARE(endpoint->state(), ActiveEndpoint::State::MissingKey);
    }
    QCOMPARE(journey.composerNotice(), kNoSingaporeKey); // one notice, not three
    QCOMPARE(server.requests().size(), 1);

    // Its key, entered in Settings, goes out with the question still in the composer.
    SettingsDialog *dialog = editProfile(QStringLiteral("dashscope-singapore"));
    QVERIFY(dialog);
    auto *profileKey = dialog->findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"));
    QTest::mouseClick(profileKey, Qt::LeftButton);
    QTest::keyClicks(profileKey, kSingaporeKey);
    pressOk(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(journey.composerNotice(), QString(), 15000);
    server.enqueue(answer(QStringLiteral("two")));
    journey.sendAgain();
    QTRY_COMPARE_WITH_TIMEOUT(journey.lastShownText(), QStringLiteral("two"), 15000);
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().last().header("Authorization"), bearer(kSingaporeKey));

    // Removed again: the next question is refused with the same single notice.
    dialog = editProfile(QStringLiteral("dashscope-singapore"));
    QVERIFY(dialog);
    auto *forget = dialog->findChild<QPushButton *>(QStringLiteral("forgetKeyButton"));
    QTRY_VERIFY_WITH_TIMEOUT(forget->isVisible(), 15000);
    QTest::mouseClick(forget, Qt::LeftButton);
    pressOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(journey.statusText().endsWith(QStringLiteral("no key")), 15000);
    journey.ask(QStringLiteral("Third question"));
    QTRY_COMPARE_WITH_TIMEOUT(journey.composerNotice(), kNoSingaporeKey, 15000);
    QCOMPARE(server.requests().size(), 2);

    // Back to Beijing: its key again.
    chooseDefault(QStringLiteral("dashscope-beijing"));
    server.enqueue(answer(QStringLiteral("three")));
    journey.sendAgain();
    QTRY_COMPARE_WITH_TIMEOUT(journey.lastShownText(), QStringLiteral("three"), 15000);
    QCOMPARE(journey.composerNotice(), QString());
    QCOMPARE(server.requests().size(), 3);
    QCOMPARE(server.requests().last().header("Authorization"), bearer(kBeijingKey));
    m_journey.reset();
}

QVD_TEST_WIDGETS_MAIN(TestJourneySettingsKeys)
#include "tst_JourneySettingsKeys.moc"
