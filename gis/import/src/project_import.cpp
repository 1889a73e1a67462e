#include "xiangjian/import/project_import.h"

#include "field_match.h"
#include "xiangjian/core/error.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/geometry/ogr_conversion.h"
#include "xiangjian/geometry/polygon_repair.h"
#include "xiangjian/geometry/village_index.h"

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace xj::import {

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

/// A project as the file gives it: attributes, sites and the villages they are linked to.
struct Incoming {
    core::Project project; ///< with township and village codes once complete
    std::vector<store::ProjectSite> sites;
    std::vector<core::ProjectVillage> links;
    std::string township;     ///< the township column of its first row
    std::size_t last_row = 0; ///< index of its last row in the source
};

/// Reads the source and locates its rows among the villages on a second core while the
/// store's thread (the only one that may touch the store) reads the villages and then writes
/// the projects. Rows are located in any order, by the worker and by the store's thread when
/// it would otherwise wait (lines cost GEOS work), each with its own index query; they are
/// assembled into projects by either thread, one at a time, in the order of the file, so the
/// first bad row is reported as before and the reports keep their order.
class Linker {
public:
    Linker(const std::string& path, const ProjectImportOptions& options,
           const std::unordered_map<std::string, core::Project>& stored)
        : m_path(path), m_options(options), m_stored(stored),
          m_thread([this](std::stop_token stop) { run(stop); }) {}

    ~Linker() {
        m_thread.request_stop();
        { // a worker between its check and its wait sees the stop or gets the notification
            const std::lock_guard lock(m_mutex);
        }
        m_changed.notify_all();
    }

    /// The source as read, once it is (rethrows what reading it threw).
    const SourceData& source() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_read || m_error; });
        if (!m_read) {
            std::rethrow_exception(m_error);
        }
        return m_data;
    }

    /// An error of reading the source takes precedence over `current` (the importer read
    /// the source first): rethrows the one to report.
    [[noreturn]] void rethrow_first(std::exception_ptr current) {
        source();
        std::rethrow_exception(current);
    }

    /// Starts locating; the index, the codes and the stored projects must stay unchanged and
    /// alive until the end.
    void link(geometry::VillageIndex& index, const std::unordered_set<std::string>& unit_codes,
              int metric_epsg) {
        const std::lock_guard lock(m_mutex);
        index.measure_in(metric_epsg);
        m_index = &index;
        m_unit_codes = &unit_codes;
        m_changed.notify_all();
    }

    std::size_t projects() const { return m_incoming.size(); } ///< after source()

    /// The ids of the source's projects, after source().
    std::vector<std::string> ids() const {
        std::vector<std::string> ids;
        ids.reserve(m_position.size());
        for (const auto& [id, position] : m_position) {
            ids.push_back(id);
        }
        return ids;
    }

    /// Project k (in order of first appearance), once all its rows are assembled, and how
    /// many rows are by then. Rethrows the error of the first bad row.
    std::pair<Incoming*, std::size_t> take(std::size_t k) {
        assemble_through(m_incoming[k].last_row);
        return {&m_incoming[k], m_assembled.load(std::memory_order_acquire)};
    }

    /// Every row assembled (rows of no project too: an empty id is an error wherever it is).
    void check_every_row() {
        if (!m_located.empty()) {
            assemble_through(m_located.size() - 1);
        }
    }

    /// A write failed: a bad row anywhere in the file takes precedence (the importer checked
    /// every row before it wrote), so assemble the rest and rethrow the one to report.
    [[noreturn]] void rethrow_first_of_write(std::exception_ptr write_error) {
        check_every_row();
        std::rethrow_exception(write_error);
    }

    /// Repairs and what matched nothing, in the order of the rows; after every take.
    void finish(ImportReport& report) {
        m_thread.join();
        report.repairs = std::move(m_repairs);
        report.unmatched = std::move(m_unmatched);
    }

private:
    static constexpr std::size_t no_row = static_cast<std::size_t>(-1);

    /// Rows up to `last` located (helping the worker, or waiting for it) and assembled.
    void assemble_through(std::size_t last) {
        while (m_assembled.load(std::memory_order_acquire) <= last) {
            {
                const std::lock_guard lock(m_assembly);
                assemble_located();
                if (m_bad_row <= last) {
                    std::rethrow_exception(m_bad_row_error);
                }
            }
            const std::size_t row = m_assembled.load(std::memory_order_acquire);
            if (row > last || m_located[row].done.load(std::memory_order_acquire)) {
                continue;
            }
            if (!locate_next(main_query())) { // every row is taken: wait for this one
                std::unique_lock lock(m_mutex);
                m_wanted = row;
                m_changed.wait(lock,
                               [&] { return m_located[row].done.load(std::memory_order_acquire); });
                m_wanted = no_row;
            }
        }
    }

    /// Where a row's site lies, found on any thread.
    struct Located {
        std::atomic<bool> done{false};
        std::exception_ptr error; ///< a geometry that cannot be a site
        std::unique_ptr<OGRGeometry> geometry;
        std::string kind;   ///< point, line, polygon
        std::string repair; ///< how its polygon was repaired, if it was
        std::string code;   ///< the village code the row gives
        bool code_known = false;
        std::optional<std::string> village;                ///< of a point
        std::vector<geometry::VillageIndex::Share> shares; ///< of a line or polygon
    };

    void run(const std::stop_token& stop) {
        try {
            m_data = read_vector_source(m_path, m_options.source);
            m_columns = find_columns(m_data, m_options);
            group();
        } catch (...) {
            const std::lock_guard lock(m_mutex);
            m_error = std::current_exception();
            m_changed.notify_all();
            return;
        }
        {
            std::unique_lock lock(m_mutex);
            m_read = true;
            m_changed.notify_all();
            m_changed.wait(lock, [&] { return m_index != nullptr || stop.stop_requested(); });
            if (stop.stop_requested()) {
                return;
            }
        }
        geometry::VillageIndex::Query query(*m_index);
        while (!stop.stop_requested() && locate_next(query)) {
            // Assembling too, when the store's thread is not at it (it writes meanwhile).
            if (const std::unique_lock lock(m_assembly, std::try_to_lock); lock) {
                assemble_located(64);
            }
        }
    }

    /// Assembles the rows located so far, in order (at most `limit`); stops at a bad row.
    /// Under m_assembly.
    void assemble_located(std::size_t limit = no_row) {
        for (std::size_t done = 0; done < limit && m_bad_row == no_row; ++done) {
            const std::size_t row = m_assembled.load(std::memory_order_relaxed);
            if (row == m_located.size() || !m_located[row].done.load(std::memory_order_acquire)) {
                return;
            }
            try {
                assemble(row);
            } catch (...) {
                m_bad_row = row;
                m_bad_row_error = std::current_exception();
                return;
            }
            m_assembled.store(row + 1, std::memory_order_release);
        }
    }

    geometry::VillageIndex::Query& main_query() {
        if (!m_main_query) {
            m_main_query.emplace(*m_index);
        }
        return *m_main_query;
    }

    /// Locates the next row no thread has taken; false when there is none.
    bool locate_next(geometry::VillageIndex::Query& query) {
        const std::size_t row = m_next.fetch_add(1);
        if (row >= m_located.size()) {
            return false;
        }
        Located& located = m_located[row];
        try {
            locate(m_data.features[row], located, query);
        } catch (...) {
            located.error = std::current_exception();
        }
        located.done.store(true, std::memory_order_release);
        const std::lock_guard lock(m_mutex);
        if (m_wanted == row) {
            m_changed.notify_all();
        }
        return true;
    }

    /// Which rows make each project (a project may have several sites): every project gets
    /// its place, in order of first appearance, before any row is located.
    void group() {
        for (std::size_t i = 0; i < m_data.features.size(); ++i) {
            std::string id = cell(m_data.features[i], m_columns.id);
            if (id.empty()) {
                continue; // reported when its row is assembled, in order
            }
            const auto [entry, is_new] = m_position.try_emplace(std::move(id), m_incoming.size());
            if (is_new) {
                m_incoming.emplace_back();
            }
            m_incoming[entry->second].last_row = i;
        }
        m_located = std::vector<Located>(m_data.features.size());
    }

    /// The geometry checks of a row and its villages. Errors are the row's, reported when it
    /// is assembled, after those of its attributes.
    void locate(SourceFeature& feature, Located& out, geometry::VillageIndex::Query& query) const {
        const SourceData& data = m_data;
        if (!feature.geometry) {
            return; // a row of attributes only
        }
        const std::string id = cell(feature, m_columns.id);
        out.kind = site_kind(*feature.geometry);
        if (out.kind.empty()) {
            throw InputError(data.cite(feature) + " (" + id + "): a " +
                                 feature.geometry->getGeometryName() +
                                 "; a site is a point, a line or a polygon",
                             data.place(feature));
        }
        if (feature.geometry->IsEmpty()) {
            throw InputError(data.cite(feature) + " (" + id + "): empty geometry",
                             data.place(feature));
        }
        out.geometry = std::move(feature.geometry);
        if (out.kind == "polygon") {
            geometry::RepairedPolygon repaired = geometry::checked_multipolygon(*out.geometry);
            out.repair = repaired.repair;
            out.geometry = std::move(repaired.geometry);
        }
        // Linked to villages by code when the row gives one, else where the site lies.
        out.code = core::admin_code::padded(cell(feature, m_columns.village));
        if (!out.code.empty()) {
            out.code_known = m_unit_codes->count(out.code) != 0;
        } else if (out.kind == "point") {
            const OGRPoint* point = out.geometry->toPoint();
            out.village = query.containing(point->getX(), point->getY());
        } else {
            out.shares =
                out.kind == "line" ? query.along(*out.geometry) : query.under(*out.geometry);
        }
    }

    /// A located row into its project, in the order of the file.
    void assemble(std::size_t row) {
        const SourceData& data = m_data;
        const SourceFeature& feature = data.features[row];
        Located& located = m_located[row];
        const std::string id = cell(feature, m_columns.id);
        if (id.empty()) {
            throw InputError(data.cite(feature) + ": the project id is empty", data.place(feature));
        }
        Incoming& target = m_incoming[m_position.at(id)];
        if (target.project.id.empty()) { // its first row
            const auto stored = m_stored.find(id);
            target.project = merged_project(data, feature, m_columns,
                                            stored == m_stored.end() ? nullptr : &stored->second);
            target.township = cell(feature, m_columns.township);
        }
        if (located.error) {
            std::rethrow_exception(located.error);
        }
        if (located.geometry) {
            add_site(row, located, target, id);
        }
        if (target.last_row == row) {
            complete(target);
        }
    }

    /// A located site into its project, with its links and what the report says of it.
    void add_site(std::size_t row, Located& located, Incoming& target, const std::string& id) {
        const SourceData& data = m_data;
        const SourceFeature& feature = data.features[row];
        if (!located.repair.empty()) {
            m_repairs.push_back(data.cite(feature) + " (" + id + "): " + located.repair);
        }
        std::string site_name = cell(feature, m_columns.site);
        if (site_name.empty()) {
            site_name = target.project.name;
        }
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
        const std::string& kind = located.kind;
        if (!located.code.empty()) {
            if (!located.code_known) {
                m_unmatched.push_back(data.cite(feature) + " (" + id + "): village code " +
                                      located.code + " is not in the project");
            } else {
                add_link(located.code, "code", std::nullopt, std::nullopt);
            }
        } else if (kind == "point") {
            if (located.village) {
                add_link(*located.village, "point", std::nullopt, std::nullopt);
            } else {
                m_unmatched.push_back(data.cite(feature) + " (" + id + "): in no village");
            }
        } else {
            for (const auto& share : located.shares) {
                add_link(share.code, kind,
                         kind == "line" ? std::optional<double>(share.measure) : std::nullopt,
                         kind == "polygon" ? std::optional<double>(share.measure) : std::nullopt);
            }
            if (located.shares.empty()) {
                m_unmatched.push_back(data.cite(feature) + " (" + id + "): in no village");
            }
        }
        target.sites.push_back({id, std::move(site_name), geometry::from_ogr(*located.geometry)});
        located.geometry.reset();
        located.shares = {};
    }

    /// A project whose rows are all assembled: its township and village follow from its links
    /// when the file gives none.
    void complete(Incoming& in) const {
        core::Project& project = in.project;
        if (project.village_code.empty() && in.links.size() == 1) {
            project.village_code = in.links.front().village_code;
        }
        if (project.township_code.empty() && !in.links.empty()) {
            project.township_code = core::admin_code::parent_of(in.links.front().village_code);
        }
        if (!in.township.empty()) {
            project.township_code = core::admin_code::padded(in.township);
        }
        for (std::string* code : {&project.township_code, &project.village_code}) {
            if (!code->empty() && m_unit_codes->count(*code) == 0) {
                *code = ""; // the foreign key would refuse it; already reported as unmatched
            }
        }
    }

    const std::string m_path;
    const ProjectImportOptions& m_options;
    const std::unordered_map<std::string, core::Project>& m_stored;
    // Written by the worker before m_read is set, read-only after (but the geometries, which
    // the thread that locates a row moves out).
    SourceData m_data;
    Columns m_columns{};
    std::unordered_map<std::string, std::size_t> m_position; ///< id → index in m_incoming
    std::vector<Located> m_located;                          ///< one a row
    std::atomic<std::size_t> m_next{0};                      ///< the next row to locate
    // Assembly, by one thread at a time (either), in the order of the rows. The store's
    // thread takes a project once m_assembled is past its last row.
    std::mutex m_assembly;
    std::atomic<std::size_t> m_assembled{0};
    std::vector<Incoming> m_incoming;
    std::vector<std::string> m_repairs;
    std::vector<std::string> m_unmatched;
    std::size_t m_bad_row = no_row; ///< the first row that cannot be imported
    std::exception_ptr m_bad_row_error;
    // The store's thread's alone.
    std::optional<geometry::VillageIndex::Query> m_main_query;
    // Shared, under the mutex.
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_read = false;
    geometry::VillageIndex* m_index = nullptr;
    const std::unordered_set<std::string>* m_unit_codes = nullptr;
    std::size_t m_wanted = no_row; ///< the row the store's thread waits for
    std::exception_ptr m_error;    ///< of reading the source
    std::jthread m_thread;         // last: started once everything it uses exists
};

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
    ImportReport report = detail::report_for(data, options.dry_run);
    linker.link(index, unit_codes,
                data.suggested_gk_epsg != 0 ? data.suggested_gk_epsg
                                            : crs::gauss_kruger_3deg_epsg(112.4));

    store::Transaction transaction(store);
    std::size_t linked = 0;
    double line_metres = 0;
    for (std::size_t k = 0; k < linker.projects(); ++k) {
        const auto [taken, rows] = linker.take(k);
        Incoming& in = *taken;
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
    linker.finish(report);
    report.notes.push_back(std::to_string(linker.projects()) + " projects, " +
                           std::to_string(linked) + " project–village links (" +
                           fixed(line_metres / 1000.0, 2) + " km of lines inside villages), " +
                           std::to_string(index.size()) + " villages in the project");
    if (!options.dry_run) {
        transaction.commit();
    }
    return report;
}

} // namespace xj::import
