#pragma once

// Quantities and money as people read them: counts of things (户, 处, 座 …) are whole numbers,
// measures (km, MW, m²) keep two decimals, and every amount carries its unit.

#include <string>
#include <string_view>

namespace xj::core {

/// Whether the unit counts whole things: households, sites, buildings, lamps …
bool is_count_unit(std::string_view unit);

/// "463 户", "7.77 km". A count of things done is rounded down: a household half renovated
/// is not renovated. Without a unit, the number alone.
std::string quantity_text(double value, std::string_view unit);

/// Done against planned in one unit: "463/791 户", "7.77/11.60 km".
std::string done_of_planned_text(double done, double planned, std::string_view unit);

/// Money in 万元 with its unit, in the user's language: "0 万元", "12.5 万元", "350000 万元".
std::string wan_text(double value);

} // namespace xj::core
