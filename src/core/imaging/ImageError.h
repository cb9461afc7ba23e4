#pragma once

#include <QCoreApplication>
#include <QSize>
#include <QString>

namespace qvd {

// Why an image was not prepared. A value: nothing is sent for it, and message() tells the person
// which file and what to do, in the current UI language (built when asked, so it follows a
// language change).
struct ImageError
{
    Q_DECLARE_TR_FUNCTIONS(qvd::ImageError)

public:
    enum class Kind {
        None,
        Unreadable, // the file could not be opened or read
        Empty, // zero bytes: a download or sync that has not finished, a truncated copy
        NotAnImage, // not a format we decode (JPEG, PNG, WebP, BMP, GIF, TIFF)
        Damaged, // looks like an image, but decoding failed
        TooLarge, // pixel count above the decoding limit (decompression-bomb guard)
        FileTooLarge, // byte count above the reading limit
        ExtremeAspectRatio, // 200:1 or more, refused by smart_resize and DashScope (§3.4)
        CannotFitByteLimit, // even the smallest allowed size does not fit the per-image limit
    };

    Kind kind = Kind::None;
    QString fileName; // shown to the person; file name without directories
    QSize size; // pixel size where it matters (TooLarge, ExtremeAspectRatio)
    qint64 bytes = 0; // byte count where it matters (FileTooLarge, CannotFitByteLimit)
    QString detail; // untranslated decoder/OS text, for logs

    bool isError() const { return kind != Kind::None; }
    QString message() const;
};

} // namespace qvd
