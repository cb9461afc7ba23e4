#include "core/settings/Settings.h"

#include "core/AppInfo.h"
#include "core/models/ModelNames.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <iterator>

namespace qvd {
namespace {

// Not "general": QSettings writes a group of that name as the INI file's special [%General]
// section and reads it back under another name.

const QString kProfiles = QStringLiteral("profiles");

QString protocolName(EndpointProfile::Protocol protocol)
{
    return protocol == EndpointProfile::Protocol::DashScope ? QStringLiteral("dashscope")
                                                            : QStringLiteral("openai");
}

EndpointProfile::Protocol protocolFrom(const QString &name)
{
    return name == QLatin1String("openai") ? EndpointProfile::Protocol::OpenAiCompatible
                                           : EndpointProfile::Protocol::DashScope;
}

const char *const kProxyModes[] = {"system", "none", "http", "socks5"};

QString proxyModeName(ProxySettings::Mode mode)
{
    return QString::fromLatin1(kProxyModes[int(mode)]);
}

ProxySettings::Mode proxyModeFrom(const QString &name)
{
    for (int i = 0; i < int(std::size(kProxyModes)); ++i) {
        if (name == QLatin1String(kProxyModes[i]))
            return ProxySettings::Mode(i);
    }
    return ProxySettings::Mode::System;
}

} // namespace

Settings::Settings(QObject *parent)
    : QObject(parent),
      m_settings(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                             QString::fromLatin1(appinfo::kSettingsName),
                                             QString::fromLatin1(appinfo::kSettingsName)))
{ }

Settings::Settings(const QString &iniPath, QObject *parent)
    : QObject(parent), m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{ }

Settings::~Settings() = default;

QString Settings::fileName() const
{
    return m_settings->fileName();
}

QList<EndpointProfile> Settings::profiles() const
{
    QList<EndpointProfile> result;
    QStringList builtInNames;
    for (const EndpointProfile &builtIn : EndpointProfile::builtIns()) {
        builtInNames.append(builtIn.name);
        result.append(storedProfile(builtIn.name).value_or(builtIn));
    }
    for (const QString &name : storedProfileNames()) {
        if (!builtInNames.contains(name)) {
            if (auto stored = storedProfile(name))
                result.append(*stored);
        }
    }
    return result;
}

std::optional<EndpointProfile> Settings::profile(const QString &name) const
{
    for (const EndpointProfile &candidate : profiles()) {
        if (candidate.name == name)
            return candidate;
    }
    return std::nullopt;
}

void Settings::saveProfile(const EndpointProfile &profile)
{
    m_settings->beginGroup(kProfiles + QLatin1Char('/') + profile.name);
    m_settings->setValue(QStringLiteral("displayName"), profile.displayName);
    m_settings->setValue(QStringLiteral("protocol"), protocolName(profile.protocol));
    m_settings->setValue(QStringLiteral("baseUrl"), profile.baseUrl.toString());
    m_settings->setValue(QStringLiteral("defaultModel"), profile.defaultModel);
    m_settings->setValue(QStringLiteral("keyRequired"), profile.keyRequired);
    m_settings->setValue(QStringLiteral("proxy/mode"), proxyModeName(profile.proxy.mode));
    m_settings->setValue(QStringLiteral("proxy/host"), profile.proxy.host);
    m_settings->setValue(QStringLiteral("proxy/port"), profile.proxy.port);
    m_settings->setValue(QStringLiteral("proxy/user"), profile.proxy.user);
    m_settings->endGroup();
    Q_EMIT profilesChanged();
}

void Settings::removeProfile(const QString &name)
{
    m_settings->remove(kProfiles + QLatin1Char('/') + name);
    if (defaultProfileName() == name)
        m_settings->remove(QStringLiteral("app/defaultProfile"));
    Q_EMIT profilesChanged();
}

QString Settings::defaultProfileName() const
{
    const QString name = m_settings->value(QStringLiteral("app/defaultProfile")).toString();
    return !name.isEmpty() && profile(name) ? name : EndpointProfile::defaultProfileName();
}

void Settings::setDefaultProfileName(const QString &name)
{
    const QString before = defaultProfileName();
    m_settings->setValue(QStringLiteral("app/defaultProfile"), name);
    if (defaultProfileName() != before)
        Q_EMIT defaultProfileChanged();
}

namespace {

// Model ids hold "/" and ":" (Hugging Face names, Ollama tags), which QSettings would read as
// groups: each is percent-encoded into one key.
QString modelFamiliesGroup(const QString &profileName)
{
    return kProfiles + QLatin1Char('/') + profileName + QStringLiteral("/modelFamilies");
}

QString modelKey(const QString &modelId)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(modelId));
}

} // namespace

std::optional<ModelFamily> Settings::modelFamily(const QString &profileName,
                                                 const QString &modelId) const
{
    const QString name =
        m_settings->value(modelFamiliesGroup(profileName) + QLatin1Char('/') + modelKey(modelId))
            .toString();
    return familyFromName(name);
}

QHash<QString, ModelFamily> Settings::modelFamilies(const QString &profileName) const
{
    QHash<QString, ModelFamily> families;
    m_settings->beginGroup(modelFamiliesGroup(profileName));
    const QStringList keys = m_settings->childKeys();
    for (const QString &key : keys) {
        if (const auto family = familyFromName(m_settings->value(key).toString()))
            families.insert(QUrl::fromPercentEncoding(key.toLatin1()), *family);
    }
    m_settings->endGroup();
    return families;
}

void Settings::setModelFamily(const QString &profileName, const QString &modelId,
                              std::optional<ModelFamily> family)
{
    const QString key = modelFamiliesGroup(profileName) + QLatin1Char('/') + modelKey(modelId);
    if (family)
        m_settings->setValue(key, familyName(*family));
    else
        m_settings->remove(key);
}

QString Settings::modelsFilePath() const
{
    return QFileInfo(m_settings->fileName()).absoluteDir().filePath(QStringLiteral("models.json"));
}

ReplyLimits Settings::replyLimits() const
{
    ReplyLimits limits;
    bool ok = false;
    const qint64 answerMiB = m_settings->value(QStringLiteral("limits/answerMiB")).toLongLong(&ok);
    if (ok && answerMiB > 0)
        limits.maxAnswerBytes = answerMiB * ReplyLimits::kMiB;
    const qint64 minutes =
        m_settings->value(QStringLiteral("limits/deadlineMinutes")).toLongLong(&ok);
    if (ok && minutes >= 0) // 0: no deadline
        limits.deadline = std::chrono::minutes(minutes);
    return limits;
}

void Settings::setReplyLimits(const ReplyLimits &limits)
{
    m_settings->setValue(QStringLiteral("limits/answerMiB"),
                         std::max<qint64>(1, limits.maxAnswerBytes / ReplyLimits::kMiB));
    m_settings->setValue(
        QStringLiteral("limits/deadlineMinutes"),
        qint64(std::chrono::duration_cast<std::chrono::minutes>(limits.deadline).count()));
}

QString Settings::language() const
{
    return m_settings->value(QStringLiteral("app/language")).toString();
}

void Settings::setLanguage(const QString &language)
{
    m_settings->setValue(QStringLiteral("app/language"), language);
}

QString Settings::theme() const
{
    return uiValue(QStringLiteral("theme")).toString();
}

void Settings::setTheme(const QString &theme)
{
    setUiValue(QStringLiteral("theme"), theme);
}

QString Settings::lastConversation() const
{
    return uiValue(QStringLiteral("history/lastConversation")).toString();
}

void Settings::setLastConversation(const QString &id)
{
    setUiValue(QStringLiteral("history/lastConversation"), id);
}

QVariant Settings::uiValue(const QString &key, const QVariant &fallback) const
{
    return m_settings->value(QStringLiteral("ui/") + key, fallback);
}

void Settings::setUiValue(const QString &key, const QVariant &value)
{
    m_settings->setValue(QStringLiteral("ui/") + key, value);
}

void Settings::sync()
{
    m_settings->sync();
}

std::optional<EndpointProfile> Settings::storedProfile(const QString &name) const
{
    if (!storedProfileNames().contains(name))
        return std::nullopt;
    m_settings->beginGroup(kProfiles + QLatin1Char('/') + name);
    EndpointProfile profile;
    profile.name = name;
    profile.displayName = m_settings->value(QStringLiteral("displayName"), name).toString();
    profile.protocol = protocolFrom(m_settings->value(QStringLiteral("protocol")).toString());
    profile.baseUrl = QUrl(m_settings->value(QStringLiteral("baseUrl")).toString());
    profile.defaultModel = m_settings->value(QStringLiteral("defaultModel")).toString();
    profile.keyRequired = m_settings->value(QStringLiteral("keyRequired"), true).toBool();
    profile.proxy.mode = proxyModeFrom(m_settings->value(QStringLiteral("proxy/mode")).toString());
    profile.proxy.host = m_settings->value(QStringLiteral("proxy/host")).toString();
    profile.proxy.port = quint16(m_settings->value(QStringLiteral("proxy/port")).toUInt());
    profile.proxy.user = m_settings->value(QStringLiteral("proxy/user")).toString();
    m_settings->endGroup();
    return profile;
}

QStringList Settings::storedProfileNames() const
{
    m_settings->beginGroup(kProfiles);
    const QStringList names = m_settings->childGroups();
    m_settings->endGroup();
    return names;
}

} // namespace qvd
