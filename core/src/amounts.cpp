#include "xiangjian/core/amounts.h"

#include "xiangjian/core/language.h"
#include "xiangjian/core/text.h"

#include <array>
#include <cmath>

namespace xj::core {

namespace {

std::string number_in(double value, std::string_view unit, bool done) {
    if (is_count_unit(unit)) {
        return fixed(done ? std::floor(value + 1e-9) : std::round(value), 0);
    }
    return fixed(value, 2);
}

std::string with_unit(std::string number, std::string_view unit) {
    return unit.empty() ? number : number + " " + std::string{unit};
}

} // namespace

bool is_count_unit(std::string_view unit) {
    static constexpr std::array<std::string_view, 24> counts{
        "户", "处", "个",       "座",         "盏",    "所",    "套",    "间",
        "眼", "口", "人",       "村",         "项",    "条",    "台",    "家",
        "栋", "孔", "处（个）", "households", "sites", "lamps", "units", "pcs"};
    for (const auto count : counts) {
        if (unit == count) {
            return true;
        }
    }
    return false;
}

std::string quantity_text(double value, std::string_view unit) {
    return with_unit(number_in(value, unit, true), unit);
}

std::string done_of_planned_text(double done, double planned, std::string_view unit) {
    return with_unit(number_in(done, unit, true) + "/" + number_in(planned, unit, false), unit);
}

std::string wan_text(double value) {
    const double tenth = std::round(value * 10) / 10;
    const bool whole = tenth == std::floor(tenth);
    return fixed(tenth, whole ? 0 : 1) + xj::text(" 万元", " 10k yuan");
}

} // namespace xj::core
