#pragma once

// The errors Xiangjian throws. Every one is an xj::Error whose message is meant for the user
// (it names the file, row or record, and the reason, in their words); the subclasses also
// carry what went wrong where as fields, so that a program — a test, the viewer, a second
// backend — need not read the message.

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace xj {

/// Root of every error Xiangjian throws.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

/// Where in a file the user gave something is wrong.
struct InputPlace {
    explicit InputPlace(std::string file_, std::optional<std::size_t> row_ = std::nullopt,
                        std::string column_ = {})
        : file(std::move(file_)), row(row_), column(std::move(column_)) {}

    std::string file;
    /// The row as a spreadsheet user counts it (the header is row 1), or the feature's
    /// position in a vector source (from 1); none when the file as a whole is wrong.
    std::optional<std::size_t> row;
    std::string column; ///< the field or column, as the file names it; empty when none
};

/// Bad input: a file that cannot be read, or a row or feature of it that cannot be used.
class InputError : public Error {
public:
    InputError(const std::string& message, InputPlace place)
        : Error(message), m_place(std::move(place)) {}
    const InputPlace& place() const { return m_place; }
    const std::string& file() const { return m_place.file; }
    std::optional<std::size_t> row() const { return m_place.row; }
    const std::string& column() const { return m_place.column; }

private:
    InputPlace m_place;
};

/// A record the project refused (a constraint, a key it already holds) or could not give: the
/// table and the record's key.
class StoreError : public Error {
public:
    StoreError(const std::string& message, std::string table, std::string key)
        : Error(message), m_table(std::move(table)), m_key(std::move(key)) {}
    const std::string& table() const { return m_table; }
    const std::string& key() const { return m_key; }

private:
    std::string m_table;
    std::string m_key;
};

/// A project that cannot be opened or created as asked.
class ProjectFileError : public Error {
public:
    enum class Reason {
        missing,             ///< no such file
        not_a_geopackage,    ///< GDAL cannot open it as a GeoPackage
        not_a_project,       ///< a GeoPackage, but not a Xiangjian project
        newer,               ///< written by a newer Xiangjian
        older,               ///< an older schema, opened read-only (upgrade it first)
        exists,              ///< creating, but there is one already
        unsupported_backend, ///< a URI of a backend this build does not have
        damaged,             ///< a project, but its contents cannot be read
    };
    ProjectFileError(const std::string& message, std::string location, Reason reason)
        : Error(message), m_location(std::move(location)), m_reason(reason) {}
    const std::string& location() const { return m_location; }
    Reason reason() const { return m_reason; }

private:
    std::string m_location;
    Reason m_reason;
};

/// The field of a data-entry form an entry check refused: what the viewer puts the message
/// next to, and what the command line names as the option.
enum class EntryField {
    project,
    date,
    quantity,
    percent,
    note,
    visitor,
    category,
    description,
    owner,
    deadline,
    problem,
    resolution,
    milestone,
    amount,
};

/// A data entry the engine's entry checks refuse (core/entry_checks.h): the field at fault.
class EntryError : public Error {
public:
    EntryError(const std::string& message, EntryField field) : Error(message), m_field(field) {}
    EntryField field() const { return m_field; }

private:
    EntryField m_field;
};

/// A command-line option or argument with a value it cannot take.
class UsageError : public Error {
public:
    UsageError(const std::string& message, std::string option)
        : Error(message), m_option(std::move(option)) {}
    const std::string& option() const { return m_option; }

private:
    std::string m_option;
};

} // namespace xj
