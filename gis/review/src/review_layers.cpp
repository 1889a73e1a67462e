#include "xiangjian/review/review_layers.h"

#include "xiangjian/core/portfolio.h"
#include "xiangjian/core/rollup.h"
#include "xiangjian/core/village_exit.h"

#include <map>
#include <set>

namespace xj::review {

namespace {

Value text_of(const std::string& text) {
    return text.empty() ? Value{} : Value{text};
}

template <typename T> Value number_of(const std::optional<T>& value) {
    return value ? Value{static_cast<std::conditional_t<std::is_integral_v<T>, long long, double>>(
                       *value)}
                 : Value{};
}

Value date_of(const std::optional<core::Date>& day) {
    return day ? Value{*day} : Value{};
}

std::string label_of(std::string_view text) {
    return std::string{text};
}

LayerData villages(const store::ProjectStore& store, const core::Portfolio& portfolio,
                   const core::Evaluation& evaluation, const std::string& township_code) {
    LayerData layer{"村",
                    "villages with their exit indicators and the progress of their projects",
                    LayerGeometry::polygon,
                    {},
                    {}};
    layer.fields = {
        {"行政区划代码", FieldType::text, 0, "", "12 位统计用区划代码"},
        {"村名称", FieldType::text, 0, "", ""},
        {"所属乡镇", FieldType::text, 0, "", "乡镇名称"},
        {"人口", FieldType::integer, 0, "人", "户籍人口"},
        {"户数", FieldType::integer, 0, "户", ""},
        {"贫困户数", FieldType::integer, 0, "户", "建档立卡贫困户"},
        {"贫困村", FieldType::text, 0, "", "是/否"},
        {"项目数", FieldType::integer, 0, "个", "服务本村的项目"},
        {"平均进度", FieldType::real, 1, "%", "本村项目完成百分比的平均值"},
        {"加权进度", FieldType::real, 1, "%", "按投资加权的完成百分比（有投资的项目）"},
        {"地图进度", FieldType::real, 1, "%",
         "进度图着色所用：有投资时按投资加权，否则平均（无项目的村为空）"},
        {"未结问题", FieldType::integer, 0, "个", "截至日期时未销号的问题"},
        {"达标指标数", FieldType::integer, 0, "项", "退出指标中已达标的项数"},
        {"指标总数", FieldType::integer, 0, "项", "退出指标项数"},
    };
    std::map<std::string, core::RollupRow> progress;
    for (auto& row : core::rollup(portfolio, evaluation, core::RollupBy::village)) {
        progress.emplace(row.key, std::move(row));
    }
    std::map<std::string, core::VillageExit> exits;
    for (auto& exit : core::village_exit(portfolio, evaluation)) {
        exits.emplace(exit.village_code, std::move(exit));
    }
    std::map<std::string, std::string> township_names;
    for (const core::AdminUnit& unit : store.unit_list()) {
        if (unit.level == core::AdminLevel::township) {
            township_names[unit.code] = unit.name;
        }
    }
    store.scan_units([&](const core::AdminUnit& unit, std::span<const unsigned char> wkb) {
        if (unit.level != core::AdminLevel::village ||
            (!township_code.empty() && unit.parent_code != township_code)) {
            return;
        }
        const auto row = progress.find(unit.code);
        const auto exit = exits.find(unit.code);
        Feature feature{"村 " + unit.code + " " + unit.name, store::Geometry::from_wkb(wkb), {}};
        feature.values = {
            unit.code,
            text_of(unit.name),
            text_of(township_names[unit.parent_code]),
            number_of(unit.population),
            number_of(unit.households),
            number_of(unit.poor_households),
            std::string(unit.poor_village ? "是" : "否"),
            row == progress.end() ? Value{0LL}
                                  : Value{static_cast<long long>(row->second.projects)},
            row == progress.end() ? Value{} : Value{row->second.mean_percent},
            row == progress.end() ? Value{} : number_of(row->second.budget_weighted_percent),
            row == progress.end()
                ? Value{}
                : Value{row->second.budget_weighted_percent.value_or(row->second.mean_percent)},
            row == progress.end() ? Value{0LL}
                                  : Value{static_cast<long long>(row->second.problems_open)},
            exit == exits.end() ? Value{} : Value{static_cast<long long>(exit->second.met)},
            exit == exits.end() ? Value{}
                                : Value{static_cast<long long>(exit->second.indicators.size())},
        };
        layer.features.push_back(std::move(feature));
    });
    return layer;
}

std::vector<FieldSpec> project_fields() {
    return {
        {"项目编号", FieldType::text, 0, "", "县项目编号"},
        {"项目名称", FieldType::text, 0, "", ""},
        {"项目类型", FieldType::text, 0, "", "道路、饮水、堤防、住房、水库、光伏、其他"},
        {"建设阶段", FieldType::text, 0, "", "前期、新开工、续建、竣工"},
        {"进度状态", FieldType::text, 0, "", "截至日期的进度判断"},
        {"完成百分比", FieldType::real, 1, "%", "截至日期"},
        {"计划百分比", FieldType::real, 1, "%", "按计划截至日期应完成"},
        {"计划工程量", FieldType::real, 2, "", "单位见“计量单位”"},
        {"完成工程量", FieldType::real, 2, "", "截至日期累计"},
        {"计量单位", FieldType::text, 0, "", ""},
        {"分包领导", FieldType::text, 0, "", ""},
        {"责任单位", FieldType::text, 0, "", ""},
        {"所属乡镇", FieldType::text, 0, "", "乡镇代码"},
        {"计划开工", FieldType::date, 0, "", ""},
        {"计划完工", FieldType::date, 0, "", ""},
        {"预计完工", FieldType::date, 0, "", "按当前进度推算"},
        {"总投资", FieldType::real, 2, "万元", ""},
    };
}

std::vector<Value> project_values(const core::ProjectStatus& status) {
    const core::Project& p = *status.project;
    return {p.id,
            p.name,
            label_of(core::label_zh(p.type)),
            label_of(core::label_zh(p.stage)),
            label_of(core::label_zh(status.status)),
            status.percent_done,
            number_of(status.planned_percent),
            number_of(p.planned_quantity),
            number_of(status.done_quantity),
            text_of(p.unit),
            text_of(p.leader),
            text_of(p.responsible_unit),
            text_of(p.township_code),
            date_of(p.planned_start),
            date_of(p.planned_finish),
            date_of(status.forecast_finish),
            number_of(p.budget_wan)};
}

} // namespace

std::vector<LayerData> review_layers(const store::ProjectStore& store,
                                     const core::Portfolio& portfolio, core::Date as_of,
                                     const std::string& township_code) {
    const core::Evaluation evaluation = portfolio.evaluate(as_of);
    std::vector<LayerData> layers;
    layers.push_back(villages(store, portfolio, evaluation, township_code));

    std::map<std::string, const core::ProjectStatus*> kept; // by project id
    for (const core::ProjectStatus& status : evaluation.projects) {
        if (township_code.empty() || status.project->township_code == township_code) {
            kept.emplace(status.project->id, &status);
        }
    }
    LayerData points{"项目点", "project points", LayerGeometry::point, project_fields(), {}};
    LayerData lines{
        "项目线", "project lines (roads, dikes, pipes)", LayerGeometry::line, project_fields(), {}};
    LayerData areas{"项目面",
                    "project areas (reservoirs, PV stations)",
                    LayerGeometry::polygon,
                    project_fields(),
                    {}};
    store.scan_sites([&](const std::string& project_id, const std::string& site_name,
                         std::span<const unsigned char> wkb) {
        const auto found = kept.find(project_id);
        if (found == kept.end()) {
            return;
        }
        store::Geometry geometry = store::Geometry::from_wkb(wkb);
        const auto type = geometry.type();
        LayerData& layer =
            type == store::GeometryType::point || type == store::GeometryType::multi_point ? points
            : type == store::GeometryType::line_string ||
                    type == store::GeometryType::multi_line_string
                ? lines
                : areas;
        layer.features.push_back({"项目 " + project_id + (site_name.empty() ? "" : " " + site_name),
                                  std::move(geometry), project_values(*found->second)});
    });
    layers.push_back(std::move(points));
    layers.push_back(std::move(lines));
    layers.push_back(std::move(areas));

    LayerData milestones{"节点", "milestones", LayerGeometry::none, {}, {}};
    milestones.fields = {{"项目编号", FieldType::text, 0, "", ""},
                         {"节点序号", FieldType::integer, 0, "", ""},
                         {"节点名称", FieldType::text, 0, "", ""},
                         {"计划日期", FieldType::date, 0, "", ""},
                         {"完成日期", FieldType::date, 0, "", "截至日期已完成的"},
                         {"权重", FieldType::real, 2, "", ""}};
    LayerData reports{"进度", "progress reports", LayerGeometry::none, {}, {}};
    reports.fields = {{"项目编号", FieldType::text, 0, "", ""},
                      {"填报日期", FieldType::date, 0, "", ""},
                      {"累计完成量", FieldType::real, 2, "", "项目的计量单位"},
                      {"累计百分比", FieldType::real, 1, "%", ""},
                      {"备注", FieldType::text, 0, "", ""},
                      {"填报人", FieldType::text, 0, "", ""}};
    LayerData problems{"问题", "problems", LayerGeometry::none, {}, {}};
    problems.fields = {
        {"问题编号", FieldType::text, 0, "", ""}, {"项目编号", FieldType::text, 0, "", ""},
        {"登记日期", FieldType::date, 0, "", ""}, {"问题类别", FieldType::text, 0, "", ""},
        {"问题描述", FieldType::text, 0, "", ""}, {"责任人", FieldType::text, 0, "", ""},
        {"整改期限", FieldType::date, 0, "", ""}, {"销号日期", FieldType::date, 0, "", ""},
        {"整改结果", FieldType::text, 0, "", ""}};
    for (const auto& [id, status] : kept) {
        const std::size_t index = status->index;
        for (const core::Milestone& m : portfolio.milestones(index)) {
            const bool reached = m.actual_date && *m.actual_date <= as_of;
            milestones.features.push_back(
                {"节点 " + id + " " + std::to_string(m.seq),
                 {},
                 {id, static_cast<long long>(m.seq), m.name, m.planned_date,
                  reached ? Value{*m.actual_date} : Value{}, m.weight}});
        }
        for (const core::ProgressReport& r : portfolio.reports(index)) {
            if (r.report_date <= as_of) {
                reports.features.push_back(
                    {"进度 " + id + " " + r.report_date.iso(),
                     {},
                     {id, r.report_date, number_of(r.cumulative_quantity), number_of(r.percent),
                      text_of(r.note), text_of(r.reported_by)}});
            }
        }
        for (const core::Problem& q : portfolio.problems(index)) {
            if (q.raised_date <= as_of) {
                const bool closed = q.closed_date && *q.closed_date <= as_of;
                problems.features.push_back(
                    {"问题 " + q.id,
                     {},
                     {q.id, id, q.raised_date, label_of(core::label_zh(q.category)),
                      text_of(q.description), text_of(q.owner), date_of(q.deadline),
                      closed ? Value{*q.closed_date} : Value{},
                      closed ? text_of(q.resolution) : Value{}}});
            }
        }
    }
    layers.push_back(std::move(milestones));
    layers.push_back(std::move(reports));
    layers.push_back(std::move(problems));
    return layers;
}

} // namespace xj::review
