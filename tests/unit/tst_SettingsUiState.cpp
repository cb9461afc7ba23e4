// Settings' small "ui/" key/value store (window geometry, splitter state, theme) on a real file.
#include "core/settings/Settings.h"

#include "TestMain.h"

using qvd::Settings;

class TestSettingsUiState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingValueGivesTheFallback();
    void valuesSurviveAReopenAndStayUnderUi();
    void uiStateDoesNotTouchProfiles();
};

void TestSettingsUiState::missingValueGivesTheFallback()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("s.ini")));
    QCOMPARE(settings.uiValue(QStringLiteral("theme")), QVariant());
    QCOMPARE(settings.uiValue(QStringLiteral("theme"), QStringLiteral("system")).toString(),
             QStringLiteral("system"));
}

void TestSettingsUiState::valuesSurviveAReopenAndStayUnderUi()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    const QByteArray state("\x00\x01\xff binary", 10);
    {
        Settings settings(path);
        settings.setUiValue(QStringLiteral("mainWindow/splitter"), state);
        settings.setUiValue(QStringLiteral("theme"), QStringLiteral("dark"));
        settings.sync();
    }
    Settings reopened(path);
    QCOMPARE(reopened.uiValue(QStringLiteral("mainWindow/splitter")).toByteArray(), state);
    QCOMPARE(reopened.uiValue(QStringLiteral("theme")).toString(), QStringLiteral("dark"));
    QSettings raw(path, QSettings::IniFormat);
    QCOMPARE(raw.value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
}

void TestSettingsUiState::uiStateDoesNotTouchProfiles()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("s.ini")));
    const auto before = settings.profiles();
    settings.setUiValue(QStringLiteral("theme"), QStringLiteral("light"));
    QCOMPARE(settings.profiles(), before);
    QCOMPARE(settings.language(), QString());
}

QVD_TEST_MAIN(TestSettingsUiState)
#include "tst_SettingsUiState.moc"
