#pragma once

#include "core/conversation/ChatSession.h"

#include <QObject>
#include <QString>

#include <functional>

namespace qvd {

class ActiveEndpoint;
class ApiKeyVault;
class Settings;

// One model a question is put to, and the profile whose server and key reach it ("Ask several
// models"). An empty profile name is the active profile.
struct AskTarget
{
    QString profileName;
    QString modelId;

    friend bool operator==(const AskTarget &a, const AskTarget &b)
    {
        return a.profileName == b.profileName && a.modelId == b.modelId;
    }
};

// The most targets one question goes to at once.
inline constexpr int kMaxAskTargets = 4;

// Finds where each target's request goes: the active endpoint's backend for the active profile
// (waiting for it to resolve), and for another profile a backend built with its key as the
// vault finds it (environment, keychain, session), used for this question only. Calls `done`
// once, with a target per AskTarget in order, or with a translated reason why not (and no
// targets). `modelOf` names each target's model as the desk reads it (a local server's own
// models included). `context` going away cancels the call.
void resolveAskTargets(
    const QList<AskTarget> &targets, ActiveEndpoint *endpoint, ApiKeyVault *keys,
    Settings *settings, const std::function<ModelInfo(const AskTarget &)> &modelOf,
    QObject *context,
    std::function<void(const QList<ChatSession::AnswerTarget> &targets, const QString &problem)>
        done);

} // namespace qvd
