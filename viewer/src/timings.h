#pragma once

// XJ_VIEWER_TIMINGS=1 in the environment: the viewer prints where its time goes on stderr
// (docs/viewer.md, "Timings").

#include <cstdlib>

namespace xj::viewer {

inline bool timings_wanted() {
    static const bool wanted = std::getenv("XJ_VIEWER_TIMINGS") != nullptr;
    return wanted;
}

/// Prints one timing line (printf format, no newline needed) to stderr, prefixed with the
/// seconds since the process started, so that a run reads as a timeline: the gaps between
/// lines are time nobody accounted for. Prints nothing unless timings_wanted().
void timing(const char* format, ...) __attribute__((format(printf, 1, 2)));

} // namespace xj::viewer
