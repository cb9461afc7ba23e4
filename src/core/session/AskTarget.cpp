#include "core/session/AskTarget.h"

#include "core/api/BackendFactory.h"
#include "core/session/ActiveEndpoint.h"
#include "core/settings/EndpointEnvironment.h"
#include "core/settings/Settings.h"

#include <QCoreApplication>
#include <QPointer>

#include <memory>

namespace qvd {

namespace {

struct Pending
{
    QList<ChatSession::AnswerTarget> targets;
    QStringList problems;
    int waiting = 0;
    std::function<void(const QList<ChatSession::AnswerTarget> &, const QString &)> done;

    void finishOne()
    {
        if (--waiting > 0)
            return;
        if (!problems.isEmpty())
            done({}, problems.first());
        else
            done(targets, QString());
    }
};

class Text
{
    Q_DECLARE_TR_FUNCTIONS(qvd::AskTarget)
};

} // namespace

void resolveAskTargets(
    const QList<AskTarget> &targets, ActiveEndpoint *endpoint, ApiKeyVault *keys,
    Settings *settings, const std::function<ModelInfo(const AskTarget &)> &modelOf,
    QObject *context,
    std::function<void(const QList<ChatSession::AnswerTarget> &targets, const QString &problem)>
        done)
{
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    if (targets.isEmpty()) {
        pending->done({}, Text::tr("Choose at least one model to ask."));
        return;
    }
    pending->targets.resize(targets.size());
    pending->waiting = int(targets.size());
    QPointer<QObject> alive(context);
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const AskTarget target = targets[i];
        pending->targets[i].model = modelOf(target);
        if (target.modelId.trimmed().isEmpty()) {
            pending->problems.append(Text::tr("Choose a model for every row."));
            pending->finishOne();
            continue;
        }
        const bool active =
            target.profileName.isEmpty() || target.profileName == endpoint->profile().name;
        if (active) {
            endpoint->whenResolved([pending, i, endpoint, alive](bool ready) {
                if (!alive)
                    return;
                if (ready)
                    pending->targets[i].backend = endpoint->backend();
                else
                    pending->problems.append(endpoint->problem());
                pending->finishOne();
            });
            continue;
        }
        const std::optional<EndpointProfile> stored = settings->profile(target.profileName);
        const EndpointProfile profile = withEnvironment(stored.value_or(EndpointProfile()));
        if (!stored || !profile.validationError().isEmpty()) {
            pending->problems.append(Text::tr("Cannot send to “%1”: the profile cannot be used.")
                                         .arg(stored ? profile.displayName : target.profileName));
            pending->finishOne();
            continue;
        }
        keys->lookup(profile, [pending, i, profile, alive](const ApiKeyLookup &found) {
            if (!alive)
                return;
            if (found.key.isEmpty() && profile.keyRequired)
                pending->problems.append(
                    Text::tr(
                        "Cannot send to “%1”: there is no API key for it. Add one in Settings.")
                        .arg(profile.displayName));
            else
                pending->targets[i].backend = makeBackend(profile, found.key);
            pending->finishOne();
        });
    }
}

} // namespace qvd
