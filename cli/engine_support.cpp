#include "engine_support.h"

#include "xiangjian/core/error.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace xj::cli {

core::Date today() {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return core::Date::from_days(static_cast<int>(now.time_since_epoch().count()));
}

core::Date parse_date_option(const std::string& text, std::string_view option) {
    if (const auto day = core::Date::parse_loose(text)) {
        return *day;
    }
    throw UsageError(std::string{option} + ": '" + text +
                         "' is not a date (2018-08-31, 2018/8/31 or 2018年8月31日)",
                     std::string{option});
}

core::Date as_of_date(const std::string& option, const store::ProjectStore& store) {
    if (!option.empty()) {
        return parse_date_option(option, "--as-of");
    }
    if (const auto stored = core::Date::parse_iso(store.setting("as_of"))) {
        return *stored;
    }
    return today();
}

std::string fixed(const std::optional<double>& value, int decimals) {
    return value ? core::fixed(*value, decimals) : "-";
}

std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out += c; // UTF-8 passes through: JSON text is UTF-8
            }
        }
    }
    return out + "\"";
}

std::string json_number(const std::optional<double>& value) {
    if (!value) {
        return "null";
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.10g", *value);
    return buffer;
}

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string{text};
    }
    std::string out = "\"";
    for (const char c : text) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

std::string recording_user(const std::string& option) {
    if (!option.empty()) {
        return option;
    }
    for (const char* variable : {"XIANGJIAN_USER", "USER", "LOGNAME"}) {
        if (const char* value = std::getenv(variable); value != nullptr && *value != '\0') {
            return value;
        }
    }
    return "unknown";
}

std::string utc_timestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buffer;
}

std::vector<const core::ProjectStatus*> leader_projects(const core::Portfolio& portfolio,
                                                        const core::Evaluation& evaluation,
                                                        const std::string& leader,
                                                        const std::string& project_path) {
    std::vector<const core::ProjectStatus*> mine;
    for (const auto& status : evaluation.projects) {
        if (status.project->leader == leader) {
            mine.push_back(&status);
        }
    }
    if (mine.empty()) {
        std::string leaders;
        for (const auto& project : portfolio.projects()) {
            if (!project.leader.empty() && leaders.find(project.leader) == std::string::npos) {
                leaders += (leaders.empty() ? "" : "、") + project.leader;
            }
        }
        throw Error(project_path + ": no projects of leader '" + leader +
                    "' (leaders: " + (leaders.empty() ? "none" : leaders) + ")");
    }
    return mine;
}

} // namespace xj::cli
