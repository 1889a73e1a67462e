#include "xiangjian/core/date.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/text.h"

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
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
        throw Error(text("无效日期 ", "invalid date ") + buffer);
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

std::optional<Date> Date::parse_loose(std::string_view raw) {
    const std::string normalised = halfwidth(raw); // "２０１８年８月３日" typed with an IME
    std::string_view text = normalised;
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    // A time of day may follow: "2018/08/03 00:00:00" (GDAL's XLSX dates), "2018-08-03T09:30".
    if (const auto time = text.find_first_of(" T"); time != std::string_view::npos) {
        text = text.substr(0, time);
    }
    for (const std::string_view day_mark : {std::string_view{"日"}, std::string_view{"号"}}) {
        if (text.ends_with(day_mark)) {
            text.remove_suffix(day_mark.size());
            break;
        }
    }
    if (text.size() == 8 && text.find_first_not_of("0123456789") == std::string_view::npos) {
        const auto year = parse_digits(text.substr(0, 4));
        const auto month = parse_digits(text.substr(4, 2));
        const auto day = parse_digits(text.substr(6, 2));
        if (year && month && day && *month >= 1 && *day >= 1) {
            const std::chrono::year_month_day ymd{std::chrono::year{*year},
                                                  std::chrono::month{static_cast<unsigned>(*month)},
                                                  std::chrono::day{static_cast<unsigned>(*day)}};
            if (ymd.ok()) {
                return from_days(std::chrono::sys_days{ymd}.time_since_epoch().count());
            }
        }
        return std::nullopt;
    }
    // Split on any of - / . 年 月 into exactly three numbers.
    std::optional<int> parts[3];
    std::size_t count = 0;
    std::size_t start = 0;
    auto take = [&](std::size_t end) {
        if (count >= 3) {
            return false;
        }
        parts[count++] = parse_digits(text.substr(start, end - start));
        return parts[count - 1].has_value();
    };
    for (std::size_t i = 0; i < text.size();) {
        std::size_t separator = 0;
        if (text[i] == '-' || text[i] == '/' || text[i] == '.') {
            separator = 1;
        } else if (text.substr(i).starts_with("年") || text.substr(i).starts_with("月")) {
            separator = std::string_view{"年"}.size();
        }
        if (separator > 0) {
            if (!take(i)) {
                return std::nullopt;
            }
            i += separator;
            start = i;
        } else {
            ++i;
        }
    }
    if (!take(text.size()) || count != 3 || !parts[0] || *parts[0] < 1000 || *parts[1] < 1 ||
        *parts[2] < 1) {
        return std::nullopt;
    }
    const std::chrono::year_month_day ymd{std::chrono::year{*parts[0]},
                                          std::chrono::month{static_cast<unsigned>(*parts[1])},
                                          std::chrono::day{static_cast<unsigned>(*parts[2])}};
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

Date today() noexcept {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return Date::from_days(static_cast<int>(now.time_since_epoch().count()));
}

Date friday_on_or_after(Date day) noexcept {
    // 1970-01-01 was a Thursday, so Friday is day 1 modulo 7.
    const int weekday = ((day.days_since_epoch() % 7) + 7) % 7;
    return day.plus_days((1 - weekday + 7) % 7);
}

} // namespace xj::core
