#pragma once

#include <QObject>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace qvd::test {

// How long the event loop of the thread it lives on goes without turning: a timer every few
// milliseconds records the gap since its last tick. Two kinds of time in a gap are not the
// program's stall and are taken out; everything else counts (working, or blocked on a lock or a
// disk):
//  - time the thread waited for a CPU (other processes busy; Linux reports it per thread in
//    /proc/thread-self/schedstat);
//  - time its CPU did not run at all: in a virtual machine the host takes a virtual CPU away
//    now and then (about 100 ms at a time on a busy host), which no counter inside shows. A
//    reference thread that only naps, on the same CPU, sees those pauses too, and they are
//    subtracted where they overlap a gap. So that "the same CPU" holds, the probed thread is
//    pinned to the CPU it runs on from start() to stop() (Linux; elsewhere nothing is pinned
//    and only the first kind is taken out).
class StallProbe : public QObject
{
public:
    explicit StallProbe(QObject *parent = nullptr);
    ~StallProbe() override;

    void start();
    // Ends the measurement; the figures below are valid after it.
    void stop();
    // The longest gap between two turns of the event loop, less the interval asked for and
    // the time that was not the program's (see above).
    std::chrono::milliseconds longestStall() const { return toMs(m_longestNs); }
    // The longest gap as the wall clock saw it, everything included (for the log).
    std::chrono::milliseconds longestWallStall() const { return toMs(m_longestWallNs); }
    // When the longest stall ended, counted from start().
    std::chrono::milliseconds longestStallEnd() const { return toMs(m_longestEndNs); }
    // Of the longest stall, the time the thread ran (worked); the rest it was blocked.
    std::chrono::milliseconds longestStallRunning() const { return toMs(m_longestCpuNs); }
    // The machine's own pauses during the measurement, summed.
    std::chrono::milliseconds machinePauses() const { return toMs(m_pausedNs); }
    // The time since start().
    std::chrono::milliseconds elapsed() const { return toMs(now() - m_startNs); }
    int ticks() const { return int(m_gaps.size()); }
    // The CPU the probed thread and the reference thread were pinned to; -1 if not pinned.
    int pinnedCpu() const { return m_pinnedCpu; }

    // The budget for one stall: 100 ms; under AddressSanitizer, which makes every allocation
    // and memory access several times slower, 500 ms (QVD_TEST_UNDER_ASAN, TestMain.h).
    static std::chrono::milliseconds budget();

private:
    struct Gap
    {
        qint64 fromNs = 0;
        qint64 toNs = 0;
        qint64 queuedNs = 0; // waiting for a CPU
        qint64 cpuNs = 0; // running
    };
    struct SchedStat
    {
        qint64 cpuNs = 0;
        qint64 queuedNs = 0;
    };
    void tick();
    void watchMachine();
    static qint64 now();
    static SchedStat schedStat();
    static std::chrono::milliseconds toMs(qint64 ns)
    {
        return std::chrono::milliseconds(ns / 1'000'000);
    }

    QTimer m_timer;
    qint64 m_startNs = 0;
    qint64 m_lastNs = 0;
    SchedStat m_lastStat;
    std::vector<Gap> m_gaps;
    qint64 m_longestNs = 0;
    qint64 m_longestWallNs = 0;
    qint64 m_longestEndNs = 0;
    qint64 m_longestCpuNs = 0;
    qint64 m_pausedNs = 0;

    int m_cpu = -1; // the CPU both threads are pinned to; -1 when not pinned
    int m_pinnedCpu = -1; // the same, kept after stop()
    std::vector<unsigned char> m_savedAffinity; // the probed thread's own, restored by stop()
    std::thread m_reference;
    std::atomic<bool> m_stopReference{false};
    std::mutex m_pausesMutex;
    std::vector<Gap> m_pauses; // when the reference thread could not run, by the wall clock
};

} // namespace qvd::test
