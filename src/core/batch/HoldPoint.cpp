#include "core/batch/HoldPoint.h"

#include <QByteArray>
#include <QtGlobal>

#include <cstdio>

namespace qvd {

bool holdsAt(const char *stage)
{
    static const QByteArray wanted = qgetenv("QVD_BATCH_HOLD_AT");
    if (wanted.isEmpty() || wanted != stage)
        return false;
    std::fprintf(stderr, "holding at %s\n", stage);
    std::fflush(stderr);
    return true;
}

} // namespace qvd
