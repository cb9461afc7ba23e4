#pragma once

#include "core/grounding/Detection.h"
#include "core/grounding/ParseMode.h"

#include <QList>
#include <QString>

namespace qvd {

// Finds the boxes and points in a model's answer (docs/grounding.md §1, §5). Reasoning in
// <think>…</think> is skipped. The strategies run in the order of §5 — Qwen-VL tags, Qwen2
// tokens, XML points, QwenVL HTML, JSON, bare coordinate arrays (§1.6; only a complete answer),
// bare pairs, plain lines — and the first one that gives
// at least one detection wins. An answer without any (a decline, prose) gives an empty list:
// that is not an error. Numbers that are not exactly a box or a point never become one.
//
// Streaming: call parse() with ParseMode::Streaming after every delta. Only closed syntax
// counts, so a detection shown for a prefix is also in the result for the whole answer, with
// the same values. Exceptions, inherent in "first strategy wins": a later, higher-ranked syntax
// (say a <box> after bare pairs) replaces the earlier detections; a first ``` fence replaces
// the unfenced candidate; a "</think>" arriving without "<think>" hides what came before it.
class GroundingParser
{
public:
    explicit GroundingParser(ParseMode mode = ParseMode::Complete) : m_mode(mode) { }

    ParseMode mode() const { return m_mode; }
    QList<Detection> parse(const QString &answer) const;

    // `answer` with reasoning blanked out (same length, so source offsets stay valid).
    static QString withoutReasoning(const QString &answer);

private:
    ParseMode m_mode;
};

} // namespace qvd
