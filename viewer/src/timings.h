#pragma once

// XJ_VIEWER_TIMINGS=1 in the environment: the viewer prints where its time goes on stderr
// (docs/viewer.md, "Timings").

#include <cstdlib>

namespace xj::viewer {

inline bool timings_wanted() {
    static const bool wanted = std::getenv("XJ_VIEWER_TIMINGS") != nullptr;
    return wanted;
}

} // namespace xj::viewer
