#include "xiangjian/gis/project_import.h"

#include "field_match.h"
#include "xiangjian/core/error.h"
#include "xiangjian/gis/crs.h"
#include "xiangjian/gis/polygon_repair.h"
#include "xiangjian/gis/village_index.h"

#include <charconv>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

namespace xj::gis {

using detail::cell;
using detail::find_field;
using detail::fixed;

namespace {

struct Columns {
    int id, type, name, site, village, township, leader, unit_name, quantity, unit, stage, budget,
        start, finish;
};

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
    if (c.id < 0) {
        std::string fields;
        for (const auto& field : data.fields) {
            fields += (fields.empty() ? "" : ", ") + field;
        }
        throw Error(data.path +
                    ": no project id field found (expected one of 项目编号, 编号, "
                    "project_id …; or name it with --id-field); fields: " +
                    fields);
    }
    return c;
}

/// What county staff write in a type column, to a project type.
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
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < 0) {
        throw Error(data.cite(feature) + ", field '" +
                    data.fields[static_cast<std::size_t>(column)] + "': '" + text +
                    "' is not a non-negative number");
    }
    return value;
}

std::optional<core::Date> date_in(const SourceData& data, const SourceFeature& feature,
                                  int column) {
    const std::string text = cell(feature, column);
    if (text.empty()) {
        return std::nullopt;
    }
    // GDAL renders date fields as 2018/08/31; tables write 2018-08-31.
    std::string iso = text.substr(0, 10);
    std::replace(iso.begin(), iso.end(), '/', '-');
    if (auto date = core::Date::parse_iso(iso)) {
        return date;
    }
    throw Error(data.cite(feature) + ", field '" + data.fields[static_cast<std::size_t>(column)] +
                "': '" + text + "' is not a date");
}

/// The project as the file describes it, over what the project already holds.
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
            throw Error(data.cite(feature) + ", field '" +
                        data.fields[static_cast<std::size_t>(c.stage)] + "': unknown stage '" +
                        stage + "' (前期, 新开工, 续建, 竣工, 投用)");
        }
        p.stage = *parsed;
    }
    set_text(p.leader, c.leader);
    set_text(p.responsible_unit, c.unit_name);
    set_text(p.unit, c.unit);
    if (auto quantity = number_in(data, feature, c.quantity)) {
        p.planned_quantity = quantity;
    }
    p.measure = p.planned_quantity ? core::Measure::quantity : core::Measure::milestones;
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

std::string site_kind(const OGRGeometry& geometry) {
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPoint:
        return "point";
    case wkbLineString:
    case wkbMultiLineString:
        return "line";
    case wkbPolygon:
    case wkbMultiPolygon:
        return "polygon";
    default:
        return {};
    }
}

bool same_sites(const std::vector<const ProjectSite*>& stored,
                const std::vector<ProjectSite>& incoming) {
    if (stored.size() != incoming.size()) {
        return false;
    }
    for (std::size_t i = 0; i < stored.size(); ++i) {
        if (stored[i]->name != incoming[i].name ||
            !stored[i]->geometry->Equals(incoming[i].geometry.get())) {
            return false;
        }
    }
    return true;
}

} // namespace

ImportReport import_projects(ProjectStore& store, const std::string& path,
                             const ProjectImportOptions& options,
                             const ProgressCallback& progress) {
    SourceData data = read_vector_source(path, options.source);
    ImportReport report = detail::report_for(data, options.dry_run);
    const Columns columns = find_columns(data, options);

    std::unordered_map<std::string, core::Project> projects;
    for (auto& project : store.projects()) {
        projects.emplace(project.id, std::move(project));
    }
    const auto stored_sites = store.sites();
    std::unordered_map<std::string, std::vector<const ProjectSite*>> sites_by_project;
    for (const auto& site : stored_sites) {
        sites_by_project[site.project_id].push_back(&site);
    }
    std::unordered_map<std::string, std::vector<core::ProjectVillage>> links_by_project;
    for (auto& link : store.project_villages()) {
        links_by_project[link.project_id].push_back(std::move(link));
    }
    // Codes and village boundaries only: no attributes, no OGR geometries.
    const int metric_epsg =
        data.suggested_gk_epsg != 0 ? data.suggested_gk_epsg : gauss_kruger_3deg_epsg(112.4);
    VillageIndex index(metric_epsg);
    std::unordered_set<std::string> unit_codes;
    store.scan_unit_boundaries(
        [&](const std::string& code, core::AdminLevel level, std::span<const unsigned char> wkb) {
            unit_codes.insert(code);
            if (level == core::AdminLevel::village && !wkb.empty()) {
                index.add_wkb(code, wkb);
            }
        });

    // Group the rows by project: a project may have several sites.
    struct Incoming {
        core::Project project;
        std::vector<ProjectSite> sites;
        std::vector<core::ProjectVillage> links;
        std::size_t first_ordinal = 0;
    };
    std::unordered_map<std::string, std::size_t> position; // id → index in `incoming`
    std::vector<Incoming> incoming;
    for (auto& feature : data.features) {
        std::string id = cell(feature, columns.id);
        if (id.empty()) {
            throw Error(data.cite(feature) + ": the project id is empty");
        }
        const auto [entry, is_new] = position.try_emplace(id, incoming.size());
        if (is_new) {
            const auto stored = projects.find(id);
            incoming.push_back(
                {merged_project(data, feature, columns,
                                stored == projects.end() ? nullptr : &stored->second),
                 {},
                 {},
                 feature.ordinal});
        }
        Incoming& target = incoming[entry->second];
        if (!feature.geometry) {
            continue; // a row of attributes only
        }
        const std::string kind = site_kind(*feature.geometry);
        if (kind.empty()) {
            throw Error(data.cite(feature) + " (" + id + "): a " +
                        feature.geometry->getGeometryName() +
                        "; a site is a point, a line or a polygon");
        }
        if (feature.geometry->IsEmpty()) {
            throw Error(data.cite(feature) + " (" + id + "): empty geometry");
        }
        std::unique_ptr<OGRGeometry> geometry = std::move(feature.geometry);
        if (kind == "polygon") {
            RepairedPolygon repaired = checked_multipolygon(*geometry);
            if (!repaired.repair.empty()) {
                report.repairs.push_back(data.cite(feature) + " (" + id + "): " + repaired.repair);
            }
            geometry = std::move(repaired.geometry);
        }
        std::string site_name = cell(feature, columns.site);
        if (site_name.empty()) {
            site_name = target.project.name;
        }

        // Link to villages: by code when the row gives one, else where the site lies.
        const std::string code = core::admin_code::padded(cell(feature, columns.village));
        auto add_link = [&](const std::string& village, const std::string& how,
                            std::optional<double> length, std::optional<double> area) {
            for (auto& link : target.links) {
                if (link.village_code == village) {
                    link.length_m = length ? link.length_m.value_or(0) + *length : link.length_m;
                    link.area_m2 = area ? link.area_m2.value_or(0) + *area : link.area_m2;
                    return;
                }
            }
            target.links.push_back({id, village, how, length, area});
        };
        if (!code.empty()) {
            if (unit_codes.count(code) == 0) {
                report.unmatched.push_back(data.cite(feature) + " (" + id + "): village code " +
                                           code + " is not in the project");
            } else {
                add_link(code, "code", std::nullopt, std::nullopt);
            }
        } else if (kind == "point") {
            const OGRPoint* point = geometry->toPoint();
            if (auto village = index.containing(point->getX(), point->getY())) {
                add_link(*village, "point", std::nullopt, std::nullopt);
            } else {
                report.unmatched.push_back(data.cite(feature) + " (" + id + "): in no village");
            }
        } else {
            const auto shares = kind == "line" ? index.along(*geometry) : index.under(*geometry);
            for (const auto& share : shares) {
                add_link(share.code, kind,
                         kind == "line" ? std::optional<double>(share.measure) : std::nullopt,
                         kind == "polygon" ? std::optional<double>(share.measure) : std::nullopt);
            }
            if (shares.empty()) {
                report.unmatched.push_back(data.cite(feature) + " (" + id + "): in no village");
            }
        }
        target.sites.push_back({std::move(id), std::move(site_name), std::move(geometry)});
        if (progress) {
            progress(feature.ordinal, data.features.size());
        }
    }

    Transaction transaction(store);
    for (Incoming& in : incoming) {
        const std::string& id = in.project.id;
        // A project's township and village follow from its links when the file gives none.
        if (in.project.village_code.empty() && in.links.size() == 1) {
            in.project.village_code = in.links.front().village_code;
        }
        if (in.project.township_code.empty() && !in.links.empty()) {
            in.project.township_code = core::admin_code::parent_of(in.links.front().village_code);
        }
        if (const std::string township =
                cell(data.features[in.first_ordinal - 1], columns.township);
            !township.empty()) {
            in.project.township_code = core::admin_code::padded(township);
        }
        for (std::string* code : {&in.project.township_code, &in.project.village_code}) {
            if (!code->empty() && unit_codes.count(*code) == 0) {
                *code = ""; // the foreign key would refuse it; already reported as unmatched
            }
        }
        const auto stored = projects.find(id);
        if (stored == projects.end()) { // new: plain inserts, nothing to look up or remove
            ++report.added;
            store.add_project(in.project);
            for (const auto& site : in.sites) {
                store.add_site(site);
            }
            store.add_project_villages(in.links);
            continue;
        }
        const bool project_same = stored->second == in.project;
        const bool sites_same = in.sites.empty() || same_sites(sites_by_project[id], in.sites);
        const bool links_same = in.sites.empty() || links_by_project[id] == in.links;
        if (project_same && sites_same && links_same) {
            ++report.unchanged;
            continue;
        }
        ++report.updated;
        store.upsert_project(in.project);
        if (!in.sites.empty()) {
            store.remove_sites(id);
            for (const auto& site : in.sites) {
                store.add_site(site);
            }
            store.replace_project_villages(id, in.links);
        }
    }
    std::size_t linked = 0;
    double line_metres = 0;
    for (const Incoming& in : incoming) {
        linked += in.links.size();
        for (const auto& link : in.links) {
            line_metres += link.length_m.value_or(0);
        }
    }
    report.notes.push_back(std::to_string(incoming.size()) + " projects, " +
                           std::to_string(linked) + " project–village links (" +
                           fixed(line_metres / 1000.0, 2) + " km of lines inside villages), " +
                           std::to_string(index.size()) + " villages in the project");
    if (!options.dry_run) {
        transaction.commit();
    }
    return report;
}

} // namespace xj::gis
