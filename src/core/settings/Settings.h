#pragma once

#include "core/settings/EndpointProfile.h"
#include "core/settings/ReplyLimits.h"

#include <QObject>
#include <QSettings>

#include <memory>
#include <optional>

namespace qvd {

// The user's preferences, in the platform's config location (an INI file on Linux). Holds
// endpoints, proxies, language and defaults; never a key or a password.
class Settings : public QObject
{
    Q_OBJECT
public:
    // The platform's location, shared by the GUI and the CLI (QSettings' user scope).
    explicit Settings(QObject *parent = nullptr);
    // A specific INI file: for tests and portable installs.
    explicit Settings(const QString &iniPath, QObject *parent = nullptr);
    ~Settings() override;

    QString fileName() const;

    // Built-in profiles, with the user's changes applied, followed by the user's own.
    QList<EndpointProfile> profiles() const;
    std::optional<EndpointProfile> profile(const QString &name) const;
    void saveProfile(const EndpointProfile &profile);
    // Built-ins return to their defaults; user profiles are removed.
    void removeProfile(const QString &name);

    QString defaultProfileName() const;
    void setDefaultProfileName(const QString &name);

    // The defaults, with the answer size ("limits/answerMiB") and the deadline
    // ("limits/deadlineMinutes") the person set; the app and the CLI both use them.
    ReplyLimits replyLimits() const;
    void setReplyLimits(const ReplyLimits &limits);

    QString language() const; // "" follows the system
    void setLanguage(const QString &language);

    // Small per-user UI state (window geometry, splitter sizes, theme), stored under "ui/".
    QVariant uiValue(const QString &key, const QVariant &fallback = {}) const;
    void setUiValue(const QString &key, const QVariant &value);

    void sync();

Q_SIGNALS:
    void profilesChanged();

private:
    std::optional<EndpointProfile> storedProfile(const QString &name) const;
    QStringList storedProfileNames() const;

    std::unique_ptr<QSettings> m_settings;
};

} // namespace qvd
