#pragma once

#include "core/batch/BatchNames.h"

#include <QCoreApplication>

namespace qvd {

struct BatchItem;

// What the Batch window calls a job's phase, an image's state and a job's mode, in the
// person's language (the stored names, core/batch/BatchNames.h, never change).
class BatchText
{
    Q_DECLARE_TR_FUNCTIONS(qvd::BatchText)

public:
    static QString phase(JobPhase phase);
    static QString itemState(ItemState state);
    static QString mode(JobMode mode);
    // "code: message" for an item's or a job's error; empty without one.
    static QString error(const QString &code, const QString &message);
};

} // namespace qvd
