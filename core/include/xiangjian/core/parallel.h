#pragma once

// Two independent jobs on the machine's two cores.

#include <exception>
#include <thread>

namespace xj::core {

/// Runs `first` on a thread of its own and `second` on the calling thread, and returns once
/// both are done. An exception of either is rethrown here after both have finished; when both
/// throw, the second's (the calling thread's) is the one rethrown.
template <typename First, typename Second> void run_in_parallel(First&& first, Second&& second) {
    std::exception_ptr failure;
    std::thread thread([&] {
        try {
            first();
        } catch (...) {
            failure = std::current_exception();
        }
    });
    try {
        second();
    } catch (...) {
        thread.join();
        throw;
    }
    thread.join();
    if (failure) {
        std::rethrow_exception(failure);
    }
}

} // namespace xj::core
