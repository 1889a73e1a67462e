#include "engine_support.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/leaders.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace xj::cli {

core::Date default_project_day(const store::ProjectStore& store) {
    return core::friday_on_or_after(as_of_date("", store));
}

std::string project_day_date_help() {
    return text("项目日（默认：项目库设定的截至日期，未设定则今天；当天是星期五即当天，否则为其后的"
                "第一个星期五）",
                "the project day (default: the project's as-of day, else today, if a Friday; "
                "else the first Friday after it)");
}

std::string leader_help() {
    return text("分包领导：姓名即可（张卫东），也可带职务（张卫东（副县长））",
                "leader: the name (张卫东) or the name with the title (张卫东（副县长）)");
}

core::Date parse_date_option(const std::string& text, std::string_view option) {
    if (const auto day = core::Date::parse_loose(text)) {
        return *day;
    }
    throw UsageError(std::string{option} + xj::text("：“", ": '") + text +
                         xj::text("”不是日期（可写 2018-08-31、2018/8/31 或 2018年8月31日）",
                                  "' is not a date (2018-08-31, 2018/8/31 or 2018年8月31日)"),
                     std::string{option});
}

core::Date as_of_date(const std::string& option, const store::ProjectStore& store) {
    if (!option.empty()) {
        return parse_date_option(option, "--as-of");
    }
    if (const auto stored = core::Date::parse_iso(store.setting("as_of"))) {
        return *stored;
    }
    return core::today();
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
    return core::general(*value, 10);
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

void finish_reading(int code) {
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    std::_Exit(code);
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
        for (const auto& name : core::project_leaders(portfolio.projects())) {
            leaders += (leaders.empty() ? "" : "、") + name;
        }
        throw Error(project_path + text("：分包领导“", ": no projects of leader '") + leader +
                    text("”没有项目（分包领导：", "' (leaders: ") +
                    (leaders.empty() ? text("无", "none") : leaders) + text("）", ")"));
    }
    return mine;
}

core::AdminUnit find_township(const store::ProjectStore& store, const std::string& given,
                              const std::string& project_path) {
    std::vector<core::AdminUnit> townships;
    for (core::AdminUnit& unit : store.unit_list()) {
        if (unit.level == core::AdminLevel::township) {
            townships.push_back(std::move(unit));
        }
    }
    const bool digits = !given.empty() && std::all_of(given.begin(), given.end(),
                                                      [](char c) { return c >= '0' && c <= '9'; });
    const std::string code = digits && given.size() == 9 ? given + "000" : given;
    std::vector<const core::AdminUnit*> exact, prefix;
    for (const core::AdminUnit& township : townships) {
        if (township.code == code || township.name == given) {
            exact.push_back(&township);
        } else if (!digits && township.name.rfind(given, 0) == 0) {
            prefix.push_back(&township);
        }
    }
    const auto& found = exact.empty() ? prefix : exact;
    if (found.size() == 1) {
        return *found.front();
    }
    std::string listed;
    for (const core::AdminUnit* township : found) {
        listed += (listed.empty() ? "" : text("、", ", ")) + township->name + " " + township->code;
    }
    if (found.size() > 1) {
        throw UsageError(project_path + text("：“", ": '") + given +
                             text("”可指多个乡镇：", "' names several townships: ") + listed +
                             text("；请给出 12 位代码", "; give the 12-digit code"),
                         "--township");
    }
    for (const core::AdminUnit& township : townships) {
        listed += (listed.empty() ? "" : text("、", ", ")) + township.name + " " +
                  township.code.substr(0, 9);
    }
    throw UsageError(project_path + text("：项目中没有乡镇“", ": no township '") + given +
                         (townships.empty()
                              ? text("”（项目中没有乡镇）", "' (the project has no townships)")
                              : text("”；乡镇有：", "'; the townships are: ") + listed),
                     "--township");
}

} // namespace xj::cli
