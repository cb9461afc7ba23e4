#pragma once

#include "core/dataset/DatasetImage.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <optional>

namespace qvd {

// Reads what the command line prints (DetectionJson.h): `boxes --format json` ({"image":
// {"width", "height"}, "detections": […]}), `ask --json` ({"images": […], "detections": […]})
// or a bare array of detection objects. The detections must be pixels of one image: a `boxes`
// run without --image or --size left them in the model's own space, and that is an error.
class DetectionJsonImport
{
    Q_DECLARE_TR_FUNCTIONS(qvd::DetectionJsonImport)

public:
    static bool isDetectionJson(const QJsonDocument &document);
    static std::optional<DatasetImage> read(const QJsonDocument &document, QString *error);
};

} // namespace qvd
