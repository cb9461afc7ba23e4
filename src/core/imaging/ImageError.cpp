#include "core/imaging/ImageError.h"

namespace qvd {

QString ImageError::message() const
{
    const QString w = QString::number(size.width());
    const QString h = QString::number(size.height());
    const QString megabytes = QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Unreadable:
        return tr("Cannot read “%1”.").arg(fileName);
    case Kind::Empty:
        return tr("“%1” is empty (0 bytes).").arg(fileName);
    case Kind::NotAnImage:
        return tr("“%1” is not an image in a supported format (JPEG, PNG, WebP, BMP, GIF or TIFF).")
            .arg(fileName);
    case Kind::Damaged:
        return tr("“%1” looks like an image but is damaged and cannot be decoded.").arg(fileName);
    case Kind::TooLarge:
        return tr("“%1” is too large to open safely: %2×%3 pixels.").arg(fileName, w, h);
    case Kind::FileTooLarge:
        return tr("“%1” is too large to open: %2 MB.").arg(fileName, megabytes);
    case Kind::ExtremeAspectRatio:
        return tr("“%1” is too long and thin for the model: %2×%3 pixels (at most 200:1).")
            .arg(fileName, w, h);
    case Kind::CannotFitByteLimit:
        return tr("“%1” cannot be made small enough to send (limit %2 MB).")
            .arg(fileName, megabytes);
    }
    return {};
}

} // namespace qvd
