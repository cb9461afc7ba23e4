#pragma once

#include <QString>

namespace qvd::storage {

// A file name made from text that came from elsewhere (a conversation's title, an image's name
// or format in an imported bundle), safe to create inside a chosen folder on any system: no
// folder separators ('/', '\'), no drive or stream colon, no characters Windows refuses
// (<>:"|?*), no control characters, no leading dots (hidden files, "." and "..") and no
// trailing dots or spaces, not a reserved device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with
// any extension), and at most 100 characters. `fallback` (itself safe) when nothing is left.
QString safeFileName(const QString &text, const QString &fallback);

// The extension for an image file of `format` (as QImageReader names it: "jpeg", "png", …):
// one of the formats the app takes, else "img".
QString imageFileExtension(const QString &format);

} // namespace qvd::storage
