#include "core/storage/PrivateFiles.h"

#include <QDir>
#include <QFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace qvd::storage {

namespace {

#ifdef Q_OS_UNIX
constexpr mode_t kPrivateFolder = 0700;
constexpr mode_t kPrivateFile = 0600;

bool restrict(const QString &path, mode_t mode)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat info
    {
    };
    if (::stat(native.constData(), &info) != 0)
        return false;
    if ((info.st_mode & 07777) == mode)
        return true;
    return ::chmod(native.constData(), mode) == 0;
}
#endif

} // namespace

bool makePrivateFolder(const QString &path)
{
    if (!QDir().mkpath(path))
        return false;
#ifdef Q_OS_UNIX
    restrict(path, kPrivateFolder);
#endif
    return true;
}

bool isPrivateFolder(const QString &path)
{
#ifdef Q_OS_UNIX
    return permissionBits(path) == int(kPrivateFolder);
#else
    Q_UNUSED(path);
    return true;
#endif
}

bool makePrivateFile(const QString &path)
{
#ifdef Q_OS_UNIX
    if (!QFile::exists(path))
        return true;
    return restrict(path, kPrivateFile);
#else
    Q_UNUSED(path);
    return true;
#endif
}

bool createPrivateFile(const QString &path)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kPrivateFile);
    if (fd < 0)
        return errno == EEXIST;
    ::close(fd);
    return true;
#else
    QFile file(path);
    if (file.exists())
        return true;
    return file.open(QIODevice::WriteOnly);
#endif
}

int permissionBits(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
#else
    return QFile::exists(path) ? 0600 : -1;
#endif
}

} // namespace qvd::storage
