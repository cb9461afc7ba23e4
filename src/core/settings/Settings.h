#pragma once

#include "core/models/ModelInfo.h"
#include "core/settings/EndpointProfile.h"
#include "core/settings/ReplyLimits.h"

#include <QHash>
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

    // The family the person chose for a model id of a profile (a server's own models, whose
    // family is otherwise guessed from the id); nullopt when none was chosen.
    std::optional<ModelFamily> modelFamily(const QString &profileName,
                                           const QString &modelId) const;
    QHash<QString, ModelFamily> modelFamilies(const QString &profileName) const;
    // nullopt forgets the choice.
    void setModelFamily(const QString &profileName, const QString &modelId,
                        std::optional<ModelFamily> family);

    // The user's own model list, merged over the built-in one: models.json next to the
    // settings file, so the app and the command line read the same one.
    QString modelsFilePath() const;

    QString language() const; // "" follows the system
    void setLanguage(const QString &language);
    // ThemeManager's name of the look ("" follows the system).
    QString theme() const;
    void setTheme(const QString &theme);
    // The conversation that was open last, opened again at start.
    QString lastConversation() const;
    void setLastConversation(const QString &id);

    // Small per-user UI state (window geometry, splitter sizes, theme), stored under "ui/".
    QVariant uiValue(const QString &key, const QVariant &fallback = {}) const;
    void setUiValue(const QString &key, const QVariant &value);

    void sync();

Q_SIGNALS:
    void profilesChanged();
    void defaultProfileChanged();

private:
    std::optional<EndpointProfile> storedProfile(const QString &name) const;
    QStringList storedProfileNames() const;

    std::unique_ptr<QSettings> m_settings;
};

} // namespace qvd
