#include "xiangjian/core/engine_settings.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/text.h"

#include <charconv>
#include <cmath>
#include <type_traits>

namespace xj::core {

namespace {

constexpr const char* stall_days_key = "engine.stall_days";
constexpr const char* behind_points_key = "engine.behind_points";
constexpr const char* behind_spi_key = "engine.behind_spi";
constexpr const char* late_grace_days_key = "engine.late_grace_days";
constexpr const char* forecast_window_days_key = "engine.forecast_window_days";
constexpr const char* due_soon_days_key = "engine.due_soon_days";

[[noreturn]] void invalid(const std::string& key, const std::string& value, std::string_view why) {
    throw Error(text("设定 ", "setting ") + key + " = '" + value + "'" + text("：", ": ") +
                std::string{why});
}

template <typename T> void read(const std::string& key, const std::string& raw, T& out) {
    const auto text = trimmed(raw);
    if (text.empty()) {
        return; // unset: keep the default
    }
    T value{};
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end) {
        invalid(key, raw,
                std::is_integral_v<T> ? tr("不是整数", "not a whole number")
                                      : tr("不是数字", "not a number"));
    }
    out = value;
}

void require_non_negative(const char* key, double value) {
    if (!(value >= 0) || !std::isfinite(value)) {
        invalid(key, general(value), tr("不能为负数", "must not be negative"));
    }
}

} // namespace

void validate(const EngineSettings& settings) {
    require_non_negative(stall_days_key, settings.stall_days);
    require_non_negative(behind_points_key, settings.behind_points);
    require_non_negative(behind_spi_key, settings.behind_spi);
    require_non_negative(late_grace_days_key, settings.late_grace_days);
    require_non_negative(due_soon_days_key, settings.due_soon_days);
    if (settings.forecast_window_days <= 0) {
        invalid(forecast_window_days_key, std::to_string(settings.forecast_window_days),
                tr("至少为 1 天", "must be at least 1 day"));
    }
}

std::vector<std::pair<std::string, std::string>> to_settings(const EngineSettings& settings) {
    return {
        {stall_days_key, std::to_string(settings.stall_days)},
        {behind_points_key, shortest(settings.behind_points)},
        {behind_spi_key, shortest(settings.behind_spi)},
        {late_grace_days_key, std::to_string(settings.late_grace_days)},
        {forecast_window_days_key, std::to_string(settings.forecast_window_days)},
        {due_soon_days_key, std::to_string(settings.due_soon_days)},
    };
}

EngineSettings from_settings(const std::function<std::string(const std::string&)>& lookup) {
    EngineSettings settings;
    read(stall_days_key, lookup(stall_days_key), settings.stall_days);
    read(behind_points_key, lookup(behind_points_key), settings.behind_points);
    read(behind_spi_key, lookup(behind_spi_key), settings.behind_spi);
    read(late_grace_days_key, lookup(late_grace_days_key), settings.late_grace_days);
    read(forecast_window_days_key, lookup(forecast_window_days_key), settings.forecast_window_days);
    read(due_soon_days_key, lookup(due_soon_days_key), settings.due_soon_days);
    validate(settings);
    return settings;
}

} // namespace xj::core
