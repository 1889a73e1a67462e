#pragma once

#include "xiangjian/core/date.h"

#include <span>
#include <string>
#include <string_view>

namespace xj::core {

/// One item of a poor-village exit checklist. Provinces differ, so the checklist is data;
/// `default_exit_indicators()` is the ten of Biyang's list.
struct IndicatorDefinition {
    std::string_view code;
    std::string_view label_zh;
    std::string_view label_en;
};

std::span<const IndicatorDefinition> default_exit_indicators();

/// Whether a village met an indicator, as assessed on a date. Assessments accumulate: the
/// latest on or before a day is the state on that day.
struct VillageIndicator {
    std::string village_code;
    std::string indicator; ///< an IndicatorDefinition code
    Date assessed_on;
    bool met = false;
    std::string note;

    friend bool operator==(const VillageIndicator&, const VillageIndicator&) = default;
};

} // namespace xj::core
