#pragma once

#include "core/conversation/GenerationParameters.h"
#include "core/conversation/Message.h"
#include "core/grounding/Detection.h"
#include "core/grounding/SpaceChoice.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace qvd {

struct PreparedImage;

// Where an image part's original lives in the ImageStore. Part itself does not carry it, so a
// stored message lists one ImageSource per image part, in the order of the parts.
struct ImageSource
{
    QByteArray sha256; // 32 raw bytes (PreparedImage::sourceSha256); empty: no original kept
    qint64 byteCount = 0;
    QString name; // the file name a person gave
    QString format; // "jpeg", "png", … as QImageReader named it

    static ImageSource from(const PreparedImage &image);

    friend bool operator==(const ImageSource &a, const ImageSource &b)
    {
        return a.sha256 == b.sha256 && a.byteCount == b.byteCount && a.name == b.name
            && a.format == b.format;
    }
    friend bool operator!=(const ImageSource &a, const ImageSource &b) { return !(a == b); }
};

// One committed message with everything needed to show it again years later: the message,
// the model and parameters it was asked with, the originals of its images, and the detections
// parsed from its raw text with the coordinate space they were read in.
struct StoredMessage
{
    qint64 id = 0; // assigned by HistoryStore when committed; 0 before
    Message message;
    QString modelId;
    GenerationParameters parameters;
    QList<ImageSource> images; // one per Part::Kind::Image part, in order
    QList<Detection> detections;
    std::optional<SpaceChoice> space; // the space `detections` are in; unset when none
    QDateTime createdAt; // UTC, millisecond precision

    // Equal apart from the id the database gave it.
    bool sameContent(const StoredMessage &other) const
    {
        return message == other.message && modelId == other.modelId
            && parameters == other.parameters && images == other.images
            && detections == other.detections && space == other.space
            && createdAt == other.createdAt;
    }
    friend bool operator==(const StoredMessage &a, const StoredMessage &b)
    {
        return a.id == b.id && a.sameContent(b);
    }
    friend bool operator!=(const StoredMessage &a, const StoredMessage &b) { return !(a == b); }
};

} // namespace qvd
