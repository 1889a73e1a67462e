#include "sqlite_access.h"

#include "xiangjian/core/error.h"

#include <sqlite3.h>

namespace xj::gpkg::detail {

namespace {

/// A value's text (empty for NULL), valid until the next step.
std::string_view text_of(sqlite3_value* value) {
    const auto* text = sqlite3_value_text(value);
    if (text == nullptr) {
        return {};
    }
    return {reinterpret_cast<const char*>(text),
            static_cast<std::size_t>(sqlite3_value_bytes(value))};
}

} // namespace

Statement::~Statement() {
    if (m_statement != nullptr) {
        reset();
    }
}

void Statement::reset() {
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

Statement& Statement::text(int index, std::string_view value) {
    sqlite3_bind_text(m_statement, index, value.data(), static_cast<int>(value.size()),
                      SQLITE_STATIC);
    return *this;
}

Statement& Statement::nullable_text(int index, std::string_view value) {
    if (value.empty()) {
        sqlite3_bind_null(m_statement, index);
        return *this;
    }
    return text(index, value);
}

Statement& Statement::real(int index, std::optional<double> value) {
    if (value) {
        sqlite3_bind_double(m_statement, index, *value);
    } else {
        sqlite3_bind_null(m_statement, index);
    }
    return *this;
}

Statement& Statement::integer(int index, std::optional<long long> value) {
    if (value) {
        sqlite3_bind_int64(m_statement, index, *value);
    } else {
        sqlite3_bind_null(m_statement, index);
    }
    return *this;
}

Statement& Statement::date(int index, std::optional<core::Date> value) {
    if (value) {
        const std::string iso = value->iso();
        sqlite3_bind_text(m_statement, index, iso.data(), static_cast<int>(iso.size()),
                          SQLITE_TRANSIENT);
        return *this;
    }
    sqlite3_bind_null(m_statement, index);
    return *this;
}

Statement& Statement::blob(int index, std::span<const unsigned char> value) {
    sqlite3_bind_blob(m_statement, index, value.data(), static_cast<int>(value.size()),
                      SQLITE_STATIC);
    return *this;
}

bool Statement::step(std::string_view context) {
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW) {
        return true;
    }
    if (result == SQLITE_DONE) {
        return false;
    }
    throw Error(std::string{context} + ": " + sqlite3_errmsg(m_db));
}

void Statement::run(std::string_view context) {
    while (step(context)) {
    }
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

std::string Statement::text(int column) const {
    return std::string{text_view(column)};
}

// The readers below take a column's value once and read it through sqlite3_value_*: each
// sqlite3_column_* call locks the connection's mutex (GDAL opens it serialized) and checks the
// column again, and reading a row of 14 columns through two or three of them each was a fifth
// of a province's read. The value is SQLite's own, valid until the next step, read on the one
// thread that steps the statement.
std::string_view Statement::text_view(int column) const {
    return text_of(sqlite3_column_value(m_statement, column));
}

Statement& Statement::copied_blob(int index, std::span<const unsigned char> value) {
    sqlite3_bind_blob(m_statement, index, value.data(), static_cast<int>(value.size()),
                      SQLITE_TRANSIENT);
    return *this;
}

std::optional<double> Statement::real(int column) const {
    sqlite3_value* value = sqlite3_column_value(m_statement, column);
    if (sqlite3_value_type(value) == SQLITE_NULL) {
        return std::nullopt;
    }
    return sqlite3_value_double(value);
}

std::optional<long long> Statement::integer(int column) const {
    sqlite3_value* value = sqlite3_column_value(m_statement, column);
    if (sqlite3_value_type(value) == SQLITE_NULL) {
        return std::nullopt;
    }
    return sqlite3_value_int64(value);
}

std::optional<core::Date> Statement::date(int column, const char* name) const {
    sqlite3_value* cell = sqlite3_column_value(m_statement, column);
    if (sqlite3_value_type(cell) == SQLITE_NULL) {
        return std::nullopt;
    }
    const std::string_view value = text_of(cell);
    // GDAL reads a DATE column as its first ten characters, YYYY-MM-DD.
    if (auto parsed = core::Date::parse_iso(value.substr(0, 10))) {
        return parsed;
    }
    throw Error(std::string{"column '"} + name + "' holds '" + std::string{value} +
                "', which is not a date");
}

std::span<const unsigned char> Statement::blob(int column) const {
    sqlite3_value* value = sqlite3_column_value(m_statement, column);
    const void* data = sqlite3_value_blob(value);
    const int size = sqlite3_value_bytes(value);
    if (data == nullptr || size <= 0) {
        return {};
    }
    return {static_cast<const unsigned char*>(data), static_cast<std::size_t>(size)};
}

DefensiveOff::DefensiveOff(sqlite3* db) : m_db(db) {
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, -1, &m_was);
    if (m_was != 0) {
        sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 0, nullptr);
    }
}

DefensiveOff::~DefensiveOff() {
    if (m_was != 0) {
        sqlite3_db_config(m_db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    }
}

std::unique_ptr<Connection> Connection::open_reader(const std::string& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) !=
        SQLITE_OK) {
        std::string reason = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close_v2(db);
        throw Error(path + ": cannot open a second connection to read (" + reason + ")");
    }
    sqlite3_busy_timeout(db, 10000); // as the store's own connection: wait for a commit
    auto connection = std::make_unique<Connection>(db);
    connection->m_owned = true;
    return connection;
}

Connection::~Connection() {
    for (auto& [sql, statement] : m_statements) {
        sqlite3_finalize(statement);
    }
    if (m_owned) {
        sqlite3_close_v2(m_db);
    }
}

Statement Connection::prepare(const std::string& sql) {
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v3(m_db, sql.c_str(), static_cast<int>(sql.size()),
                               SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
            throw Error("cannot prepare '" + sql + "': " + sqlite3_errmsg(m_db));
        }
        found = m_statements.emplace(sql, statement).first;
    }
    return Statement(m_db, found->second);
}

long long Connection::changes() const {
    return sqlite3_changes64(m_db);
}

void Connection::execute(const std::string& sql, std::string_view context) {
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string reason = message != nullptr ? message : sqlite3_errmsg(m_db);
        sqlite3_free(message);
        throw Error(std::string{context} + ": " + reason);
    }
}

} // namespace xj::gpkg::detail
