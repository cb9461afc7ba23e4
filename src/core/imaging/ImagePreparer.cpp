#include "core/imaging/ImagePreparer.h"

#include "core/imaging/ImageEncoder.h"

#include <QBuffer>
#include <QColorSpace>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace qvd {

namespace {

constexpr int kMinJpegQuality = 60;
constexpr int kMaxSizeSteps = 8;

bool isSupportedFormat(const QByteArray &format)
{
    static const char *const formats[] = {"jpeg", "jpg", "png", "webp",
                                          "bmp",  "gif", "tif", "tiff"};
    return std::any_of(std::begin(formats), std::end(formats),
                       [&format](const char *f) { return format == f; });
}

QSize storedOrientation(QSize upright, QImageIOHandler::Transformations orientation)
{
    return orientation.testFlag(QImageIOHandler::TransformationRotate90) ? upright.transposed()
                                                                         : upright;
}

} // namespace

ImagePreparer::ImagePreparer(const ModelInfo &model, const Options &options)
    : m_budget(model.budget), m_options(options)
{
    const qint64 patch = qint64(m_budget.factor) * m_budget.factor;
    // vl_high_resolution_images caps an image at 16384 tokens, the model's ceiling (§8.1).
    if (m_options.highResolution)
        m_budget.maxPixels = model.maxPixelsCeiling > 0 ? model.maxPixelsCeiling : 16384 * patch;
    m_budget.minPixels = m_options.minPixels.value_or(m_budget.minPixels);
    m_budget.maxPixels = m_options.maxPixels.value_or(m_budget.maxPixels);
}

ImagePreparer::ImagePreparer(const ModelInfo &model) : ImagePreparer(model, Options{}) { }

PrepareResult ImagePreparer::prepareFile(const QString &path) const
{
    const QFileInfo info(path);
    PrepareResult result;
    result.error.fileName = info.fileName();
    QFile file(path);
    if (info.size() > m_options.maxSourceBytes) {
        result.error.kind = ImageError::Kind::FileTooLarge;
        result.error.bytes = info.size();
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.error.kind = ImageError::Kind::Unreadable;
        result.error.detail = file.errorString();
        return result;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        result.error.kind = ImageError::Kind::Unreadable;
        result.error.detail = file.errorString();
        return result;
    }
    return prepareBytes(bytes, info.fileName());
}

PrepareResult ImagePreparer::prepareBytes(const QByteArray &bytes, const QString &name) const
{
    PrepareResult result;
    result.error.fileName = name;
    if (bytes.size() > m_options.maxSourceBytes) {
        result.error.kind = ImageError::Kind::FileTooLarge;
        result.error.bytes = bytes.size();
        return result;
    }
    if (bytes.isEmpty()) {
        result.error.kind = ImageError::Kind::Empty;
        return result;
    }
    PreparedImage &image = result.image;
    image.sourceBytes = bytes;
    image.sourceByteCount = bytes.size();
    image.sourceName = name;
    image.sourceSha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);

    Header header;
    if (!readHeader(bytes, header, result.error))
        return result;
    image.sourceFormat = QString::fromLatin1(header.format);
    image.transform.storedSize = header.storedSize;
    image.transform.orientation = header.orientation;
    image.transform.originalSize = storedOrientation(header.storedSize, header.orientation);
    resizeAndEncode(bytes, header, result);
    return result;
}

bool ImagePreparer::acceptsFormat(const QByteArray &format)
{
    return isSupportedFormat(format);
}

bool ImagePreparer::readHeader(const QByteArray &bytes, Header &header, ImageError &error) const
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    if (!reader.canRead() || !isSupportedFormat(reader.format())) {
        error.kind = ImageError::Kind::NotAnImage;
        error.detail = reader.errorString();
        return false;
    }
    header.format = reader.format();
    header.storedSize = reader.size();
    if (!header.storedSize.isValid() || header.storedSize.isEmpty()) {
        error.kind = ImageError::Kind::Damaged;
        error.detail = reader.errorString();
        return false;
    }
    // A few hundred bytes can declare 65535×65535 pixels: refuse before allocating anything.
    if (qint64(header.storedSize.width()) * header.storedSize.height()
        > m_options.maxSourcePixels) {
        error.kind = ImageError::Kind::TooLarge;
        error.size = header.storedSize;
        return false;
    }
    header.orientation = reader.transformation();
    return true;
}

bool ImagePreparer::decode(const QByteArray &bytes, const Header &header, QSize target,
                           QImage &image, ImageError &error) const
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, header.format);
    reader.setAutoTransform(true);
    // The allocation limit is the process's, set once at start-up (core/imaging/DecodeLimit.h);
    // never here, on a worker, while another thread may be decoding.
    // The reader scales in the file's stored orientation and rotates afterwards. For JPEG,
    // libjpeg decodes at the smallest 1/8-step scale still >= the target (DCT-domain scaling),
    // then Qt does one smooth scale to the exact size; other formats get that one smooth scale.
    reader.setScaledSize(storedOrientation(target, header.orientation));
    if (!reader.read(&image)) {
        error.kind = ImageError::Kind::Damaged;
        error.detail = reader.errorString();
        return false;
    }
    // QImageReader scales itself for handlers without ScaledSize support, so anything else is a
    // bug here; scaling again would distort the image and the coordinate record silently.
    if (image.size() != target) {
        error.kind = ImageError::Kind::Damaged;
        error.detail = QStringLiteral("decoded at an unexpected size");
        return false;
    }
    // Models were trained on sRGB; wide-gamut (e.g. Display P3) pixels would shift colours.
    if (image.colorSpace().isValid() && image.colorSpace() != QColorSpace::SRgb
        && image.format() != QImage::Format_Grayscale8)
        image.convertToColorSpace(QColorSpace::SRgb);
    return true;
}

bool ImagePreparer::encodeUnderLimit(const QImage &pixels, PreparedImage &image,
                                     qint64 &smallest) const
{
    const bool png = ImageEncoder::hasTransparency(pixels);
    const QString mime = ImageEncoder::mimeType(png);
    // Quality first (JPEG only): at 60 a photo still reads well; below it, fewer pixels are better.
    for (int quality = m_options.jpegQuality;; quality -= 10) {
        const QByteArray encoded = ImageEncoder::encode(pixels, png, quality);
        if (encoded.isEmpty())
            return false;
        smallest = PreparedImage::dataUriLength(encoded.size(), mime);
        if (smallest <= m_options.maxDataUriBytes) {
            image.encoded = encoded;
            image.mimeType = mime;
            return true;
        }
        if (png || quality - 10 < kMinJpegQuality)
            return false;
    }
}

bool ImagePreparer::resizeAndEncode(const QByteArray &bytes, const Header &header,
                                    PrepareResult &result) const
{
    PreparedImage &image = result.image;
    ImageTransform &transform = image.transform;
    ResizeBudget budget = m_budget;
    for (int step = 0; step < kMaxSizeSteps && budget.maxPixels >= budget.minPixels; ++step) {
        const std::optional<QSize> sent = smartResize(transform.originalSize, budget);
        if (!sent) {
            result.error.kind = ImageError::Kind::ExtremeAspectRatio;
            result.error.size = transform.originalSize;
            return false;
        }
        QImage pixels;
        if (!decode(bytes, header, *sent, pixels, result.error))
            return false;
        qint64 smallest = 0;
        if (encodeUnderLimit(pixels, image, smallest)) {
            transform.sentSize = *sent;
            transform.budget = budget;
            image.minPixels = budget.minPixels;
            image.maxPixels = budget.maxPixels;
            const qint64 patch = qint64(budget.factor) * budget.factor;
            image.estimatedTokens = int(qint64(sent->width()) * sent->height() / patch + 2);
            return true;
        }
        // Size down, from the original again so it is still a single downscale. Bytes shrink
        // about as fast as pixels; aim 10% under and always shrink by at least a fifth.
        const double ratio =
            0.9 * double(m_options.maxDataUriBytes) / double(std::max<qint64>(smallest, 1));
        const double shrink = std::clamp(ratio, 0.25, 0.8);
        budget.maxPixels = qint64(double(sent->width()) * sent->height() * shrink);
    }
    result.error.kind = ImageError::Kind::CannotFitByteLimit;
    result.error.bytes = m_options.maxDataUriBytes;
    image = PreparedImage{};
    return false;
}

QFuture<PrepareResult> ImagePreparer::prepareFileAsync(const QString &path, QThreadPool *pool) const
{
    auto work = [preparer = *this, path] {
        return preparer.prepareFile(path);
    };
    return pool ? QtConcurrent::run(pool, std::move(work)) : QtConcurrent::run(std::move(work));
}

QFuture<PrepareResult> ImagePreparer::prepareBytesAsync(const QByteArray &bytes,
                                                        const QString &name,
                                                        QThreadPool *pool) const
{
    auto work = [preparer = *this, bytes, name] {
        return preparer.prepareBytes(bytes, name);
    };
    return pool ? QtConcurrent::run(pool, std::move(work)) : QtConcurrent::run(std::move(work));
}

} // namespace qvd
