#include "project_rows.h"

#include "field_match.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"

namespace xj::import::detail {

Columns find_columns(const SourceData& data, const ProjectImportOptions& options) {
    Columns c{};
    c.id =
        find_field(data, options.id_field,
                   {"project_id", "项目编号", "项目ID", "项目代码", "项目号", "编号", "id", "XMBH"},
                   "--id-field");
    c.type = find_field(data, options.type_field,
                        {"type", "项目类型", "类型", "类别", "项目类别", "XMLX"}, "--type-field");
    c.name = find_field(data, {}, {"name", "项目名称", "名称", "XMMC"}, "");
    c.site = find_field(data, {}, {"site_name", "点位名称", "站点名称", "点位", "位置"}, "");
    c.village =
        find_field(data, {}, {"village_code", "村代码", "行政村代码", "村编码", "CUNDM"}, "");
    c.township = find_field(data, {}, {"township_code", "乡镇代码", "XZDM"}, "");
    c.leader = find_field(data, {}, {"leader", "分包领导", "包联领导", "责任领导"}, "");
    c.unit_name = find_field(data, {}, {"responsible_unit", "责任单位", "主管单位"}, "");
    c.quantity =
        find_field(data, {}, {"planned_quantity", "计划工程量", "建设规模", "规模", "工程量"}, "");
    c.unit = find_field(data, {}, {"unit", "单位", "计量单位"}, "");
    c.stage = find_field(data, {}, {"stage", "建设阶段", "项目阶段", "阶段"}, "");
    c.budget =
        find_field(data, {}, {"budget_wan", "总投资", "计划投资", "投资", "投资（万元）"}, "");
    c.start = find_field(data, {}, {"planned_start", "计划开工", "开工日期", "计划开工日期"}, "");
    c.finish = find_field(data, {}, {"planned_finish", "计划完工", "完工日期", "计划完工日期"}, "");
    c.measure = find_field(data, {}, {"measure", "计量方式", "进度计量方式", "进度计量"}, "");
    if (c.id < 0) {
        // Placemarks exported from a map app carry nothing but their name.
        const bool kml = data.driver == "KML" || data.driver == "LIBKML";
        throw InputError(data.path +
                             ": no project id field found (expected one of 项目编号, 编号, "
                             "project_id …; or name it with --id-field); " +
                             detail::fields_present(data) +
                             (kml && data.column("Name") >= 0
                                  ? "; KML placemarks are keyed by their names: --id-field Name"
                                  : ""),
                         InputPlace{data.path});
    }
    return c;
}

/// What county staff write in a type column, to a project type.
namespace {

core::ProjectType type_from_text(const std::string& text) {
    if (auto exact = core::parse_term<core::ProjectType>(text)) {
        return *exact;
    }
    const auto has = [&](const char* word) { return text.find(word) != std::string::npos; };
    if (has("路灯")) {
        return core::ProjectType::other; // street lights are not roads
    }
    if (has("水库")) {
        return core::ProjectType::reservoir;
    }
    if (has("堤") || has("河道") || has("防洪")) {
        return core::ProjectType::dike;
    }
    if (has("饮水") || has("供水") || has("自来水") || has("水厂")) {
        return core::ProjectType::water;
    }
    if (has("路") || has("桥") || has("交通")) {
        return core::ProjectType::road;
    }
    if (has("住房") || has("危房") || has("危改") || has("搬迁") || has("安置")) {
        return core::ProjectType::housing;
    }
    if (has("光伏")) {
        return core::ProjectType::pv;
    }
    return core::ProjectType::other;
}

std::optional<double> number_in(const SourceData& data, const SourceFeature& feature, int column) {
    const std::string text = cell(feature, column);
    if (text.empty()) {
        return std::nullopt;
    }
    const auto value = detail::parse_number(text);
    if (!value || *value < 0 || text.ends_with("%")) {
        throw InputError(data.cite(feature) + ", field '" +
                             data.fields[static_cast<std::size_t>(column)] + "': '" + text +
                             "' is not a non-negative number",
                         data.place(feature, data.fields[static_cast<std::size_t>(column)]));
    }
    return value;
}

std::optional<core::Date> date_in(const SourceData& data, const SourceFeature& feature,
                                  int column) {
    const std::string text = cell(feature, column);
    if (text.empty()) {
        return std::nullopt;
    }
    // GDAL renders date fields as 2018/08/31; tables write 2018-08-31, 2018/8/31, 2018年8月31日.
    if (auto date = detail::parse_date(data, text)) {
        return date;
    }
    throw InputError(data.cite(feature) + ", field '" +
                         data.fields[static_cast<std::size_t>(column)] + "': '" + text +
                         "' is not a date (2018-08-03, 2018/8/3 or 2018年8月3日)",
                     data.place(feature, data.fields[static_cast<std::size_t>(column)]));
}

/// The project as the file describes it, over what the project already holds.
} // namespace

core::Project merged_project(const SourceData& data, const SourceFeature& feature, const Columns& c,
                             const core::Project* existing) {
    core::Project p = existing != nullptr ? *existing : core::Project{};
    p.id = cell(feature, c.id);
    const auto set_text = [&](std::string& field, int column) {
        if (const std::string value = cell(feature, column); !value.empty()) {
            field = value;
        }
    };
    set_text(p.name, c.name);
    if (p.name.empty()) {
        p.name = p.id;
    }
    if (const std::string type = cell(feature, c.type); !type.empty()) {
        p.type = type_from_text(type);
    }
    if (const std::string stage = cell(feature, c.stage); !stage.empty()) {
        const auto parsed = core::parse_term<core::Stage>(stage);
        if (!parsed) {
            throw InputError(
                data.cite(feature) + ", field '" + data.fields[static_cast<std::size_t>(c.stage)] +
                    "': unknown stage '" + stage + "' (前期, 新开工, 续建, 竣工, 投用)",
                data.place(feature, data.fields[static_cast<std::size_t>(c.stage)]));
        }
        p.stage = *parsed;
    }
    set_text(p.leader, c.leader);
    set_text(p.responsible_unit, c.unit_name);
    set_text(p.unit, c.unit);
    if (auto quantity = number_in(data, feature, c.quantity)) {
        p.planned_quantity = quantity;
    }
    // How progress is measured: the row's 计量方式 when it has one; else what the project file
    // holds (set by `project set-measure`) while it still applies; else by quantity when there
    // is a planned quantity, by milestones (with the reports: docs/engine.md) when not.
    if (const std::string measure = cell(feature, c.measure); !measure.empty()) {
        auto parsed = core::parse_term<core::Measure>(measure);
        if (!parsed && (measure == "工程量" || measure == "按量")) {
            parsed = core::Measure::quantity;
        } else if (!parsed && (measure == "形象进度" || measure == "百分比")) {
            parsed = core::Measure::percent;
        } else if (!parsed && measure == "节点") {
            parsed = core::Measure::milestones;
        }
        const std::string field = data.fields[static_cast<std::size_t>(c.measure)];
        if (!parsed || (*parsed == core::Measure::quantity && !p.planned_quantity)) {
            throw InputError(data.cite(feature) + xj::text("，字段“", ", field '") + field +
                                 xj::text("”：“", "': '") + measure +
                                 (parsed ? xj::text("”需要计划工程量", "' needs a planned quantity")
                                         : xj::text("”不是计量方式（quantity 工程量、percent "
                                                    "形象进度、milestones 节点）",
                                                    "' is not a measure (quantity 工程量, percent "
                                                    "形象进度, milestones 节点)")),
                             data.place(feature, field));
        }
        p.measure = *parsed;
    } else if (existing == nullptr ||
               (existing->measure == core::Measure::quantity && !p.planned_quantity)) {
        p.measure = p.planned_quantity ? core::Measure::quantity : core::Measure::milestones;
    }
    if (auto budget = number_in(data, feature, c.budget)) {
        p.budget_wan = budget;
    }
    if (auto start = date_in(data, feature, c.start)) {
        p.planned_start = start;
    }
    if (auto finish = date_in(data, feature, c.finish)) {
        p.planned_finish = finish;
    }
    return p;
}

} // namespace xj::import::detail
