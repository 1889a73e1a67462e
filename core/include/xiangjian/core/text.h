#pragma once

// Text as people type it into tables: the forms parsers normalise before they read it.

#include <string>
#include <string_view>

namespace xj::core {

/// Full-width ASCII forms (U+FF01 … U+FF5E) as ASCII and the ideographic space (U+3000) as a
/// space. Typed with a Chinese input method, "２０１８年８月３日" is a date and "８５％" a percent;
/// parsers of numbers, dates and coordinates read through this, names keep what was written.
std::string halfwidth(std::string_view text);

/// Without the spaces and tabs around it.
std::string_view trimmed(std::string_view text);

/// A number with this many decimals, rounded: fixed(2.456, 1) is "2.5". The one number
/// formatter of reports, tables and messages.
std::string fixed(double value, int decimals = 0);

} // namespace xj::core
