#pragma once

// GpkgStore's generic writes and reads of a table through its column map (table_map.h).
// Included by the .cpp files of the records; not part of the interface.

#include "table_map.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/parallel.h"
#include "xiangjian/gpkg/gpkg_store.h"

#include <cstdint>
#include <limits>
#include <optional>

namespace xj::gpkg {

template <typename Record>
void GpkgStore::write_rows(const detail::TableMap<Record>& map, std::span<const Record> records,
                           bool upsert) {
    if (records.empty()) {
        return;
    }
    WriteScope scope(*this);
    // A spatial table is upserted as UPDATE, then INSERT when no row has the key: an ON
    // CONFLICT clause would override the INSERT OR REPLACE of its R-tree's update trigger.
    const bool spatial = static_cast<bool>(map.extent);
    auto statement = m_sql->prepare(detail::insert_sql(map, upsert && !spatial));
    std::optional<detail::Statement> update;
    if (upsert && spatial) {
        update.emplace(m_sql->prepare(detail::update_sql(map)));
    }
    store::Box extent;
    for (const Record& record : records) {
        const std::string context = "cannot write " + map.what(record) + " to " + map.table;
        try {
            bool updated = false;
            if (update) {
                detail::bind_record(map, *update, record);
                update->run(context);
                update->reset();
                updated = m_sql->changes() > 0;
            }
            if (!updated) {
                detail::bind_record(map, statement, record);
                statement.run(context);
                statement.reset();
            }
        } catch (const StoreError&) {
            throw;
        } catch (const Error& error) {
            throw StoreError(error.what(), map.table, detail::key_text(map, record));
        }
        if (map.extent) {
            extent.expand(map.extent(record));
        }
    }
    changed(map.table, extent);
    rows_written(map.table, records.size());
    scope.done();
}

template <typename Record>
void GpkgStore::delete_row(const detail::TableMap<Record>& map, const Record& record) {
    need_indexes(map.table);
    WriteScope scope(*this);
    std::string where;
    std::vector<const detail::Column<Record>*> keys;
    for (const char* key : map.key) {
        for (const auto& column : map.columns) {
            if (std::string_view{column.name} == key) {
                where += (where.empty() ? "" : " AND ") + std::string{key} + " = ?" +
                         std::to_string(keys.size() + 1);
                keys.push_back(&column);
            }
        }
    }
    auto statement = m_sql->prepare(std::string{"DELETE FROM "} + map.table + " WHERE " + where);
    for (std::size_t k = 0; k < keys.size(); ++k) {
        keys[k]->bind(statement, static_cast<int>(k) + 1, record);
    }
    statement.run("cannot remove " + map.what(record) + " from " + map.table);
    if (m_sql->changes() == 0) {
        throw StoreError(m_path + text("：没有要撤回的记录（", ": there is no ") +
                             map.what(record) + text("）", " to withdraw"),
                         map.table, detail::key_text(map, record));
    }
    changed(map.table);
    scope.done();
}

template <typename Record>
std::vector<Record> GpkgStore::read_rows(const detail::TableMap<Record>& map) const {
    // The rows' places in the map's order come from an index (their fids in that order, a
    // covering index scan), the rows themselves from a pass over the table in the order of its
    // pages, each read into its place: an ORDER BY through the index would look every row up
    // in the table instead (a million reports: 0.9 s against 0.2 s on a warm page cache, 3.4 s
    // against 0.3 s on a cold one). A large table is read on two cores: the places on one
    // while the records are made on the other, then each half of the table on a connection of
    // its own.
    const std::string context = m_path + ": reading " + map.table;
    const std::size_t most = static_cast<std::size_t>(largest_fid(map.table));
    constexpr std::uint32_t absent = std::numeric_limits<std::uint32_t>::max();
    // Not in a transaction: another connection would not see its rows.
    const bool on_two_cores = most >= 200'000 && !m_in_transaction;
    ReadSnapshot snapshot(*this);
    std::vector<std::uint32_t> place(most + 1, absent);
    std::uint32_t rows = 0;
    const auto find_places = [&] {
        auto order =
            m_sql->prepare(std::string{"SELECT fid FROM "} + map.table + " ORDER BY " + map.order);
        while (order.step(context)) {
            const auto fid = order.integer(0).value_or(-1);
            if (fid < 0 || static_cast<std::size_t>(fid) > most) {
                throw Error(context + ": fid " + std::to_string(fid) + " out of range");
            }
            place[static_cast<std::size_t>(fid)] = rows++;
        }
    };
    std::vector<Record> result;
    if (on_two_cores) {
        const std::size_t count = row_count(map.table);
        core::run_in_parallel([&] { result.resize(count); }, find_places);
        if (result.size() != rows) {
            result.resize(rows);
        }
    } else {
        find_places();
        result.resize(rows);
    }
    // The rows of fids [first, last] on one connection; how many found their place.
    constexpr std::size_t prefetch_distance = 8;
    const auto read_range = [&](detail::Connection& sql, long long first, long long last) {
        auto row = sql.prepare("SELECT fid, " + detail::column_list(map) + " FROM " + map.table +
                               " WHERE fid BETWEEN ?1 AND ?2");
        row.integer(1, first).integer(2, last);
        std::size_t placed = 0;
        while (row.step(context)) {
            const auto fid = static_cast<std::size_t>(row.integer(0).value_or(0));
            // The rows come in fid order and land where the map's order puts them, far apart
            // (a project's reports are weeks of other projects' apart in the table): the place
            // a few rows ahead is fetched while this row is read, not when it is written.
            if (const std::size_t ahead = fid + prefetch_distance;
                ahead <= most && place[ahead] != absent) {
                const auto* target = reinterpret_cast<const char*>(&result[place[ahead]]);
                for (std::size_t line = 0; line < sizeof(Record); line += 64) {
                    __builtin_prefetch(target + line, 1);
                }
            }
            if (fid <= most && place[fid] != absent) {
                read_into(map, row, 1, result[place[fid]]);
                ++placed;
            }
        }
        return placed;
    };
    const auto last = static_cast<long long>(most);
    std::size_t placed = 0;
    if (on_two_cores) {
        std::size_t upper = 0;
        detail::Connection& second = reader();
        core::run_in_parallel([&] { upper = read_range(second, last / 2 + 1, last); },
                              [&] { placed = read_range(*m_sql, 0, last / 2); });
        placed += upper;
    }
    if (placed != rows) {
        // Only on one connection, or another program wrote between the two connections' reads:
        // all of it again on the one connection, whose reads see one state of the file.
        placed = read_range(*m_sql, 0, last);
    }
    if (placed != rows) {
        throw Error(context + ": " + std::to_string(rows - placed) +
                    " rows went missing while it was read");
    }
    return result;
}

template <typename Record>
std::vector<Record> GpkgStore::read_rows(const detail::TableMap<Record>& map,
                                         std::span<const std::string> project_ids) const {
    std::vector<Record> result;
    // The project's column comes first: the lookup by project reads column 0.
    for_rows_of_projects(
        project_ids, map.table, ("project_id, " + detail::column_list(map)).c_str(), map.order,
        [&](const detail::Statement& row) { read_into(map, row, 1, result.emplace_back()); });
    return result;
}

template <typename Record>
void GpkgStore::read_into(const detail::TableMap<Record>& map, const detail::Statement& row,
                          int first, Record& record) const {
    try {
        detail::read_into(map, row, first, record);
    } catch (const Error& error) {
        throw StoreError(m_path + ": a row of " + map.table + ": " + error.what(), map.table, {});
    }
}

} // namespace xj::gpkg
