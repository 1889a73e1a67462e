#include "xiangjian/core/leaders.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"

#include <algorithm>

namespace xj::core {

namespace {

std::string_view trim(std::string_view text) {
    const auto is_space = [](std::string_view t, bool front) {
        if (t.empty()) {
            return std::size_t{0};
        }
        const std::string_view ideographic = "\u3000"; // 全角空格
        if (front ? t.starts_with(ideographic) : t.ends_with(ideographic)) {
            return ideographic.size();
        }
        const char c = front ? t.front() : t.back();
        return c == ' ' || c == '\t' ? std::size_t{1} : std::size_t{0};
    };
    for (std::size_t n; (n = is_space(text, true)) > 0;) {
        text.remove_prefix(n);
    }
    for (std::size_t n; (n = is_space(text, false)) > 0;) {
        text.remove_suffix(n);
    }
    return text;
}

std::string list(const std::vector<std::string>& leaders) {
    std::string text;
    for (const auto& leader : leaders) {
        text += (text.empty() ? "" : "、") + leader;
    }
    return text.empty() ? xj::text("无", "none") : text;
}

} // namespace

std::string leader_name(std::string_view leader) {
    std::string_view name = trim(leader);
    std::size_t cut = name.size();
    for (const std::string_view open : {"（", "(", "【"}) {
        cut = std::min(cut, name.find(open));
    }
    return std::string{trim(name.substr(0, cut))};
}

std::vector<std::string> project_leaders(std::span<const Project> projects) {
    std::vector<std::string> leaders;
    for (const auto& project : projects) {
        if (!project.leader.empty() &&
            std::find(leaders.begin(), leaders.end(), project.leader) == leaders.end()) {
            leaders.push_back(project.leader);
        }
    }
    return leaders;
}

std::string match_leader(std::span<const Project> projects, std::string_view typed) {
    const auto leaders = project_leaders(projects);
    const std::string_view exact = trim(typed);
    for (const auto& leader : leaders) {
        if (leader == exact) {
            return leader;
        }
    }
    const std::string name = leader_name(typed);
    std::vector<std::string> matches;
    for (const auto& leader : leaders) {
        if (!name.empty() && leader_name(leader) == name) {
            matches.push_back(leader);
        }
    }
    if (matches.size() == 1) {
        return matches.front();
    }
    if (matches.empty()) {
        throw Error(xj::text("没有分包领导“", "no leader '") + std::string{typed} +
                    xj::text("”的项目（分包领导：", "' has projects (leaders: ") + list(leaders) +
                    xj::text("）", ")"));
    }
    throw Error(
        xj::text("“", "'") + std::string{typed} +
        xj::text("”可指多位分包领导，请写全：", "' may mean several leaders; write one in full: ") +
        list(matches));
}

} // namespace xj::core
