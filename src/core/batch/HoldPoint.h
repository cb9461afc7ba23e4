#pragma once

namespace qvd {

// A fault-injection point for the crash tests (tests/integration/tst_CliBatchKill): when the
// environment variable QVD_BATCH_HOLD_AT names `stage` ("preparing", "parsing"), the runner
// stops there, says so on standard error and waits to be killed, so the test can kill it
// exactly at that stage. Unset, it never holds.
bool holdsAt(const char *stage);

} // namespace qvd
