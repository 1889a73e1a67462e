// The map cache: layers written on a first read are mapped back on the next, equal to what the
// project holds; a project changed by any program, or a damaged file, is read again.

#include "render_fixture.h"
#include "xiangjian/render/map_cache.h"
#include "xiangjian/store/open_project.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gdal_priv.h>

using namespace xj;
namespace fs = std::filesystem;

namespace {

void expect_same_layer(const render::FlatLayer& a, const render::FlatLayer& b, const char* name) {
    SCOPED_TRACE(name);
    ASSERT_EQ(a.size(), b.size());
    ASSERT_EQ(a.all_parts().size(), b.all_parts().size());
    ASSERT_EQ(a.point_count(), b.point_count());
    EXPECT_EQ(a.extent(), b.extent());
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a.shape(i).first_part, b.shape(i).first_part);
        EXPECT_EQ(a.shape(i).parts, b.shape(i).parts);
        EXPECT_EQ(a.shape(i).box, b.shape(i).box);
    }
    for (std::size_t i = 0; i < a.all_parts().size(); ++i) {
        EXPECT_EQ(a.all_parts()[i].first_point, b.all_parts()[i].first_point);
        EXPECT_EQ(a.all_parts()[i].points, b.all_parts()[i].points);
    }
    EXPECT_TRUE(std::equal(a.all_coordinates().begin(), a.all_coordinates().end(),
                           b.all_coordinates().begin(), b.all_coordinates().end()));
    // The grid index answers alike.
    std::vector<std::uint32_t> found_a, found_b;
    a.query(a.extent(), found_a);
    b.query(b.extent(), found_b);
    EXPECT_EQ(found_a, found_b);
}

void expect_same_layers(const render::MapLayers& a, const render::MapLayers& b) {
    expect_same_layer(a.counties, b.counties, "counties");
    expect_same_layer(a.townships, b.townships, "townships");
    expect_same_layer(a.villages, b.villages, "villages");
    expect_same_layer(a.points, b.points, "points");
    expect_same_layer(a.lines, b.lines, "lines");
    expect_same_layer(a.polygons, b.polygons, "polygons");
    for (const auto level :
         {core::AdminLevel::county, core::AdminLevel::township, core::AdminLevel::village}) {
        const auto& units_a = a.unit_attributes(level);
        const auto& units_b = b.unit_attributes(level);
        ASSERT_EQ(units_a.size(), units_b.size());
        for (std::size_t i = 0; i < units_a.size(); ++i) {
            EXPECT_EQ(units_a[i].code, units_b[i].code);
            EXPECT_EQ(units_a[i].name, units_b[i].name);
            EXPECT_EQ(units_a[i].parent_code, units_b[i].parent_code);
        }
    }
    for (const auto sites : {&render::MapLayers::point_sites, &render::MapLayers::line_sites,
                             &render::MapLayers::polygon_sites}) {
        ASSERT_EQ((a.*sites).size(), (b.*sites).size());
        for (std::size_t i = 0; i < (a.*sites).size(); ++i) {
            EXPECT_EQ((a.*sites)[i].project_id, (b.*sites)[i].project_id);
            EXPECT_EQ((a.*sites)[i].site_name, (b.*sites)[i].site_name);
        }
    }
}

/// Runs `sql` on the GeoPackage with GDAL, as another program editing the file would.
void edit_with_gdal(const std::string& path, const std::string& sql) {
    GDALAllRegister();
    const char* const drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                                   drivers, nullptr, nullptr));
    ASSERT_TRUE(dataset);
    OGRLayer* result = dataset->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result != nullptr) {
        dataset->ReleaseResultSet(result);
    }
}

render::MapLayers read_layers(const std::string& path) {
    const auto store = store::open_project(path, store::Access::read_only);
    return render::MapLayers::read(*store);
}

class MapCache : public xj::test::DemoMap {
protected:
    void SetUp() override {
        folder = work.file("maps");
        setenv("XIANGJIAN_MAP_CACHE", folder.c_str(), 1);
        project = work.file("ruyang.gpkg");
        fs::copy_file(demo_path, project);
    }
    void TearDown() override { unsetenv("XIANGJIAN_MAP_CACHE"); }

    xj::test::TempDir work;
    std::string folder, project;
};

} // namespace

TEST_F(MapCache, ASecondReadMapsTheLayersTheFirstWrote) {
    const render::MapLayers first = read_layers(project);
    EXPECT_FALSE(first.from_cache);
    const fs::path file = render::map_cache::file_for(project);
    EXPECT_EQ(file.parent_path(), fs::path(folder));
    ASSERT_TRUE(fs::exists(file));

    const render::MapLayers second = read_layers(project);
    EXPECT_TRUE(second.from_cache);
    expect_same_layers(first, second);
    // And both are what the project holds, read without the cache.
    const auto opened = store::open_project(project, store::Access::read_only);
    expect_same_layers(render::MapLayers::read_store(*opened), second);
    EXPECT_GT(second.villages.size(), 0U);
    EXPECT_GT(second.points.size() + second.lines.size() + second.polygons.size(), 0U);

    // A copy keeps its arrays valid after the original is gone.
    std::unique_ptr<render::MapLayers> original =
        std::make_unique<render::MapLayers>(read_layers(project));
    const render::MapLayers copy = *original;
    original.reset();
    expect_same_layers(first, copy);
}

TEST_F(MapCache, LayersMappedFromTheFileTheyWroteOutliveItsRemoval) {
    // A first read maps its layers from the file it has just written (its decoded arrays go
    // back to the allocator): they must stay whole when the user empties the cache folder, or
    // another program's reading replaces the file, while a window shows them.
    const render::MapLayers first = read_layers(project);
    const fs::path file = render::map_cache::file_for(project);
    ASSERT_TRUE(fs::exists(file));
    fs::remove(file);
    const auto opened = store::open_project(project, store::Access::read_only);
    expect_same_layers(render::MapLayers::read_store(*opened), first);

    const render::MapLayers second = read_layers(project); // writes the file anew
    ASSERT_TRUE(fs::exists(file));
    const render::MapLayers third = read_layers(project); // maps it
    EXPECT_TRUE(third.from_cache);
    expect_same_layers(second, third);
    expect_same_layers(render::MapLayers::read_store(*opened), first);
}

TEST_F(MapCache, AProjectChangedByAnotherProgramIsReadAgain) {
    const render::MapLayers before = read_layers(project);
    ASSERT_FALSE(before.village_units.empty());
    const render::MapUnit village = before.village_units.front();
    edit_with_gdal(project,
                   "UPDATE admin_units SET name = '改过的村' WHERE code = '" + village.code + "'");

    const render::MapLayers after = read_layers(project);
    EXPECT_FALSE(after.from_cache);
    ASSERT_EQ(after.village_units.size(), before.village_units.size());
    EXPECT_EQ(after.village_units.front().code, village.code);
    EXPECT_EQ(after.village_units.front().name, "改过的村");

    // The cache now holds the new version.
    const render::MapLayers again = read_layers(project);
    EXPECT_TRUE(again.from_cache);
    EXPECT_EQ(again.village_units.front().name, "改过的村");
}

TEST_F(MapCache, ADamagedFileIsNotUsedAndIsWrittenAnew) {
    read_layers(project); // writes the cache
    // What to compare with: read apart, as the layers just read map the file damaged below.
    const render::MapLayers whole =
        render::MapLayers::read_store(*store::open_project(project, store::Access::read_only));
    const fs::path file = render::map_cache::file_for(project);
    const auto size = fs::file_size(file);

    fs::resize_file(file, size / 2); // cut short
    render::MapLayers read = read_layers(project);
    EXPECT_FALSE(read.from_cache);
    expect_same_layers(whole, read);
    EXPECT_EQ(fs::file_size(file), size);

    { // the same size, but not what was written: the version text and everything after it
        std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
        bytes.seekp(440);
        const std::string noise(size - 440, '\x5a');
        bytes.write(noise.data(), static_cast<std::streamsize>(noise.size()));
    }
    read = read_layers(project);
    EXPECT_FALSE(read.from_cache);
    expect_same_layers(whole, read);

    { // whole, of this version, but a part that points past the coordinates
        ASSERT_TRUE(read_layers(project).from_cache);
        const render::FlatLayer::Part last = whole.villages.all_parts().back();
        std::string bytes(size, '\0');
        std::ifstream(file, std::ios::binary)
            .read(bytes.data(), static_cast<std::streamsize>(size));
        const std::string pattern(reinterpret_cast<const char*>(&last), sizeof last);
        const auto at = bytes.rfind(pattern);
        ASSERT_NE(at, std::string::npos);
        const std::uint32_t beyond = 0xFFFFFFF0U;
        std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
        out.seekp(static_cast<std::streamoff>(at));
        out.write(reinterpret_cast<const char*>(&beyond), sizeof beyond);
    }
    read = read_layers(project);
    EXPECT_FALSE(read.from_cache);
    expect_same_layers(whole, read);

    { // not a cache file at all
        std::ofstream bytes(file, std::ios::binary | std::ios::trunc);
        bytes << "not a map";
    }
    read = read_layers(project);
    EXPECT_FALSE(read.from_cache);
    expect_same_layers(whole, read);
    EXPECT_TRUE(read_layers(project).from_cache);
}

TEST_F(MapCache, TurnedOffNothingIsWritten) {
    setenv("XIANGJIAN_MAP_CACHE", "off", 1);
    EXPECT_TRUE(render::map_cache::folder().empty());
    EXPECT_FALSE(read_layers(project).from_cache);
    EXPECT_FALSE(read_layers(project).from_cache);
    EXPECT_FALSE(fs::exists(folder));
}

TEST_F(MapCache, TheMapsVersionChangesWithTheUnitsAndSitesOnly) {
    const auto version = [&] {
        return store::open_project(project, store::Access::read_only)->map_version();
    };
    const auto first = version();
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(version(), first); // reading changes nothing
    EXPECT_FALSE(read_layers(project).from_cache);
    EXPECT_TRUE(read_layers(project).from_cache);

    // What the tracking tables hold is not the map's: the cache stays valid.
    edit_with_gdal(project, "UPDATE projects SET name = name || '（续）' WHERE fid = 1");
    EXPECT_EQ(version(), first);
    EXPECT_TRUE(read_layers(project).from_cache);

    // A site written again is (even unchanged: the triggers do not look).
    edit_with_gdal(project, "UPDATE project_points SET project_id = project_id "
                            "WHERE fid = (SELECT min(fid) FROM project_points)");
    const auto second = version();
    ASSERT_TRUE(second.has_value());
    EXPECT_NE(second, first);
    EXPECT_FALSE(read_layers(project).from_cache);

    // Without all of its triggers (a table made again by another program) the version is the
    // whole file's, which any write changes.
    edit_with_gdal(project, "DROP TRIGGER xj_map_version_project_lines_delete");
    const auto whole = version();
    ASSERT_TRUE(whole.has_value());
    EXPECT_NE(whole, second);
    EXPECT_FALSE(read_layers(project).from_cache);
    EXPECT_TRUE(read_layers(project).from_cache);
    edit_with_gdal(project, "UPDATE projects SET name = name || '（再续）' WHERE fid = 1");
    EXPECT_NE(version(), whole);
    EXPECT_FALSE(read_layers(project).from_cache);

    // And beside a journal (a write under way or cut off), none: no cache.
    std::ofstream(project + "-journal") << "";
    EXPECT_FALSE(version().has_value());
    EXPECT_FALSE(read_layers(project).from_cache);
}
