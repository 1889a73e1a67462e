// The allocator of the command (and of anything else that links this file): jemalloc, told to
// back its memory with transparent huge pages. A province's history is a few hundred MB of small
// records; on virtual machines, where a page fault costs microseconds, faulting it in 4 KiB at a
// time took longer than reading it (1,000,000 progress reports: 0.38 s of faults for 136 MB,
// 0.03 s with 2 MiB pages). jemalloc reads this when it starts, before main().
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's, looked up by symbol.
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:auto";
}
