#pragma once

#include <QByteArray>
#include <QString>

namespace qvd::test {

// The protocol fixtures of tests/data/api (spec §7 and §9 bytes; see its README).
QByteArray readApiFixture(const QString &name);
// A fixture response as wire bytes: chunk-encoded when its headers say so (the captures show
// bodies de-chunked).
QByteArray wireResponse(const QString &name);
// HTTP/1.1 chunked framing of `bytes` in pieces of `size`, with the closing chunk.
QByteArray chunked(const QByteArray &bytes, int size = 128);

} // namespace qvd::test
