#pragma once

// The demo county, built once for the render tests, with its layers and engine loaded.

#include "test_support.h"
#include "xiangjian/core/portfolio.h"
#include "xiangjian/render/map_layers.h"
#include "xiangjian/store/open_project.h"

#include <gtest/gtest.h>
#include <memory>

namespace xj::test {

class DemoMap : public testing::Test {
protected:
    static void SetUpTestSuite();
    static void TearDownTestSuite();

    static TempDir* dir;
    static std::string demo_path;
    static std::unique_ptr<store::ProjectStore> store;
    static std::unique_ptr<render::MapLayers> layers;
    static std::unique_ptr<core::Portfolio> portfolio;
};

} // namespace xj::test
