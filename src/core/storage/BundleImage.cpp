#include "core/storage/BundleImage.h"

#include "core/imaging/ImagePreparer.h"
#include "core/storage/ImageStore.h"
#include "core/storage/PrivateFiles.h"
#include "core/storage/StorageCodec.h"

#include <QImageReader>

#include <cerrno>

namespace qvd {

namespace {

// Images whose pixels take more than this are checked at a reduced size where the format can
// decode scaled (JPEG), and by their header otherwise, so an import stays within its memory.
constexpr qint64 kFullDecodeBytes = 96LL * 1024 * 1024;

const ImagePreparer::Options &limits()
{
    static const ImagePreparer::Options options;
    return options;
}

} // namespace

BundleImage::BundleImage(ImageStore &images) : m_images(images) { }

BundleImage::~BundleImage() = default;

StorageError BundleImage::start()
{
    if (m_hadData) {
        m_badBase64 = true; // two "data" members: refused, whichever was meant
        return {};
    }
    m_hadData = true;
    const QString folder = m_images.incomingFolder();
    if (!storage::makePrivateFolder(folder))
        return StorageError::make(StorageError::Kind::CannotOpen, folder);
    m_file = std::make_unique<QTemporaryFile>(folder + QStringLiteral("/import-XXXXXX"));
    errno = 0;
    if (!m_file->open())
        return StorageError::make(errno == ENOSPC ? StorageError::Kind::DiskFull
                                                  : StorageError::Kind::CannotOpen,
                                  folder, m_file->errorString());
    return {};
}

bool BundleImage::write(const QByteArray &bytes)
{
    m_bytes += bytes.size();
    if (m_bytes > limits().maxSourceBytes) {
        m_tooLarge = true;
        return false;
    }
    m_hash.addData(bytes);
    errno = 0;
    if (m_file->write(bytes) != bytes.size()) {
        m_error = StorageError::make(errno == ENOSPC ? StorageError::Kind::DiskFull
                                                     : StorageError::Kind::Io,
                                     m_file->fileName(), m_file->errorString());
        return false;
    }
    return true;
}

bool BundleImage::addBase64(const QByteArray &piece)
{
    if (m_badBase64 || m_tooLarge || m_error || !m_file)
        return false;
    m_carry += piece;
    const qsizetype whole = m_carry.size() / 4 * 4;
    if (whole == 0)
        return true;
    const auto decoded = QByteArray::fromBase64Encoding(m_carry.left(whole),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    m_carry.remove(0, whole);
    if (!decoded) {
        m_badBase64 = true;
        return false;
    }
    return write(*decoded);
}

StorageError BundleImage::endData()
{
    if (!m_badBase64 && !m_tooLarge && !m_error && m_file && !m_carry.isEmpty()) {
        const auto decoded =
            QByteArray::fromBase64Encoding(m_carry, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            m_badBase64 = true;
        else
            write(*decoded);
        m_carry.clear();
    }
    if (m_file && !m_error && !m_file->flush())
        m_error =
            StorageError::make(StorageError::Kind::Io, m_file->fileName(), m_file->errorString());
    return m_error;
}

QString BundleImage::decodeProblem() const
{
    QImageReader reader(m_file->fileName());
    reader.setAutoTransform(false);
    if (!reader.canRead() || !ImagePreparer::acceptsFormat(reader.format()))
        return tr("it is not an image");
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty())
        return tr("it is a damaged image");
    const qint64 pixels = qint64(size.width()) * size.height();
    if (pixels > limits().maxSourcePixels)
        return tr("it has more pixels than the app takes");
    if (pixels * 4 > kFullDecodeBytes) {
        if (!reader.supportsOption(QImageIOHandler::ScaledSize))
            return {};
        reader.setScaledSize(size.scaled(2048, 2048, Qt::KeepAspectRatio));
    }
    QImage image;
    if (!reader.read(&image) || image.isNull())
        return tr("it is a damaged image (%1)").arg(reader.errorString());
    return {};
}

BundleImage::Result BundleImage::store(int index)
{
    Result result;
    const QByteArray declared = storage::sha256FromHex(m_declared);
    result.name = declared.isEmpty() ? tr("number %1").arg(index + 1) : m_declared;
    if (m_error) {
        result.error = m_error;
        return result;
    }
    if (declared.isEmpty())
        result.refusal = tr("it has no valid SHA-256");
    else if (!m_hadData)
        result.refusal = tr("it has no data");
    else if (m_badBase64)
        result.refusal = tr("its data is not valid base64");
    else if (m_tooLarge)
        result.refusal = tr("it is larger than %1 MiB").arg(limits().maxSourceBytes >> 20);
    else if (m_hash.result() != declared)
        result.refusal = tr("its bytes do not match its SHA-256");
    else
        result.refusal = decodeProblem();
    if (!result.refusal.isEmpty())
        return result;
    m_file->close();
    m_file->setAutoRemove(false);
    const ImageStore::PutResult put = m_images.adopt(m_file->fileName(), declared, &result.created);
    if (!put.ok()) {
        m_file->setAutoRemove(true);
        result.error = put.error;
    }
    return result;
}

} // namespace qvd
