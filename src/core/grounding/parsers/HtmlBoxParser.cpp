#include "core/grounding/parsers/HtmlBoxParser.h"

#include "core/grounding/parsers/Markup.h"
#include "core/grounding/parsers/Numbers.h"

namespace qvd::grounding {

QList<Detection> parseHtmlBoxes(const QString &text, ParseMode mode)
{
    return parseHtmlBoxes(text, markupElements(text), mode);
}

QList<Detection> parseHtmlBoxes(const QString &text, const QList<MarkupElement> &elements,
                                ParseMode mode)
{
    const QString key = QStringLiteral("data-bbox");
    QList<Detection> detections;
    for (const MarkupElement &element : elements) {
        // The cookbook's draw_bbox skips <ol>: its box spans the list items drawn on their own.
        if (element.name == u"ol" || !element.attributes.contains(key, Qt::CaseInsensitive))
            continue;
        if (!element.isClosed() && mode == ParseMode::Streaming)
            continue; // its text may still be growing
        const auto attributes = tagAttributes(element.attributes);
        const auto numbers = numbersSeparatedBy(attributes.value(key), u",");
        if (!numbers || numbers->size() != 4)
            continue;
        // An element left open (HTML allows "<p>" without "</p>") reads up to the next tag.
        qsizetype contentEnd = element.contentEnd;
        if (!element.isClosed()) {
            contentEnd = text.indexOf(u'<', element.contentStart);
            if (contentEnd < 0)
                contentEnd = text.size();
        }
        Detection d =
            Detection::box(numbers->at(0), numbers->at(1), numbers->at(2), numbers->at(3));
        d.label = plainText(
            QStringView(text).mid(element.contentStart, contentEnd - element.contentStart));
        d.syntax = GroundingSyntax::HtmlDataBbox;
        d.sourceStart = element.start;
        d.sourceLength = (element.isClosed() ? element.end : contentEnd) - element.start;
        detections.append(d);
    }
    return detections;
}

} // namespace qvd::grounding
