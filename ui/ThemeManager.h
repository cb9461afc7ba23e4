#pragma once

#include <QObject>
#include <QPalette>

namespace qvd {

// The application's look: the system's style and palette (which follows a dark desktop), or a
// fixed light or dark one. Dark uses the Fusion style, whose palette support is complete on
// every platform. Owned by the application object; tests make their own.
class ThemeManager : public QObject
{
    Q_OBJECT
public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    // Remembers the style and palette in effect now as "the system's".
    explicit ThemeManager(QObject *parent = nullptr);

    void setTheme(Theme theme);
    Theme theme() const { return m_theme; }

    // Stable names for the settings file: "system", "light", "dark".
    static QString name(Theme theme);
    static Theme fromName(const QString &name);
    static QPalette darkPalette();

Q_SIGNALS:
    void themeChanged(qvd::ThemeManager::Theme theme);

private:
    Theme m_theme = Theme::System;
    QString m_systemStyle;
    QPalette m_systemPalette;
};

} // namespace qvd
