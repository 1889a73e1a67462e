// `xiangjian info`: what a project file holds — its layers with CRS and extent, and counts of
// units, projects (by type and by recorded stage) and problems.

#include "commands.h"
#include "i18n.h"
#include "text_table.h"
#include "xiangjian/core/text.h"
#include "xiangjian/store/open_project.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>

namespace xj::cli {

namespace {

using core::fixed;

/// A layer's geometry type as the user reads it ("MultiPolygon": 多面).
std::string geometry_label(const std::string& type) {
    if (language() == Language::en) {
        return type;
    }
    static const std::pair<const char*, const char*> names[] = {{"Point", "点"},
                                                                {"LineString", "线"},
                                                                {"Polygon", "面"},
                                                                {"MultiPoint", "多点"},
                                                                {"MultiLineString", "多线"},
                                                                {"MultiPolygon", "多面"},
                                                                {"Unknown(any)", "任意"},
                                                                {"GeometryCollection", "几何集合"}};
    for (const auto& [english, chinese] : names) {
        if (type == english) {
            return chinese;
        }
    }
    return type;
}

void print_layers(const store::ProjectStore& store) {
    TextTable table({std::string{tr("图层", "layer")}, std::string{tr("几何", "geometry")},
                     std::string{tr("要素数", "features")}, std::string{tr("坐标系", "CRS")},
                     std::string{tr("范围（经度, 纬度）", "extent (lon, lat)")}},
                    {TextTable::Align::left, TextTable::Align::left, TextTable::Align::right});
    for (const store::LayerSummary& layer : store.layers()) {
        const bool spatial = !layer.geometry_type.empty();
        std::string extent = "-";
        if (!layer.extent.empty()) {
            extent = fixed(layer.extent.min_x, 4) + ", " + fixed(layer.extent.min_y, 4) + " – " +
                     fixed(layer.extent.max_x, 4) + ", " + fixed(layer.extent.max_y, 4);
        }
        table.add_row(
            {layer.name,
             spatial ? geometry_label(layer.geometry_type) : std::string{tr("（表）", "(table)")},
             std::to_string(layer.features), spatial ? layer.crs : "-", extent});
    }
    std::cout << table.str();
}

template <typename E> std::string label(E value) {
    const auto& term = core::term(value);
    return std::string{language() == Language::zh ? term.label_zh : term.label_en};
}

void print_units(const store::ProjectStore& store) {
    const store::UnitCounts counts = store.unit_counts();
    std::cout << tr("行政区划：", "Administrative units: ");
    for (const auto& term : core::terms(core::AdminLevel{})) {
        const auto found = counts.by_level.find(term.value);
        std::cout << label(term.value) << ' '
                  << (found == counts.by_level.end() ? 0 : found->second) << tr("，", ", ");
    }
    std::cout << tr("贫困村 ", "poor villages ") << counts.poor_villages << '\n';
}

void print_projects(const store::ProjectStore& store) {
    const auto projects = store.projects();
    struct TypeTotals {
        int count = 0;
        std::map<std::string, double> quantity_by_unit;
        double budget = 0;
    };
    std::map<core::ProjectType, TypeTotals> by_type;
    std::map<core::Stage, int> by_stage;
    for (const auto& project : projects) {
        auto& totals = by_type[project.type];
        ++totals.count;
        if (project.planned_quantity) {
            totals.quantity_by_unit[project.unit] += *project.planned_quantity;
        }
        totals.budget += project.budget_wan.value_or(0);
        ++by_stage[project.stage];
    }
    std::cout << tr("项目：", "Projects: ") << projects.size() << '\n';
    TextTable types({std::string{tr("类型", "type")}, std::string{tr("个数", "count")},
                     std::string{tr("计划工程量", "planned quantity")},
                     std::string{tr("投资（万元）", "budget (10k CNY)")}},
                    {TextTable::Align::left, TextTable::Align::right, TextTable::Align::right,
                     TextTable::Align::right});
    for (const auto& [type, totals] : by_type) {
        std::string quantity;
        for (const auto& [unit, sum] : totals.quantity_by_unit) {
            const bool whole = sum == std::floor(sum);
            quantity += (quantity.empty() ? "" : " + ") + fixed(sum, whole ? 0 : 2) + " " + unit;
        }
        types.add_row({label(type), std::to_string(totals.count), quantity.empty() ? "-" : quantity,
                       fixed(totals.budget, 0)});
    }
    std::cout << types.str();
    std::cout << tr("按建设阶段：", "By recorded stage: ");
    for (const auto& [stage, count] : by_stage) {
        std::cout << label(stage) << ' ' << count << "  ";
    }
    std::cout << '\n';
}

/// The day the counts refer to: the project's as-of setting (the demo has one), else today.
core::Date reference_day(const store::ProjectStore& store) {
    if (const auto as_of = core::Date::parse_iso(store.setting("as_of"))) {
        return *as_of;
    }
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return core::Date::from_days(static_cast<int>(today.time_since_epoch().count()));
}

void print_tracking(const store::ProjectStore& store) {
    const auto problems = store.problems();
    const core::Date day = reference_day(store);
    std::size_t closed = 0;
    std::size_t overdue = 0;
    for (const auto& problem : problems) {
        closed += problem.closed_date && *problem.closed_date <= day ? 1 : 0;
        overdue += problem.open_on(day) && problem.deadline && *problem.deadline < day ? 1 : 0;
    }
    std::cout << tr("问题：共 ", "Problems: ") << problems.size() << tr("，已销号 ", ", closed ")
              << closed << tr("，未销号 ", ", open ") << problems.size() - closed
              << tr("（其中逾期 ", " (overdue ") << overdue << tr("，截至 ", " on ") << day.iso()
              << tr("）", ")") << '\n';
}

} // namespace

int run_info(const std::string& project_path) {
    const auto store = xj::store::open_project(project_path, xj::store::Access::read_only);
    std::cout << tr("项目库：", "Project file: ") << project_path << '\n'
              << tr("模式版本：", "Schema version: ") << store->schema_version() << '\n'
              << tr("存储坐标系：EPSG:4490 CGCS2000（经度在前）",
                    "Storage CRS: EPSG:4490 CGCS2000 (longitude first)")
              << '\n';
    if (const auto as_of = store->setting("as_of"); !as_of.empty()) {
        std::cout << tr("数据截至：", "Data as of: ") << as_of << '\n';
    }
    std::cout << '\n';
    print_layers(*store);
    std::cout << '\n';
    print_units(*store);
    print_projects(*store);
    print_tracking(*store);
    return 0;
}

} // namespace xj::cli
