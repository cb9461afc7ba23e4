#pragma once

#include "core/api/ChatTurn.h"
#include "core/batch/JobRequest.h"
#include "core/batch/PollSchedule.h"

class QThreadPool;

namespace qvd {

// How far one run takes a job before it reports finished().
enum class RunGoal {
    Submit, // prepare, upload and create the batches (direct mode: send everything)
    Fetch, // every step that can run now: ask each running batch once (when due), download,
           // store and clean up what has ended (direct mode: send everything)
    Poll, // only ask running batches for their status, once each when due
    PollUntilEnded, // ask until no batch runs any more
    Finish, // everything, waiting for the batches: the app
};

struct RunOptions
{
    RunGoal goal = RunGoal::Finish;
    PollSchedule poll;
    BatchLimits limits;
    QThreadPool *pool = nullptr; // image preparation; QThreadPool::globalInstance() when null
    // Prepared lines (or direct answers) are committed in groups: at most this many, or this
    // long after the first of the group.
    int commitItems = 200;
    int commitMs = 1000;
    int directCommitMs = 250;
    ChatTurn::RetryPolicy retry{5,
                                std::chrono::milliseconds(2000),
                                std::chrono::milliseconds(60000),
                                std::chrono::milliseconds(120000),
                                {}};
    int createAttempts = 5; // POST /batches on 429 or 5xx before the run gives up
};

} // namespace qvd
