#include "cli/Interrupt.h"

#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace qvd::cli {

#ifdef Q_OS_UNIX
namespace {

int g_wakeFd = -1; // write end of the self-pipe; the only thing the signal handler touches

void onSigint(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_wakeFd, &byte, 1);
}

} // namespace

struct Interrupt::Private
{
    int fds[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> notifier;
    struct sigaction previous = {};
};

Interrupt::Interrupt(std::function<void()> onInterrupt) : d(std::make_unique<Private>())
{
    if (::pipe(d->fds) != 0)
        return;
    ::fcntl(d->fds[1], F_SETFL, O_NONBLOCK);
    g_wakeFd = d->fds[1];
    d->notifier = std::make_unique<QSocketNotifier>(d->fds[0], QSocketNotifier::Read);
    QObject::connect(d->notifier.get(), &QSocketNotifier::activated, d->notifier.get(),
                     [fd = d->fds[0], onInterrupt] {
                         char byte = 0;
                         [[maybe_unused]] const ssize_t n = ::read(fd, &byte, 1);
                         onInterrupt();
                     });
    struct sigaction action = {};
    action.sa_handler = onSigint;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &d->previous);
}

Interrupt::~Interrupt()
{
    if (d->fds[0] < 0)
        return;
    ::sigaction(SIGINT, &d->previous, nullptr);
    g_wakeFd = -1;
    d->notifier.reset();
    ::close(d->fds[0]);
    ::close(d->fds[1]);
}
#else
struct Interrupt::Private
{
};
Interrupt::Interrupt(std::function<void()>) : d(std::make_unique<Private>()) { }
Interrupt::~Interrupt() = default;
#endif

} // namespace qvd::cli
