#pragma once

#include <QList>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace qvd {

// What a detection marks on the image.
enum class DetectionKind {
    Box,
    Point, // rect is degenerate: x1 == x2, y1 == y2
    Quad, // quad holds the four corners; rect is their bounding rectangle
};

// The syntax a detection was written in (docs/grounding.md §1, §5); the default coordinate space
// depends on it when the model is unknown.
enum class GroundingSyntax {
    QwenVlTags, // <ref>…</ref><box>(x1,y1),(x2,y2)</box>
    Qwen2Tokens, // <|object_ref_start|>…<|box_start|>…<|box_end|>
    XmlPoints, // <points x1="" y1="" …>
    HtmlDataBbox, // QwenVL HTML data-bbox="x1 y1 x2 y2"
    Json, // bbox_2d / point_2d / tool-call coordinate
    BarePairs, // stripped Qwen2-VL tokens: label(x1,y1),(x2,y2)
    PlainLines, // x1,y1,x2,y2 label
    BareArrays, // a whole answer that is only [x1, y1, x2, y2] or a list of such arrays
};

// One box, point or quadrilateral a model named, in the model's own coordinate space.
struct Detection
{
    DetectionKind kind = DetectionKind::Box;
    QString label;
    QVariantMap attributes; // extra keys for the tooltip: sub_label, type, color, img_idx…
    // (x1,y1) = topLeft(), (x2,y2) = bottomRight() exactly as written; may be inverted
    // (negative width), corners are swapped only when mapping to pixels.
    QRectF rect;
    QPolygonF quad; // only for DetectionKind::Quad
    std::optional<int> imageIndex; // img_idx: 0-based image of the conversation
    qsizetype sourceStart = 0; // where in the answer text the detection was written
    qsizetype sourceLength = 0;
    GroundingSyntax syntax = GroundingSyntax::Json;

    static Detection box(qreal x1, qreal y1, qreal x2, qreal y2, const QString &label = {})
    {
        Detection d;
        d.rect = QRectF(QPointF(x1, y1), QPointF(x2, y2));
        d.label = label;
        return d;
    }
    static Detection point(qreal x, qreal y, const QString &label = {})
    {
        Detection d = box(x, y, x, y, label);
        d.kind = DetectionKind::Point;
        return d;
    }

    friend bool operator==(const Detection &a, const Detection &b)
    {
        return a.kind == b.kind && a.label == b.label && a.attributes == b.attributes
            && a.rect == b.rect && a.quad == b.quad && a.imageIndex == b.imageIndex
            && a.sourceStart == b.sourceStart && a.sourceLength == b.sourceLength
            && a.syntax == b.syntax;
    }
    friend bool operator!=(const Detection &a, const Detection &b) { return !(a == b); }
};

} // namespace qvd

// Every member is relocatable (implicitly shared Qt values, plain values), so a growing
// QList<Detection> moves its elements with memmove instead of copying each one: a million
// bare pairs spent an eighth of their time in reallocation.
Q_DECLARE_TYPEINFO(qvd::Detection, Q_RELOCATABLE_TYPE);
