#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace xj::core {

/// A calendar day (no time, no zone), as county reports give them.
/// Stored as days since 1970-01-01 so that comparisons and differences are cheap.
class Date {
public:
    constexpr Date() = default;
    Date(int year, unsigned month, unsigned day); ///< throws xj::Error on an invalid day

    static Date from_days(int days_since_epoch) noexcept;
    /// Parses exactly YYYY-MM-DD; nullopt for anything else or an impossible day.
    static std::optional<Date> parse_iso(std::string_view text);
    /// Parses dates as county tables write them: 2018-08-03, 2018/8/3, 2018.8.3, 2018年8月3日,
    /// 20180803, 2018年8月3号, in full-width digits too, optionally followed by a time
    /// ("2018/08/03 00:00:00", "2018-08-03T09:30"); nullopt otherwise.
    static std::optional<Date> parse_loose(std::string_view text);

    int days_since_epoch() const noexcept { return m_days; }
    int year() const noexcept;
    unsigned month() const noexcept;
    unsigned day() const noexcept;
    std::string iso() const; ///< YYYY-MM-DD

    Date plus_days(int days) const noexcept { return from_days(m_days + days); }
    friend int days_between(Date from, Date to) noexcept { return to.m_days - from.m_days; }

    friend constexpr auto operator<=>(Date, Date) = default;

private:
    std::chrono::year_month_day ymd() const noexcept;
    int m_days = 0;
};

/// Today in UTC, as the system clock says.
Date today() noexcept;

/// The first Friday on or after `day`: county project days (项目日) are held on Fridays.
Date friday_on_or_after(Date day) noexcept;

} // namespace xj::core
