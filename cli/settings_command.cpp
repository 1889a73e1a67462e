// `xiangjian project set-measure` (how a project's percent done is measured) and `xiangjian
// config` (the project's settings): set by hand, checked, through the store (never raw SQL) and
// into the change log like every hand entry.

#include "commands.h"
#include "engine_support.h"
#include "xiangjian/core/engine_settings.h"
#include "xiangjian/core/error.h"
#include "xiangjian/render/display_geometry.h"
#include "xiangjian/store/open_project.h"

#include <iostream>

namespace xj::cli {

int run_set_measure(const std::string& project_path, const std::string& project_id,
                    const std::string& measure_text, const std::string& by) {
    const auto measure = core::parse_term<core::Measure>(measure_text);
    if (!measure) {
        throw UsageError(text("计量方式：未知的“", "measure: unknown measure '") + measure_text +
                             text("”（quantity 按工程量、percent 按形象进度、milestones 按节点）",
                                  "' (quantity, percent or milestones)"),
                         "MEASURE");
    }
    const auto store = xj::store::open_project(project_path, xj::store::Access::update);
    const std::string ids[] = {project_id};
    auto found = store->projects(ids);
    if (found.empty()) {
        throw Error(project_path + text("：没有项目“", ": no project '") + project_id +
                    text("”", "'"));
    }
    core::Project project = std::move(found.front());
    if (*measure == core::Measure::quantity &&
        (!project.planned_quantity || *project.planned_quantity <= 0)) {
        throw Error(text("项目“", "project '") + project.id +
                    text("”没有计划工程量，不能按工程量计量（可用 percent 或 milestones）",
                         "' has no planned quantity: it cannot be measured by quantity (use "
                         "percent or milestones)"));
    }
    const core::Measure before = project.measure;
    project.measure = *measure;
    store::Transaction transaction(*store);
    store->upsert_project(project);
    store->log_change(
        {utc_timestamp(), recording_user(by), "project set-measure", project.id,
         std::string{core::code(before)} + " -> " + std::string{core::code(*measure)}});
    transaction.commit();
    std::cout << tr("已设置：项目 ", "set: project ") << project.id
              << tr(" 的计量方式 ", " is measured ") << label(before) << " → " << label(*measure)
              << "\n";
    return 0;
}

} // namespace xj::cli

namespace xj::cli {

namespace {

struct SettingKey {
    std::string_view key;
    std::string_view zh;
    std::string_view en;
};

constexpr SettingKey setting_keys[] = {
    {"as_of", "截至日期：status、project-day、sheet 默认回答的日期（未设定则今天）",
     "as-of day: the day status, project-day and sheet answer for by default (unset: today)"},
    {"county_code", "县级区划代码（6 或 12 位）", "county division code (6 or 12 digits)"},
    {"display_crs", "地图显示坐标系，如 EPSG:4547（未设定则按所在高斯-克吕格 3° 带）",
     "map display CRS, e.g. EPSG:4547 (unset: the Gauss-Kruger 3-degree zone of the county)"},
    {"engine.stall_days", "超过该天数无进展即为停滞",
     "no progress for more days than this: stalled"},
    {"engine.behind_points", "完成低于计划超过该百分点（且 SPI 低于下项）即为滞后",
     "behind when done is this many points below plan (and SPI below the next)"},
    {"engine.behind_spi", "滞后的 SPI 界限", "the SPI below which a project is behind"},
    {"engine.late_grace_days", "节点逾期超过该天数即为逾期",
     "a milestone overdue by more days than this: late"},
    {"engine.forecast_window_days", "预计完工依据的近期天数（至少 1）",
     "days of recent progress the forecast uses (at least 1)"},
    {"engine.due_soon_days", "该天数内到期的节点列为近期到期",
     "milestones due within this many days are listed as due soon"},
};

const SettingKey* find_key(const std::string& key) {
    for (const auto& k : setting_keys) {
        if (k.key == key) {
            return &k;
        }
    }
    return nullptr;
}

std::string default_of(const std::string& key) {
    for (const auto& [name, value] : core::to_settings(core::EngineSettings{})) {
        if (name == key) {
            return value;
        }
    }
    return {};
}

/// The value to store for `key`, checked; throws xj::Error naming the key.
std::string checked_value(const store::ProjectStore& store, const std::string& key,
                          const std::string& value) {
    if (value.empty()) {
        return value; // unset: the default again
    }
    if (key == "as_of") {
        return parse_date_option(value, "as_of").iso();
    }
    if (key == "county_code") {
        const bool digits = value.find_first_not_of("0123456789") == std::string::npos;
        if (!digits || (value.size() != 6 && value.size() != 12)) {
            throw Error(
                text("county_code：“", "county_code: '") + value +
                text("”不是 6 位或 12 位区划代码", "' is not a 6- or 12-digit division code"));
        }
        return value.size() == 6 ? value + "000000" : value;
    }
    if (key == "display_crs") {
        render::DisplayCrs{value}; // throws, naming what is wrong, for a CRS it cannot use
        return value;
    }
    // engine.*: read every threshold as it would be with the new value.
    core::from_settings(
        [&](const std::string& name) { return name == key ? value : store.setting(name); });
    return value;
}

} // namespace

int run_config(const std::string& project_path, const std::string& key, const std::string& value,
               bool set, const std::string& by) {
    if (!key.empty() && find_key(key) == nullptr) {
        std::string keys;
        for (const auto& k : setting_keys) {
            keys += (keys.empty() ? "" : ", ") + std::string{k.key};
        }
        throw UsageError(text("未知的设定“", "unknown setting '") + key +
                             text("”（可设定：", "' (settings: ") + keys + text("）", ")"),
                         "KEY");
    }
    const auto access = set ? store::Access::update : store::Access::read_only;
    const auto store = xj::store::open_project(project_path, access);
    if (!set) {
        for (const auto& k : setting_keys) {
            if (!key.empty() && k.key != key) {
                continue;
            }
            const std::string stored = store->setting(std::string{k.key});
            const std::string fallback = default_of(std::string{k.key});
            if (!key.empty()) {
                std::cout << (stored.empty() ? fallback : stored) << "\n";
                return 0;
            }
            std::cout << k.key << " = "
                      << (stored.empty()
                              ? (fallback.empty() ? text("（未设定）", "(unset)")
                                                  : fallback + text("（默认）", " (default)"))
                              : stored)
                      << "    # " << tr(k.zh, k.en) << "\n";
        }
        return 0;
    }
    const std::string checked = checked_value(*store, key, value);
    const std::string before = store->setting(key);
    store::Transaction transaction(*store);
    store->set_setting(key, checked);
    store->log_change(
        {utc_timestamp(), recording_user(by), "config", key,
         (before.empty() ? "(unset)" : before) + " -> " + (checked.empty() ? "(unset)" : checked)});
    transaction.commit();
    std::cout << tr("已设置：", "set: ") << key << " = "
              << (checked.empty() ? text("（未设定，用默认值）", "(unset, the default)") : checked)
              << "\n";
    return 0;
}

} // namespace xj::cli
