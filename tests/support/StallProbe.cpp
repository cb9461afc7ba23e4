#include "StallProbe.h"

#include "TestMain.h"

#include <QFile>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <pthread.h>
#include <sched.h>
#endif

namespace qvd::test {
namespace {

constexpr qint64 kIntervalNs = 5'000'000; // the probe's timer
constexpr qint64 kReferenceNs = 2'000'000; // the reference thread's nap
constexpr qint64 kPauseNs = 5'000'000; // a reference gap this much beyond its nap is a pause

#ifdef Q_OS_LINUX
bool pinTo(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return pthread_setaffinity_np(pthread_self(), sizeof set, &set) == 0;
}
#endif

qint64 overlap(qint64 aFrom, qint64 aTo, qint64 bFrom, qint64 bTo)
{
    return std::max<qint64>(0, std::min(aTo, bTo) - std::max(aFrom, bFrom));
}

} // namespace

StallProbe::StallProbe(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(int(kIntervalNs / 1'000'000));
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &StallProbe::tick);
}

StallProbe::~StallProbe()
{
    m_stopReference = true;
    if (m_reference.joinable())
        m_reference.join();
}

std::chrono::milliseconds StallProbe::budget()
{
    // GCC's own macro too: this library is not a test target (tests/CMakeLists.txt defines
    // QVD_TEST_UNDER_ASAN for those), and TestMain.h's check of __has_feature reads Qt's
    // stand-in for compilers without it, which always says no.
#if defined(QVD_TEST_UNDER_ASAN) || defined(__SANITIZE_ADDRESS__)
    return std::chrono::milliseconds(500);
#else
    return std::chrono::milliseconds(100);
#endif
}

qint64 StallProbe::now()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void StallProbe::start()
{
    if (m_reference.joinable())
        stop();
    m_gaps.clear();
    m_pauses.clear();
    m_longestNs = m_longestWallNs = m_longestEndNs = m_longestCpuNs = m_pausedNs = 0;
    m_stopReference = false;
#ifdef Q_OS_LINUX
    cpu_set_t own;
    m_cpu = -1;
    if (pthread_getaffinity_np(pthread_self(), sizeof own, &own) == 0) {
        const auto *bytes = reinterpret_cast<const unsigned char *>(&own);
        m_savedAffinity.assign(bytes, bytes + sizeof own);
        const int cpu = sched_getcpu();
        if (cpu >= 0 && pinTo(cpu))
            m_cpu = cpu;
    }
#endif
    m_pinnedCpu = m_cpu;
    m_reference = std::thread([this] {
#ifdef Q_OS_LINUX
        if (m_cpu >= 0)
            pinTo(m_cpu);
#endif
        watchMachine();
    });
    m_startNs = m_lastNs = now();
    m_lastStat = schedStat();
    m_timer.start();
}

void StallProbe::tick()
{
    const qint64 at = now();
    const SchedStat stat = schedStat();
    m_gaps.push_back(
        {m_lastNs, at, stat.queuedNs - m_lastStat.queuedNs, stat.cpuNs - m_lastStat.cpuNs});
    m_lastNs = at;
    m_lastStat = stat;
}

void StallProbe::stop()
{
    tick(); // the gap up to now counts too
    m_timer.stop();
    m_stopReference = true;
    m_reference.join();
#ifdef Q_OS_LINUX
    if (m_cpu >= 0 && m_savedAffinity.size() == sizeof(cpu_set_t)) {
        pthread_setaffinity_np(pthread_self(), sizeof(cpu_set_t),
                               reinterpret_cast<const cpu_set_t *>(m_savedAffinity.data()));
    }
    m_cpu = -1;
#endif
    for (const Gap &pause : m_pauses)
        m_pausedNs += pause.toNs - pause.fromNs;
    for (const Gap &gap : m_gaps) {
        const qint64 wall = gap.toNs - gap.fromNs - kIntervalNs;
        qint64 paused = 0;
        for (const Gap &pause : m_pauses)
            paused += overlap(gap.fromNs, gap.toNs, pause.fromNs, pause.toNs);
        const qint64 own = wall - gap.queuedNs - paused;
        m_longestWallNs = std::max(m_longestWallNs, wall);
        if (own > m_longestNs) {
            m_longestNs = own;
            m_longestEndNs = gap.toNs - m_startNs;
            m_longestCpuNs = gap.cpuNs;
        }
    }
}

// The reference thread: naps, and notes every wake-up that came much later than asked
// without having waited for a CPU, i.e. when nothing of this process could run.
void StallProbe::watchMachine()
{
    qint64 last = now();
    qint64 lastWait = schedStat().queuedNs;
    while (!m_stopReference) {
        std::this_thread::sleep_for(std::chrono::nanoseconds(kReferenceNs));
        const qint64 at = now();
        const qint64 wait = schedStat().queuedNs;
        if (at - last - kReferenceNs - (wait - lastWait) > kPauseNs) {
            const std::lock_guard<std::mutex> lock(m_pausesMutex);
            m_pauses.push_back({last + kReferenceNs, at - (wait - lastWait), 0});
        }
        last = at;
        lastWait = wait;
    }
}

// The calling thread's time on a CPU and waiting on a run queue: the first two fields of
// /proc/thread-self/schedstat, in nanoseconds; zeros where the system does not say.
StallProbe::SchedStat StallProbe::schedStat()
{
    QFile file(QStringLiteral("/proc/thread-self/schedstat"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return {};
    const QList<QByteArray> fields = file.read(128).simplified().split(' ');
    if (fields.size() < 2)
        return {};
    return {fields.at(0).toLongLong(), fields.at(1).toLongLong()};
}

} // namespace qvd::test
