#include "WireFixtures.h"

#include "TestMain.h"

#include <QFile>

namespace qvd::test {

QByteArray readApiFixture(const QString &name)
{
    QFile file(dataPath(QStringLiteral("api/") + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

QByteArray chunked(const QByteArray &bytes, int size)
{
    QByteArray out;
    for (qsizetype from = 0; from < bytes.size(); from += size) {
        const QByteArray piece = bytes.mid(from, size);
        out += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    }
    return out + "0\r\n\r\n";
}

QByteArray wireResponse(const QString &name)
{
    const QByteArray http = readApiFixture(name);
    const qsizetype headEnd = http.indexOf("\r\n\r\n") + 4;
    const QByteArray head = http.left(headEnd);
    if (!head.toLower().contains("transfer-encoding: chunked"))
        return http;
    return head + chunked(http.mid(headEnd));
}

} // namespace qvd::test
