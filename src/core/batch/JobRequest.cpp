#include "core/batch/JobRequest.h"

#include "core/api/OpenAiBackend.h"

namespace qvd {

JobRequest JobRequest::forJob(const JobSpec &job, const ModelInfo &model)
{
    JobRequest request;
    request.model = model;
    request.prompt = job.prompt;
    if (model.thinkingSwitchable()) {
        if (job.thinking)
            request.parameters.enableThinking = job.thinking;
        else if (job.mode == JobMode::Batch)
            request.parameters.enableThinking = false;
    }
    return request;
}

ChatRequest JobRequest::chatRequest(const PreparedImage &image, bool stream) const
{
    ChatRequest request;
    request.model = model;
    request.messages = {Message::user({Part::fromPrepared(image), Part::fromText(prompt)})};
    request.parameters = parameters;
    request.stream = stream;
    return request;
}

ImagePreparer JobRequest::preparer(qint64 maxDataUriBytes) const
{
    ImagePreparer::Options options;
    if (maxDataUriBytes > 0)
        options.maxDataUriBytes = std::min(options.maxDataUriBytes, maxDataUriBytes);
    return ImagePreparer(model, options);
}

QByteArray batchInputLine(qint64 itemId, const JobRequest &request, const PreparedImage &image)
{
    // The body is exactly what a compatible-mode chat request sends (batch-api.md §3).
    const OpenAiBackend backend(Endpoint{});
    const QByteArray body = backend.body(request.chatRequest(image, false));
    QByteArray line;
    line.reserve(body.size() + 96);
    line += R"({"custom_id":")" + QByteArray::number(itemId)
        + R"(","method":"POST","url":"/v1/chat/completions","body":)";
    line += body;
    line += "}\n";
    return line;
}

qint64 BatchLimits::maxDataUriBytes(const QString &prompt) const
{
    // The prompt as JSON (escaped: up to 6 bytes a UTF-16 unit) and 4 KB for everything else.
    return maxLineBytes - qint64(prompt.size()) * 6 - 4096;
}

} // namespace qvd
