#pragma once

#include "xiangjian/core/vocabulary.h"

#include <optional>
#include <string>
#include <string_view>

namespace xj::core {

/// A county, township or administrative village, keyed by its 12-digit statistical division
/// code (统计用区划代码). Geometry lives with the storage layer, not here.
struct AdminUnit {
    std::string code; ///< 12 digits, e.g. 410326100201
    std::string name;
    AdminLevel level = AdminLevel::village;
    std::string parent_code; ///< empty for the county
    std::optional<long long> population;
    std::optional<long long> households;
    std::optional<long long> poor_households; ///< 建档立卡贫困户
    bool poor_village = false;                ///< 贫困村

    friend bool operator==(const AdminUnit&, const AdminUnit&) = default;
};

/// The code helpers follow the NBS structure: digits 1–6 county, 7–9 township, 10–12 village.
namespace admin_code {

bool is_valid(std::string_view code); ///< exactly 12 ASCII digits
/// Pads a 6-digit county or 9-digit township code to 12 digits; returns other input unchanged.
std::string padded(std::string_view code);
/// The level a 12-digit code denotes (a county code ends in 000000, a township's in 000).
std::optional<AdminLevel> level_of(std::string_view code);
/// The 12-digit code of the enclosing unit; empty for a county or an invalid code.
std::string parent_of(std::string_view code);

} // namespace admin_code

} // namespace xj::core
