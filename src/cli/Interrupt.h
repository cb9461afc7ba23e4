#pragma once

#include <functional>
#include <memory>

namespace qvd::cli {

// While alive, Ctrl+C (SIGINT) calls `onInterrupt` on the event loop's thread instead of killing
// the process, so a streaming answer can stop cleanly and keep its partial text.
class Interrupt
{
public:
    explicit Interrupt(std::function<void()> onInterrupt);
    ~Interrupt();

    Interrupt(const Interrupt &) = delete;
    Interrupt &operator=(const Interrupt &) = delete;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace qvd::cli
