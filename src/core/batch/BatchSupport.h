#pragma once

#include "core/batch/BatchNames.h"
#include "core/models/ModelInfo.h"
#include "core/settings/EndpointProfile.h"

#include <QCoreApplication>
#include <QUrl>

namespace qvd {

// What the Batch API documentation says about a model at an endpoint (batch-api.md §1), checked
// before anything is uploaded.
struct BatchSupport
{
    Q_DECLARE_TR_FUNCTIONS(qvd::BatchSupport)

public:
    enum class Verdict {
        Listed, // a vision model the documentation lists for batch
        Unlisted, // not in the list, which changes between revisions: the server decides
        Refused, // the documentation rules it out: nothing is uploaded
    };

    Verdict verdict = Verdict::Listed;
    QString code; // Refused: "region_not_supported", "streaming_only"
    QString message; // translated; empty when Listed

    // `batchBase` is the compatible-mode base the files and batches go to.
    static BatchSupport check(const QUrl &batchBase, const ModelInfo &model);

    // The compatible-mode base of `profile` (batch-api.md §1): a DashScope native base
    // ".../api/v1" becomes ".../compatible-mode/v1"; any other base is taken as it is.
    static QUrl batchBaseUrl(const EndpointProfile &profile);
    // Batch for DashScope's own hosts, direct for any other server.
    static JobMode defaultMode(const EndpointProfile &profile);
};

} // namespace qvd
