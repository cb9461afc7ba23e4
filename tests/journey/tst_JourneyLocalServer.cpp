// Journey: a new user with a model on their own computer picks "Local OpenAI-compatible server"
// in the welcome dialog, types the address their server listens on, saves, and asks — the
// picker offers exactly the models that server lists, the family of one can be chosen with one
// click, and the answer comes from that server, without a restart and without any
// Authorization header.
#include "core/session/DeskSession.h"
#include "core/settings/Settings.h"
#include "ui/settings/FirstRunDialog.h"

#include "HttpTestServer.h"
#include "JourneyApp.h"
#include "JourneyReplies.h"

#include <QComboBox>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>

#include <QPointer>

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
    // The dialog deletes itself once closed: held by a guard, not a raw pointer.
    QPointer<FirstRunDialog> dialog = journey.waitForWindow<FirstRunDialog>();
    QVERIFY2(dialog, "the welcome dialog did not open on a fresh HOME");
    auto *profiles = dialog->findChild<QComboBox *>(QStringLiteral("profileCombo"));
    profiles->setCurrentIndex(profiles->findData(QStringLiteral("local-openai")));
    auto *address = dialog->findChild<QLineEdit *>(QStringLiteral("addressEdit"));
    QVERIFY2(address && !address->isReadOnly(), "a local server's address cannot be edited");
    QTest::mouseClick(address, Qt::LeftButton);
    QTest::keyClick(address, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(address, server.url(QStringLiteral("/v1")).toString());
    // The server's own models: GET /v1/models once the endpoint is set.
    server.enqueue(Reply::http(200,
                               R"({"object":"list","data":[{"id":"Qwen/Qwen2.5-VL-7B-Instruct"},)"
                               R"({"id":"qwen2.5vl:7b"},{"id":"llava:13b"}]})",
                               {"Content-Type: application/json"}));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveButton"));
    QVERIFY(save->isEnabled()); // no key needed
    QCOMPARE(save->text(), QStringLiteral("Save")); // and no key is saved
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 15000);
    QTRY_VERIFY2_WITH_TIMEOUT(journey.statusText().contains(QStringLiteral("no key needed")),
                              qPrintable(journey.statusText()), 15000);

    QComboBox *picker = journey.window().chat()->composer()->modelPicker();
    const QStringList served{QStringLiteral("Qwen/Qwen2.5-VL-7B-Instruct"),
                             QStringLiteral("qwen2.5vl:7b"), QStringLiteral("llava:13b")};
    QTRY_COMPARE_WITH_TIMEOUT(picker->count(), 3, 15000);
    QStringList offered;
    for (int i = 0; i < picker->count(); ++i)
        offered.append(picker->itemText(i));
    QCOMPARE(offered, served);
    QTRY_COMPARE(picker->currentText(), served.first());
    QVERIFY(journey.statusText().contains(served.first()));

    // Its family is guessed from its name; one click reads it as another, for this profile.
    QToolButton *family = journey.window().chat()->composer()->familyButton();
    QVERIFY(family->isVisible());
    QVERIFY2(family->text().contains(QStringLiteral("Qwen2.5-VL")), qPrintable(family->text()));
    family->menu()->findChild<QAction *>(QStringLiteral("family-qwen3-vl"))->trigger();
    QTRY_COMPARE(journey.window().session().model().family, ModelFamily::Qwen3VL);
    QVERIFY2(family->text().contains(QStringLiteral("Qwen3-VL")), qPrintable(family->text()));
    QCOMPARE(journey.window().session().settings()->modelFamily(QStringLiteral("local-openai"),
                                                                served.first()),
             std::optional<ModelFamily>(ModelFamily::Qwen3VL));

    server.enqueue(openAiAnswer(QStringLiteral("Hi from your own server.")));
    journey.ask(QStringLiteral("Hi"));
    QTRY_COMPARE_WITH_TIMEOUT(journey.lastShownText(), QStringLiteral("Hi from your own server."),
                              15000);
    QCOMPARE(journey.composerNotice(), QString());
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().first().target, QByteArray("/v1/models"));
    const RecordedRequest request = server.requests().last();
    QCOMPARE(
        QJsonDocument::fromJson(request.body).object().value(QLatin1String("model")).toString(),
        served.first());
    QCOMPARE(request.target, QByteArray("/v1/chat/completions"));
    QVERIFY2(request.header("Authorization").isEmpty(),
             request.header("Authorization").constData());
}

QVD_TEST_WIDGETS_MAIN(TestJourneyLocalServer)
#include "tst_JourneyLocalServer.moc"
