#pragma once

// The projects of a source, located among the villages: the source read and each row's site
// checked and joined to its villages on a second core, rows assembled into projects in the
// order of the file. Part of `import projects` (project_import.cpp).

#include "project_rows.h"
#include "xiangjian/core/input_errors.h"
#include "xiangjian/geometry/village_index.h"
#include "xiangjian/import/import_report.h"
#include "xiangjian/store/project_store.h"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace xj::import::detail {

/// A project as the file gives it: attributes, sites and the villages they are linked to.
struct Incoming {
    core::Project project; ///< with township and village codes once complete
    std::vector<store::ProjectSite> sites;
    std::vector<core::ProjectVillage> links;
    std::string township;      ///< the township code column of its first row
    std::string township_name; ///< the township name column of its first row
    std::size_t last_row = 0;  ///< index of its last row in the source
};

/// The project's units by name and code, for files that name villages and townships rather
/// than give their codes, and for messages that name them.
struct UnitNames {
    std::unordered_map<std::string, std::vector<std::string>> codes_by_name;
    std::unordered_map<std::string, std::string> name_by_code;
    /// "云梦村 (410326100201)", or the code alone when the project has no such unit.
    std::string named(const std::string& code) const;
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
    const SourceData& source();

    /// An error of reading the source takes precedence over `current` (the importer read
    /// the source first): rethrows the one to report.
    [[noreturn]] void rethrow_first(std::exception_ptr current);

    /// Starts locating; the index, the codes and the stored projects must stay unchanged and
    /// alive until the end.
    void link(geometry::VillageIndex& index, const std::unordered_set<std::string>& unit_codes,
              const UnitNames& names, int metric_epsg);

    /// The columns found, after source().
    const Columns& columns() const { return m_columns; }

    std::size_t projects() const { return m_incoming.size(); } ///< after source()

    /// The ids of the source's projects, after source().
    std::vector<std::string> ids() const;

    /// Project k (in order of first appearance), once all its rows are assembled, and how
    /// many rows are by then. Rethrows the error of the first bad row.
    std::pair<Incoming*, std::size_t> take(std::size_t k);

    /// Every row assembled (rows of no project too: an empty id is an error wherever it is).
    void check_every_row();

    /// A write failed: a bad row anywhere in the file takes precedence (the importer checked
    /// every row before it wrote), so assemble the rest and rethrow the one to report.
    [[noreturn]] void rethrow_first_of_write(std::exception_ptr write_error);

    /// Whether a row assembled so far cannot be imported (nothing will be written then).
    bool has_errors();

    /// Every bad row at once, after check_every_row; nothing when there is none.
    void throw_errors();

    /// Repairs and what matched nothing, in the order of the rows; after every take.
    void finish(ImportReport& report);

private:
    static constexpr std::size_t no_row = static_cast<std::size_t>(-1);

    /// Rows up to `last` located (helping the worker, or waiting for it) and assembled.
    void assemble_through(std::size_t last);

    /// Where a row's site lies, found on any thread.
    struct Located {
        std::atomic<bool> done{false};
        std::exception_ptr error; ///< a geometry that cannot be a site
        std::unique_ptr<OGRGeometry> geometry;
        std::string kind;   ///< point, line, polygon
        std::string repair; ///< how its polygon was repaired, if it was
        std::string code;   ///< the village code the row gives (or its village name names)
        bool code_known = false;
        std::string name_problem;           ///< a village name that names no village, or several
        std::optional<std::string> village; ///< of a point
        std::vector<geometry::VillageIndex::Share> shares; ///< of a line or polygon
    };

    void run(const std::stop_token& stop);

    /// Assembles the rows located so far, in order (at most `limit`); stops at a bad row.
    /// Under m_assembly.
    void assemble_located(std::size_t limit = no_row);

    geometry::VillageIndex::Query& main_query();

    /// Locates the next row no thread has taken; false when there is none.
    bool locate_next(geometry::VillageIndex::Query& query);

    /// Which rows make each project (a project may have several sites): every project gets
    /// its place, in order of first appearance, before any row is located.
    void group();

    /// The geometry checks of a row and its villages. Errors are the row's, reported when it
    /// is assembled, after those of its attributes.
    void locate(SourceFeature& feature, Located& out, geometry::VillageIndex::Query& query) const;

    /// A located row into its project, in the order of the file.
    void assemble(std::size_t row);

    /// A located site into its project, with its links and what the report says of it.
    void add_site(std::size_t row, Located& located, Incoming& target, const std::string& id);

    /// A project whose rows are all assembled: its township and village follow from its links
    /// when the file gives none.
    void complete(Incoming& in);

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
    std::vector<std::string> m_warnings;
    std::map<std::string, core::ProjectType> m_type_words; ///< type column text read as a type
    std::map<core::ProjectType, std::size_t> m_types_from_names;
    RowErrors m_errors{m_path}; ///< the rows that cannot be imported, as they are assembled
    std::atomic<bool> m_any_error{false}; ///< m_errors is not empty (read without the lock)
    std::size_t m_bad_row = no_row;       ///< a row whose assembly failed other than on its input
    std::exception_ptr m_bad_row_error;
    // The store's thread's alone.
    std::optional<geometry::VillageIndex::Query> m_main_query;
    // Shared, under the mutex.
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_read = false;
    geometry::VillageIndex* m_index = nullptr;
    const std::unordered_set<std::string>* m_unit_codes = nullptr;
    const UnitNames* m_names = nullptr;
    std::size_t m_wanted = no_row; ///< the row the store's thread waits for
    std::exception_ptr m_error;    ///< of reading the source
    std::jthread m_thread;         // last: started once everything it uses exists
};

} // namespace xj::import::detail
