#pragma once

#include "core/api/ChatRequest.h"
#include "core/batch/BatchRecords.h"
#include "core/imaging/ImagePreparer.h"

namespace qvd {

// The one request every image of a job makes: the image as the chat prepares it, then the
// prompt; the model's thinking as the job asks. Shared by batch lines and direct requests.
struct JobRequest
{
    ModelInfo model;
    QString prompt;
    GenerationParameters parameters;

    // For `job`: a model that can switch thinking gets what the job asks, else, in batch mode,
    // thinking off (batch lines are answered whole, never streamed, batch-api.md §3).
    static JobRequest forJob(const JobSpec &job, const ModelInfo &model);

    ChatRequest chatRequest(const PreparedImage &image, bool stream) const;
    // The model's own pixel budget, and for batch lines a per-image limit that keeps a line
    // within BatchLimits::maxLineBytes.
    ImagePreparer preparer(qint64 maxDataUriBytes = 0) const;
};

// One line of a batch input file (batch-api.md §3):
// {"custom_id":"<item id>","method":"POST","url":"/v1/chat/completions","body":{…}}.
QByteArray batchInputLine(qint64 itemId, const JobRequest &request, const PreparedImage &image);

// The limits of one input file (batch-api.md §2). Smaller values split files sooner (tests).
struct BatchLimits
{
    qint64 maxLineBytes = 6'000'000; // "each line ≤ 6 MB"; counted as 10^6 to stay under
    int maxLines = 50'000;
    qint64 maxFileBytes = 500'000'000;
    // A line is the image's data URI plus the prompt and the JSON around them.
    qint64 maxDataUriBytes(const QString &prompt) const;
};

} // namespace qvd
