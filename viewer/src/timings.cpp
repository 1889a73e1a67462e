#include "timings.h"

#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>
#include <unistd.h>

namespace xj::viewer {

namespace {

/// Seconds since the process started, from the kernel's start time (field 22 of
/// /proc/self/stat, in clock ticks since boot), so that loading the shared libraries counts
/// too; negative where /proc is not there.
double seconds_since_start() {
    static const double started = [] {
        std::ifstream stat("/proc/self/stat");
        std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
        // The command name (field 2) may hold spaces: count fields after its closing ')'.
        const auto close = text.rfind(')');
        if (close == std::string::npos) {
            return -1.0;
        }
        std::size_t at = close + 2; // field 3
        for (int field = 3; field < 22 && at != std::string::npos; ++field) {
            at = text.find(' ', at);
            at = at == std::string::npos ? at : at + 1;
        }
        if (at == std::string::npos) {
            return -1.0;
        }
        return std::stod(text.substr(at)) / static_cast<double>(sysconf(_SC_CLK_TCK));
    }();
    if (started < 0) {
        return -1.0;
    }
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9 - started;
}

struct Resident {
    double all_mb = 0;
    double anonymous_mb = 0;
};

/// The process's resident memory now, in MB (0 where /proc is not there), and how much of it is
/// anonymous: memory is time on the machines we measure on, and the anonymous part is what
/// costs (each fresh page a fault and its zeroing; the libraries', fonts' and map cache's pages
/// come from the page cache).
Resident resident() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0, file_backed = 0;
    statm >> pages >> resident >> file_backed;
    const auto mb = [](long count) {
        return static_cast<double>(count) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1e6;
    };
    return {mb(resident), mb(resident - file_backed)};
}

/// jemalloc's figures where the program runs on it (the viewer does; the tests need not, hence
/// a weak reference): the bytes live in allocations, and the bytes of the pages it holds. A
/// resident figure well above the live one is memory freed and kept (transient peaks,
/// fragmentation), not memory in use.
extern "C" int mallctl(const char* name, void* old_value, std::size_t* old_size, void* new_value,
                       std::size_t new_size) __attribute__((weak));

struct Heap {
    double live_mb = -1;
    double held_mb = -1;
};

Heap heap() {
    if (mallctl == nullptr) {
        return {};
    }
    std::uint64_t epoch = 1;
    std::size_t size = sizeof epoch;
    mallctl("epoch", &epoch, &size, &epoch, size); // refreshes the statistics
    std::size_t live = 0, held = 0;
    size = sizeof live;
    if (mallctl("stats.allocated", &live, &size, nullptr, 0) != 0 ||
        mallctl("stats.resident", &held, &size, nullptr, 0) != 0) {
        return {};
    }
    return {static_cast<double>(live) / 1e6, static_cast<double>(held) / 1e6};
}

} // namespace

void timing(const char* format, ...) {
    if (!timings_wanted()) {
        return;
    }
    char line[512];
    va_list arguments;
    va_start(arguments, format);
    std::vsnprintf(line, sizeof line, format, arguments);
    va_end(arguments);
    const Resident memory = resident();
    const Heap allocations = heap();
    if (allocations.live_mb < 0) {
        std::fprintf(stderr, "[%6.3f %4.0f MB, anon %4.0f] %s\n", seconds_since_start(),
                     memory.all_mb, memory.anonymous_mb, line);
        return;
    }
    std::fprintf(stderr, "[%6.3f %4.0f MB, anon %4.0f, heap %4.0f live %4.0f] %s\n",
                 seconds_since_start(), memory.all_mb, memory.anonymous_mb, allocations.held_mb,
                 allocations.live_mb, line);
}

} // namespace xj::viewer
