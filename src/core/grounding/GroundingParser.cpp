#include "core/grounding/GroundingParser.h"

#include "core/grounding/parsers/BareArrayParser.h"
#include "core/grounding/parsers/HtmlBoxParser.h"
#include "core/grounding/parsers/JsonParser.h"
#include "core/grounding/parsers/TagParser.h"
#include "core/grounding/parsers/TextPairParser.h"
#include "core/grounding/parsers/XmlPointParser.h"

#include <functional>

namespace qvd {

namespace {

void blank(QString &text, qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < to; ++i)
        text[i] = u' ';
}

} // namespace

QString GroundingParser::withoutReasoning(const QString &answer)
{
    const QLatin1String open("<think>");
    const QLatin1String close("</think>");
    QString text = answer;
    // Chat templates that put "<think>" into the prompt leave only "</think>" in the answer.
    const qsizetype firstClose = text.indexOf(close);
    const qsizetype firstOpen = text.indexOf(open);
    if (firstClose >= 0 && (firstOpen < 0 || firstOpen > firstClose))
        blank(text, 0, firstClose + close.size());
    for (qsizetype start = text.indexOf(open); start >= 0; start = text.indexOf(open, start)) {
        const qsizetype end = text.indexOf(close, start);
        // Unclosed: the model is still thinking (streaming) or was cut off while it did.
        const qsizetype blankEnd = end < 0 ? text.size() : end + close.size();
        blank(text, start, blankEnd);
        start = blankEnd;
    }
    return text;
}

QList<Detection> GroundingParser::parse(const QString &answer) const
{
    using namespace grounding;
    const QString text = withoutReasoning(answer);
    const ParseMode mode = m_mode;
    QString untagged; // made only when the tag strategies found nothing
    QList<grounding::MarkupElement> elements; // of `untagged`, for both markup strategies
    const std::function<QList<Detection>()> strategies[] = {
        [&] { return parseQwenVlTags(text); },
        [&] { return parseQwen2Tokens(text); },
        [&] {
            untagged = withoutTagElements(text);
            elements = markupElements(untagged);
            return parseXmlPoints(untagged, elements, mode);
        },
        [&] { return parseHtmlBoxes(untagged, elements, mode); },
        [&] { return parseJson(untagged, mode); },
        [&] { return parseBareArrays(untagged, mode); },
        [&] { return parseBarePairs(untagged); },
        [&] { return parsePlainLines(untagged, mode); },
    };
    for (const auto &strategy : strategies) {
        QList<Detection> detections = strategy();
        if (!detections.isEmpty())
            return detections;
    }
    return {};
}

} // namespace qvd
