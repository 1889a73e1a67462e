#pragma once

#include <span>
#include <string>
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

/// The map's version (schema 8): xj_meta's `map_version`, drawn anew by the triggers named
/// with this prefix on every change to the units and sites, with this statement.
inline constexpr const char* map_version_trigger_prefix = "xj_map_version_";
inline constexpr const char* map_version_update =
    "UPDATE xj_meta SET value = lower(hex(randomblob(8))) WHERE key = 'map_version'";
/// Those triggers, one for each change (insert, update, delete) of each table a map reads.
struct MapVersionTrigger {
    std::string name, table, change;
};
std::span<const MapVersionTrigger> map_version_triggers();

} // namespace xj::gpkg
