#pragma once

#include "core/imaging/PrepareResult.h"
#include "core/models/ModelInfo.h"

#include <QFuture>
#include <QImageIOHandler>

#include <optional>

class QThreadPool;

namespace qvd {

// Turns a file (or bytes) into what a Qwen-VL model is sent (docs/architecture.md step 2): decodes
// with EXIF orientation applied, refuses what cannot or should not be decoded, downscales once
// to exactly smart_resize(original) for the model's factor and budget, and encodes under the
// per-image byte limit. A value type holding only settings: the sync functions are reentrant,
// so the async ones run a copy on a worker thread.
class ImagePreparer
{
public:
    struct Options
    {
        // Per-request overrides of the model's budget; they win over highResolution.
        std::optional<qint64> minPixels;
        std::optional<qint64> maxPixels;
        // DashScope's vl_high_resolution_images: cap at 16384 tokens (docs/grounding.md §2).
        bool highResolution = false;
        // "Exceeded limit on max bytes per data-uri item : 10485760" (docs/dashscope-protocol.md
        // §3.3), counted over the whole data URI including its prefix.
        qint64 maxDataUriBytes = 10'485'760;
        // Decompression-bomb guards, checked on the header before any pixel is decoded.
        qint64 maxSourcePixels = 100'000'000;
        qint64 maxSourceBytes = 256LL * 1024 * 1024;
        int jpegQuality = 90; // first quality tried; lowered in steps of 10 down to 60
    };

    explicit ImagePreparer(const ModelInfo &model, const Options &options);
    explicit ImagePreparer(const ModelInfo &model);

    // The file formats (as QImageReader names them) the app takes images in.
    static bool acceptsFormat(const QByteArray &format);

    // The budget images are sized with: the model's, then highResolution, then overrides.
    ResizeBudget budget() const { return m_budget; }
    Options options() const { return m_options; }

    PrepareResult prepareFile(const QString &path) const;
    // `name` identifies the image in messages (e.g. "clipboard.png").
    PrepareResult prepareBytes(const QByteArray &bytes, const QString &name) const;

    // The same, on `pool` (QThreadPool::globalInstance() when null). The future always
    // finishes with exactly one result.
    QFuture<PrepareResult> prepareFileAsync(const QString &path, QThreadPool *pool = nullptr) const;
    QFuture<PrepareResult> prepareBytesAsync(const QByteArray &bytes, const QString &name,
                                             QThreadPool *pool = nullptr) const;

private:
    struct Header
    {
        QByteArray format;
        QSize storedSize;
        QImageIOHandler::Transformations orientation;
    };

    bool readHeader(const QByteArray &bytes, Header &header, ImageError &error) const;
    bool decode(const QByteArray &bytes, const Header &header, QSize target, QImage &image,
                ImageError &error) const;
    bool encodeUnderLimit(const QImage &pixels, PreparedImage &image, qint64 &smallest) const;
    bool resizeAndEncode(const QByteArray &bytes, const Header &header,
                         PrepareResult &result) const;

    ResizeBudget m_budget;
    Options m_options;
};

} // namespace qvd
