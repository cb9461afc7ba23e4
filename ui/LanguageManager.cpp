#include "ui/LanguageManager.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>

namespace qvd {
namespace {

const QString kSeparator = QStringLiteral("_");

// Where QtKeychain's .qm files may be: beside Qt's own, Debian's qt6keychain folder, or beside
// the executable (Windows and macOS bundles).
QStringList keychainTranslationDirs()
{
    return {QLibraryInfo::path(QLibraryInfo::TranslationsPath),
            QStringLiteral("/usr/share/qt6keychain/translations"),
            QCoreApplication::applicationDirPath() + QStringLiteral("/translations")};
}

} // namespace

LanguageManager::LanguageManager(QObject *parent) : QObject(parent), m_locale(QLocale::system()) { }

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

QStringList LanguageManager::codes()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString LanguageManager::nativeName(const QString &code)
{
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return QLocale(code).nativeLanguageName();
}

void LanguageManager::setLanguage(const QString &language)
{
    m_language = language;
    m_locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(m_locale);
    removeTranslators();
    installTranslators();
    Q_EMIT languageChanged(language);
}

void LanguageManager::removeTranslators()
{
    for (QTranslator *translator : std::as_const(m_installed))
        QCoreApplication::removeTranslator(translator);
    m_installed.clear();
}

void LanguageManager::installTranslators()
{
    // English has a .qm of its own for plural forms ("1 image", "2 images"); a language with no
    // translation of its own (or the C locale) shows the English texts, so it gets that one.
    const QString i18n = QStringLiteral(":/i18n");
    if (m_app.load(m_locale, QStringLiteral("qwenvl-desk"), kSeparator, i18n)
        || m_app.load(QStringLiteral("qwenvl-desk_en"), i18n))
        m_installed.append(&m_app);
    if (m_qt.load(m_locale, QStringLiteral("qtbase"), kSeparator,
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        m_installed.append(&m_qt);
    const QStringList dirs = keychainTranslationDirs();
    for (const QString &dir : dirs) {
        if (m_keychain.load(m_locale, QStringLiteral("qtkeychain"), kSeparator, dir)) {
            m_installed.append(&m_keychain);
            break;
        }
    }
    for (QTranslator *translator : std::as_const(m_installed))
        QCoreApplication::installTranslator(translator);
}

} // namespace qvd
