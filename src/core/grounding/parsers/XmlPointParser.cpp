#include "core/grounding/parsers/XmlPointParser.h"

#include "core/grounding/parsers/Markup.h"
#include "core/grounding/parsers/Numbers.h"

namespace qvd::grounding {

namespace {

// The points of one element: x/y, or x1/y1, x2/y2, … until a pair is missing. Nullopt if any
// value is not a number.
std::optional<QList<QPointF>> pointsOf(const QHash<QString, QString> &attributes)
{
    QList<std::pair<QString, QString>> names;
    if (attributes.contains(QStringLiteral("x")))
        names.append({QStringLiteral("x"), QStringLiteral("y")});
    for (int i = 1; attributes.contains(QStringLiteral("x%1").arg(i)); ++i)
        names.append({QStringLiteral("x%1").arg(i), QStringLiteral("y%1").arg(i)});
    QList<QPointF> points;
    for (const auto &[xName, yName] : names) {
        const auto x = parseNumber(attributes.value(xName));
        const auto y = parseNumber(attributes.value(yName));
        if (!x || !y)
            return std::nullopt;
        points.append(QPointF(*x, *y));
    }
    return points;
}

} // namespace

QList<Detection> parseXmlPoints(const QString &text, ParseMode mode)
{
    return parseXmlPoints(text, markupElements(text), mode);
}

QList<Detection> parseXmlPoints(const QString &text, const QList<MarkupElement> &elements,
                                ParseMode mode)
{
    QList<Detection> detections;
    for (const MarkupElement &element : elements) {
        if (element.name != u"points" && element.name != u"point")
            continue;
        if (!element.isClosed() && mode == ParseMode::Streaming)
            continue; // the phrase may still be growing
        const auto attributes = tagAttributes(element.attributes);
        const auto points = pointsOf(attributes);
        if (!points)
            continue;
        const qsizetype contentEnd = element.isClosed() ? element.contentEnd : text.size();
        const qsizetype end = element.isClosed() ? element.end : text.size();
        QString label = attributes.value(QStringLiteral("alt")).trimmed();
        if (label.isEmpty())
            label = plainText(
                QStringView(text).mid(element.contentStart, contentEnd - element.contentStart));
        for (const QPointF &p : *points) {
            Detection d = Detection::point(p.x(), p.y(), label);
            d.syntax = GroundingSyntax::XmlPoints;
            d.sourceStart = element.start;
            d.sourceLength = end - element.start;
            detections.append(d);
        }
    }
    return detections;
}

} // namespace qvd::grounding
