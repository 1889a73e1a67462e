#include "xiangjian/import/unit_import.h"

#include "field_match.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/input_errors.h"
#include "xiangjian/core/language.h"
#include "xiangjian/geometry/coverage_check.h"
#include "xiangjian/geometry/ogr_conversion.h"
#include "xiangjian/geometry/polygon_repair.h"

#include <charconv>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

namespace xj::import {

using detail::cell;
using detail::fields_present;
using detail::find_field;
using detail::fixed;

namespace {

/// A code as offices write it: digits, maybe a number rendered as "410326100201.0", maybe
/// the 6- or 9-digit form of a county or township. Empty when it is none of these.
std::string normalised_code(std::string text) {
    if (const auto dot = text.find('.');
        dot != std::string::npos && text.find_first_not_of('0', dot + 1) == std::string::npos) {
        text.erase(dot);
    }
    text = core::admin_code::padded(text);
    return core::admin_code::is_valid(text) ? text : std::string{};
}

std::optional<long long> count_value(const SourceData& data, const SourceFeature& feature,
                                     int column) {
    std::string text = cell(feature, column);
    if (text.empty()) {
        return std::nullopt;
    }
    if (const auto dot = text.find('.');
        dot != std::string::npos && text.find_first_not_of('0', dot + 1) == std::string::npos) {
        text.erase(dot);
    }
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || value < 0) {
        throw InputError(data.cite(feature) + xj::text("，字段“", ", field '") +
                             data.fields[static_cast<std::size_t>(column)] +
                             xj::text("”：“", "': '") + text +
                             xj::text("”不是个数", "' is not a count"),
                         data.place(feature, data.fields[static_cast<std::size_t>(column)]));
    }
    return value;
}

std::optional<bool> flag_value(const SourceData& data, const SourceFeature& feature, int column) {
    const std::string text = cell(feature, column);
    if (text.empty()) {
        return std::nullopt;
    }
    for (const char* yes : {"1", "是", "Y", "y", "yes", "true", "TRUE", "T", "贫困村"}) {
        if (text == yes) {
            return true;
        }
    }
    for (const char* no : {"0", "否", "N", "n", "no", "false", "FALSE", "F", "非贫困村"}) {
        if (text == no) {
            return false;
        }
    }
    throw InputError(data.cite(feature) + xj::text("，字段“", ", field '") +
                         data.fields[static_cast<std::size_t>(column)] + xj::text("”：“", "': '") +
                         text +
                         xj::text("”不是 是/否（是/否、1/0）", "' is not yes/no (是/否, 1/0)"),
                     data.place(feature, data.fields[static_cast<std::size_t>(column)]));
}

struct Columns {
    int code, name, parent, population, households, poor_households, poor_village;
    std::vector<int> used() const {
        return {code, name, parent, population, households, poor_households, poor_village};
    }
};

Columns find_columns(const SourceData& data, const UnitImportOptions& options) {
    Columns c{};
    c.code = find_field(data, options.code_field,
                        {"code", "区划代码", "行政区划代码", "统计用区划代码", "代码", "XZQDM",
                         "XZQHDM", "CUNDM", "CUN_DM", "村代码", "XZDM", "乡镇代码", "ADCODE", "DM"},
                        "--code-field");
    c.name = find_field(data, options.name_field,
                        {"name", "名称", "区划名称", "行政区划名称", "村名", "村名称", "XZQMC",
                         "CUNMC", "乡镇名称", "XZMC", "MC", "NAME_CN"},
                        "--name-field");
    c.parent =
        find_field(data, options.parent_field,
                   {"parent_code", "parent", "上级代码", "所属乡镇代码", "SJDM"}, "--parent-field");
    c.population =
        find_field(data, {}, {"population", "人口", "总人口", "户籍人口", "RK", "ZRK"}, "");
    c.households = find_field(data, {}, {"households", "户数", "总户数", "HS", "ZHS"}, "");
    c.poor_households = find_field(
        data, {},
        {"poor_households", "贫困户", "贫困户数", "建档立卡贫困户", "建档立卡贫困户数", "PKHS"},
        "");
    c.poor_village = find_field(data, {}, {"poor_village", "贫困村", "是否贫困村", "SFPKC"}, "");
    if (c.code < 0) {
        throw InputError(data.path +
                             xj::text("：找不到代码字段（应为 代码、区划代码、XZQDM、CUNDM、code "
                                      "等之一；或用 --code-field 指明）；",
                                      ": no code field found (expected one of 代码, 区划代码, "
                                      "XZQDM, CUNDM, code …; or name it with --code-field); ") +
                             fields_present(data),
                         InputPlace{data.path});
    }
    if (c.name < 0) {
        throw InputError(data.path +
                             xj::text("：找不到名称字段（应为 名称、村名、XZQMC、name 等之一；"
                                      "或用 --name-field 指明）；",
                                      ": no name field found (expected one of 名称, 村名, XZQMC, "
                                      "name …; or name it with --name-field); ") +
                             fields_present(data),
                         InputPlace{data.path});
    }
    return c;
}

/// A unit from a feature; attributes the file does not carry keep their stored values.
core::AdminUnit unit_from(const SourceData& data, const SourceFeature& feature, const Columns& c,
                          const UnitImportOptions& options, const core::AdminUnit* existing) {
    core::AdminUnit unit = existing != nullptr ? *existing : core::AdminUnit{};
    const std::string raw_code = cell(feature, c.code);
    unit.code = normalised_code(raw_code);
    if (unit.code.empty()) {
        throw InputError(data.cite(feature) + xj::text("，字段“", ", field '") +
                             data.fields[static_cast<std::size_t>(c.code)] +
                             xj::text("”：“", "': '") + raw_code +
                             xj::text("”不是 6、9 或 12 位区划代码",
                                      "' is not a 6-, 9- or 12-digit division code"),
                         data.place(feature, data.fields[static_cast<std::size_t>(c.code)]));
    }
    unit.name = cell(feature, c.name);
    if (unit.name.empty()) {
        throw InputError(data.cite(feature) + xj::text("（代码 ", " (code ") + unit.code +
                             xj::text("）：名称为空", "): the name is empty"),
                         data.place(feature));
    }
    const auto coded_level = core::admin_code::level_of(unit.code);
    if (options.level && coded_level && *options.level != *coded_level) {
        throw InputError(data.cite(feature) + xj::text("：代码 ", ": code ") + unit.code +
                             xj::text(" 是", " is a ") + std::string{core::code(*coded_level)} +
                             xj::text("级代码，不是", " code, not a ") +
                             std::string{core::code(*options.level)},
                         data.place(feature));
    }
    unit.level = options.level.value_or(coded_level.value_or(core::AdminLevel::village));
    const std::string parent = c.parent >= 0 ? normalised_code(cell(feature, c.parent)) : "";
    unit.parent_code = !parent.empty() ? parent : core::admin_code::parent_of(unit.code);
    if (c.population >= 0) {
        unit.population = count_value(data, feature, c.population);
    }
    if (c.households >= 0) {
        unit.households = count_value(data, feature, c.households);
    }
    if (c.poor_households >= 0) {
        unit.poor_households = count_value(data, feature, c.poor_households);
    }
    if (c.poor_village >= 0) {
        unit.poor_village = flag_value(data, feature, c.poor_village).value_or(false);
    }
    return unit;
}

} // namespace

namespace {

/// Validates the boundaries on a second core while the first writes the units, then checks
/// the coverage of the whole: GEOS work and SQLite writes overlap instead of adding up.
class BoundaryChecker {
public:
    BoundaryChecker(SourceData& data, const UnitImportOptions& options,
                    std::vector<std::string> labels)
        : m_data(data), m_options(options), m_labels(std::move(labels)),
          m_results(data.features.size()), m_thread([this](std::stop_token stop) { run(stop); }) {}

    /// The checked boundary of feature i, waiting for it; rethrows what validation threw.
    geometry::RepairedPolygon take(std::size_t i) {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return m_done > i; });
        Result& result = m_results[i];
        if (result.error) {
            std::rethrow_exception(result.error);
        }
        return std::move(result.polygon);
    }

    /// The coverage findings, once every feature has been taken. A failure of the check is
    /// one more finding: the units themselves are fine.
    geometry::CoverageReport findings(std::vector<std::string>& warnings) {
        m_thread.join();
        if (m_coverage_error) {
            try {
                std::rethrow_exception(m_coverage_error);
            } catch (const std::exception& error) {
                warnings.push_back(std::string{"the overlap and gap check failed: "} +
                                   error.what());
            }
        }
        return std::move(m_findings);
    }

private:
    struct Result {
        geometry::RepairedPolygon polygon;
        std::exception_ptr error;
    };

    void run(const std::stop_token& stop) {
        bool failed = false;
        for (std::size_t i = 0; i < m_results.size() && !stop.stop_requested(); ++i) {
            SourceFeature& feature = m_data.features[i];
            Result result;
            try {
                if (!feature.geometry) {
                    throw Error(xj::text("没有几何", "no geometry"));
                }
                result.polygon = geometry::checked_multipolygon(std::move(feature.geometry));
            } catch (...) {
                result.error = std::current_exception();
                failed = true;
            }
            const OGRMultiPolygon* polygon = result.polygon.geometry.get();
            {
                const std::lock_guard lock(m_mutex);
                m_results[i] = std::move(result);
                m_done = i + 1; // after a bad boundary too: every bad one is reported
            }
            m_ready.notify_one();
            if (failed) {
                continue; // nothing will be written: the coverage of the rest is not needed
            }
            // Its segments read now, while its vertices are in cache (the writer may free
            // nothing before findings() has joined this thread).
            if (m_options.check_coverage && !m_coverage_error) {
                try {
                    m_coverage.add(m_labels[i], *polygon);
                } catch (...) {
                    m_coverage_error = std::current_exception();
                }
            }
        }
        // The geometries stay alive: the writer moves them out, but never frees them before
        // findings() has joined this thread (it holds the unit records until then).
        if (m_options.check_coverage && !m_coverage_error && !failed && !stop.stop_requested()) {
            try {
                m_findings =
                    m_coverage.check(m_data.suggested_gk_epsg, m_options.overlap_tolerance_m2);
            } catch (...) {
                m_coverage_error = std::current_exception();
            }
        }
    }

    SourceData& m_data;
    const UnitImportOptions& m_options;
    std::vector<std::string> m_labels;
    std::vector<Result> m_results;
    std::size_t m_done = 0;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    geometry::CoverageCheck m_coverage;
    geometry::CoverageReport m_findings;
    std::exception_ptr m_coverage_error;
    std::jthread m_thread; // last: started once everything it uses exists
};

} // namespace

ImportReport import_units(store::ProjectStore& store, const std::string& path,
                          const UnitImportOptions& options, const ProgressCallback& progress) {
    SourceData data = read_vector_source(path, options.source);
    ImportReport report = detail::report_for(data, options.dry_run);
    const Columns columns = find_columns(data, options);
    // Boundary files carry GIS bookkeeping (OBJECTID, Shape_Area …): named, not warned of.
    if (const std::string unused = detail::unused_columns(data, columns.used()); !unused.empty()) {
        report.notes.push_back(unused);
    }

    std::map<std::string, store::UnitRecord> existing;
    for (auto& record : store.units()) {
        existing.emplace(record.unit.code, std::move(record));
    }

    // Attributes first, in the order of the file, so that the first bad feature is reported.
    std::vector<core::AdminUnit> units;
    units.reserve(data.features.size());
    std::vector<std::string> labels;
    std::map<std::string, std::size_t> seen; // code → ordinal, for duplicates
    RowErrors errors(data.path);
    for (const auto& feature : data.features) {
        errors.check([&] {
            const std::string code = normalised_code(cell(feature, columns.code));
            const auto stored = existing.find(code);
            core::AdminUnit unit =
                unit_from(data, feature, columns, options,
                          stored == existing.end() ? nullptr : &stored->second.unit);
            if (const auto [at, inserted] = seen.emplace(unit.code, feature.ordinal); !inserted) {
                throw InputError(
                    data.cite(feature) + text("：代码 ", ": code ") + unit.code +
                        text(" 重复出现（首次在第 ", " appears again (first at feature ") +
                        std::to_string(at->second) + text(" 个要素）", ")"),
                    data.place(feature));
            }
            labels.push_back(unit.code + " " + unit.name);
            units.push_back(std::move(unit));
        });
    }
    errors.throw_if_any();

    // Declared before the checker so that they outlive its thread, whatever is thrown.
    std::vector<std::unique_ptr<OGRMultiPolygon>> boundaries;
    boundaries.reserve(units.size());
    BoundaryChecker checker(data, options, labels);
    store::Transaction transaction(store);
    for (std::size_t i = 0; i < units.size(); ++i) {
        const core::AdminUnit& unit = units[i];
        geometry::RepairedPolygon polygon;
        try {
            polygon = checker.take(i);
        } catch (const Error& error) {
            errors.add(
                InputError(data.cite(data.features[i]) + " (" + labels[i] + "): " + error.what(),
                           data.place(data.features[i])));
            continue;
        }
        if (!errors.empty()) {
            continue; // nothing is written once a boundary is bad; the rest are still checked
        }
        if (!polygon.repair.empty()) {
            report.repairs.push_back(data.cite(data.features[i]) + " (" + labels[i] +
                                     "): " + polygon.repair);
        }
        const store::Geometry boundary = geometry::from_ogr(*polygon.geometry);
        const auto stored = existing.find(unit.code);
        if (stored == existing.end()) {
            ++report.added;
            store.add_unit(unit, boundary);
        } else if (stored->second.unit == unit && stored->second.boundary &&
                   geometry::same_shape(stored->second.boundary, boundary)) {
            ++report.unchanged;
        } else {
            ++report.updated;
            store.upsert_unit(unit, boundary);
        }
        boundaries.push_back(std::move(polygon.geometry));
        if (progress) {
            progress(i + 1, units.size());
        }
    }
    errors.throw_if_any(); // every bad boundary named; the transaction is rolled back
    // The coverage findings are warnings, not errors: commit while the check finishes.
    if (!options.dry_run) {
        transaction.commit();
    }
    const geometry::CoverageReport findings = checker.findings(report.warnings);

    // Overlaps and gaps are findings, not errors: real boundaries have them.
    for (const auto& overlap : findings.overlaps) {
        report.warnings.push_back(xj::text("重叠 ", "overlap ") + fixed(overlap.area_m2, 1) +
                                  " m²: " + overlap.a + " / " + overlap.b);
    }
    for (const auto& gap : findings.gaps) {
        std::string around;
        for (const auto& name : gap.neighbours) {
            around += (around.empty() ? "" : ", ") + name;
        }
        report.warnings.push_back(xj::text("缝隙 ", "gap ") + fixed(gap.area_m2, 1) +
                                  xj::text(" m²，位于 ", " m² at ") + fixed(gap.lon, 5) + " " +
                                  fixed(gap.lat, 5) + xj::text("，在 ", " between ") + around +
                                  xj::text(" 之间", ""));
    }
    if (!findings.gaps_checked) {
        report.warnings.push_back(
            std::to_string(findings.unmatched_segments) +
            xj::text(" 段边界与相邻单位不共用（边界分别数字化）：已逐对检查重叠，未查缝隙",
                     " boundary segments are not shared by their neighbours (borders digitised "
                     "separately): overlaps were checked pair by pair, gaps were not looked for"));
    }
    if (data.approximate_datum) {
        report.warnings.push_back(
            xj::text("PROJ 没有从 ", "PROJ has no datum transformation from ") + data.source_crs +
            xj::text(
                " 到 CGCS2000 的基准转换：位置是近似的（误差数十米）；如需精确，请用实测的转换参数",
                " to CGCS2000: positions are approximate (tens of metres); use a surveyed "
                "conversion if precision matters"));
    }
    if (data.suggested_gk_epsg != 0) {
        report.notes.push_back(
            xj::text("数据所在的高斯–克吕格带：EPSG:", "Gauss–Krüger zone of the data: EPSG:") +
            std::to_string(data.suggested_gk_epsg) +
            xj::text("（CGCS2000 3 度带，用于计算面积）", " (CGCS2000 3-degree, used for areas)"));
    }
    return report;
}

} // namespace xj::import
