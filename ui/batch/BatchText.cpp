#include "ui/batch/BatchText.h"

namespace qvd {

QString BatchText::phase(JobPhase phase)
{
    switch (phase) {
    case JobPhase::Preparing:
        return tr("Preparing");
    case JobPhase::Uploading:
        return tr("Uploading");
    case JobPhase::Running:
        return tr("Running");
    case JobPhase::Downloading:
        return tr("Downloading");
    case JobPhase::Completed:
        return tr("Completed");
    case JobPhase::Cancelling:
        return tr("Cancelling");
    case JobPhase::Cancelled:
        return tr("Cancelled");
    case JobPhase::Failed:
        return tr("Failed");
    }
    return {};
}

QString BatchText::itemState(ItemState state)
{
    switch (state) {
    case ItemState::Pending:
        return tr("waiting");
    case ItemState::Queued:
        return tr("in a batch file");
    case ItemState::Submitted:
        return tr("on the server");
    case ItemState::Done:
        return tr("answered");
    case ItemState::Failed:
        return tr("failed");
    case ItemState::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QString BatchText::mode(JobMode mode)
{
    return mode == JobMode::Batch ? tr("Batch API") : tr("Direct");
}

QString BatchText::error(const QString &code, const QString &message)
{
    if (code.isEmpty())
        return message;
    if (message.isEmpty())
        return code;
    if (message.contains(code))
        return message;
    return tr("%1 (%2)").arg(message, code);
}

} // namespace qvd
