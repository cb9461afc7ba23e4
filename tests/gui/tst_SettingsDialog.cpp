// The settings dialog: a custom profile with its proxy, whose key and proxy password land in
// the (memory) keychain and never in the INI file; validation; removal; test connection; the
// proxy installer; the dark theme.
#include "app/ProxyInstaller.h"
#include "core/api/ProfileProxyFactory.h"
#include "core/settings/Settings.h"
#include "ui/ThemeManager.h"
#include "ui/settings/ApiKeyField.h"
#include "ui/settings/ProfileEditor.h"
#include "ui/settings/ProfilesPage.h"
#include "ui/settings/SettingsDialog.h"

#include "HttpTestServer.h"
#include "TestAppContext.h"
#include "TestMain.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkProxyQuery>
#include <QPushButton>
#include <QSpinBox>
#include <QStyle>

using qvd::EndpointProfile;
using qvd::ProfilesPage;
using qvd::ProxySettings;
using qvd::SecretResult;
using qvd::SettingsDialog;
using qvd::ThemeManager;
using qvd::test::HttpTestServer;
using qvd::test::Reply;

namespace {

const QString kKey = QStringLiteral("sk-settings-9876543210");
const QString kProxyPassword = QStringLiteral("pr0xy-pa55word-xyz");

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

template<typename T>
T *child(const QWidget &parent, const char *name)
{
    auto *found = parent.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

void replaceText(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

void clickOk(SettingsDialog &dialog)
{
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void listsBuiltInsAndSelectsTheDefault();
    void customProfileWithProxyKeepsSecretsOutOfTheFile();
    void invalidProfileIsExplainedAndNothingSaved();
    void removingACustomProfileForgetsItsKey();
    void editingABuiltInModelAndDefaultProfile();
    void testConnectionUsesTheEditedProfile();
    void proxyInstallerUsesThePasswordFromTheKeychain();
    void darkThemeAppliesFusionAndADarkPalette();
};

void TestSettingsDialog::init()
{
    qvd::test::TestAppContext::forgetSettings();
}

void TestSettingsDialog::listsBuiltInsAndSelectsTheDefault()
{
    qvd::test::TestAppContext app;
    SettingsDialog dialog(app.context());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *list = child<QListWidget>(dialog, "profileList");
    QCOMPARE(list->count(), EndpointProfile::builtIns().size());
    QCOMPARE(list->currentRow(), 0);
    QVERIFY(list->item(0)->text().contains(EndpointProfile::builtIns().first().displayName));
    QVERIFY(!child<QPushButton>(dialog, "removeProfileButton")->isEnabled());
    QVERIFY(child<QLineEdit>(dialog, "nameEdit")->isReadOnly());
    QCOMPARE(child<QLineEdit>(dialog, "apiKeyEdit")->echoMode(), QLineEdit::Password);
}

void TestSettingsDialog::customProfileWithProxyKeepsSecretsOutOfTheFile()
{
    qvd::test::TestAppContext app;
    SettingsDialog dialog(app.context());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(child<QPushButton>(dialog, "addProfileButton"), Qt::LeftButton);

    replaceText(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("my-gateway"));
    replaceText(child<QLineEdit>(dialog, "displayNameEdit"), QStringLiteral("My gateway"));
    child<QComboBox>(dialog, "protocolCombo")->setCurrentIndex(1);
    replaceText(child<QLineEdit>(dialog, "baseUrlEdit"), QStringLiteral("https://gw.example/v1"));
    child<QComboBox>(dialog, "modelCombo")->setCurrentText(QStringLiteral("qwen3-vl-flash"));
    QTest::keyClicks(child<QLineEdit>(dialog, "apiKeyEdit"), kKey);
    child<QComboBox>(dialog, "proxyModeCombo")->setCurrentIndex(int(ProxySettings::Mode::Socks5));
    QVERIFY(child<QLineEdit>(dialog, "proxyHostEdit")->isEnabled());
    QTest::keyClicks(child<QLineEdit>(dialog, "proxyHostEdit"), QStringLiteral("127.0.0.1"));
    child<QSpinBox>(dialog, "proxyPortSpin")->setValue(1080);
    QTest::keyClicks(child<QLineEdit>(dialog, "proxyUserEdit"), QStringLiteral("alice"));
    auto *password = child<QLineEdit>(dialog, "proxyPasswordEdit");
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QTest::keyClicks(password, kProxyPassword);
    // The list shows the new name as typed.
    QTRY_VERIFY(child<QListWidget>(dialog, "profileList")
                    ->currentItem()
                    ->text()
                    .contains(QStringLiteral("My gateway")));

    QSignalSpy applied(&dialog, &SettingsDialog::applied);
    clickOk(dialog);
    QVERIFY(applied.wait());
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const auto saved = app.settings().profile(QStringLiteral("my-gateway"));
    QVERIFY(saved);
    QCOMPARE(saved->displayName, QStringLiteral("My gateway"));
    QCOMPARE(saved->protocol, EndpointProfile::Protocol::OpenAiCompatible);
    QCOMPARE(saved->baseUrl, QUrl(QStringLiteral("https://gw.example/v1")));
    QCOMPARE(saved->defaultModel, QStringLiteral("qwen3-vl-flash"));
    QCOMPARE(saved->proxy.mode, ProxySettings::Mode::Socks5);
    QCOMPARE(saved->proxy.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(saved->proxy.port, quint16(1080));
    QCOMPARE(saved->proxy.user, QStringLiteral("alice"));
    QCOMPARE(storedSecret(app.keychain(), saved->proxyPasswordKey()), kProxyPassword);
    QCOMPARE(storedSecret(app.keychain(), saved->apiKeyName()), kKey);

    QFile ini(app.settings().fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray bytes = ini.readAll();
    QVERIFY(bytes.contains("my-gateway"));
    QVERIFY(bytes.contains("alice"));
    QVERIFY(!bytes.contains(kProxyPassword.toUtf8()));
    QVERIFY(!bytes.contains(kKey.toUtf8()));
    QVERIFY(!bytes.contains("pr0xy"));
}

void TestSettingsDialog::invalidProfileIsExplainedAndNothingSaved()
{
    qvd::test::TestAppContext app;
    SettingsDialog dialog(app.context());
    dialog.show();
    QTest::mouseClick(child<QPushButton>(dialog, "addProfileButton"), Qt::LeftButton);
    replaceText(child<QLineEdit>(dialog, "baseUrlEdit"),
                QStringLiteral("http://remote.example/v1"));
    clickOk(dialog);
    auto *error = child<QLabel>(dialog, "errorLabel");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("https://")), qPrintable(error->text()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(app.settings().profiles().size(), EndpointProfile::builtIns().size());
}

void TestSettingsDialog::removingACustomProfileForgetsItsKey()
{
    qvd::test::TestAppContext app;
    EndpointProfile custom;
    custom.name = QStringLiteral("old-server");
    custom.displayName = QStringLiteral("Old server");
    custom.protocol = EndpointProfile::Protocol::OpenAiCompatible;
    custom.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
    app.settings().saveProfile(custom);
    bool stored = false;
    app.context().keys->store(custom, kKey, [&](const qvd::ApiKeyLookup &) { stored = true; });
    QTRY_VERIFY(stored);

    SettingsDialog dialog(app.context());
    dialog.show();
    dialog.profilesPage()->selectProfile(custom.name);
    auto *remove = child<QPushButton>(dialog, "removeProfileButton");
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(child<QListWidget>(dialog, "profileList")->count(),
             EndpointProfile::builtIns().size());
    QSignalSpy applied(&dialog, &SettingsDialog::applied);
    clickOk(dialog);
    QVERIFY(applied.wait());
    QVERIFY(!app.settings().profile(custom.name));
    QCOMPARE(storedSecret(app.keychain(), custom.apiKeyName()), QString());
}

void TestSettingsDialog::editingABuiltInModelAndDefaultProfile()
{
    qvd::test::TestAppContext app;
    SettingsDialog dialog(app.context());
    dialog.show();
    dialog.profilesPage()->selectProfile(QStringLiteral("dashscope-singapore"));
    child<QComboBox>(dialog, "modelCombo")->setCurrentText(QStringLiteral("qwen3-vl-flash"));
    auto *defaults = child<QComboBox>(dialog, "defaultProfileCombo");
    defaults->setCurrentIndex(defaults->findData(QStringLiteral("dashscope-singapore")));
    QSignalSpy applied(&dialog, &SettingsDialog::applied);
    clickOk(dialog);
    QVERIFY(applied.wait());
    QCOMPARE(app.settings().defaultProfileName(), QStringLiteral("dashscope-singapore"));
    QCOMPARE(app.settings().profile(QStringLiteral("dashscope-singapore"))->defaultModel,
             QStringLiteral("qwen3-vl-flash"));
    // Untouched built-ins are not written to the file.
    QFile ini(app.settings().fileName());
    QVERIFY(ini.open(QIODevice::ReadOnly));
    QVERIFY(!ini.readAll().contains("dashscope-us"));
}

void TestSettingsDialog::testConnectionUsesTheEditedProfile()
{
    qvd::test::TestAppContext app;
    HttpTestServer server;
    QVERIFY(server.listen());
    server.enqueue(Reply::http(401,
                               R"({"code":"InvalidApiKey","message":"Invalid API-key provided."})",
                               {"Content-Type: application/json"}));
    SettingsDialog dialog(app.context());
    dialog.show();
    QTest::mouseClick(child<QPushButton>(dialog, "addProfileButton"), Qt::LeftButton);
    child<QComboBox>(dialog, "protocolCombo")->setCurrentIndex(0);
    replaceText(child<QLineEdit>(dialog, "baseUrlEdit"),
                server.url(QStringLiteral("/api/v1")).toString());
    child<QComboBox>(dialog, "proxyModeCombo")->setCurrentIndex(int(ProxySettings::Mode::None));
    QTest::keyClicks(child<QLineEdit>(dialog, "apiKeyEdit"), kKey);
    auto *field = dialog.findChild<qvd::ApiKeyField *>();
    QSignalSpy finished(field, &qvd::ApiKeyField::testFinished);
    QTest::mouseClick(child<QPushButton>(dialog, "testConnectionButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY(field->resultText().contains(QStringLiteral("rejected")));
    QVERIFY(field->resultText().contains(QStringLiteral("Invalid API-key provided.")));
    QVERIFY(!field->resultText().contains(kKey));
    QCOMPARE(server.requests().size(), 1);
    // Nothing is saved by a test.
    QCOMPARE(app.settings().profiles().size(), EndpointProfile::builtIns().size());
}

void TestSettingsDialog::proxyInstallerUsesThePasswordFromTheKeychain()
{
    qvd::test::TestAppContext app;
    QNetworkAccessManager network;
    auto *factory = new qvd::ProfileProxyFactory;
    network.setProxyFactory(factory);
    qvd::ProxyInstaller installer(&app.settings(), &app.keychain(), factory);
    QSignalSpy refreshed(&installer, &qvd::ProxyInstaller::refreshed);

    EndpointProfile profile;
    profile.name = QStringLiteral("behind-proxy");
    profile.displayName = profile.name;
    profile.baseUrl = QUrl(QStringLiteral("https://api.example:8443/v1"));
    profile.proxy = {ProxySettings::Mode::Http, QStringLiteral("127.0.0.1"), 3128,
                     QStringLiteral("bob")};
    bool written = false;
    app.keychain().write(profile.proxyPasswordKey(), kProxyPassword,
                         [&](const SecretResult &) { written = true; });
    QTRY_VERIFY(written);
    app.settings().saveProfile(profile); // profilesChanged → refresh
    QVERIFY(refreshed.wait());

    const QList<QNetworkProxy> proxies = factory->queryProxy(
        QNetworkProxyQuery(QUrl(QStringLiteral("https://api.example:8443/v1/x"))));
    QVERIFY(!proxies.isEmpty());
    QCOMPARE(proxies.first().type(), QNetworkProxy::HttpProxy);
    QCOMPARE(proxies.first().port(), quint16(3128));
    QCOMPARE(proxies.first().user(), QStringLiteral("bob"));
    QCOMPARE(proxies.first().password(), kProxyPassword);

    // Switched to "no proxy": the next refresh takes the proxy away.
    profile.proxy = {ProxySettings::Mode::None, {}, 0, {}};
    app.settings().saveProfile(profile);
    QVERIFY(refreshed.wait());
    const QList<QNetworkProxy> direct = factory->queryProxy(
        QNetworkProxyQuery(QUrl(QStringLiteral("https://api.example:8443/v1/x"))));
    QVERIFY(!direct.isEmpty());
    QCOMPARE(direct.first().type(), QNetworkProxy::NoProxy);
}

void TestSettingsDialog::darkThemeAppliesFusionAndADarkPalette()
{
    qvd::test::TestAppContext app;
    ThemeManager theme;
    app.context().theme = &theme;
    const QColor systemWindow = QApplication::palette().color(QPalette::Window);

    SettingsDialog dialog(app.context());
    dialog.show();
    child<QComboBox>(dialog, "themeCombo")->setCurrentIndex(int(ThemeManager::Theme::Dark));
    QSignalSpy applied(&dialog, &SettingsDialog::applied);
    clickOk(dialog);
    QVERIFY(applied.wait());
    QCOMPARE(theme.theme(), ThemeManager::Theme::Dark);
    QCOMPARE(QApplication::style()->name(), QStringLiteral("fusion"));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
    QTRY_VERIFY(dialog.palette().color(QPalette::Window).lightness() < 80);
    QCOMPARE(app.settings().uiValue(QStringLiteral("theme")).toString(), QStringLiteral("dark"));

    theme.setTheme(ThemeManager::Theme::System);
    QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
    theme.setTheme(ThemeManager::Theme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
    theme.setTheme(ThemeManager::Theme::System);
}

QVD_TEST_WIDGETS_MAIN(TestSettingsDialog)
#include "tst_SettingsDialog.moc"
