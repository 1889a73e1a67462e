#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace xj::import {

/// What an import did (or, with --dry-run, would do).
struct ImportReport {
    std::string source;   ///< file, layer, driver
    std::string encoding; ///< and why
    std::string source_crs;
    std::size_t read = 0;
    std::size_t added = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::vector<std::string> repairs;   ///< one line per repaired feature
    std::vector<std::string> unmatched; ///< records that matched nothing
    std::vector<std::string> warnings;  ///< overlaps, gaps, other findings
    std::vector<std::string> notes;     ///< e.g. the Gauss–Krüger zone of the data
    bool dry_run = false;
};

/// Called as work advances (done of total), for a progress bar.
using ProgressCallback = std::function<void(std::size_t done, std::size_t total)>;

} // namespace xj::import
