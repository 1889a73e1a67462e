#include "render_fixture.h"

#include "xiangjian/demo/ruyang_demo.h"
#include "xiangjian/gis/portfolio_loader.h"

namespace xj::test {

TempDir* DemoMap::dir = nullptr;
std::string DemoMap::demo_path;
std::unique_ptr<gis::GpkgStore> DemoMap::store;
std::unique_ptr<gis::MapLayers> DemoMap::layers;
std::unique_ptr<core::Portfolio> DemoMap::portfolio;

void DemoMap::SetUpTestSuite() {
    dir = new TempDir;
    demo_path = dir->file("ruyang.gpkg");
    demo::build_ruyang_demo(demo_path);
    store = gis::GpkgStore::open(demo_path, gis::GpkgStore::Access::read_only);
    layers = std::make_unique<gis::MapLayers>(gis::MapLayers::read(*store));
    portfolio = std::make_unique<core::Portfolio>(gis::load_portfolio(*store));
}

void DemoMap::TearDownTestSuite() {
    portfolio.reset();
    layers.reset();
    store.reset();
    delete dir;
    dir = nullptr;
}

} // namespace xj::test
