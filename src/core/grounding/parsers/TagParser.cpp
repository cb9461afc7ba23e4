#include "core/grounding/parsers/TagParser.h"

#include "core/grounding/parsers/Numbers.h"

#include <QRegularExpression>

namespace qvd::grounding {

namespace {

enum class TagElement { Ref, Box, Quad };

struct TagToken
{
    TagElement element = TagElement::Ref;
    bool opening = true;
    qsizetype start = 0;
    qsizetype end = 0;
};

// One closed element: the text between an opening token and its closing token.
struct TagSpan
{
    TagElement element = TagElement::Ref;
    qsizetype start = 0; // of the opening token
    qsizetype bodyStart = 0;
    qsizetype bodyEnd = 0;
    qsizetype end = 0; // after the closing token
};

// Pairs each opening token with the closing token right after it; anything else in between
// (a second opening, a different closing) abandons the open element, as the lazy regex
// `<box>(.*?)</box>` of the spec would not match it cleanly either.
QList<TagSpan> closedSpans(const QList<TagToken> &tokens)
{
    QList<TagSpan> spans;
    const TagToken *open = nullptr;
    for (const TagToken &token : tokens) {
        if (token.opening) {
            open = &token;
            continue;
        }
        if (open && open->element == token.element)
            spans.append({token.element, open->start, open->end, token.start, token.end});
        open = nullptr;
    }
    return spans;
}

Detection fromPoints(const QList<QPointF> &points)
{
    Detection d;
    if (points.size() == 1) {
        d = Detection::point(points[0].x(), points[0].y());
    } else if (points.size() == 2) {
        d = Detection::box(points[0].x(), points[0].y(), points[1].x(), points[1].y());
    } else {
        d.kind = DetectionKind::Quad;
        d.quad = QPolygonF(points);
        d.rect = d.quad.boundingRect();
    }
    return d;
}

QList<QPointF> pointsOf(const QList<qreal> &numbers)
{
    QList<QPointF> points;
    for (qsizetype i = 0; i + 1 < numbers.size(); i += 2)
        points.append(QPointF(numbers[i], numbers[i + 1]));
    return points;
}

// Qwen-VL: the official parser strips the parentheses and wants exactly 4 integers (8 for a quad).
std::optional<Detection> qwenVlBody(TagElement element, QStringView body)
{
    const auto numbers = numbersSeparatedBy(body, u"(),");
    const qsizetype wanted = element == TagElement::Quad ? 8 : 4;
    if (!numbers || numbers->size() != wanted)
        return std::nullopt;
    return fromPoints(pointsOf(*numbers));
}

// Qwen2-VL: 1 pair is a point, 2 a box, 4 a quad (§5 rule 2).
std::optional<Detection> qwen2Body(TagElement, QStringView body)
{
    const auto pairs = coordinatePairs(body);
    if (!pairs || (pairs->size() != 1 && pairs->size() != 2 && pairs->size() != 4))
        return std::nullopt;
    return fromPoints(*pairs);
}

using BodyReader = std::optional<Detection> (*)(TagElement, QStringView);

// The last ref stays the label of every following box, so "<ref>A</ref><box>1</box><box>2</box>"
// labels both boxes (the official drawer labels only the first; docs/grounding.md §5 rule 1).
QList<Detection> assemble(const QString &text, const QList<TagToken> &tokens, BodyReader read,
                          GroundingSyntax syntax)
{
    QList<Detection> detections;
    QString label;
    const QStringView view(text);
    for (const TagSpan &span : closedSpans(tokens)) {
        const QStringView body = view.mid(span.bodyStart, span.bodyEnd - span.bodyStart);
        if (span.element == TagElement::Ref) {
            label = body.trimmed().toString();
            continue;
        }
        auto detection = read(span.element, body);
        if (!detection)
            continue;
        detection->label = label;
        detection->syntax = syntax;
        detection->sourceStart = span.start;
        detection->sourceLength = span.end - span.start;
        detections.append(*detection);
    }
    return detections;
}

// The element named at `i` among `names` (longest first where one is a prefix of another),
// or -1; `i` moves past it.
int matchName(QStringView text, qsizetype &i, std::initializer_list<QLatin1String> names)
{
    int index = 0;
    for (const QLatin1String name : names) {
        if (text.mid(i, name.size()) == name) {
            i += name.size();
            return index;
        }
        ++index;
    }
    return -1;
}

// The regex `<(/?)(ref|box|quad)>`, matched by hand (a QRegularExpressionMatch per tag cost
// more than everything else in a tag answer).
QList<TagToken> qwenVlTokens(const QString &text)
{
    const QStringView view(text);
    QList<TagToken> tokens;
    for (qsizetype start = view.indexOf(u'<'); start >= 0; start = view.indexOf(u'<', start + 1)) {
        qsizetype i = start + 1;
        const bool opening = !(i < view.size() && view.at(i) == u'/');
        if (!opening)
            ++i;
        const int name =
            matchName(view, i, {QLatin1String("ref"), QLatin1String("box"), QLatin1String("quad")});
        if (name < 0 || i >= view.size() || view.at(i) != u'>')
            continue;
        tokens.append({TagElement(name), opening, start, i + 1});
    }
    return tokens;
}

bool isRegexSpace(QChar c)
{
    return c == u' ' || (c >= u'\t' && c <= u'\r'); // PCRE's \s without Unicode properties
}

// The regex `<\|\s*(object_ref|box|quad|extra_[0-3])(_start|_end)?\s*\|>`, matched by hand.
QList<TagToken> qwen2Tokens(const QString &text)
{
    // #342: some front ends show refs as <|extra_0|>…<|extra_1|> and boxes as
    // <|extra_2|>…<|extra_3|>.
    const QStringView view(text);
    QList<TagToken> tokens;
    const auto skipSpace = [&](qsizetype i) {
        while (i < view.size() && isRegexSpace(view.at(i)))
            ++i;
        return i;
    };
    for (qsizetype start = view.indexOf(QLatin1String("<|")); start >= 0;
         start = view.indexOf(QLatin1String("<|"), start + 1)) {
        qsizetype i = skipSpace(start + 2);
        const int name = matchName(view, i,
                                   {QLatin1String("object_ref"), QLatin1String("box"),
                                    QLatin1String("quad"), QLatin1String("extra_")});
        if (name < 0)
            continue;
        int extra = -1;
        if (name == 3) {
            if (i >= view.size() || view.at(i) < u'0' || view.at(i) > u'3')
                continue;
            extra = view.at(i++).unicode() - u'0';
        }
        const int suffix = matchName(view, i, {QLatin1String("_start"), QLatin1String("_end")});
        i = skipSpace(i);
        if (view.mid(i, 2) != QLatin1String("|>"))
            continue;
        TagToken t;
        t.start = start;
        t.end = i + 2;
        if (extra >= 0) {
            t.element = extra < 2 ? TagElement::Ref : TagElement::Box;
            t.opening = extra % 2 == 0;
        } else if (suffix < 0) {
            continue; // "<|box|>" is no token
        } else {
            t.element = TagElement(name);
            t.opening = suffix == 0;
        }
        tokens.append(t);
    }
    return tokens;
}

void blankElements(QString &text, const QList<TagToken> &tokens)
{
    qsizetype openStart = -1;
    for (const TagToken &token : tokens) {
        if (token.element == TagElement::Ref)
            continue;
        if (token.opening && openStart < 0) {
            openStart = token.start;
        } else if (!token.opening && openStart >= 0) {
            for (qsizetype i = openStart; i < token.end; ++i)
                text[i] = u' ';
            openStart = -1;
        }
    }
    for (qsizetype i = openStart; openStart >= 0 && i < text.size(); ++i)
        text[i] = u' ';
}

} // namespace

QList<Detection> parseQwenVlTags(const QString &text)
{
    return assemble(text, qwenVlTokens(text), qwenVlBody, GroundingSyntax::QwenVlTags);
}

QList<Detection> parseQwen2Tokens(const QString &text)
{
    return assemble(text, qwen2Tokens(text), qwen2Body, GroundingSyntax::Qwen2Tokens);
}

QString withoutTagElements(const QString &text)
{
    // Qwen-VL's "<img>url</img>" (echoed by the base model) holds a path, not coordinates.
    static const QRegularExpression image(QStringLiteral("<img>.*?(?:</img>|$)"),
                                          QRegularExpression::DotMatchesEverythingOption);
    QString result = text;
    for (auto it = image.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        for (qsizetype i = m.capturedStart(); i < m.capturedEnd(); ++i)
            result[i] = u' ';
    }
    blankElements(result, qwenVlTokens(text));
    blankElements(result, qwen2Tokens(text));
    return result;
}

} // namespace qvd::grounding
