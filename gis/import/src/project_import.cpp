#include "xiangjian/import/project_import.h"

#include "field_match.h"
#include "project_linker.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/geometry/ogr_conversion.h"
#include "xiangjian/geometry/village_index.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace xj::import {

using detail::fixed;
using detail::Incoming;
using detail::Linker;

namespace {

bool same_sites(const std::vector<const store::ProjectSite*>& stored,
                const std::vector<store::ProjectSite>& incoming) {
    if (stored.size() != incoming.size()) {
        return false;
    }
    for (std::size_t i = 0; i < stored.size(); ++i) {
        if (stored[i]->name != incoming[i].name ||
            !geometry::same_shape(stored[i]->geometry, incoming[i].geometry)) {
            return false;
        }
    }
    return true;
}

} // namespace

ImportReport import_projects(store::ProjectStore& store, const std::string& path,
                             const ProjectImportOptions& options,
                             const ProgressCallback& progress) {
    // What the project holds already: the source's rows are merged over it.
    std::unordered_map<std::string, core::Project> projects;
    std::vector<store::ProjectSite> stored_sites;
    std::unordered_map<std::string, std::vector<const store::ProjectSite*>> sites_by_project;
    std::unordered_map<std::string, std::vector<core::ProjectVillage>> links_by_project;
    // Declared before the linker so that they outlive its thread, whatever is thrown.
    geometry::VillageIndex index;
    std::unordered_set<std::string> unit_codes;
    Linker linker(path, options, projects); // reads the source meanwhile
    try {
        // Codes and village boundaries only: no attributes, no OGR geometries.
        store.scan_unit_boundaries([&](const std::string& code, core::AdminLevel level,
                                       std::span<const unsigned char> wkb) {
            unit_codes.insert(code);
            if (level == core::AdminLevel::village && !wkb.empty()) {
                index.add_wkb(code, wkb);
            }
        });
    } catch (...) {
        linker.rethrow_first(std::current_exception());
    }
    const SourceData& data = linker.source();
    // What the project holds of the source's projects, not of every other.
    {
        // Sites and links belong to a stored project (foreign keys): only those are looked up.
        std::vector<std::string> ids;
        for (auto& project : store.projects(linker.ids())) {
            ids.push_back(project.id);
            projects.emplace(project.id, std::move(project));
        }
        stored_sites = store.sites(ids);
        for (const auto& site : stored_sites) {
            sites_by_project[site.project_id].push_back(&site);
        }
        for (auto& link : store.project_villages(ids)) {
            links_by_project[link.project_id].push_back(std::move(link));
        }
    }
    // Coordinates somewhere in a table that gave no site: the sites would be lost unsaid.
    if (std::none_of(data.features.begin(), data.features.end(), [](const SourceFeature& f) {
            return f.geometry != nullptr || f.error.has_value();
        })) {
        for (const std::string& field : data.fields) {
            for (const char* word : {"经度", "纬度", "坐标", "经纬度"}) {
                if (field.find(word) != std::string::npos) {
                    throw InputError(
                        data.path + text("：有坐标列“", ": there is a coordinate column '") +
                            field +
                            text("”，却没有读出任何点位；请用 --x-field 和 --y-field "
                                 "指明经度列和纬度列",
                                 "' but no site was read; name the longitude and latitude "
                                 "columns with --x-field and --y-field"),
                        InputPlace{data.path, std::nullopt, field});
                }
            }
        }
    }
    const detail::Columns& columns = linker.columns();
    detail::UnitNames names;
    if (columns.village >= 0 || columns.village_name >= 0 || columns.township_name >= 0) {
        for (auto& unit : store.unit_list()) {
            names.codes_by_name[unit.name].push_back(unit.code);
            names.name_by_code.emplace(std::move(unit.code), std::move(unit.name));
        }
    }
    ImportReport report = detail::report_for(data, options.dry_run);
    if (const std::string unused = detail::unused_columns(data, columns.used()); !unused.empty()) {
        report.warnings.push_back(unused);
    }
    linker.link(index, unit_codes, names,
                data.suggested_gk_epsg != 0 ? data.suggested_gk_epsg
                                            : crs::gauss_kruger_3deg_epsg(112.4));

    store::Transaction transaction(store);
    std::size_t linked = 0;
    double line_metres = 0;
    for (std::size_t k = 0; k < linker.projects(); ++k) {
        const auto [taken, rows] = linker.take(k);
        Incoming& in = *taken;
        if (linker.has_errors()) { // nothing will be written: the rest is only checked
            in = Incoming{};
            continue;
        }
        linked += in.links.size();
        for (const auto& link : in.links) {
            line_metres += link.length_m.value_or(0);
        }
        try {
            const std::string& id = in.project.id;
            const auto stored = projects.find(id);
            if (stored == projects.end()) { // new: plain inserts, nothing to look up or remove
                ++report.added;
                store.add_project(in.project);
                for (const auto& site : in.sites) {
                    store.add_site(site);
                }
                store.add_project_villages(in.links);
            } else if (stored->second == in.project &&
                       (in.sites.empty() || (same_sites(sites_by_project[id], in.sites) &&
                                             links_by_project[id] == in.links))) {
                ++report.unchanged;
            } else {
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
        } catch (...) {
            linker.rethrow_first_of_write(std::current_exception());
        }
        in = Incoming{}; // written: its sites need no memory any more
        if (progress) {
            progress(rows, data.features.size());
        }
    }
    linker.check_every_row();
    linker.throw_errors();
    linker.finish(report);
    report.notes.push_back(
        std::to_string(linker.projects()) + text(" 个项目，", " projects, ") +
        std::to_string(linked) + text(" 条项目–行政村关联（村内线路 ", " project–village links (") +
        fixed(line_metres / 1000.0, 2) +
        text(" 公里），项目库有 ", " km of lines inside villages), ") +
        std::to_string(index.size()) + text(" 个行政村", " villages in the project"));
    if (!options.dry_run) {
        transaction.commit();
    }
    return report;
}

} // namespace xj::import
