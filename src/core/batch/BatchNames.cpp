#include "core/batch/BatchNames.h"

#include "core/NameTable.h"

namespace qvd {
namespace {

constexpr NameTable<JobMode, 2> kModes{{
    {JobMode::Batch, u"batch"},
    {JobMode::Direct, u"direct"},
}};

constexpr NameTable<ItemState, 6> kItemStates{{
    {ItemState::Pending, u"pending"},
    {ItemState::Queued, u"queued"},
    {ItemState::Submitted, u"submitted"},
    {ItemState::Done, u"done"},
    {ItemState::Failed, u"failed"},
    {ItemState::Cancelled, u"cancelled"},
}};

constexpr NameTable<PartState, 11> kPartStates{{
    {PartState::Writing, u"writing"},
    {PartState::Sealed, u"sealed"},
    {PartState::Uploading, u"uploading"},
    {PartState::Uploaded, u"uploaded"},
    {PartState::Creating, u"creating"},
    {PartState::Submitted, u"submitted"},
    {PartState::Ended, u"ended"},
    {PartState::Downloaded, u"downloaded"},
    {PartState::Stored, u"stored"},
    {PartState::Cleaned, u"cleaned"},
    {PartState::Dropped, u"dropped"},
}};

constexpr NameTable<JobPhase, 8> kPhases{{
    {JobPhase::Preparing, u"preparing"},
    {JobPhase::Uploading, u"uploading"},
    {JobPhase::Running, u"running"},
    {JobPhase::Downloading, u"downloading"},
    {JobPhase::Completed, u"completed"},
    {JobPhase::Cancelling, u"cancelling"},
    {JobPhase::Cancelled, u"cancelled"},
    {JobPhase::Failed, u"failed"},
}};

} // namespace

QString jobModeName(JobMode mode)
{
    return nameOf(kModes, mode);
}

std::optional<JobMode> jobModeFromName(QStringView name)
{
    return valueOf(kModes, name);
}

QString itemStateName(ItemState state)
{
    return nameOf(kItemStates, state);
}

std::optional<ItemState> itemStateFromName(QStringView name)
{
    return valueOf(kItemStates, name);
}

QString partStateName(PartState state)
{
    return nameOf(kPartStates, state);
}

std::optional<PartState> partStateFromName(QStringView name)
{
    return valueOf(kPartStates, name);
}

QString jobPhaseName(JobPhase phase)
{
    return nameOf(kPhases, phase);
}

} // namespace qvd
