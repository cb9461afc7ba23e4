#pragma once

#include <QLocale>
#include <QObject>
#include <QTranslator>

namespace qvd {

// Switches the user interface language at run time: the app's own texts, Qt's (qtbase: dialog
// buttons, context menus) and QtKeychain's, plus QLocale's default so dates and numbers follow.
// Every window retranslates on the QEvent::LanguageChange that installing a translator sends;
// no restart. Owned by the application object; tests make their own.
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // "" follows the system locale; otherwise a code from codes(), e.g. "en" or "zh_CN".
    void setLanguage(const QString &language);
    QString language() const { return m_language; }
    // The locale in effect: the chosen language's, or the system's.
    QLocale locale() const { return m_locale; }

    // The languages the app is translated into, as codes for setLanguage().
    static QStringList codes();
    // A language's own name for itself ("English", "简体中文"), never translated.
    static QString nativeName(const QString &code);

Q_SIGNALS:
    void languageChanged(const QString &language);

private:
    void removeTranslators();
    void installTranslators();

    QString m_language;
    QLocale m_locale;
    QTranslator m_app;
    QTranslator m_qt;
    QTranslator m_keychain;
    QList<QTranslator *> m_installed;
};

} // namespace qvd
