#include "core/grounding/parsers/JsonScan.h"

#include "core/grounding/parsers/JsonObjectReader.h"
#include "core/grounding/parsers/JsonTree.h"

#include <algorithm>
#include <vector>

namespace qvd::grounding {

namespace {

// Index after the string literal that starts at `quote` (or the end of the text if it never
// closes).
qsizetype skipString(QStringView text, qsizetype quote)
{
    for (qsizetype i = quote + 1; i < text.size(); ++i) {
        if (text.at(i) == u'\\')
            ++i;
        else if (text.at(i) == u'"')
            return i + 1;
    }
    return text.size();
}

qsizetype skipSpace(QStringView text, qsizetype i)
{
    while (i < text.size() && text.at(i).isSpace())
        ++i;
    return i;
}

// `literal` is a string token as written, quotes included: is it a key that gives items
// (a coordinate key, or a tool call's "arguments")?
bool isItemKey(QStringView literal)
{
    if (!literal.contains(u'\\')) {
        const QStringView key = literal.mid(1, std::max<qsizetype>(0, literal.size() - 2));
        return key == u"arguments" || coordinateKeyKind(key) != CoordinateKeyKind::None;
    }
    const auto key = parseJsonValue(literal); // escapes: rare, decode them
    return key
        && (key->string.text() == u"arguments"
            || coordinateKeyKind(key->string.text()) != CoordinateKeyKind::None);
}

bool isLabelKey(QStringView key)
{
    return key == u"label" || key == u"text_content" || key.contains(u"name");
}

struct KeyScanState
{
    QString label;
    QList<Detection> detections;
};

// Reads what follows the key that ends at `colon`+1: a string label or a flat coordinate array.
void readValue(QStringView text, QStringView key, qsizetype keyStart, qsizetype valueStart,
               KeyScanState &state)
{
    if (valueStart >= text.size())
        return;
    if (text.at(valueStart) == u'"') {
        const qsizetype end = skipString(text, valueStart);
        if (!isLabelKey(key))
            return;
        if (auto value = parseJsonValue(text.mid(valueStart, end - valueStart)))
            state.label = value->string.text().trimmed().toString();
        return;
    }
    if (text.at(valueStart) != u'[' || coordinateKeyKind(key) == CoordinateKeyKind::None)
        return;
    qsizetype close = valueStart + 1;
    while (close < text.size() && text.at(close) != u']' && text.at(close) != u'[')
        close = text.at(close) == u'"' ? skipString(text, close) : close + 1;
    if (close >= text.size() || text.at(close) != u']')
        return; // cut off, or nested: no item (spec regex `\[([^\[\]]*)\]`)
    const auto array = parseJsonValue(text.mid(valueStart, close + 1 - valueStart));
    if (!array)
        return;
    if (auto d = detectionForCoordinates(key, *array)) {
        d->label = state.label;
        d->sourceStart = keyStart;
        d->sourceLength = close + 1 - keyStart;
        state.detections.append(*d);
    }
}

} // namespace

QList<TextSpan> closedObjectSpans(QStringView text)
{
    struct OpenObject
    {
        qsizetype start = 0;
        qsizetype openArrays = 0; // "[" written directly in the object and not yet closed
        bool hasItemKey = false;
    };
    QList<TextSpan> spans;
    std::vector<OpenObject> open;
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text.at(i);
        if (c == u'"') {
            const qsizetype keyStart = i;
            i = skipString(text, i);
            if (open.empty() || open.back().openArrays > 0 || open.back().hasItemKey)
                continue;
            const qsizetype colon = skipSpace(text, i);
            if (colon < text.size() && text.at(colon) == u':'
                && isItemKey(text.mid(keyStart, i - keyStart)))
                open.back().hasItemKey = true;
            continue;
        }
        if (c == u'{') {
            open.push_back({i, 0, false});
        } else if (c == u'}' && !open.empty()) {
            spans.append({open.back().start, i + 1, open.back().hasItemKey});
            open.pop_back();
        } else if (c == u'[' && !open.empty()) {
            ++open.back().openArrays;
        } else if (c == u']' && !open.empty() && open.back().openArrays > 0) {
            --open.back().openArrays;
        }
        ++i;
    }
    std::sort(spans.begin(), spans.end(),
              [](const TextSpan &a, const TextSpan &b) { return a.start < b.start; });
    return spans;
}

QList<Detection> scanCoordinateKeys(QStringView text)
{
    KeyScanState state;
    for (qsizetype i = 0; i < text.size();) {
        if (text.at(i) != u'"') {
            ++i;
            continue;
        }
        const qsizetype keyStart = i;
        i = skipString(text, i);
        const qsizetype colon = skipSpace(text, i);
        if (colon >= text.size() || text.at(colon) != u':')
            continue; // a value, not a key
        const auto key = parseJsonValue(text.mid(keyStart, i - keyStart));
        if (key)
            readValue(text, key->string.text(), keyStart, skipSpace(text, colon + 1), state);
    }
    return state.detections;
}

} // namespace qvd::grounding
