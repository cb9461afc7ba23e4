#include "core/grounding/parsers/Numbers.h"

#include <cmath>

namespace qvd::grounding {

double toDouble(QStringView text, bool *ok)
{
    const bool negative = text.startsWith(u'-');
    const QStringView digits = negative ? text.sliced(1) : text;
    bool plain = !digits.isEmpty() && digits.size() <= 15;
    double value = 0;
    for (qsizetype i = 0; plain && i < digits.size(); ++i) {
        const char16_t c = digits.at(i).unicode();
        plain = c >= u'0' && c <= u'9';
        value = value * 10 + (c - u'0');
    }
    if (!plain)
        return text.toDouble(ok);
    if (ok)
        *ok = true;
    return negative ? -value : value;
}

std::optional<qreal> parseNumber(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double value = grounding::toDouble(trimmed, &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<QList<qreal>> numbersSeparatedBy(QStringView body, QStringView separators)
{
    QList<qreal> numbers;
    qsizetype tokenStart = -1;
    const auto flush = [&](qsizetype end) {
        if (tokenStart < 0)
            return true;
        const auto number = parseNumber(body.mid(tokenStart, end - tokenStart));
        tokenStart = -1;
        if (!number)
            return false;
        numbers.append(*number);
        return true;
    };
    for (qsizetype i = 0; i < body.size(); ++i) {
        const QChar c = body.at(i);
        if (c.isSpace() || separators.contains(c)) {
            if (!flush(i))
                return std::nullopt;
        } else if (tokenStart < 0) {
            tokenStart = i;
        }
    }
    if (!flush(body.size()))
        return std::nullopt;
    return numbers;
}

std::optional<QList<QPointF>> coordinatePairs(QStringView body)
{
    QList<QPointF> pairs;
    qsizetype i = 0;
    while (i < body.size()) {
        const QChar c = body.at(i);
        if (c.isSpace() || c == u',') {
            ++i;
            continue;
        }
        if (c != u'(')
            return std::nullopt;
        const qsizetype close = body.indexOf(u')', i);
        if (close < 0)
            return std::nullopt;
        const auto numbers = numbersSeparatedBy(body.mid(i + 1, close - i - 1), u",");
        if (!numbers || numbers->size() != 2)
            return std::nullopt;
        pairs.append(QPointF(numbers->at(0), numbers->at(1)));
        i = close + 1;
    }
    return pairs;
}

} // namespace qvd::grounding
