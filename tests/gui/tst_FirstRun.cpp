// The first-run dialog: the key goes to the (memory) keychain, is never shown unless revealed,
// "Test Connection" shows the loopback server's verdict and words, and an unavailable keychain
// is explained without blocking.
#include "core/secrets/ApiKeyVault.h"
#include "core/settings/Settings.h"
#include "ui/LanguageManager.h"
#include "ui/settings/ApiKeyField.h"
#include "ui/settings/FirstRunDialog.h"
#include "ui/window/MainWindow.h"

#include "ChatTestSupport.h"
#include "HttpTestServer.h"
#include "TestAppContext.h"
#include "TestMain.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QStatusBar>
#include <QToolButton>

using qvd::ApiKeyField;
using qvd::ApiKeyLookup;
using qvd::EndpointProfile;
using qvd::FirstRunDialog;
using qvd::MainWindow;
using qvd::SecretResult;
using qvd::test::HttpTestServer;
using qvd::test::Reply;

namespace {

const QString kKey = QStringLiteral("sk-first-run-0123456789");

// A keychain that is not there, as on a desktop without a Secret Service.
class UnavailableSecretStore : public qvd::SecretStore
{
public:
    void read(const QString &, Callback done) override { fail(std::move(done)); }
    void write(const QString &, const QString &, Callback done) override { fail(std::move(done)); }
    void remove(const QString &, Callback done) override { fail(std::move(done)); }
    QString backendName() const override { return QStringLiteral("Nothing"); }

private:
    void fail(Callback done)
    {
        finishLater(begin(std::move(done)),
                    failure(SecretResult::Status::Unavailable, QStringLiteral("no service")));
    }
};

QString storedSecret(qvd::SecretStore &store, const QString &name)
{
    QString value;
    bool done = false;
    store.read(name, [&](const SecretResult &result) {
        value = result.value;
        done = true;
    });
    [&] {
        QTRY_VERIFY(done);
    }();
    return value;
}

// Every label's text in the dialog: none may contain the key.
QString allLabels(const QWidget &dialog)
{
    QStringList texts;
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    for (const QLabel *label : labels)
        texts.append(label->text());
    return texts.join(QLatin1Char('\n'));
}

// At its natural size the dialog shows all of itself and no more: every visible widget lies
// inside it, every wrapped text is shown whole, and no band of empty space sits above the
// buttons (the old dialog opened at 560x360 with 130 px of nothing there).
void verifyNaturalSize(const QDialog &dialog)
{
    const auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(buttons && buttons->isVisible());
    int contentBottom = 0;
    const QList<QWidget *> widgets = dialog.findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        if (!widget->isVisible() || widget->isWindow())
            continue;
        const QRect rect(widget->mapTo(&dialog, QPoint(0, 0)), widget->size());
        QVERIFY2(dialog.rect().contains(rect),
                 qPrintable(widget->objectName() + QStringLiteral(" is cut off")));
        if (const auto *label = qobject_cast<const QLabel *>(widget); label && label->wordWrap())
            QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                     qPrintable(label->objectName() + QStringLiteral(" is cut short")));
        if (widget->parentWidget() == &dialog && widget != buttons)
            contentBottom = std::max(contentBottom, rect.bottom());
    }
    const int gap = buttons->geometry().top() - contentBottom;
    QVERIFY2(gap <= 2 * dialog.layout()->spacing(),
             qPrintable(QStringLiteral("%1 px of empty space above the buttons").arg(gap)));
    // Wide enough for the key and its buttons on one line, not a banner across the screen.
    QVERIFY(dialog.width() >= dialog.minimumSizeHint().width());
    QVERIFY2(dialog.width() <= 800, qPrintable(QString::number(dialog.width())));
}

} // namespace

class TestFirstRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void keyIsMaskedAndStoredInTheKeychain();
    void revealShowsTheKeyOnlyOnRequest();
    void skipStoresNothing();
    void testConnectionShowsAcceptedWithServerText();
    void testConnectionShowsRejectedWithServerText();
    void mainWindowOpensItOnlyWithoutAKey();
    void unavailableKeychainIsExplainedAndKeyKeptForTheSession();
    void opensAtItsNaturalSize_data();
    void opensAtItsNaturalSize();
    void growsForTheConnectionResult();
};

void TestFirstRun::init()
{
    qvd::test::TestAppContext::forgetSettings();
}

void TestFirstRun::keyIsMaskedAndStoredInTheKeychain()
{
    qvd::test::TestAppContext app;
    FirstRunDialog dialog(app.context());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"));
    auto *save = dialog.findChild<QPushButton *>(QStringLiteral("saveButton"));
    QVERIFY(edit && save);
    QVERIFY(!save->isEnabled()); // nothing to save yet

    QTest::keyClicks(edit, kKey);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(!edit->displayText().contains(QStringLiteral("first-run")));
    QVERIFY(save->isEnabled());

    QSignalSpy stored(&dialog, &FirstRunDialog::keyStored);
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(stored.wait());
    QCOMPARE(stored.first().at(0).toString(), EndpointProfile::defaultProfileName());
    const auto lookup = stored.first().at(1).value<ApiKeyLookup>();
    QCOMPARE(lookup.source, ApiKeyLookup::Source::Keychain);
    QVERIFY(lookup.key.isEmpty()); // listeners learn where the key went, not what it is
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(edit->text().isEmpty());

    const auto profile = *app.settings().profile(EndpointProfile::defaultProfileName());
    QCOMPARE(storedSecret(app.keychain(), profile.apiKeyName()), kKey);
}

void TestFirstRun::revealShowsTheKeyOnlyOnRequest()
{
    qvd::test::TestAppContext app;
    FirstRunDialog dialog(app.context());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"));
    auto *reveal = dialog.findChild<QToolButton *>(QStringLiteral("revealKeyButton"));
    QVERIFY(edit && reveal);
    QTest::keyClicks(edit, kKey);
    QVERIFY(edit->displayText() != kKey);

    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(edit->echoMode(), QLineEdit::Normal);
    QCOMPARE(edit->displayText(), kKey);
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(edit->displayText() != kKey);

    // Revealed, hidden and shown again: masked again.
    QTest::mouseClick(reveal, Qt::LeftButton);
    dialog.hide();
    dialog.show();
    QCOMPARE(edit->echoMode(), QLineEdit::Password);
    QVERIFY(!allLabels(dialog).contains(kKey));
}

void TestFirstRun::skipStoresNothing()
{
    qvd::test::TestAppContext app;
    FirstRunDialog dialog(app.context());
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("apiKeyEdit")), kKey);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("skipButton")),
                      Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    const auto profile = *app.settings().profile(EndpointProfile::defaultProfileName());
    QCOMPARE(storedSecret(app.keychain(), profile.apiKeyName()), QString());
}

namespace {

// A DashScope profile on the loopback server, made the default.
void useLoopbackProfile(qvd::test::TestAppContext &app, const HttpTestServer &server)
{
    EndpointProfile profile;
    profile.name = QStringLiteral("loopback");
    profile.displayName = QStringLiteral("Loopback");
    profile.baseUrl = server.url(QStringLiteral("/api/v1"));
    profile.defaultModel = QStringLiteral("qwen3-vl-plus");
    profile.proxy.mode = qvd::ProxySettings::Mode::None;
    app.settings().saveProfile(profile);
    app.settings().setDefaultProfileName(profile.name);
}

QString runTest(FirstRunDialog &dialog)
{
    auto *field = dialog.findChild<ApiKeyField *>();
    QSignalSpy finished(field, &ApiKeyField::testFinished);
    QTest::keyClicks(field->lineEdit(), kKey);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testConnectionButton")),
                      Qt::LeftButton);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    }();
    return field->resultText();
}

// A valid key earns a 400 for the empty message (ConnectionTester).
Reply keyAcceptedReply()
{
    return Reply::http(400,
                       R"({"code":"InvalidParameter","message":"Role must be user )"
                       R"(or assistant and Content length must be greater than 0"})",
                       {"Content-Type: application/json"});
}

} // namespace

void TestFirstRun::testConnectionShowsAcceptedWithServerText()
{
    qvd::test::TestAppContext app;
    HttpTestServer server;
    QVERIFY(server.listen());
    useLoopbackProfile(app, server);
    server.enqueue(keyAcceptedReply());
    FirstRunDialog dialog(app.context());
    dialog.show();
    const QString shown = runTest(dialog);
    QVERIFY2(shown.contains(QStringLiteral("accepted")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("Content length must be greater than 0")),
             qPrintable(shown));
    QVERIFY(!allLabels(dialog).contains(kKey));
    QCOMPARE(server.requests().size(), 1);
    QVERIFY(server.requests().first().header("Authorization").endsWith(kKey.toLatin1()));
}

void TestFirstRun::testConnectionShowsRejectedWithServerText()
{
    qvd::test::TestAppContext app;
    HttpTestServer server;
    QVERIFY(server.listen());
    useLoopbackProfile(app, server);
    // The server echoes the key: it must not reach the screen.
    server.enqueue(
        Reply::http(401,
                    QByteArray(R"({"code":"InvalidApiKey","message":"Invalid API-key provided: )")
                        + kKey.toLatin1() + R"("})",
                    {"Content-Type: application/json"}));
    FirstRunDialog dialog(app.context());
    dialog.show();
    const QString shown = runTest(dialog);
    QVERIFY2(shown.contains(QStringLiteral("rejected")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("Invalid API-key provided")), qPrintable(shown));
    QVERIFY(!allLabels(dialog).contains(kKey));
}

void TestFirstRun::mainWindowOpensItOnlyWithoutAKey()
{
    {
        qvd::test::TestAppContext app;
        MainWindow window(app.context());
        window.show();
        window.openFirstRunIfNeeded();
        QTRY_VERIFY(window.findChild<FirstRunDialog *>());
        QTRY_VERIFY(window.findChild<FirstRunDialog *>()->isVisible());
    }
    qvd::test::TestAppContext app;
    const auto profile = *app.settings().profile(EndpointProfile::defaultProfileName());
    bool stored = false;
    app.context().keys->store(profile, kKey, [&](const ApiKeyLookup &) { stored = true; });
    QTRY_VERIFY(stored);
    MainWindow window(app.context());
    window.show();
    window.openFirstRunIfNeeded();
    // The window's lookup was asked first; once a later one answers, it has answered too.
    bool answered = false;
    app.context().keys->lookup(profile, [&](const ApiKeyLookup &) { answered = true; });
    QTRY_VERIFY(answered);
    QCoreApplication::processEvents();
    QVERIFY(!window.findChild<FirstRunDialog *>());
}

void TestFirstRun::unavailableKeychainIsExplainedAndKeyKeptForTheSession()
{
    qvd::test::TestAppContext base;
    UnavailableSecretStore keychain;
    qvd::ApiKeyVault keys(&keychain);
    qvd::AppContext context = base.context();
    context.keychain = &keychain;
    context.keys = &keys;

    MainWindow window(context);
    window.show();
    window.openFirstRunIfNeeded();
    QTRY_VERIFY(window.findChild<FirstRunDialog *>());
    auto *dialog = window.findChild<FirstRunDialog *>();
    auto *notice = dialog->findChild<QLabel *>(QStringLiteral("keychainNotice"));
    QTRY_VERIFY(notice->isVisible());
    QVERIFY(!notice->text().isEmpty());
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("apiKeyEdit"))->isEnabled());

    QSignalSpy stored(dialog, &FirstRunDialog::keyStored);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("apiKeyEdit")), kKey);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveButton")),
                      Qt::LeftButton);
    QVERIFY(stored.wait());
    QCOMPARE(stored.first().at(1).value<ApiKeyLookup>().source, ApiKeyLookup::Source::Session);
    QTRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("session")));
    QTRY_VERIFY(window.findChild<QLabel *>(QStringLiteral("profileStatus"))
                    ->text()
                    .contains(QStringLiteral("key for this session only")));
}

void TestFirstRun::opensAtItsNaturalSize_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("notice");
    QTest::newRow("English") << QStringLiteral("en") << QString();
    QTest::newRow("English, keychain notice")
        << QStringLiteral("en")
        << QStringLiteral("The system keychain reported an error. (Failed to execute child "
                          "process “dbus-launch” (No such file or directory))");
    QTest::newRow("Chinese") << QStringLiteral("zh_CN") << QString();
    QTest::newRow("Chinese, keychain notice")
        << QStringLiteral("zh_CN")
        << QStringLiteral("系统钥匙串报告了错误。（Failed to execute child process “dbus-launch” "
                          "(No such file or directory)）");
}

void TestFirstRun::opensAtItsNaturalSize()
{
    QFETCH(QString, language);
    QFETCH(QString, notice);
    qvd::LanguageManager languages;
    languages.setLanguage(language);
    const auto systemLanguage = qScopeGuard([&] { languages.setLanguage(QString()); });
    qvd::test::TestAppContext app;
    FirstRunDialog dialog(app.context());
    dialog.setKeychainNotice(notice); // before showing it, as the main window does
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("skipButton"))->text(),
             language == u"en" ? QStringLiteral("Skip for Now") : QStringLiteral("暂时跳过"));
    verifyNaturalSize(dialog);
    QString name = QString::fromLatin1(QTest::currentDataTag()).remove(u',').replace(u' ', u'-');
    qvd::test::saveArtifact(&dialog, QStringLiteral("first-run-") + name.toLower());
}

void TestFirstRun::growsForTheConnectionResult()
{
    qvd::test::TestAppContext app;
    HttpTestServer server;
    QVERIFY(server.listen());
    useLoopbackProfile(app, server);
    server.enqueue(keyAcceptedReply());
    FirstRunDialog dialog(app.context());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const int before = dialog.height();
    const QString shown = runTest(dialog);
    QVERIFY(!shown.isEmpty());
    auto *result = dialog.findChild<QLabel *>(QStringLiteral("connectionResult"));
    QVERIFY(result && result->isVisible());
    // The dialog makes room for it, whole, and stays without empty space.
    QTRY_VERIFY(result->height() >= result->heightForWidth(result->width()));
    QVERIFY(dialog.height() > before);
    verifyNaturalSize(dialog);
}

QVD_TEST_WIDGETS_MAIN(TestFirstRun)
#include "tst_FirstRun.moc"
