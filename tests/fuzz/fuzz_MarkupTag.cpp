// libFuzzer target: any bytes as the inside of a start tag. Each input is read as it is, where
// the attributes found must be exactly those of the reference pattern, and then repeated into a
// tag of about a megabyte, which must be read within libFuzzer's per-input timeout (a quadratic
// reader takes minutes). Built only with -DQVD_FUZZ=ON by clang; run with tests/fuzz/run-fuzz.sh.
#include "core/grounding/parsers/Markup.h"

#include <QRegularExpression>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace {

constexpr qsizetype kTagSize = 1024 * 1024;

// The pattern tagAttributes() implements (core/grounding/parsers/Markup.h), names lower-cased;
// inputs with "&" are compared without their entity decoding.
QHash<QString, QString> reference(const QString &inside)
{
    static const QRegularExpression attribute(
        QStringLiteral("([A-Za-z_:][\\w:.-]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')"));
    QHash<QString, QString> result;
    for (auto it = attribute.globalMatch(inside); it.hasNext();) {
        const auto m = it.next();
        result.insert(m.captured(1).toLower(),
                      m.capturedStart(3) >= 0 ? m.captured(3) : m.captured(2));
    }
    return result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    QString inside = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    if (inside.isEmpty())
        return 0;
    if (!inside.contains(u'&') && qvd::grounding::tagAttributes(inside) != reference(inside))
        std::abort(); // the reader and its pattern disagree
    inside = inside.repeated(std::max<qsizetype>(1, kTagSize / inside.size()));
    qvd::grounding::tagAttributes(inside);
    return 0;
}
