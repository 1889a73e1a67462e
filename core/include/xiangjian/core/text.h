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

// The number formatters of reports, tables, messages, files and the change log. Each writes
// what printf writes in the C locale, whatever the process's locale: Qt sets the user's at
// start, and a comma for a decimal point would reach files ("2,5" in a style or a JSON).

/// A number with this many decimals, rounded: fixed(2.456, 1) is "2.5" (printf's "%.*f").
std::string fixed(double value, int decimals = 0);

/// At most `significant` significant digits, in the shorter of fixed and scientific notation
/// (printf's "%.*g"): general(2.5) is "2.5", general(1e7) "1e+07", general(1.0/3, 10)
/// "0.3333333333".
std::string general(double value, int significant = 6);

/// The fewest significant digits (up to 17) that read back as exactly `value`, as general():
/// 0.9 is "0.9", not "0.90000000000000002".
std::string shortest(double value);

} // namespace xj::core
