#pragma once

#include "core/grounding/MappedDetection.h"

#include <QStringList>

namespace qvd {

// The class (category) name of a detection in COCO, LabelMe and YOLO files, which all need
// one: its label, or "object" for an unlabelled box (docs/grounding.md §3.2: never drop a box for
// a missing label).
QString exportClassName(const QString &label);

// `existing` followed by the class names of `detections` not in it yet, in order of first
// appearance, so a class keeps its number across the images of one data set.
QStringList exportClasses(const QList<MappedDetection> &detections,
                          const QStringList &existing = {});

} // namespace qvd
