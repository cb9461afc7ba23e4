// Run-time language switching: every top-level window (main window, settings dialog, first-run
// dialog) changes its visible texts to Chinese and back, with Qt's and QtKeychain's own texts
// and the default locale following.
#include "ui/LanguageManager.h"
#include "ui/settings/FirstRunDialog.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/window/MainWindow.h"

#include "TestAppContext.h"
#include "TestMain.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>

using qvd::FirstRunDialog;
using qvd::LanguageManager;
using qvd::MainWindow;
using qvd::SettingsDialog;

namespace {

bool hasHan(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return text.contains(han);
}

} // namespace

class TestLanguageManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void switchingRetranslatesEveryTopLevelWindow();
    void defaultLocaleFollowsTheLanguage();
    void emptyLanguageFollowsTheSystem();
    void qtAndKeychainTextsAreTranslatedToo();
    void englishPluralsWithoutATranslationForTheLanguage();
    void settingsDialogSwitchesLanguageWithoutRestart();
};

void TestLanguageManager::switchingRetranslatesEveryTopLevelWindow()
{
    qvd::test::TestAppContext app;
    LanguageManager language;
    language.setLanguage(QStringLiteral("en"));

    MainWindow window(app.context());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SettingsDialog settings(app.context());
    settings.show();
    FirstRunDialog firstRun(app.context());
    firstRun.show();
    QVERIFY(QTest::qWaitForWindowExposed(&settings));
    QVERIFY(QTest::qWaitForWindowExposed(&firstRun));

    auto *fileMenu = window.findChild<QMenu *>(QStringLiteral("menuFile"));
    auto *tabs = settings.findChild<QTabWidget *>(QStringLiteral("tabs"));
    auto *cancel = settings.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel);
    auto *save = firstRun.findChild<QPushButton *>(QStringLiteral("saveButton"));
    QVERIFY(fileMenu && tabs && cancel && save);
    const auto texts = [&] {
        return QStringList{fileMenu->title(), settings.windowTitle(), tabs->tabText(0),
                           cancel->text(),    firstRun.windowTitle(), save->text()};
    };
    const QStringList english = texts();
    for (const QString &text : english)
        QVERIFY2(!hasHan(text), qPrintable(text));

    language.setLanguage(QStringLiteral("zh_CN"));
    QTRY_VERIFY(hasHan(fileMenu->title()));
    const QStringList chinese = texts();
    for (int i = 0; i < chinese.size(); ++i) {
        QVERIFY2(chinese.at(i) != english.at(i), qPrintable(english.at(i)));
        QVERIFY2(hasHan(chinese.at(i)), qPrintable(chinese.at(i)));
    }

    language.setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(fileMenu->title(), english.first());
    QCOMPARE(texts(), english);
}

void TestLanguageManager::defaultLocaleFollowsTheLanguage()
{
    LanguageManager language;
    language.setLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(QLocale().language(), QLocale::Chinese);
    QCOMPARE(language.locale().territory(), QLocale::China);
    QVERIFY(hasHan(QLocale().toString(QDate(2025, 3, 1), QLocale::LongFormat)));
    language.setLanguage(QStringLiteral("en"));
    QCOMPARE(QLocale().language(), QLocale::English);
    QVERIFY(!hasHan(QLocale().toString(QDate(2025, 3, 1), QLocale::LongFormat)));
}

void TestLanguageManager::emptyLanguageFollowsTheSystem()
{
    LanguageManager language;
    QSignalSpy changed(&language, &LanguageManager::languageChanged);
    language.setLanguage(QString());
    QCOMPARE(language.locale(), QLocale::system());
    QCOMPARE(QLocale(), QLocale::system());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(LanguageManager::nativeName(QStringLiteral("zh_CN")), QStringLiteral("简体中文"));
}

// A system language the app has no translation for (or the C locale of a bare session) shows
// the English texts, with English plurals ("1 file", not "1 file(s)").
void TestLanguageManager::englishPluralsWithoutATranslationForTheLanguage()
{
    LanguageManager language;
    for (const QString &code : {QStringLiteral("fr_FR"), QStringLiteral("C")}) {
        language.setLanguage(code);
        QCOMPARE(QCoreApplication::translate("qvd::MainWindow", "Cannot open %n file(s): %1",
                                             nullptr, 1),
                 QStringLiteral("Cannot open 1 file: %1"));
        QCOMPARE(QCoreApplication::translate("qvd::MainWindow", "Cannot open %n file(s): %1",
                                             nullptr, 2),
                 QStringLiteral("Cannot open 2 files: %1"));
    }
    language.setLanguage(QStringLiteral("en"));
}

void TestLanguageManager::qtAndKeychainTextsAreTranslatedToo()
{
    LanguageManager language;
    language.setLanguage(QStringLiteral("zh_CN"));
    QVERIFY(hasHan(QCoreApplication::translate("QPlatformTheme", "Cancel")));
    // Debian ships QtKeychain's Chinese as qtkeychain_zh.qm.
    QVERIFY(hasHan(
        QCoreApplication::translate("QKeychain::ReadPasswordJobPrivate", "Password not found")));
    language.setLanguage(QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
}

void TestLanguageManager::settingsDialogSwitchesLanguageWithoutRestart()
{
    qvd::test::TestAppContext app;
    LanguageManager language;
    language.setLanguage(QStringLiteral("en"));
    app.context().language = &language;
    MainWindow window(app.context());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *fileMenu = window.findChild<QMenu *>(QStringLiteral("menuFile"));
    const QString english = fileMenu->title();

    SettingsDialog dialog(app.context());
    dialog.show();
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(QStringLiteral("zh_CN")));
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(app.settings().language(), QStringLiteral("zh_CN"));
    QTRY_VERIFY(hasHan(fileMenu->title()));

    language.setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(fileMenu->title(), english);
}

QVD_TEST_WIDGETS_MAIN(TestLanguageManager)
#include "tst_LanguageManager.moc"
