#include "read_ahead.h"

#include "xiangjian/render/map_project.h"

#include <QString>

namespace xj::viewer {

ReadAhead read_ahead(const QString& path) {
    ReadAhead ahead;
    ahead.engine = std::make_shared<std::future<render::EngineRead>>(
        std::async(std::launch::async,
                   [path = path.toStdString()] { return render::MapProject::read_engine(path); }));
    ahead.layers = std::make_shared<std::future<render::LayersRead>>(
        std::async(std::launch::async,
                   [path = path.toStdString()] { return render::MapProject::read_layers(path); }));
    return ahead;
}

} // namespace xj::viewer
