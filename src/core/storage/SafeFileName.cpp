#include "core/storage/SafeFileName.h"

#include "core/imaging/ImagePreparer.h"

#include <QRegularExpression>

namespace qvd::storage {

namespace {

constexpr qsizetype kMaxChars = 100;

bool reservedOnWindows(const QString &name)
{
    static const QRegularExpression reserved(
        QStringLiteral("^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\\$|conout\\$)(\\..*)?$"),
        QRegularExpression::CaseInsensitiveOption);
    return reserved.match(name).hasMatch();
}

} // namespace

QString safeFileName(const QString &text, const QString &fallback)
{
    QString name;
    name.reserve(qMin(text.size(), kMaxChars));
    for (const QChar c : text) {
        if (c.isSpace())
            name.append(u' ');
        else if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
                 || QStringView(u"/\\:*?\"<>|").contains(c))
            name.append(u'_');
        else
            name.append(c);
    }
    name = name.simplified();
    if (name.size() > kMaxChars)
        name.truncate(kMaxChars);
    // A surrogate pair cut in half by the truncation is not a character.
    if (!name.isEmpty() && name.back().isHighSurrogate())
        name.chop(1);
    while (!name.isEmpty() && (name.front() == u'.' || name.front() == u' '))
        name.remove(0, 1);
    while (!name.isEmpty() && (name.back() == u'.' || name.back() == u' '))
        name.chop(1);
    if (name.isEmpty())
        return fallback;
    if (reservedOnWindows(name))
        name.prepend(u'_');
    return name;
}

QString imageFileExtension(const QString &format)
{
    const QByteArray lower = format.toLower().toLatin1();
    if (!ImagePreparer::acceptsFormat(lower))
        return QStringLiteral("img");
    if (lower == "jpeg")
        return QStringLiteral("jpg");
    if (lower == "tiff")
        return QStringLiteral("tif");
    return QString::fromLatin1(lower);
}

} // namespace qvd::storage
