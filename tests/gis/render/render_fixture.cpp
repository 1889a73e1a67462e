#include "render_fixture.h"

#include "xiangjian/demo/ruyang_demo.h"
#include "xiangjian/store/portfolio_loader.h"

namespace xj::test {

TempDir* DemoMap::dir = nullptr;
std::string DemoMap::demo_path;
std::unique_ptr<store::ProjectStore> DemoMap::store;
std::unique_ptr<render::MapLayers> DemoMap::layers;
std::unique_ptr<core::Portfolio> DemoMap::portfolio;

void DemoMap::SetUpTestSuite() {
    dir = new TempDir;
    demo_path = dir->file("ruyang.gpkg");
    demo::build_ruyang_demo(demo_path);
    store = xj::store::open_project(demo_path, xj::store::Access::read_only);
    layers = std::make_unique<render::MapLayers>(render::MapLayers::read(*store));
    portfolio = std::make_unique<core::Portfolio>(store::load_portfolio(*store));
}

void DemoMap::TearDownTestSuite() {
    portfolio.reset();
    layers.reset();
    store.reset();
    delete dir;
    dir = nullptr;
}

} // namespace xj::test
