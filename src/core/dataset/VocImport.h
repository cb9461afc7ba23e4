#pragma once

#include "core/dataset/DatasetImage.h"

#include <QCoreApplication>

#include <optional>

namespace qvd {

// Reads one Pascal VOC annotation file (XML): <filename>, <size> and each <object>'s <name>,
// <difficult> (the "difficult" attribute) and <bndbox>, read as VocExport writes it: the box's
// edges in pixels of the image. A box of size zero is a point. A <score> (or <confidence>) in
// an object, as some detectors write it, becomes the "score" attribute.
class VocImport
{
    Q_DECLARE_TR_FUNCTIONS(qvd::VocImport)

public:
    static std::optional<DatasetImage> read(const QByteArray &xml, QString *error);
};

} // namespace qvd
