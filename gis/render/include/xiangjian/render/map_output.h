#pragma once

// Maps written to files: PNG (drawn in parallel bands), PDF and SVG (vector). Each file is
// written under a temporary name beside the target and renamed into place, so a failed render
// never leaves half a file where the last good one was.

#include "xiangjian/render/map_renderer.h"

#include <functional>
#include <string>

namespace xj::render {

enum class MapFormat { png, pdf, svg };
/// From the file's extension (.png, .pdf, .svg, any case); throws xj::Error otherwise.
MapFormat map_format(const std::string& path);

/// Renders the view into `path`. Throws xj::Error naming the file when it cannot be written.
RenderStats write_map(const std::string& path, MapRenderer& renderer, const MapView& view,
                      const ThemeData& theme, const RenderOptions& options);

/// Writes through `write(temporary_path)` and renames the result to `path`; removes the
/// temporary file when `write` throws or returns false.
void write_atomically(const std::string& path,
                      const std::function<bool(const std::string&)>& write);

} // namespace xj::render
