// The viewer's allocator: jemalloc on transparent huge pages, as the command line's
// (cli/allocator.cpp says why), with one arena. The window makes each day's snapshot (about
// 70 MB of small objects for a province) on whichever pool thread is free; with an arena per
// thread, the memory one snapshot freed could not serve the next made on another thread, and
// a session of date steps peaked 70 MB higher (701 → 632 MB on the province), with no time
// gained: two threads rarely allocate at once here.
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's, looked up by symbol.
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:auto,narenas:1";
}
