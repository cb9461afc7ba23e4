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

// The elements of one name: its lower-case spelling (shared by every element of that name)
// and the indices of those still open. One stack per name keeps closing O(1) per tag however
// many elements are left unclosed.
struct NameState
{
    QString name;
    QList<qsizetype> open;
};

// Interns element names as written ("DIV", "div") to one NameState per lower-case name, so a
// tag costs a hash lookup of a view into the text, not a new string.
class Names
{
public:
    NameState &of(QStringView written)
    {
        auto it = m_written.constFind(written);
        if (it != m_written.constEnd())
            return m_states[*it];
        const QString lower = written.toString().toLower();
        const qsizetype index = m_lower.value(lower, m_states.size());
        if (index == m_states.size()) {
            m_states.append({lower, {}});
            m_lower.insert(lower, index);
        }
        m_written.insert(written, index);
        return m_states[index];
    }

private:
    QHash<QStringView, qsizetype> m_written; // views into the text being read
    QHash<QString, qsizetype> m_lower;
    QList<NameState> m_states;
};

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isNameChar(QChar c) // PCRE's [\w:-] without Unicode properties
{
    return isAsciiLetter(c) || (c >= u'0' && c <= u'9') || c == u'_' || c == u':' || c == u'-';
}

bool isRegexSpace(QChar c)
{
    return c == u' ' || (c >= u'\t' && c <= u'\r');
}

bool isAttributeNameStart(QChar c) // [A-Za-z_:]
{
    return isAsciiLetter(c) || c == u'_' || c == u':';
}

bool isAttributeNameChar(QChar c) // [\w:.-] without Unicode properties
{
    return isNameChar(c) || c == u'.';
}

qsizetype skipSpaces(QStringView text, qsizetype at)
{
    while (at < text.size() && isRegexSpace(text.at(at)))
        ++at;
    return at;
}

// The next `quote` at or after a position that only grows between calls: each character is
// looked at once however many values start in the text and are never closed.
class QuoteFinder
{
public:
    QuoteFinder(QStringView text, char16_t quote) : m_text(text), m_quote(quote) { }

    qsizetype next(qsizetype from)
    {
        if (m_found == kNone)
            return -1; // none after an earlier position, so none after this one
        if (m_found < from) {
            m_found = m_text.indexOf(QChar(m_quote), from);
            if (m_found < 0) {
                m_found = kNone;
                return -1;
            }
        }
        return m_found;
    }

private:
    static constexpr qsizetype kNone = -2;
    QStringView m_text;
    char16_t m_quote;
    qsizetype m_found = -1;
};

struct TagMatch
{
    bool closing = false;
    qsizetype nameStart = 0;
    qsizetype nameEnd = 0;
    qsizetype end = 0; // after ">"
};

// The regex `<(/?)([A-Za-z][\w:-]*)(?=[\s/>])([^<>]*)>` at the "<" at `start`, by hand. Each
// part is greedy and cannot give back what the next part needs, so there is nothing to
// backtrack: one forward pass decides.
bool matchTag(QStringView text, qsizetype start, TagMatch &m)
{
    qsizetype i = start + 1;
    m.closing = i < text.size() && text.at(i) == u'/';
    if (m.closing)
        ++i;
    if (i >= text.size() || !isAsciiLetter(text.at(i)))
        return false;
    m.nameStart = i++;
    while (i < text.size() && isNameChar(text.at(i)))
        ++i;
    m.nameEnd = i;
    if (i >= text.size() || !(isRegexSpace(text.at(i)) || text.at(i) == u'/' || text.at(i) == u'>'))
        return false;
    while (i < text.size() && text.at(i) != u'<' && text.at(i) != u'>')
        ++i;
    if (i >= text.size() || text.at(i) != u'>')
        return false;
    m.end = i + 1;
    return true;
}

} // namespace

QList<MarkupElement> markupElements(const QString &text)
{
    const QStringView view(text);
    QList<MarkupElement> elements;
    Names names;
    TagMatch m;
    for (qsizetype start = view.indexOf(u'<'); start >= 0; start = view.indexOf(u'<', start)) {
        if (!matchTag(view, start, m)) {
            ++start;
            continue;
        }
        NameState &state = names.of(view.mid(m.nameStart, m.nameEnd - m.nameStart));
        if (m.closing) {
            if (!state.open.isEmpty()) {
                MarkupElement &element = elements[state.open.takeLast()];
                element.contentEnd = start;
                element.end = m.end;
            }
            start = m.end;
            continue;
        }
        MarkupElement element;
        element.name = state.name;
        element.start = start;
        element.contentStart = m.end;
        element.attributes = view.mid(m.nameEnd, m.end - 1 - m.nameEnd);
        if (isVoidElement(element.name) || element.attributes.endsWith(u'/')) {
            element.contentEnd = element.contentStart;
            element.end = element.contentStart;
        } else {
            state.open.append(elements.size());
        }
        elements.append(element);
        start = m.end;
    }
    return elements;
}

QHash<QString, QString> tagAttributes(QStringView inside)
{
    QHash<QString, QString> result;
    const qsizetype size = inside.size();
    QuoteFinder doubleQuote(inside, u'"');
    QuoteFinder singleQuote(inside, u'\'');
    qsizetype i = 0;
    while (i < size) {
        if (!isAttributeNameStart(inside.at(i))) {
            ++i;
            continue;
        }
        const qsizetype nameStart = i;
        while (i < size && isAttributeNameChar(inside.at(i)))
            ++i;
        const qsizetype nameEnd = i;
        // A match failing after this name fails the same way from any start inside it (the
        // same characters follow): the search goes on after the name, never inside it again.
        qsizetype at = skipSpaces(inside, nameEnd);
        if (at >= size || inside.at(at) != u'=')
            continue;
        at = skipSpaces(inside, at + 1);
        if (at >= size || (inside.at(at) != u'"' && inside.at(at) != u'\''))
            continue;
        QuoteFinder &quote = inside.at(at) == u'"' ? doubleQuote : singleQuote;
        const qsizetype close = quote.next(at + 1);
        if (close < 0)
            continue;
        result.insert(inside.mid(nameStart, nameEnd - nameStart).toString().toLower(),
                      decodeEntities(inside.mid(at + 1, close - at - 1).toString()));
        i = close + 1;
    }
    return result;
}

QString plainText(QStringView fragment)
{
    if (!fragment.contains(u'<') && !fragment.contains(u'&'))
        return fragment.toString().simplified(); // nothing to remove or decode
    static const QRegularExpression tag(QStringLiteral("<[^<>]*>"));
    QString text = fragment.toString();
    text.remove(tag);
    return decodeEntities(text).simplified();
}

} // namespace qvd::grounding
