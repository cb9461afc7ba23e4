#pragma once

#include "core/grounding/Detection.h"

#include <QList>
#include <QString>

namespace qvd::grounding {

// Strategy 1: Qwen-VL <ref>label</ref><box>(x1,y1),(x2,y2)</box> and <quad> (docs/grounding.md
// §1.1).
QList<Detection> parseQwenVlTags(const QString &text);

// Strategy 2: Qwen2-VL <|object_ref_start|>…<|box_start|>…<|box_end|> tokens, spaces inside
// "<| name |>" tolerated, and the <|extra_0..3|> spelling some front ends show (§1.2).
QList<Detection> parseQwen2Tokens(const QString &text);

// `text` with Qwen-VL's <img>…</img> and every box and quad element of either syntax blanked out,
// from its opening tag to its closing tag, or to the end while it is open. The later strategies
// read this, so the numbers of a malformed or half-streamed <box> never come back as bare pairs.
QString withoutTagElements(const QString &text);

} // namespace qvd::grounding
