#pragma once

// One column map per table: which field of a domain record each column holds, and how. The
// store's generic insert, upsert and read (GpkgStore::insert_row …) build their SQL from it
// and bind or read each column through it, on prepared statements: one map instead of a
// hand-written reader and writer per entity.

#include "sqlite_access.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/vocabulary.h"
#include "xiangjian/store/geometry.h"

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace xj::gpkg::detail {

template <typename Record> struct Column {
    const char* name;
    std::function<void(Statement&, int parameter, const Record&)> bind;
    std::function<void(const Statement&, int column, Record&)> read;
};

template <typename Record> struct TableMap {
    const char* table;
    std::vector<Column<Record>> columns;
    /// The columns of its UNIQUE key: an upsert replaces the row with the same key.
    std::vector<const char*> key;
    /// ORDER BY of a whole read, and within a project of a read by project.
    const char* order;
    /// The record in words, for an error: "progress report of RY2018-002 on 2018-08-03".
    std::function<std::string(const Record&)> what;
    /// Of a spatial table: the box of a record's geometry, which widens the layer's extent.
    std::function<store::Box(const Record&)> extent = {};
    /// The record's key as text, for a StoreError ("RY2018-002 2018-08-03"); `what` when not
    /// given.
    std::function<std::string(const Record&)> key_of = {};
};

/// The column maps' building blocks, one per kind of field.
namespace columns {

/// Text; an empty string is stored as ''.
template <typename R> Column<R> text(const char* name, std::string R::*field) {
    return {name, [field](Statement& s, int i, const R& r) { s.text(i, r.*field); },
            [field](const Statement& s, int i, R& r) { (r.*field).assign(s.text_view(i)); }};
}

/// Text; an empty string is stored as NULL.
template <typename R> Column<R> nullable_text(const char* name, std::string R::*field) {
    return {name, [field](Statement& s, int i, const R& r) { s.nullable_text(i, r.*field); },
            [field](const Statement& s, int i, R& r) { (r.*field).assign(s.text_view(i)); }};
}

template <typename R> Column<R> real(const char* name, std::optional<double> R::*field) {
    return {name, [field](Statement& s, int i, const R& r) { s.real(i, r.*field); },
            [field](const Statement& s, int i, R& r) { r.*field = s.real(i); }};
}

/// A number that is always there; NULL reads as `fallback`.
template <typename R> Column<R> real(const char* name, double R::*field, double fallback) {
    return {name, [field](Statement& s, int i, const R& r) { s.real(i, r.*field); },
            [field, fallback](const Statement& s, int i, R& r) {
                r.*field = s.real(i).value_or(fallback);
            }};
}

template <typename R> Column<R> integer(const char* name, int R::*field) {
    return {name, [field](Statement& s, int i, const R& r) { s.integer(i, r.*field); },
            [field](const Statement& s, int i, R& r) {
                r.*field = static_cast<int>(s.integer(i).value_or(0));
            }};
}

/// A yes/no as 1/0; NULL reads as `fallback`.
template <typename R> Column<R> flag(const char* name, bool R::*field, bool fallback) {
    return {name, [field](Statement& s, int i, const R& r) { s.integer(i, r.*field ? 1 : 0); },
            [field, fallback](const Statement& s, int i, R& r) {
                r.*field = s.integer(i).value_or(fallback ? 1 : 0) != 0;
            }};
}

template <typename R> Column<R> date(const char* name, std::optional<core::Date> R::*field) {
    return {name, [field](Statement& s, int i, const R& r) { s.date(i, r.*field); },
            [field, name](const Statement& s, int i, R& r) { r.*field = s.date(i, name); }};
}

/// A date that must be there: NULL is an error naming the column.
template <typename R> Column<R> date(const char* name, core::Date R::*field) {
    return {name, [field](Statement& s, int i, const R& r) { s.date(i, r.*field); },
            [field, name](const Statement& s, int i, R& r) {
                const auto value = s.date(i, name);
                if (!value) {
                    throw Error(std::string{"column '"} + name + "' is empty");
                }
                r.*field = *value;
            }};
}

/// A term of the vocabulary (type, stage, category …) by its code.
template <typename R, typename E> Column<R> term(const char* name, E R::*field) {
    return {name, [field](Statement& s, int i, const R& r) { s.text(i, core::code(r.*field)); },
            [field, name](const Statement& s, int i, R& r) {
                const std::string_view value = s.text_view(i);
                const auto parsed = core::parse_term<E>(value);
                if (!parsed) {
                    throw Error(std::string{"unknown "} + name + " '" + std::string{value} + "'");
                }
                r.*field = *parsed;
            }};
}

} // namespace columns

/// The record's key for an error about it.
template <typename Record> std::string key_text(const TableMap<Record>& map, const Record& record) {
    return map.key_of ? map.key_of(record) : map.what(record);
}

/// "a, b, c" of the map's columns.
template <typename Record> std::string column_list(const TableMap<Record>& map) {
    std::string list;
    for (const auto& column : map.columns) {
        list += (list.empty() ? "" : ", ") + std::string{column.name};
    }
    return list;
}

/// Reads a row whose columns are the map's, in its order, from `first`, into `record`.
template <typename Record>
void read_into(const TableMap<Record>& map, const Statement& row, int first, Record& record) {
    for (std::size_t c = 0; c < map.columns.size(); ++c) {
        map.columns[c].read(row, first + static_cast<int>(c), record);
    }
}

/// Binds the record's fields to ?1 … ?n in the map's order.
template <typename Record>
void bind_record(const TableMap<Record>& map, Statement& statement, const Record& record) {
    for (std::size_t c = 0; c < map.columns.size(); ++c) {
        map.columns[c].bind(statement, static_cast<int>(c) + 1, record);
    }
}

/// INSERT INTO table (columns) VALUES (?1 … ?n), with an upsert's conflict clause when
/// `upsert`: the row with the same key gets the other columns.
template <typename Record> std::string insert_sql(const TableMap<Record>& map, bool upsert) {
    std::string sql =
        std::string{"INSERT INTO "} + map.table + " (" + column_list(map) + ") VALUES (";
    for (std::size_t c = 0; c < map.columns.size(); ++c) {
        sql += (c == 0 ? "?" : ", ?") + std::to_string(c + 1);
    }
    sql += ")";
    if (upsert) {
        std::string key, set;
        for (const char* column : map.key) {
            key += (key.empty() ? "" : ", ") + std::string{column};
        }
        for (const auto& column : map.columns) {
            if (std::find_if(map.key.begin(), map.key.end(), [&](const char* k) {
                    return std::string_view{k} == column.name;
                }) == map.key.end()) {
                set += (set.empty() ? "" : ", ") + std::string{column.name} + " = excluded." +
                       column.name;
            }
        }
        sql += " ON CONFLICT (" + key + ") DO UPDATE SET " + set;
    }
    return sql;
}

/// UPDATE table SET (the other columns) WHERE (the key), with the parameters of insert_sql: the
/// upsert of a spatial table, whose R-tree triggers an ON CONFLICT clause would override.
template <typename Record> std::string update_sql(const TableMap<Record>& map) {
    std::string set, where;
    for (std::size_t c = 0; c < map.columns.size(); ++c) {
        const std::string name = map.columns[c].name;
        const std::string assignment = name + " = ?" + std::to_string(c + 1);
        const bool in_key = std::find_if(map.key.begin(), map.key.end(),
                                         [&](const char* k) { return name == k; }) != map.key.end();
        (in_key ? where : set) +=
            ((in_key ? where : set).empty() ? "" : (in_key ? " AND " : ", ")) + assignment;
    }
    return std::string{"UPDATE "} + map.table + " SET " + set + " WHERE " + where;
}

} // namespace xj::gpkg::detail
