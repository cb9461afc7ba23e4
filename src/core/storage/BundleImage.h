#pragma once

#include "core/storage/StorageError.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QTemporaryFile>

#include <memory>

namespace qvd {

class ImageStore;

// One original image of a history bundle, read without holding it: its base64 text is decoded
// piece by piece into a file in the image store's incoming folder while it is hashed. Then it
// must match the SHA-256 the bundle names and decode as an image the app takes (bytes that are
// not an image are refused even when their hash matches) before it moves in under its hash.
class BundleImage
{
    Q_DECLARE_TR_FUNCTIONS(qvd::BundleImage)

public:
    explicit BundleImage(ImageStore &images);
    ~BundleImage();

    void setDeclaredHash(const QString &hex) { m_declared = hex; }
    // The "data" member: start(), then its text in pieces (false: send no more, it is refused or
    // failed), then endData().
    StorageError start();
    bool addBase64(const QByteArray &piece);
    StorageError endData();

    struct Result
    {
        StorageError error; // the store could not be written: the import fails
        QString refusal; // translated: why the image is left out; empty when it was stored
        QString name; // how the report names it: its SHA-256, or its place in the file
        bool created = false; // a new file in the store (not there before)
    };
    // After the bundle's object for the image has been read; `index` is its place in the file.
    Result store(int index);

private:
    QString decodeProblem() const;
    bool write(const QByteArray &bytes);

    ImageStore &m_images;
    QString m_declared;
    std::unique_ptr<QTemporaryFile> m_file;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    QByteArray m_carry; // base64 characters not decoded yet (fewer than four)
    qint64 m_bytes = 0;
    bool m_hadData = false;
    bool m_badBase64 = false;
    bool m_tooLarge = false;
    StorageError m_error;
};

} // namespace qvd
