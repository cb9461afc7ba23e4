#pragma once

#include "core/grounding/MappedDetection.h"
#include "core/grounding/SpaceChoice.h"
#include "core/imaging/ImageTransform.h"
#include "core/models/ModelInfo.h"

#include <QCommandLineOption>
#include <QImage>
#include <QList>

#include <optional>

class QCommandLineParser;
class QTextStream;

namespace qvd::cli {

// What `boxes` and `render` share: a model answer, the model it came from, the image it talks
// about, and how to read its numbers (--model, --space, --max-pixels).
class GroundingInput
{
public:
    // --model, --space, --max-pixels.
    static QList<QCommandLineOption> options();

    // Reads the shared options; false (with a message) on a bad value.
    bool readOptions(const QCommandLineParser &parser, QTextStream &err);
    // The answer from a file, or standard input for "-" or an empty name.
    bool readAnswer(const QString &source, QTextStream &err);
    // The upright size (and orientation) of an image file, from its header.
    bool readImageSize(const QString &path, QTextStream &err);
    // The whole image, upright.
    bool readImage(const QString &path, QTextStream &err);
    // --size WxH instead of an image.
    bool setSize(const QString &text, QTextStream &err);

    // Parses the answer and maps it: to original pixels when the image size is known,
    // otherwise only the corners are put in order. False with a message when the space needs a
    // model input size that cannot be computed.
    bool ground(QTextStream &err);

    const ModelInfo &model() const { return m_model; }
    bool hasImageSize() const { return !m_transform.originalSize.isEmpty(); }
    QSize imageSize() const { return m_transform.originalSize; }
    QString imagePath() const { return m_imagePath; }
    const QImage &image() const { return m_image; }
    SpaceChoice spaceChoice() const { return m_choice; }
    // "norm1000", "absolute", "abs-resized:WxH" (or "abs-resized" when no size is known).
    QString spaceName() const;
    const QList<MappedDetection> &detections() const { return m_detections; }

private:
    ModelInfo m_model;
    std::optional<CoordinateSpace> m_spaceOverride;
    QSize m_resizedOverride; // from --space abs-resized:WxH
    QString m_imagePath;
    QImage m_image;
    QString m_answer;
    ImageTransform m_transform;
    SpaceChoice m_choice;
    QList<MappedDetection> m_detections;
};

} // namespace qvd::cli
