#pragma once

// Two independent jobs on the machine's two cores.

#include <cstddef>
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

/// Faults in `bytes` of freshly allocated, not yet constructed storage (a vector's after
/// reserve()) on both cores, one write a page, so that filling it on one core (resize(), which
/// value-initialises) finds the pages there. The kernel zeroes each new page as it is first
/// touched, and on the virtual machines counties run on that costs 1.5-5 ms a MB: a province's
/// 140,000 project statuses (40 MB) took 0.075 s to resize on one core, of an evaluation of
/// 0.085 s. Pages are 4 KiB here or larger.
inline void fault_in_parallel(void* storage, std::size_t bytes) {
    auto* const begin = static_cast<unsigned char*>(storage);
    const auto touch = [](unsigned char* from, unsigned char* to) {
        for (volatile unsigned char* page = from; page < to; page += 4096) {
            *page = 0;
        }
    };
    const std::size_t half = bytes / 2 / 4096 * 4096;
    run_in_parallel([&] { touch(begin + half, begin + bytes); },
                    [&] { touch(begin, begin + half); });
}

} // namespace xj::core
