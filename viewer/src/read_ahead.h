#pragma once

// A project's read begun before the window that shows it is built.

#include <future>
#include <memory>

class QString;

namespace xj::render {
struct EngineRead;
struct LayersRead;
} // namespace xj::render

namespace xj::viewer {

/// Both halves of a project's read (render::MapProject::read_whole), each begun on threads of
/// its own: what a program opening a project given on its command line does while Qt builds the
/// window. Either may be missing: that half is read when the project is opened.
struct ReadAhead {
    std::shared_ptr<std::future<render::EngineRead>> engine;
    std::shared_ptr<std::future<render::LayersRead>> layers;
};

/// Begins both halves of the read of the project at `path`. The layers' (the sites read beside
/// the units) is the longer, and the first to be needed: before it began once the window was
/// shown, 0.1-0.15 s after the engine's.
ReadAhead read_ahead(const QString& path);

} // namespace xj::viewer
