#pragma once

// The map cache: a project's layers as a map keeps them in memory (flat arrays of whole 1e-7
// degrees, MapLayers), written to a file the first time they are read and mapped back on the
// next openings instead of read again from the project and decoded from WKB. The file is
// the arrays themselves: nothing is copied or decoded when it is mapped, and its pages come
// from the system's file cache rather than from fresh memory of the process.
//
// A cache file belongs to one version of one project's map (ProjectStore::map_version(): for a
// GeoPackage of schema 8, a token its triggers draw anew at every change to a unit or a site;
// for an older one, the file's identity, size, time and SQLite's count of its changes). Any
// other version, or a file that is not whole, is not used: the layers are read from the project
// again and the file written anew.

#include "xiangjian/render/map_layers.h"

#include <filesystem>
#include <optional>
#include <string>

namespace xj::render::map_cache {

/// The folder of the cache files: $XIANGJIAN_MAP_CACHE when set (empty or "off": no cache),
/// else $XDG_CACHE_HOME/xiangjian/maps, else $HOME/.cache/xiangjian/maps. Empty for none.
std::filesystem::path folder();

/// The cache file of the project at `location` (as ProjectStore::location() gives it); empty
/// when there is no cache folder.
std::filesystem::path file_for(const std::string& location);

/// The layers kept in `file` when it was written for `version` and is whole; nullopt when there
/// is no such file, it was written for another version, or it is damaged or cut short.
std::optional<MapLayers> load(const std::filesystem::path& file, const std::string& version);

/// Writes `layers`, read from the project at `version`, to `file`: to a temporary name, then
/// renamed, so that no reader ever maps half a file. Keeps the folder to its 16 most recent
/// files. Returns false when it could not write (the cache is an aid: a map is drawn without
/// it, only later).
bool save(const std::filesystem::path& file, const std::string& version, const MapLayers& layers);

/// Points the flat layers of `layers`, just saved to `file` for `version`, at the file's mapped
/// arrays instead of their own, which are freed; the units' and sites' attributes stay as they
/// are. Returns false, `layers` unchanged, when the file is not what was saved.
bool map_saved(const std::filesystem::path& file, const std::string& version, MapLayers& layers);

} // namespace xj::render::map_cache
