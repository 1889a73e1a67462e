#pragma once

#include <span>
#include <string_view>

namespace xj::demo {

/// A table of data/ruyang/, compiled into the program.
struct EmbeddedTable {
    std::string_view name; ///< file name, e.g. "projects.csv"
    std::string_view text; ///< UTF-8 CSV
};

std::span<const EmbeddedTable> embedded_tables();

} // namespace xj::demo
