#pragma once

#include <span>
#include <string_view>

namespace xj::gpkg {

/// One step of the project database schema. Steps are applied in order, each in the same
/// transaction as the version bump, so a file is always at exactly one version.
struct Migration {
    int version; ///< the schema version after this step
    std::string_view description;
    std::span<const std::string_view> statements; ///< SQLite statements, one per entry
};

/// Every migration this program knows, oldest first. The last one's version is the schema
/// version this program writes.
std::span<const Migration> schema_migrations();
int current_schema_version();

} // namespace xj::gpkg
