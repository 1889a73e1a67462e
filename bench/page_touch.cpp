// How much a fresh page costs on this machine: the phase a timing was taken in. On the 2-core VM
// the programs are measured on, the kernel's zeroing of pages the host has taken back is a
// quarter to a half of a province's first frame, and its speed swings by several times within
// minutes; comparing two timings taken in different phases compares the phases.
//   build/bin/xj_bench_page_touch [MB]
// Touches MB (default 400) of fresh anonymous memory twice, in 4 KiB pages and in 2 MiB
// transparent huge pages (MADV_HUGEPAGE, as the programs' jemalloc asks for), and prints the
// seconds of each pass: the first pass of huge pages is what a process's first use of memory
// costs now; the second, memory this process has just given back (the host still backs it).

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sys/mman.h>

namespace {

double touch_seconds(std::size_t bytes, bool huge) {
    void* memory = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) {
        std::perror("xj_bench_page_touch: mmap");
        std::exit(1);
    }
    if (huge) {
        madvise(memory, bytes, MADV_HUGEPAGE);
    }
    auto* bytes_of = static_cast<volatile char*>(memory);
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t at = 0; at < bytes; at += 4096) {
        bytes_of[at] = 1;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    munmap(memory, bytes);
    return seconds;
}

} // namespace

int main(int argc, char** argv) {
    const long megabytes = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 400;
    if (megabytes <= 0 || megabytes > 16384) {
        std::fprintf(stderr, "usage: xj_bench_page_touch [MB, 1-16384]\n");
        return 2;
    }
    const std::size_t bytes = static_cast<std::size_t>(megabytes) << 20;
    for (const bool huge : {true, false}) {
        const double first = touch_seconds(bytes, huge);
        const double second = touch_seconds(bytes, huge);
        std::printf("%ld MB in %s pages: first touch %.3f s (%.2f ms/MB), again %.3f s\n",
                    megabytes, huge ? "2 MiB" : "4 KiB", first, 1000 * first / megabytes, second);
    }
    return 0;
}
