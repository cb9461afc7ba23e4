#include "cli/AskOutput.h"

#include "cli/CliText.h"
#include "core/grounding/AnswerMapping.h"
#include "core/grounding/DetectionJson.h"
#include "core/grounding/GroundingParser.h"
#include "core/imaging/ServerSizeCheck.h"
#include "core/storage/StorageCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace qvd::cli {

AskOutput::AskOutput(const AskOptions &options, const ModelInfo &model,
                     const QList<ImageTransform> &images, QTextStream &out, QTextStream &err)
    : m_options(options), m_model(model), m_images(images), m_out(out), m_err(err)
{ }

void AskOutput::delta(const QString &text, const QString &reasoning)
{
    if (!reasoning.isEmpty() && m_options.showReasoning)
        m_err << reasoning << Qt::flush;
    if (text.isEmpty() || m_options.json)
        return;
    m_out << text << Qt::flush;
    m_textEndsWithNewline = text.endsWith(QLatin1Char('\n'));
}

void AskOutput::finish(const Message &answer)
{
    // The server's time limit cut the answer (§8.1): said even with --json ("state").
    if (answer.state == Message::State::CutByServer)
        m_err << Cli::tr("(cut off by the server at its time limit: the answer is incomplete)")
              << Qt::endl;
    if (m_options.json) {
        printJson(answer);
        return;
    }
    if (!m_textEndsWithNewline)
        m_out << Qt::endl;
    if (answer.state == Message::State::Interrupted)
        m_err << Cli::tr("(interrupted)") << Qt::endl;
}

void AskOutput::fail(const Message &partial, const ApiError &error)
{
    if (!m_options.json && !m_textEndsWithNewline)
        m_out << Qt::endl;
    if (m_options.json && !partial.text.isEmpty())
        printJson(partial);
    QString line = Cli::tr("Error: %1").arg(error.userMessage());
    QStringList facts;
    if (!error.code.isEmpty())
        facts.append(QStringLiteral("code=") + error.code);
    if (!error.requestId.isEmpty())
        facts.append(QStringLiteral("request_id=") + error.requestId);
    if (!facts.isEmpty())
        line += QStringLiteral(" [") + facts.join(QLatin1Char(' ')) + QLatin1Char(']');
    m_err << line.simplified() << Qt::endl;
}

void AskOutput::printJson(const Message &answer)
{
    const GroundingParser parser(ParseMode::Complete);
    const MappedAnswer mapped = mapAnswer(parser.parse(answer.text), m_model, m_images);
    QJsonArray images;
    const auto sizeOrNull = [](bool known, int value) {
        return known ? QJsonValue(value) : QJsonValue();
    };
    for (const ImageTransform &t : m_images) {
        // Given by URL: the server fetched it, its size is unknown here.
        const bool valid = t.isValid();
        // What the reply's image tokens said the model saw (ServerSizeCheck).
        const bool checked = valid && t.sizeCheck != SizeCheck::Unknown;
        images.append(QJsonObject{
            {QStringLiteral("width"), sizeOrNull(valid, t.originalSize.width())},
            {QStringLiteral("height"), sizeOrNull(valid, t.originalSize.height())},
            {QStringLiteral("sent_width"), sizeOrNull(valid, t.sentSize.width())},
            {QStringLiteral("sent_height"), sizeOrNull(valid, t.sentSize.height())},
            {QStringLiteral("server_width"), sizeOrNull(checked, t.serverSize.width())},
            {QStringLiteral("server_height"), sizeOrNull(checked, t.serverSize.height())},
            {QStringLiteral("size_check"), sizeCheckName(t.sizeCheck)},
        });
    }
    const QJsonObject usage{{QStringLiteral("input_tokens"), answer.usage.inputTokens},
                            {QStringLiteral("output_tokens"), answer.usage.outputTokens},
                            {QStringLiteral("image_tokens"), answer.usage.imageTokens}};
    const QJsonObject root{
        {QStringLiteral("text"), answer.text},
        {QStringLiteral("reasoning"), answer.reasoning},
        {QStringLiteral("model"), m_model.id},
        {QStringLiteral("request_id"), answer.requestId},
        {QStringLiteral("finish_reason"), answer.finishReason},
        {QStringLiteral("state"), storage::stateName(answer.state)},
        {QStringLiteral("usage"), usage},
        {QStringLiteral("images"), images},
        {QStringLiteral("detections"), detectionsToJson(mapped.detections)},
    };
    m_out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    m_out.flush();
}

} // namespace qvd::cli
