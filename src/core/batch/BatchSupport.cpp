#include "core/batch/BatchSupport.h"

namespace qvd {

namespace {

// Vision models the Batch API takes, Beijing only (batch-api.md §1, 2026 revision).
const char *const kListedVisionModels[] = {
    "qwen3.5-plus",       "qwen3.5-flash", "qwen3-vl-plus",       "qwen3-vl-flash", "qwen-vl-max",
    "qwen-vl-max-latest", "qwen-vl-plus",  "qwen-vl-plus-latest", "qwen-vl-ocr",
};

bool isDashScopeHost(const QUrl &url)
{
    const QString host = url.host().toLower();
    return host == u"aliyuncs.com" || host.endsWith(QLatin1String(".aliyuncs.com"));
}

} // namespace

BatchSupport BatchSupport::check(const QUrl &batchBase, const ModelInfo &model)
{
    BatchSupport support;
    const QString host = batchBase.host().toLower();
    // Singapore's Batch API is text-only (batch-api.md §1).
    if (host.startsWith(QLatin1String("dashscope-intl."))) {
        support.verdict = Verdict::Refused;
        support.code = QStringLiteral("region_not_supported");
        support.message = tr("The Batch API takes vision models only in the Beijing region "
                             "(dashscope.aliyuncs.com); Singapore's takes text models only. Use a "
                             "Beijing profile, or send the images one by one (direct mode).");
        return support;
    }
    // Batch lines are answered whole; these models answer only as a stream
    // (dashscope-protocol.md §8).
    if (model.streamingOnly) {
        support.verdict = Verdict::Refused;
        support.code = QStringLiteral("streaming_only");
        support.message = tr("%1 answers only as a stream, which the Batch API does not do. "
                             "Choose another model, or use direct mode.")
                              .arg(model.id);
        return support;
    }
    for (const char *listed : kListedVisionModels) {
        if (model.id.compare(QLatin1String(listed), Qt::CaseInsensitive) == 0)
            return support;
    }
    support.verdict = Verdict::Unlisted;
    support.message = tr("%1 is not among the vision models the Batch API documentation lists; "
                         "the server will say whether it takes it (model_not_found if not).")
                          .arg(model.id);
    return support;
}

QUrl BatchSupport::batchBaseUrl(const EndpointProfile &profile)
{
    QUrl url = profile.baseUrl;
    if (profile.protocol != EndpointProfile::Protocol::DashScope)
        return url;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path.endsWith(QLatin1String("/api/v1")))
        path = path.left(path.size() - 7) + QStringLiteral("/compatible-mode/v1");
    url.setPath(path);
    return url;
}

JobMode BatchSupport::defaultMode(const EndpointProfile &profile)
{
    return isDashScopeHost(profile.baseUrl) ? JobMode::Batch : JobMode::Direct;
}

} // namespace qvd
