#include "core/models/JsonEntryLines.h"

namespace qvd {

namespace {

struct Frame
{
    bool array = false;
    bool expectKey = false; // objects: the next string is a member name
    QString tag; // arrays: the root member they are the value of
    bool expectElement = false; // arrays with a tag: the next value starts an element
};

} // namespace

QHash<QString, QList<int>> arrayElementLines(const QByteArray &json)
{
    QHash<QString, QList<int>> lines;
    QList<Frame> stack;
    QString lastRootKey;
    QByteArray string;
    bool inString = false;
    bool escape = false;
    bool stringIsRootKey = false;
    int line = 1;
    for (const char c : json) {
        if (c == '\n')
            ++line;
        if (inString) {
            if (escape) {
                escape = false;
            } else if (c == '\\') {
                escape = true;
            } else if (c == '"') {
                inString = false;
                if (stringIsRootKey)
                    lastRootKey = QString::fromUtf8(string);
            } else {
                string += c;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (!stack.isEmpty() && stack.last().expectElement && c != ']') {
            lines[stack.last().tag].append(line);
            stack.last().expectElement = false;
        }
        switch (c) {
        case '"':
            inString = true;
            string.clear();
            stringIsRootKey = stack.size() == 1 && !stack.last().array && stack.last().expectKey;
            break;
        case '{':
            stack.append({false, true, {}, false});
            break;
        case '[': {
            const bool rootMember = stack.size() == 1 && !stack.last().array;
            const QString tag = rootMember ? lastRootKey : QString();
            stack.append({true, false, tag, rootMember});
            if (rootMember)
                lines[tag]; // an empty array still has an entry
            break;
        }
        case '}':
        case ']':
            if (!stack.isEmpty())
                stack.removeLast();
            break;
        case ':':
            if (!stack.isEmpty())
                stack.last().expectKey = false;
            break;
        case ',':
            if (!stack.isEmpty()) {
                Frame &frame = stack.last();
                if (frame.array)
                    frame.expectElement = stack.size() == 2;
                else
                    frame.expectKey = true;
            }
            break;
        default:
            break;
        }
    }
    return lines;
}

TextPosition positionOf(const QByteArray &text, qsizetype offset)
{
    TextPosition position;
    const qsizetype end = std::min(offset, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        if (text.at(i) == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((text.at(i) & 0xc0) != 0x80) { // UTF-8 continuation bytes share a column
            ++position.column;
        }
    }
    return position;
}

} // namespace qvd
