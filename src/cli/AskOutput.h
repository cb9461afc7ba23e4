#pragma once

#include "cli/AskOptions.h"
#include "core/api/ApiError.h"
#include "core/conversation/Message.h"
#include "core/imaging/ImageTransform.h"
#include "core/models/ModelInfo.h"

class QTextStream;

namespace qvd::cli {

// What `ask` prints: the answer as it streams (or one JSON object with --json), reasoning on
// standard error when asked for, and failures as one line with the server's code and request id.
class AskOutput
{
public:
    // `images`: the transform of every image sent, in order (empty for an image given by URL).
    AskOutput(const AskOptions &options, const ModelInfo &model,
              const QList<ImageTransform> &images, QTextStream &out, QTextStream &err);

    void delta(const QString &text, const QString &reasoning);
    void finish(const Message &answer);
    void fail(const Message &partial, const ApiError &error);

private:
    void printJson(const Message &answer);

    const AskOptions &m_options;
    const ModelInfo &m_model;
    const QList<ImageTransform> &m_images;
    QTextStream &m_out;
    QTextStream &m_err;
    bool m_textEndsWithNewline = true;
};

} // namespace qvd::cli
