#pragma once

#include "core/imaging/ImageTransform.h"
#include "core/models/ModelInfo.h"

#include <QPointF>
#include <QRectF>
#include <QString>

namespace qvd {

// Turns a region the user drew on an image (upright original pixels) into text the model reads
// as a region (docs/grounding.md §4), in the family's syntax and the model's coordinate space:
//   Qwen-VL    <ref>label</ref><box>(x1,y1),(x2,y2)</box>                     0..1000
//   Qwen2-VL   <|object_ref_start|>label<|object_ref_end|><|box_start|>(x1,y1),(x2,y2)<|box_end|>
//              (also QVQ, built on Qwen2-VL)                                  0..1000
//   Qwen2.5-VL [x1, y1, x2, y2]      pixels of the resized input (the upload's smart_resize)
//   Qwen3-VL   {"bbox_2d": [x1, y1, x2, y2]} (or the bare list)               0..1000
// The numbers are rounded to integers; which space they are in comes from ModelInfo::space, so
// a snapshot registered as absolute gets absolute numbers whatever its family's syntax.
class RegionPrompt
{
public:
    enum class Style {
        Native, // the family's own form
        BareList, // "[x1, y1, x2, y2]" for JSON families (Qwen3-VL accepts both, §4)
    };

    RegionPrompt(const ModelInfo &model, const ImageTransform &transform,
                 Style style = Style::Native);

    // Empty when the image size is unknown. An inverted drag is normalised first.
    QString forRect(const QRectF &original, const QString &label = {}) const;
    // A point: Qwen2 tokens and JSON have one; Qwen-VL gets a box of zero size.
    QString forPoint(QPointF original, const QString &label = {}) const;

private:
    QString format(const QList<int> &numbers, const QString &label) const;

    ModelInfo m_model;
    ImageTransform m_transform;
    Style m_style;
};

} // namespace qvd
