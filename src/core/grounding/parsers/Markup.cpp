#include "core/grounding/parsers/Markup.h"

#include <QRegularExpression>

namespace qvd::grounding {

namespace {

QString decodeEntities(QString text)
{
    if (!text.contains(u'&'))
        return text;
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(QLatin1String("&#39;"), QLatin1String("'"));
    text.replace(QLatin1String("&apos;"), QLatin1String("'"));
    text.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    // Last, so "&amp;lt;" becomes "&lt;" and not "<".
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text;
}

bool isVoidElement(const QString &name)
{
    static const QStringList voids{
        QStringLiteral("img"),    QStringLiteral("br"),   QStringLiteral("hr"),
        QStringLiteral("input"),  QStringLiteral("meta"), QStringLiteral("link"),
        QStringLiteral("area"),   QStringLiteral("col"),  QStringLiteral("embed"),
        QStringLiteral("source"), QStringLiteral("wbr"),  QStringLiteral("base")};
    return voids.contains(name);
}

// Closes the latest open element called `name`. One stack per name keeps this O(1) per tag
// however many elements are left unclosed.
void closeElement(QList<MarkupElement> &elements, QHash<QString, QList<qsizetype>> &open,
                  const QString &name, qsizetype tagStart, qsizetype tagEnd)
{
    auto stack = open.find(name);
    if (stack == open.end() || stack->isEmpty())
        return;
    MarkupElement &element = elements[stack->takeLast()];
    element.contentEnd = tagStart;
    element.end = tagEnd;
}

} // namespace

QList<MarkupElement> markupElements(const QString &text)
{
    static const QRegularExpression tag(
        QStringLiteral("<(/?)([A-Za-z][\\w:-]*)(?=[\\s/>])([^<>]*)>"));
    QList<MarkupElement> elements;
    QHash<QString, QList<qsizetype>> open; // name → indices into elements
    for (auto it = tag.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString name = m.capturedView(2).toString().toLower();
        if (m.capturedLength(1) > 0) {
            closeElement(elements, open, name, m.capturedStart(), m.capturedEnd());
            continue;
        }
        MarkupElement element;
        element.name = name;
        element.start = m.capturedStart();
        element.contentStart = m.capturedEnd();
        element.attributes = QStringView(text).mid(m.capturedStart(3), m.capturedLength(3));
        if (isVoidElement(name) || element.attributes.endsWith(u'/')) {
            element.contentEnd = element.contentStart;
            element.end = element.contentStart;
        } else {
            open[name].append(elements.size());
        }
        elements.append(element);
    }
    return elements;
}

QHash<QString, QString> tagAttributes(QStringView inside)
{
    static const QRegularExpression attribute(
        QStringLiteral("([A-Za-z_:][\\w:.-]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')"));
    QHash<QString, QString> result;
    for (auto it = attribute.globalMatch(inside); it.hasNext();) {
        const auto m = it.next();
        const QStringView value = m.capturedStart(3) >= 0 ? m.capturedView(3) : m.capturedView(2);
        result.insert(m.capturedView(1).toString().toLower(), decodeEntities(value.toString()));
    }
    return result;
}

QString plainText(QStringView fragment)
{
    static const QRegularExpression tag(QStringLiteral("<[^<>]*>"));
    QString text = fragment.toString();
    text.remove(tag);
    return decodeEntities(text).simplified();
}

} // namespace qvd::grounding
