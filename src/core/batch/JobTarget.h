#pragma once

#include "core/batch/BatchRecords.h"
#include "core/models/ModelInfo.h"
#include "core/settings/EndpointProfile.h"

#include <QCoreApplication>
#include <QUrl>

#include <functional>
#include <optional>

namespace qvd {

class ApiKeyVault;
class ModelRegistry;
class Settings;

// Where a job's requests go and with which model, resolved from the job the same way for the
// app and the command line: the profile (by name, or the default one), the environment's base
// URL (EndpointEnvironment), then the job's own endpoint override, as `ask --endpoint` does;
// the model from the registry with the family the person chose for it; the key from the
// vault, the one place keys are looked up.
struct JobTarget
{
    Q_DECLARE_TR_FUNCTIONS(qvd::JobTarget)

public:
    EndpointProfile saved; // as the settings hold it (its keychain entry)
    EndpointProfile effective; // what requests use
    ModelInfo model;
    QUrl batchBaseUrl; // compatible-mode base for the Batch API (BatchSupport::batchBaseUrl)
    QString apiKey; // set by lookupKey; never stored

    // Everything but the key; nullopt with `error` (translated) when the profile is missing
    // or its address is not usable.
    static std::optional<JobTarget> resolve(const Settings &settings, const ModelRegistry &models,
                                            const JobSpec &job, QString *error);

    using KeyDone = std::function<void(const JobTarget &, const QString &error)>;
    // Looks the key up; `error` (translated) when the profile needs a key and none is found.
    static void lookupKey(ApiKeyVault &vault, const JobTarget &target, KeyDone done);
};

} // namespace qvd
