#include "core/imaging/ImageArgument.h"

#include <QFileInfo>
#include <QUrl>

namespace qvd {

QString localImagePath(const QString &argument)
{
    const QUrl url(argument);
    if (url.isLocalFile())
        return QFileInfo(url.toLocalFile()).absoluteFilePath();
    // A scheme of one letter is a Windows drive ("C:/photos/a.jpg"), a path.
    if (url.isValid() && url.scheme().size() > 1)
        return argument;
    return QFileInfo(argument).absoluteFilePath();
}

QStringList localImagePaths(const QStringList &arguments)
{
    QStringList paths;
    paths.reserve(arguments.size());
    for (const QString &argument : arguments)
        paths.append(localImagePath(argument));
    return paths;
}

} // namespace qvd
