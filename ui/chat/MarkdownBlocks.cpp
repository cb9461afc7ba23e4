#include "ui/chat/MarkdownBlocks.h"

#include <QRegularExpression>
#include <QString>

namespace qvd {
namespace {

// Only spaces and tabs: a full-width space is text in CommonMark.
bool isBlank(QStringView line)
{
    for (const QChar c : line) {
        if (c != QLatin1Char(' ') && c != QLatin1Char('\t'))
            return false;
    }
    return true;
}

// Up to three spaces of indentation may precede a fence or an HTML block (CommonMark).
QStringView unindented(QStringView line)
{
    int spaces = 0;
    while (spaces < 3 && spaces < line.size() && line.at(spaces) == QLatin1Char(' '))
        ++spaces;
    return line.mid(spaces);
}

bool isOrderedListItem(QStringView line)
{
    qsizetype digits = 0;
    while (digits < line.size() && digits < 10 && line.at(digits).isDigit())
        ++digits;
    if (digits == 0 || digits + 1 > line.size()
        || (line.at(digits) != QLatin1Char('.') && line.at(digits) != QLatin1Char(')')))
        return false;
    return digits + 1 == line.size() || line.at(digits + 1) == QLatin1Char(' ')
        || line.at(digits + 1) == QLatin1Char('\t');
}

// A line that, after a blank line, cannot continue anything before it. An ordered item would
// continue its list, and a list numbered on its own starts again at 1 (Qt 6.4 drops the start
// number). A bullet item may start a list of its own: stacked one-item lists are spaced and
// marked like the items of one list.
// Qt 6.4 also gives a block that begins with a thematic break ("---") or a table an empty
// paragraph first, so those stay with what comes before them.
bool startsTopLevelBlock(QStringView line)
{
    static const QRegularExpression thematicBreak(
        QStringLiteral("^(?:(?:-[ \\t]*){3,}|(?:\\*[ \\t]*){3,}|(?:_[ \\t]*){3,})$"));
    const QChar first = line.at(0);
    return first != QLatin1Char(' ') && first != QLatin1Char('\t') && !isOrderedListItem(line)
        && !line.contains(u'|') && !thematicBreak.match(line).hasMatch();
}

// CommonMark HTML blocks 6 (block-level tags) and 7 (a whole tag alone on its line). Qt's
// reader handles them across pieces differently than in one piece, so after one nothing is
// cut any more.
bool startsHtmlBlock(QStringView line)
{
    static const QRegularExpression blockTag(
        QStringLiteral("^ {0,3}</?(?:address|article|aside|blockquote|body|center|details|dialog|"
                       "dd|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|"
                       "html|li|main|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|"
                       "title|tr|ul)(?:[ \\t>]|/>|$)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression wholeTag(QStringLiteral(
        "^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>|</[A-Za-z][A-Za-z0-9-]*\\s*>)"
        "[ \\t]*$"));
    return blockTag.match(line).hasMatch() || wholeTag.match(line).hasMatch();
}

// "[label]: destination" anywhere makes links elsewhere depend on it.
bool hasLinkReferenceDefinition(QStringView markdown)
{
    static const QRegularExpression definition(QStringLiteral("^ {0,3}\\[[^\\]]+\\]:"),
                                               QRegularExpression::MultilineOption);
    return definition.match(markdown).hasMatch();
}

// "```" or "~~~" (or longer) opening a fenced code block: its character and length.
bool opensFence(QStringView line, QChar *fence, qsizetype *length)
{
    const QStringView rest = unindented(line);
    if (rest.size() < 3 || (rest.at(0) != QLatin1Char('`') && rest.at(0) != QLatin1Char('~')))
        return false;
    qsizetype count = 0;
    while (count < rest.size() && rest.at(count) == rest.at(0))
        ++count;
    // A backtick fence's info string cannot contain a backtick.
    if (count < 3 || (rest.at(0) == QLatin1Char('`') && rest.mid(count).contains(u'`')))
        return false;
    *fence = rest.at(0);
    *length = count;
    return true;
}

bool closesFence(QStringView line, QChar fence, qsizetype length)
{
    QStringView rest = unindented(line);
    while (!rest.isEmpty() && (rest.back() == QLatin1Char(' ') || rest.back() == QLatin1Char('\t')))
        rest.chop(1);
    if (rest.size() < length)
        return false;
    for (const QChar c : rest) {
        if (c != fence)
            return false;
    }
    return true;
}

// CommonMark HTML blocks 1–5 run until their end marker, blank lines included: the marker, or
// empty when the line opens none of them.
QString rawHtmlEnd(QStringView line)
{
    const QStringView rest = unindented(line);
    if (!rest.startsWith(u'<'))
        return {};
    for (const char *tag : {"script", "pre", "style", "textarea"}) {
        const QString open = QLatin1Char('<') + QLatin1String(tag);
        if (rest.startsWith(open, Qt::CaseInsensitive)
            && (rest.size() == open.size() || !rest.at(open.size()).isLetterOrNumber()))
            return QStringLiteral("</") + QLatin1String(tag) + QLatin1Char('>');
    }
    if (rest.startsWith(u"<!--"))
        return QStringLiteral("-->");
    if (rest.startsWith(u"<?"))
        return QStringLiteral("?>");
    if (rest.startsWith(u"<![CDATA["))
        return QStringLiteral("]]>");
    if (rest.size() > 2 && rest.at(1) == QLatin1Char('!') && rest.at(2).isLetter())
        return QStringLiteral(">");
    return {};
}

bool insideSpan(qsizetype at, const QList<QPair<qsizetype, qsizetype>> &spans)
{
    for (const auto &span : spans) {
        if (span.first < at && at < span.first + span.second)
            return true;
    }
    return false;
}

} // namespace

QList<qsizetype> markdownBlockStarts(QStringView markdown,
                                     const QList<QPair<qsizetype, qsizetype>> &keepTogether,
                                     qsizetype from)
{
    QList<qsizetype> starts;
    if (markdown.isEmpty())
        return starts;
    // The scan's state at a block start other than the first is always the same (after a
    // blank line, after text, outside fences and HTML), so it can resume there.
    const bool resumed = from > 0;
    if (resumed && (from >= markdown.size() || insideSpan(from, keepTogether)))
        return starts;
    if (hasLinkReferenceDefinition(markdown.mid(from)))
        return resumed ? starts : QList<qsizetype>{0};
    if (!resumed)
        starts.append(0);
    bool afterBlank = resumed;
    bool seenText = resumed; // blank lines at the very start cut nothing off
    bool afterHtmlBlock = false;
    bool inFence = false;
    QChar fence;
    qsizetype fenceLength = 0;
    QString htmlEnd; // inside a raw HTML block until this appears
    qsizetype position = from;
    while (position < markdown.size()) {
        qsizetype end = markdown.indexOf(u'\n', position);
        if (end < 0)
            end = markdown.size();
        QStringView line = markdown.mid(position, end - position);
        if (line.endsWith(u'\r'))
            line.chop(1);
        const bool blank = isBlank(line);
        if (inFence) {
            inFence = !closesFence(line, fence, fenceLength);
        } else if (!htmlEnd.isEmpty()) {
            if (line.contains(htmlEnd, Qt::CaseInsensitive))
                htmlEnd.clear();
        } else if (!blank) {
            afterHtmlBlock =
                afterHtmlBlock || (rawHtmlEnd(line).isEmpty() && startsHtmlBlock(line));
            if (afterBlank && seenText && !afterHtmlBlock && startsTopLevelBlock(line)
                && !insideSpan(position, keepTogether))
                starts.append(position);
            seenText = true;
            if (opensFence(line, &fence, &fenceLength)) {
                inFence = true;
            } else {
                htmlEnd = rawHtmlEnd(line);
                // An end marker on the opening line itself closes the block at once.
                if (!htmlEnd.isEmpty() && line.mid(1).contains(htmlEnd, Qt::CaseInsensitive))
                    htmlEnd.clear();
            }
        }
        afterBlank = blank && !inFence && htmlEnd.isEmpty();
        position = end + 1;
    }
    if (resumed && (starts.isEmpty() || starts.first() != from))
        return {};
    return starts;
}

} // namespace qvd
