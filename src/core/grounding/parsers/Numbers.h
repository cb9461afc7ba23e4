#pragma once

#include <QList>
#include <QPointF>
#include <QStringView>

#include <optional>

namespace qvd::grounding {

// `text` as a double, exactly as QStringView::toDouble reads it, with a fast path for the
// common case of up to 15 digits with an optional "-" (exact in a double): Qt 6's toDouble
// compares every character with the locale's symbols, which showed in a million numbers.
double toDouble(QStringView text, bool *ok = nullptr);

// One finite number written as plain text ("12", "-3.5", "1e3"); nothing else.
std::optional<qreal> parseNumber(QStringView text);

// The numbers in `body`, where only whitespace and the characters of `separators` may stand
// between them. Nullopt when anything else appears, so "(12,abc)" is not read as one number.
std::optional<QList<qreal>> numbersSeparatedBy(QStringView body, QStringView separators);

// The body of a Qwen2-VL box token: "(x,y)" pairs separated by commas or spaces, each with
// exactly two numbers. Nullopt for anything else, e.g. "(501,10), (995987)".
std::optional<QList<QPointF>> coordinatePairs(QStringView body);

} // namespace qvd::grounding
