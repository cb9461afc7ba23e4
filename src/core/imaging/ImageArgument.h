#pragma once

#include <QString>
#include <QStringList>

namespace qvd {

// What an image argument on the command line names (`qwenvl-desk photo.jpg`, or a desktop
// launcher's file:// URL), read in the folder of the process that was given it: the absolute
// path of a local file. Any other URL (https:// …) is no file and comes back as written, for
// the window to report as not found. Resolved once, before the arguments travel to a running
// window (SingleInstance) or to this one.
QString localImagePath(const QString &argument);
QStringList localImagePaths(const QStringList &arguments);

} // namespace qvd
