#include "core/batch/JobTarget.h"

#include "core/batch/BatchSupport.h"
#include "core/models/ModelRegistry.h"
#include "core/secrets/ApiKeyVault.h"
#include "core/secrets/KeyScope.h"
#include "core/settings/EndpointEnvironment.h"
#include "core/settings/Settings.h"

namespace qvd {

std::optional<JobTarget> JobTarget::resolve(const Settings &settings, const ModelRegistry &models,
                                            const JobSpec &job, QString *error)
{
    const QString name =
        job.profileName.isEmpty() ? settings.defaultProfileName() : job.profileName;
    const std::optional<EndpointProfile> profile = settings.profile(name);
    if (!profile) {
        if (error)
            *error = tr("There is no profile named '%1'.").arg(name);
        return std::nullopt;
    }
    JobTarget target;
    // As `ask` does: the profile as this process uses it, then this job's endpoint.
    target.saved = withEnvironment(*profile);
    target.effective = target.saved;
    if (!job.endpoint.isEmpty())
        target.effective.baseUrl = QUrl(job.endpoint);
    const QString invalid = target.effective.validationError();
    if (!invalid.isEmpty()) {
        if (error)
            *error = invalid;
        return std::nullopt;
    }
    const QString modelId = job.modelId.isEmpty() ? profile->defaultModel : job.modelId;
    target.model = models.find(modelId);
    if (const auto family = settings.modelFamily(profile->name, target.model.id))
        target.model = ModelRegistry::withFamily(target.model, *family);
    target.batchBaseUrl = BatchSupport::batchBaseUrl(target.effective);
    return target;
}

void JobTarget::lookupKey(ApiKeyVault &vault, const JobTarget &target, KeyDone done)
{
    // KeyScope decides: the stored key only for the profile's own origin, the environment's
    // keys only where they belong; an endpoint elsewhere gets no key.
    vault.lookup(target.saved, target.effective, [target, done](const ApiKeyLookup &lookup) {
        JobTarget found = target;
        found.apiKey = lookup.key;
        QString error;
        if (lookup.key.isEmpty() && KeyScope::keyRequired(target.saved, target.effective)) {
            error = tr("No API key for profile '%1'. Store one in the settings, or with: "
                       "qwenvl-desk-cli key set --profile %1.")
                        .arg(target.saved.name);
            if (!lookup.notice.isEmpty())
                error += QLatin1Char(' ') + lookup.notice;
        }
        done(found, error);
    });
}

} // namespace qvd
