#include "ui/chat/MarkdownBlocks.h"

#include <QString>

namespace qvd {
namespace {

bool isBlank(QStringView line)
{
    return line.trimmed().isEmpty();
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
bool startsTopLevelBlock(QStringView line)
{
    const QChar first = line.at(0);
    return first != QLatin1Char(' ') && first != QLatin1Char('\t') && !isOrderedListItem(line);
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
    const QStringView rest = unindented(line).trimmed();
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
                                     const QList<QPair<qsizetype, qsizetype>> &keepTogether)
{
    QList<qsizetype> starts;
    if (markdown.isEmpty())
        return starts;
    starts.append(0);
    bool afterBlank = false;
    bool inFence = false;
    QChar fence;
    qsizetype fenceLength = 0;
    QString htmlEnd; // inside a raw HTML block until this appears
    qsizetype position = 0;
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
            if (afterBlank && startsTopLevelBlock(line) && !insideSpan(position, keepTogether))
                starts.append(position);
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
    return starts;
}

} // namespace qvd
