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
    // Looking for one character is far faster than for a word: most answers have no tag.
    if (!answer.contains(u'<'))
        return answer;
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
    // The first four strategies read tags: a text without "<" has none (a JSON answer of 5 MB
    // is searched for one character instead of four times for markup).
    const bool markup = text.contains(u'<');
    QString untagged; // made only when the tag strategies found nothing
    QList<grounding::MarkupElement> elements; // of `untagged`, for both markup strategies
    const std::function<QList<Detection>()> strategies[] = {
        [&] { return markup ? parseQwenVlTags(text) : QList<Detection>(); },
        [&] { return markup ? parseQwen2Tokens(text) : QList<Detection>(); },
        [&] {
            untagged = markup ? withoutTagElements(text) : text;
            elements = markup ? markupElements(untagged) : QList<MarkupElement>();
            return markup ? parseXmlPoints(untagged, elements, mode) : QList<Detection>();
        },
        [&] { return markup ? parseHtmlBoxes(untagged, elements, mode) : QList<Detection>(); },
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
