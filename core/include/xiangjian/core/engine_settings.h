#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xj::core {

/// The thresholds of the progress engine. A county sets them once; they are stored with the
/// project as key/value strings (`engine.stall_days` …) so every front end judges alike.
struct EngineSettings {
    int stall_days = 60;           ///< no progress for more than this many days → stalled
    double behind_points = 5;      ///< behind when done < planned − behind_points …
    double behind_spi = 0.9;       ///< … and done / planned < behind_spi
    int late_grace_days = 0;       ///< a milestone more than this many days overdue → late
    int forecast_window_days = 56; ///< the recent past the finish forecast extrapolates
    int due_soon_days = 14;        ///< milestones due within this many days are listed

    friend bool operator==(const EngineSettings&, const EngineSettings&) = default;
};

/// Throws xj::Error naming the key of the first invalid value (negative, or a zero window).
void validate(const EngineSettings& settings);

/// Every setting as (key, value), keys prefixed `engine.`, values in C locale.
std::vector<std::pair<std::string, std::string>> to_settings(const EngineSettings& settings);

/// Reads the settings through `lookup`, which returns an empty string for an unset key (as
/// ProjectStore::setting does); unset keys keep their defaults. Throws xj::Error naming the key
/// for a value that is not a number or is out of range.
EngineSettings from_settings(const std::function<std::string(const std::string&)>& lookup);

} // namespace xj::core
