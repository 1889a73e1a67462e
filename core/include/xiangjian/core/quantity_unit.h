#pragma once

// The units projects are measured in, one spelling per dimension: county ledgers write the same
// kilometre as km, 公里 and 千米, a road's length in 米, a PV station in 兆瓦 or kW. Importers and
// entries normalise to these spellings, so that roll-ups, the demo and the engine add like to
// like.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace xj::core {

/// A unit as written, in its canonical spelling, and what a quantity in it is multiplied by to
/// be in that unit (米 is km × 0.001).
struct CanonicalUnit {
    std::string unit; ///< km, 处, 户, MW, m³, m², 盏, 座, %
    double factor = 1.0;
};

/// The canonical unit of a written one (case, spaces and full-width forms ignored); nothing when
/// the unit is not one Xiangjian knows (it is then kept as written, and reported).
std::optional<CanonicalUnit> canonical_unit(std::string_view written);

/// A written form of a unit (folded: half-width, lower case, no spaces) and its canonical unit.
struct UnitSpelling {
    std::string_view written;
    std::string_view unit;
    double factor; ///< a quantity in `written` times this is in `unit`
};

/// Every written form Xiangjian knows: the schema migration that normalises the projects of
/// older files reads them too.
std::span<const UnitSpelling> unit_spellings();

/// The canonical spellings, one a dimension, for help texts: "km, 处, 户, MW, …".
std::string canonical_units_list();

} // namespace xj::core
