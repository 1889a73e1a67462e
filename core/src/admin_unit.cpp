#include "xiangjian/core/admin_unit.h"

#include <algorithm>

namespace xj::core::admin_code {

namespace {

bool all_digits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

bool is_valid(std::string_view code) {
    return code.size() == 12 && all_digits(code);
}

std::string padded(std::string_view code) {
    std::string result{code};
    if ((code.size() == 6 || code.size() == 9) && all_digits(code)) {
        result.append(12 - code.size(), '0');
    }
    return result;
}

std::optional<AdminLevel> level_of(std::string_view code) {
    if (!is_valid(code) || code.substr(0, 6) == "000000") {
        return std::nullopt;
    }
    if (code.substr(6) == "000000") {
        return AdminLevel::county;
    }
    if (code.substr(9) == "000") {
        return AdminLevel::township;
    }
    return AdminLevel::village;
}

std::string parent_of(std::string_view code) {
    const auto level = level_of(code);
    if (!level || *level == AdminLevel::county) {
        return {};
    }
    const std::size_t keep = *level == AdminLevel::township ? 6 : 9;
    return padded(code.substr(0, keep));
}

} // namespace xj::core::admin_code
