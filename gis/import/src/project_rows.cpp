#include "project_rows.h"

#include "field_match.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/quantity_unit.h"

#include <algorithm>

namespace xj::import::detail {

namespace {

/// A field of a projects file: its key (for --columns), where it goes, and the headers county
/// ledgers give it, in order of preference.
struct FieldSpec {
    const char* key;
    int Columns::*column;
    std::vector<const char*> headers;
};

const std::vector<FieldSpec>& field_specs() {
    static const std::vector<FieldSpec> specs{
        {"project_id",
         &Columns::id,
         {"project_id", "项目编号", "项目ID", "项目代码", "项目号", "编号", "id", "XMBH"}},
        {"type", &Columns::type, {"type", "项目类型", "类型", "类别", "项目类别", "XMLX"}},
        {"name", &Columns::name, {"name", "项目名称", "名称", "XMMC"}},
        {"site_name", &Columns::site, {"site_name", "点位名称", "站点名称", "点位", "位置"}},
        {"village_code",
         &Columns::village,
         {"village_code", "村代码", "行政村代码", "村编码", "村级代码", "CUNDM"}},
        {"village",
         &Columns::village_name,
         {"village", "所在村", "行政村", "所在行政村", "村名", "受益村", "实施村"}},
        {"township_code", &Columns::township, {"township_code", "乡镇代码", "XZDM"}},
        {"township",
         &Columns::township_name,
         {"township", "所属乡镇", "乡镇", "所在乡镇", "乡镇名称", "实施乡镇"}},
        {"leader",
         &Columns::leader,
         {"leader", "分包领导", "分包县领导", "分包县级领导", "包抓领导", "包联领导", "责任领导",
          "联系领导", "县级领导"}},
        {"responsible_unit",
         &Columns::unit_name,
         {"responsible_unit", "责任单位", "建设单位", "实施单位", "牵头单位", "主管单位",
          "项目单位"}},
        {"planned_quantity",
         &Columns::quantity,
         {"planned_quantity", "计划工程量", "建设规模", "规模", "工程量"}},
        {"unit", &Columns::unit, {"unit", "单位", "计量单位", "规模单位"}},
        {"content", &Columns::content, {"content", "建设内容", "建设内容及规模", "主要建设内容"}},
        {"stage",
         &Columns::stage,
         {"stage", "建设阶段", "项目阶段", "阶段", "建设性质", "项目状态"}},
        {"budget_wan",
         &Columns::budget,
         {"budget_wan", "总投资", "计划投资", "计划总投资", "投资", "投资额", "万元"}},
        {"planned_start",
         &Columns::start,
         {"planned_start", "计划开工", "计划开工时间", "计划开工日期", "开工时间", "开工日期"}},
        {"planned_finish",
         &Columns::finish,
         {"planned_finish", "计划完工", "计划完工时间", "计划完工日期", "计划竣工", "计划竣工时间",
          "计划竣工日期", "完工时间", "完工日期", "竣工时间", "竣工日期"}},
        {"measure", &Columns::measure, {"measure", "计量方式", "进度计量方式", "进度计量"}},
    };
    return specs;
}

} // namespace

std::vector<int> Columns::used() const {
    std::vector<int> columns;
    for (const auto& spec : field_specs()) {
        if (this->*spec.column >= 0) {
            columns.push_back(this->*spec.column);
        }
    }
    return columns;
}

Columns find_columns(const SourceData& data, const ProjectImportOptions& options) {
    Columns c{};
    for (const auto& [key, header] : options.columns) {
        const bool known = std::any_of(field_specs().begin(), field_specs().end(),
                                       [&](const FieldSpec& spec) { return key == spec.key; });
        if (!known) {
            throw UsageError(
                text("--columns：项目表没有“", "--columns: projects have no key '") + key +
                    text("”这个键（见 import projects --help）", "' (see import projects --help)"),
                "--columns");
        }
    }
    for (const auto& spec : field_specs()) {
        std::string named =
            options.columns.count(spec.key) != 0 ? options.columns.at(spec.key) : std::string{};
        const char* option = "--columns";
        if (spec.column == &Columns::id && named.empty() && !options.id_field.empty()) {
            named = options.id_field;
            option = "--id-field";
        }
        if (spec.column == &Columns::type && named.empty() && !options.type_field.empty()) {
            named = options.type_field;
            option = "--type-field";
        }
        c.*spec.column =
            named.empty() ? match_header(data, spec.headers) : find_field(data, named, {}, option);
    }
    if (c.id < 0) {
        // Placemarks exported from a map app carry nothing but their name.
        const bool kml = data.driver == "KML" || data.driver == "LIBKML";
        throw InputError(data.path +
                             text("：找不到项目编号列（应为 项目编号、编号、project_id 等之一；"
                                  "或用 --id-field 指明）；",
                                  ": no project id field found (expected one of 项目编号, 编号, "
                                  "project_id …; or name it with --id-field); ") +
                             detail::fields_present(data) +
                             (kml && data.column("Name") >= 0
                                  ? text("；KML 地标以名称为键：--id-field Name",
                                         "; KML placemarks are keyed by their names: --id-field "
                                         "Name")
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

std::string header_of(const SourceData& data, int column) {
    return data.fields[static_cast<std::size_t>(column)];
}

std::optional<double> number_in(const SourceData& data, const SourceFeature& feature, int column) {
    const std::string text = cell(feature, column);
    if (text.empty()) {
        return std::nullopt;
    }
    const auto value = detail::parse_number(text);
    if (!value || *value < 0 || text.ends_with("%")) {
        throw InputError(data.cite(feature) + xj::text("，列“", ", field '") +
                             header_of(data, column) + xj::text("”：“", "': '") + text +
                             xj::text("”不是非负数", "' is not a non-negative number"),
                         data.place(feature, header_of(data, column)));
    }
    return value;
}

/// The first number followed by a unit in free text (建设内容: "硬化道路5.8公里，宽4.5米").
std::optional<Quantity> quantity_in_text(std::string_view written) {
    const std::string normal = core::halfwidth(written);
    for (std::size_t i = 0; i < normal.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(normal[i])) ||
            (i > 0 &&
             (std::isdigit(static_cast<unsigned char>(normal[i - 1])) || normal[i - 1] == '.'))) {
            continue;
        }
        std::size_t end = i;
        while (end < normal.size() &&
               (std::isdigit(static_cast<unsigned char>(normal[end])) || normal[end] == '.')) {
            ++end;
        }
        // The unit: the letters or characters up to the next punctuation, space or digit.
        std::size_t unit_end = end;
        while (unit_end < normal.size() &&
               !std::isdigit(static_cast<unsigned char>(normal[unit_end])) &&
               std::string_view{" ,;.()"}.find(normal[unit_end]) == std::string_view::npos &&
               !std::string_view{normal}.substr(unit_end).starts_with("\xEF\xBC\x8C") && // ，
               !std::string_view{normal}.substr(unit_end).starts_with("\xE3\x80\x81") && // 、
               !std::string_view{normal}.substr(unit_end).starts_with("\xEF\xBC\x9B") && // ；
               !std::string_view{normal}.substr(unit_end).starts_with("\xE3\x80\x82")) { // 。
            ++unit_end;
        }
        const auto value = detail::parse_number(normal.substr(i, end - i));
        if (value && unit_end > end) {
            return Quantity{*value, normal.substr(end, unit_end - end)};
        }
    }
    return std::nullopt;
}

/// A stage as ledgers write it (建设性质: 新建, 续建; 项目阶段: 前期, 在建, 竣工 …).
std::optional<core::Stage> stage_from_text(const std::string& text) {
    if (auto exact = core::parse_term<core::Stage>(text)) {
        return exact;
    }
    static const std::pair<const char*, core::Stage> words[] = {
        {"前期", core::Stage::preliminary},  {"储备", core::Stage::preliminary},
        {"拟建", core::Stage::preliminary},  {"新建", core::Stage::new_start},
        {"新开工", core::Stage::new_start},  {"续建", core::Stage::continuing},
        {"在建", core::Stage::continuing},   {"复工", core::Stage::continuing},
        {"已竣工", core::Stage::completed},  {"竣工", core::Stage::completed},
        {"完工", core::Stage::completed},    {"已完工", core::Stage::completed},
        {"建成", core::Stage::completed},    {"投用", core::Stage::in_service},
        {"投产", core::Stage::in_service},   {"投入使用", core::Stage::in_service},
        {"已投用", core::Stage::in_service},
    };
    for (const auto& [word, stage] : words) {
        if (text == word) {
            return stage;
        }
    }
    return std::nullopt;
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
    throw InputError(data.cite(feature) + xj::text("，列“", ", field '") + header_of(data, column) +
                         xj::text("”：“", "': '") + text +
                         xj::text("”不是日期（2018-08-03、2018/8/3 或 2018年8月3日）",
                                  "' is not a date (2018-08-03, 2018/8/3 or 2018年8月3日)"),
                     data.place(feature, header_of(data, column)));
}

/// The project as the file describes it, over what the project already holds.
} // namespace

core::Project merged_project(const SourceData& data, const SourceFeature& feature, const Columns& c,
                             const core::Project* existing, std::optional<TypeGuess>* guess,
                             std::string* converted) {
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
        if (guess != nullptr && !core::parse_term<core::ProjectType>(type)) {
            *guess = TypeGuess{type, p.type, false};
        }
    } else if (c.type < 0 && existing == nullptr) {
        p.type = type_from_text(p.name); // 云梦村安全饮水工程 is a water project
        if (guess != nullptr) {
            *guess = TypeGuess{p.name, p.type, true};
        }
    }
    if (const std::string stage = cell(feature, c.stage); !stage.empty()) {
        const auto parsed = stage_from_text(stage);
        if (!parsed) {
            throw InputError(data.cite(feature) + xj::text("，列“", ", field '") +
                                 header_of(data, c.stage) +
                                 xj::text("”：不认识的阶段“", "': unknown stage '") + stage +
                                 xj::text("”（前期、新建/新开工、续建/在建、竣工、投用）",
                                          "' (前期, 新建/新开工, 续建/在建, 竣工, 投用)"),
                             data.place(feature, header_of(data, c.stage)));
        }
        p.stage = *parsed;
    }
    set_text(p.leader, c.leader);
    set_text(p.responsible_unit, c.unit_name);
    set_text(p.unit, c.unit);
    if (const std::string written = cell(feature, c.quantity); !written.empty()) {
        // 5.8, or 5.8公里 with its unit (a unit column, when there is one, has the last word).
        const auto quantity = quantity_with_unit(written);
        if (!quantity || written.ends_with("%")) {
            number_in(data, feature, c.quantity); // throws, naming the row and column
        } else {
            p.planned_quantity = quantity->value;
            if (!quantity->unit.empty() && cell(feature, c.unit).empty()) {
                p.unit = quantity->unit;
            }
        }
    } else if (const std::string content = cell(feature, c.content); !content.empty()) {
        if (const auto quantity = quantity_in_text(content)) {
            p.planned_quantity = quantity->value;
            if (cell(feature, c.unit).empty()) {
                p.unit = quantity->unit;
            }
        }
    }
    // One spelling a dimension (公里 and 千米 are km, 米 is km/1000, 个 is 处 …): the row's own
    // quantity is converted with its unit; an unknown unit is kept as written (and reported).
    if (const auto canonical = core::canonical_unit(p.unit);
        canonical && canonical->unit != p.unit) {
        const bool own_quantity = !cell(feature, c.quantity).empty() ||
                                  (!cell(feature, c.content).empty() && c.quantity < 0);
        if (own_quantity || !p.planned_quantity) {
            if (p.planned_quantity) {
                if (canonical->factor != 1.0 && converted != nullptr) {
                    *converted = fixed(*p.planned_quantity, 2) + " " + p.unit + " → " +
                                 fixed(*p.planned_quantity * canonical->factor, 3) + " " +
                                 canonical->unit;
                }
                p.planned_quantity = *p.planned_quantity * canonical->factor;
            }
            p.unit = canonical->unit;
        }
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

namespace xj::import {

std::string describe_project_columns() {
    std::string text;
    for (const auto& spec : detail::field_specs()) {
        text += std::string{spec.key} +
                (spec.column == &detail::Columns::id ? xj::text("（必需）", " (required)") : "") +
                ": ";
        for (std::size_t i = 0; i < spec.headers.size(); ++i) {
            text += (i ? ", " : "") + std::string{spec.headers[i]};
        }
        text += "\n";
    }
    return text;
}

} // namespace xj::import
