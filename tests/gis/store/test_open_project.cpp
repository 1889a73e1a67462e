// open_project: the one way into a project. A GeoPackage path opens as the embedded backend; a
// PostgreSQL URI is refused until that backend exists; a file that is no project is refused
// with the reason, and nothing is created.

#include "test_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/store/open_project.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <optional>

using namespace xj;

namespace {

/// The message of the ProjectFileError `open` throws, and its reason.
std::string error_of(const std::function<void()>& open,
                     std::optional<ProjectFileError::Reason> reason = std::nullopt) {
    try {
        open();
    } catch (const ProjectFileError& error) {
        if (reason) {
            EXPECT_EQ(error.reason(), *reason) << error.what();
        }
        return error.what();
    }
    return "(no error)";
}

} // namespace

TEST(OpenProject, AGeoPackagePathOpensForReadingAndForUpdate) {
    test::TempDir dir;
    const std::string path = dir.file("county.gpkg");
    store::create_project(path).reset();
    const auto reader = store::open_project(path, store::Access::read_only);
    EXPECT_EQ(reader->location(), path);
    EXPECT_EQ(reader->indicator_rules().size(), 10u);
    const auto writer = store::open_project(path, store::Access::update);
    writer->set_setting("as_of", "2018-08-31");
    EXPECT_EQ(writer->setting("as_of"), "2018-08-31");
}

TEST(OpenProject, APostgresqlUriSaysThisBuildHasNoSuchBackend) {
    for (const std::string uri : {"postgresql://planner@localhost/ruyang",
                                  "postgres://localhost/ruyang", "PG:dbname=ruyang"}) {
        const std::string message =
            error_of([&] { store::open_project(uri, store::Access::read_only); },
                     ProjectFileError::Reason::unsupported_backend);
        EXPECT_NE(message.find("此版本没有 PostgreSQL 后端"), std::string::npos) << message;
        EXPECT_NE(message.find(uri), std::string::npos) << message;
        EXPECT_NE(error_of([&] { store::create_project(uri); }).find("此版本没有 PostgreSQL 后端"),
                  std::string::npos);
    }
}

TEST(OpenProject, AMissingFileOrOneThatIsNoProjectIsRefusedAndLeftAsItWas) {
    test::TempDir dir;
    const std::string missing = dir.file("missing.gpkg");
    EXPECT_NE(
        error_of([&] { store::open_project(missing, store::Access::update); }).find("没有这个文件"),
        std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(missing)) << "opening never creates";

    const std::string text = dir.file("notes.gpkg");
    test::write_file(text, "not a project");
    EXPECT_NE(error_of([&] {
                  store::open_project(text, store::Access::read_only);
              }).find("不是 GeoPackage 文件"),
              std::string::npos);
    EXPECT_EQ(std::filesystem::file_size(text), 13u);
}
