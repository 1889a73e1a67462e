#pragma once

// Prepared statements on the project file's own SQLite connection (the one GDAL opened), for
// the bulk reads and writes of the importers: one statement prepared once and reused for
// 100,000 rows instead of an OGR feature, a layer lookup and a field lookup by name per row.
// Same connection, so the same transaction, triggers (the R-tree of each geometry table) and
// foreign keys.

#include "xiangjian/core/date.h"

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace xj::gpkg::detail {

/// One use of a cached prepared statement: bind, step, read columns. Resets the statement
/// when the use ends, so that it holds no lock and can be used again.
class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* statement) : m_db(db), m_statement(statement) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept
        : m_db(other.m_db), m_statement(std::exchange(other.m_statement, nullptr)) {}
    Statement& operator=(Statement&&) = delete;
    ~Statement();

    // Parameters count from 1, as in SQL. Text and blobs are not copied: they must stay alive
    // until the statement has been stepped (dates, made here, are copied).
    Statement& text(int index, std::string_view value);
    Statement& nullable_text(int index, std::string_view value); ///< NULL when empty
    Statement& real(int index, std::optional<double> value);
    Statement& integer(int index, std::optional<long long> value);
    Statement& date(int index, std::optional<core::Date> value); ///< ISO text, as GDAL writes
    Statement& blob(int index, std::span<const unsigned char> value);
    Statement& copied_blob(int index,
                           std::span<const unsigned char> value); ///< SQLite keeps a copy

    /// Advances to the next row: false when there is none. Throws "context: SQLite's reason".
    bool step(std::string_view context);
    /// Runs a statement that returns no rows.
    void run(std::string_view context);
    /// Ready to be bound and run again.
    void reset();

    // Columns count from 0.
    bool is_null(int column) const;
    std::string text(int column) const;           ///< empty when NULL
    std::string_view text_view(int column) const; ///< the same, valid until the next step
    std::optional<double> real(int column) const;
    std::optional<long long> integer(int column) const;
    std::optional<core::Date> date(int column, const char* name) const;
    std::span<const unsigned char> blob(int column) const; ///< valid until the next step

private:
    sqlite3* m_db;
    sqlite3_stmt* m_statement;
};

/// Lifts SQLite's defensive mode, if the connection has it, while the schema table or an
/// R-tree's shadow tables are written directly; puts it back after.
class DefensiveOff {
public:
    explicit DefensiveOff(sqlite3* db);
    DefensiveOff(const DefensiveOff&) = delete;
    DefensiveOff& operator=(const DefensiveOff&) = delete;
    ~DefensiveOff();

private:
    sqlite3* m_db;
    int m_was = 0;
};

/// The statements of one connection, each prepared on first use.
class Connection {
public:
    /// The statements of a connection someone else owns (GDAL's).
    explicit Connection(sqlite3* db) : m_db(db) {}
    /// A connection of its own, read-only, to the file at `path`; closed with this object.
    static std::unique_ptr<Connection> open_reader(const std::string& path);
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    Statement prepare(const std::string& sql);
    /// Runs statements that return no rows (no parameters).
    void execute(const std::string& sql, std::string_view context);
    /// Rows changed by the last INSERT, UPDATE or DELETE.
    long long changes() const;
    sqlite3* handle() const { return m_db; }

private:
    sqlite3* m_db;
    bool m_owned = false;
    std::map<std::string, sqlite3_stmt*, std::less<>> m_statements;
};

} // namespace xj::gpkg::detail
