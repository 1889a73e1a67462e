#include "project_linker.h"

#include "field_match.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/quantity_unit.h"
#include "xiangjian/core/vocabulary.h"
#include "xiangjian/geometry/ogr_conversion.h"
#include "xiangjian/geometry/polygon_repair.h"

#include <algorithm>

namespace xj::import::detail {

std::string UnitNames::named(const std::string& code) const {
    const auto it = name_by_code.find(code);
    return it == name_by_code.end() ? code : it->second + " (" + code + ")";
}

namespace {

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

} // namespace

/// The source as read, once it is (rethrows what reading it threw).
const SourceData& Linker::source() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_read || m_error; });
    if (!m_read) {
        std::rethrow_exception(m_error);
    }
    return m_data;
}

/// An error of reading the source takes precedence over `current` (the importer read
/// the source first): rethrows the one to report.
void Linker::rethrow_first(std::exception_ptr current) {
    source();
    std::rethrow_exception(current);
}

/// Starts locating; the index, the codes and the stored projects must stay unchanged and
/// alive until the end.
void Linker::link(geometry::VillageIndex& index, const std::unordered_set<std::string>& unit_codes,
                  const UnitNames& names, int metric_epsg) {
    const std::lock_guard lock(m_mutex);
    index.measure_in(metric_epsg);
    m_index = &index;
    m_unit_codes = &unit_codes;
    m_names = &names;
    m_changed.notify_all();
}

/// The ids of the source's projects, after source().
std::vector<std::string> Linker::ids() const {
    std::vector<std::string> ids;
    ids.reserve(m_position.size());
    for (const auto& [id, position] : m_position) {
        ids.push_back(id);
    }
    return ids;
}

/// Project k (in order of first appearance), once all its rows are assembled, and how
/// many rows are by then. Rethrows the error of the first bad row.
std::pair<Incoming*, std::size_t> Linker::take(std::size_t k) {
    assemble_through(m_incoming[k].last_row);
    return {&m_incoming[k], m_assembled.load(std::memory_order_acquire)};
}

/// Every row assembled (rows of no project too: an empty id is an error wherever it is).
void Linker::check_every_row() {
    if (!m_located.empty()) {
        assemble_through(m_located.size() - 1);
    }
}

/// A write failed: a bad row anywhere in the file takes precedence (the importer checked
/// every row before it wrote), so assemble the rest and rethrow the one to report.
void Linker::rethrow_first_of_write(std::exception_ptr write_error) {
    check_every_row();
    throw_errors();
    std::rethrow_exception(write_error);
}

bool Linker::has_errors() {
    return m_any_error.load(std::memory_order_acquire);
}

void Linker::throw_errors() {
    const std::lock_guard lock(m_assembly);
    m_errors.throw_if_any();
}

/// Repairs and what matched nothing, in the order of the rows; after every take.
void Linker::finish(ImportReport& report) {
    m_thread.join();
    report.repairs = std::move(m_repairs);
    report.unmatched = std::move(m_unmatched);
    report.warnings.insert(report.warnings.end(), m_warnings.begin(), m_warnings.end());
    const auto label = [](core::ProjectType type) {
        return language() == Language::zh ? std::string{core::label_zh(type)}
                                          : std::string{core::code(type)};
    };
    if (!m_type_words.empty()) {
        std::string read;
        for (const auto& [words, type] : m_type_words) {
            read += (read.empty() ? std::string{} : text("、", ", ")) + words + " → " + label(type);
        }
        report.notes.push_back(text("项目类型由表中文字推断：", "project types read from words: ") +
                               read);
    }
    if (!m_types_from_names.empty()) {
        std::string counts;
        for (const auto& [type, count] : m_types_from_names) {
            counts += (counts.empty() ? std::string{} : text("、", ", ")) + label(type) + " " +
                      std::to_string(count);
        }
        report.notes.push_back(text("没有项目类型列：新项目的类型按项目名称推断（",
                                    "no project type column: the types "
                                    "of new projects guessed from their "
                                    "names (") +
                               counts +
                               text("），请核对，或用 --type-field 指明类型列",
                                    "); check them, or name the "
                                    "type column with --type-field"));
    }
}

/// Rows up to `last` located (helping the worker, or waiting for it) and assembled.
void Linker::assemble_through(std::size_t last) {
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

void Linker::run(const std::stop_token& stop) {
    try {
        SourceOptions source = m_options.source;
        source.keep_row_errors = true; // reported with the rows' other errors
        m_data = read_vector_source(m_path, source);
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
void Linker::assemble_located(std::size_t limit) {
    for (std::size_t done = 0; done < limit && m_bad_row == no_row; ++done) {
        const std::size_t row = m_assembled.load(std::memory_order_relaxed);
        if (row == m_located.size() || !m_located[row].done.load(std::memory_order_acquire)) {
            return;
        }
        try {
            assemble(row);
        } catch (const InputError& error) {
            m_errors.add(error); // and on: every bad row is reported at once
            m_any_error.store(true, std::memory_order_release);
        } catch (...) {
            m_bad_row = row;
            m_bad_row_error = std::current_exception();
            return;
        }
        m_assembled.store(row + 1, std::memory_order_release);
    }
}

geometry::VillageIndex::Query& Linker::main_query() {
    if (!m_main_query) {
        m_main_query.emplace(*m_index);
    }
    return *m_main_query;
}

/// Locates the next row no thread has taken; false when there is none.
bool Linker::locate_next(geometry::VillageIndex::Query& query) {
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
void Linker::group() {
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
void Linker::locate(SourceFeature& feature, Located& out,
                    geometry::VillageIndex::Query& query) const {
    const SourceData& data = m_data;
    if (feature.error) {
        throw *feature.error; // its coordinates, reported after its attributes
    }
    // Linked to villages by code when the row gives one (or a village name that names one),
    // else where the site lies; a point is placed either way, to check the code against it.
    out.code = core::admin_code::padded(cell(feature, m_columns.village));
    if (const std::string name = cell(feature, m_columns.village_name);
        out.code.empty() && !name.empty()) {
        const std::string township = core::admin_code::padded(cell(feature, m_columns.township));
        const std::string township_name = cell(feature, m_columns.township_name);
        std::vector<std::string> found;
        if (const auto it = m_names->codes_by_name.find(name); it != m_names->codes_by_name.end()) {
            for (const std::string& code : it->second) {
                const std::string parent = core::admin_code::parent_of(code);
                const auto parent_name = m_names->name_by_code.find(parent);
                if ((township.empty() || parent == township) &&
                    (township_name.empty() || (parent_name != m_names->name_by_code.end() &&
                                               parent_name->second == township_name))) {
                    found.push_back(code);
                }
            }
        }
        if (found.size() == 1) {
            out.code = found.front();
        } else {
            out.name_problem =
                found.empty()
                    ? text("村名“", "village name '") + name +
                          text("”不是本项目库的行政村", "' names no village of the project")
                    : text("村名“", "village name '") + name +
                          text("”对应多个行政村（请给出乡镇或行政村代码）",
                               "' names several villages (give the township or the "
                               "village code)");
        }
    }
    out.code_known = !out.code.empty() && m_unit_codes->count(out.code) != 0;
    if (!feature.geometry) {
        return; // a row of attributes only: linked by its code or village name, if any
    }
    const std::string id = cell(feature, m_columns.id);
    out.kind = site_kind(*feature.geometry);
    if (out.kind.empty()) {
        throw InputError(
            data.cite(feature) + " (" + id + text(")：是 ", "): a ") +
                feature.geometry->getGeometryName() +
                text("；点位只能是点、线或面", "; a site is a point, a line or a polygon"),
            data.place(feature));
    }
    if (feature.geometry->IsEmpty()) {
        throw InputError(data.cite(feature) + " (" + id + text(")：几何为空", "): empty geometry"),
                         data.place(feature));
    }
    out.geometry = std::move(feature.geometry);
    if (out.kind == "polygon") {
        geometry::RepairedPolygon repaired = geometry::checked_multipolygon(*out.geometry);
        out.repair = repaired.repair;
        out.geometry = std::move(repaired.geometry);
    }
    if (out.kind == "point") {
        const OGRPoint* point = out.geometry->toPoint();
        out.village = query.containing(point->getX(), point->getY());
    } else if (!out.code_known) {
        out.shares = out.kind == "line" ? query.along(*out.geometry) : query.under(*out.geometry);
    }
}

/// A located row into its project, in the order of the file.
void Linker::assemble(std::size_t row) {
    const SourceData& data = m_data;
    const SourceFeature& feature = data.features[row];
    Located& located = m_located[row];
    const std::string id = cell(feature, m_columns.id);
    if (id.empty()) {
        throw InputError(data.cite(feature) + text("：项目编号为空", ": the project id is empty"),
                         data.place(feature));
    }
    Incoming& target = m_incoming[m_position.at(id)];
    if (target.project.id.empty()) { // its first row
        const auto stored = m_stored.find(id);
        std::optional<TypeGuess> guess;
        std::string converted;
        target.project = merged_project(data, feature, m_columns,
                                        stored == m_stored.end() ? nullptr : &stored->second,
                                        &guess, &converted);
        if (!converted.empty()) {
            m_warnings.push_back(
                data.cite(feature) + " (" + id + text(")：计划工程量 ", "): planned quantity ") +
                converted +
                text("；进度和节点的完成量也请按 ", "; give its progress and milestones in ") +
                target.project.unit + text(" 填报", " too"));
        }
        if (guess && guess->from_name) {
            ++m_types_from_names[guess->type];
        } else if (guess) {
            m_type_words.emplace(guess->from, guess->type);
        }
        if (const std::string& unit = target.project.unit;
            !unit.empty() && !core::canonical_unit(unit)) {
            m_warnings.push_back(data.cite(feature) + " (" + id + text(")：单位“", "): unit '") +
                                 unit +
                                 text("”不认识，原样保留，不与其他单位相加（认识的单位：",
                                      "' is not one Xiangjian knows; kept as written, and not "
                                      "added to others (known: ") +
                                 core::canonical_units_list() + text("）", ")"));
        }
        target.township = cell(feature, m_columns.township);
        target.township_name = cell(feature, m_columns.township_name);
    }
    if (located.error) {
        std::rethrow_exception(located.error);
    }
    if (located.geometry) {
        add_site(row, located, target, id);
    } else if (located.code_known) { // a row without a site, naming its village
        const bool linked =
            std::any_of(target.links.begin(), target.links.end(),
                        [&](const auto& link) { return link.village_code == located.code; });
        if (!linked) {
            target.links.push_back({id, located.code, "code", std::nullopt, std::nullopt});
        }
    } else if (!located.code.empty() || !located.name_problem.empty()) {
        m_unmatched.push_back(data.cite(feature) + " (" + id + ")" + text("：", ": ") +
                              (located.name_problem.empty()
                                   ? text("村代码 ", "village code ") + located.code +
                                         text(" 不是本项目库的行政村", " is not in the project")
                                   : located.name_problem));
    }
    if (target.last_row == row) {
        complete(target);
    }
}

/// A located site into its project, with its links and what the report says of it.
void Linker::add_site(std::size_t row, Located& located, Incoming& target, const std::string& id) {
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
    const std::string cited = data.cite(feature) + " (" + id + ")";
    if (!located.name_problem.empty()) {
        m_unmatched.push_back(cited + text("：", ": ") + located.name_problem +
                              text("；按点位所在位置关联", "; linked where the site lies"));
    }
    if (located.code_known) {
        add_link(located.code, "code", std::nullopt, std::nullopt);
        if (kind == "point" && located.village && *located.village != located.code) {
            m_warnings.push_back(
                cited + text("：村代码 ", ": village code ") + m_names->named(located.code) +
                text(" 与点位不符：点位在 ", " contradicts the site: the point lies in ") +
                m_names->named(*located.village) +
                text("；按村代码关联，请核对", "; linked by the code, check which is right"));
        }
    } else {
        if (!located.code.empty()) {
            m_unmatched.push_back(
                cited + text("：村代码 ", ": village code ") + located.code +
                text(" 不是本项目库的行政村；改按点位所在位置关联",
                     " is not in the project; linked where the site lies instead") +
                (kind == "point" && located.village
                     ? text("（", " (") + m_names->named(*located.village) + text("）", ")")
                     : std::string{}));
        }
        if (kind == "point") {
            if (located.village) {
                add_link(*located.village, "point", std::nullopt, std::nullopt);
            } else {
                m_unmatched.push_back(cited + text("：不在任何行政村内", ": in no village"));
            }
        } else {
            for (const auto& share : located.shares) {
                add_link(share.code, kind,
                         kind == "line" ? std::optional<double>(share.measure) : std::nullopt,
                         kind == "polygon" ? std::optional<double>(share.measure) : std::nullopt);
            }
            if (located.shares.empty()) {
                m_unmatched.push_back(cited + text("：不在任何行政村内", ": in no village"));
            }
        }
    }
    target.sites.push_back({id, std::move(site_name), geometry::from_ogr(*located.geometry)});
    located.geometry.reset();
    located.shares = {};
}

/// A project whose rows are all assembled: its township and village follow from its links
/// when the file gives none.
void Linker::complete(Incoming& in) {
    core::Project& project = in.project;
    if (project.village_code.empty() && in.links.size() == 1) {
        project.village_code = in.links.front().village_code;
    }
    if (project.township_code.empty() && !in.links.empty()) {
        project.township_code = core::admin_code::parent_of(in.links.front().village_code);
    }
    if (!in.township.empty()) {
        project.township_code = core::admin_code::padded(in.township);
    } else if (!in.township_name.empty()) {
        if (const auto it = m_names->codes_by_name.find(in.township_name);
            it != m_names->codes_by_name.end()) {
            for (const std::string& code : it->second) {
                if (core::admin_code::level_of(code) == core::AdminLevel::township) {
                    project.township_code = code;
                }
            }
        }
        if (project.township_code.empty()) {
            m_unmatched.push_back(
                project.id + text("：乡镇“", ": township '") + in.township_name +
                text("”不是本项目库的乡镇", "' is not a township of the project"));
        }
    }
    for (std::string* code : {&project.township_code, &project.village_code}) {
        if (!code->empty() && m_unit_codes->count(*code) == 0) {
            *code = ""; // the foreign key would refuse it; already reported as unmatched
        }
    }
}

} // namespace xj::import::detail
