#include "xiangjian/core/date.h"

#include "xiangjian/core/error.h"

#include <charconv>
#include <cstdio>

namespace xj::core {

namespace {

std::optional<int> parse_digits(std::string_view text) {
    int value = 0;
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end) {
        return std::nullopt;
    }
    return value;
}

} // namespace

Date::Date(int year, unsigned month, unsigned day) {
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                          std::chrono::day{day}};
    if (!ymd.ok()) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "invalid date %04d-%02u-%02u", year, month, day);
        throw Error(buffer);
    }
    m_days = std::chrono::sys_days{ymd}.time_since_epoch().count();
}

Date Date::from_days(int days_since_epoch) noexcept {
    Date date;
    date.m_days = days_since_epoch;
    return date;
}

std::optional<Date> Date::parse_iso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const auto year = parse_digits(text.substr(0, 4));
    const auto month = parse_digits(text.substr(5, 2));
    const auto day = parse_digits(text.substr(8, 2));
    if (!year || !month || !day || *month < 1 || *day < 1) {
        return std::nullopt;
    }
    const std::chrono::year_month_day ymd{std::chrono::year{*year},
                                          std::chrono::month{static_cast<unsigned>(*month)},
                                          std::chrono::day{static_cast<unsigned>(*day)}};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return from_days(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

std::chrono::year_month_day Date::ymd() const noexcept {
    return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{m_days}}};
}

int Date::year() const noexcept {
    return static_cast<int>(ymd().year());
}
unsigned Date::month() const noexcept {
    return static_cast<unsigned>(ymd().month());
}
unsigned Date::day() const noexcept {
    return static_cast<unsigned>(ymd().day());
}

std::string Date::iso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year(), month(), day());
    return buffer;
}

} // namespace xj::core
