// A review bundle written whole or not at all: a folder or a zip with every layer, the data
// dictionary and the manifest; an existing or unwritable destination refused before any work;
// a layer that cannot be written leaves nothing behind.

#include "sample_records.h"
#include "test_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/review/bundle.h"

#include <cpl_conv.h>
#include <filesystem>
#include <fstream>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

using namespace xj;
using namespace xj::review;
namespace fs = std::filesystem;

namespace {

std::vector<LayerData> two_layers() {
    LayerData points{"项目点", "project points", LayerGeometry::point, {}, {}};
    points.fields = {{"项目编号", FieldType::text, 0, "", ""},
                     {"项目名称", FieldType::text, 0, "", ""}};
    points.features.push_back({"项目 RY2018-003",
                               test::point(112.42, 34.03),
                               {std::string("RY2018-003"), std::string("蔡店乡安全饮水工程")}});
    LayerData problems{"问题", "problems", LayerGeometry::none, {}, {}};
    problems.fields = {{"问题编号", FieldType::text, 0, "", ""},
                       {"登记日期", FieldType::date, 0, "", ""}};
    problems.features.push_back(
        {"问题 WT-001", {}, {std::string("WT-001"), core::Date(2018, 5, 2)}});
    LayerData empty{"项目面", "project areas", LayerGeometry::polygon, points.fields, {}};
    return {points, problems, empty};
}

std::size_t entries(const fs::path& folder) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), {}));
}

} // namespace

TEST(Bundle, AFolderOrAZipWithEveryLayerTheDictionaryAndTheManifest) {
    set_language(Language::en);
    test::TempDir dir;
    BundleOptions options;
    options.encoding = Encoding::gbk;
    options.as_of = core::Date(2018, 8, 31);
    options.county = "汝阳县 410326000000";
    const auto report = write_bundle(two_layers(), dir.file("review"), options);
    ASSERT_EQ(report.layers.size(), 3u);
    EXPECT_EQ(report.layers[2].second, 0u); // empty: not written, said in the manifest
    EXPECT_TRUE(fs::exists(dir.file("review/项目点.shp")));
    EXPECT_TRUE(fs::exists(dir.file("review/问题.dbf")));
    EXPECT_FALSE(fs::exists(dir.file("review/项目面.shp")));
    std::ifstream readme(dir.file("review/README.txt"));
    const std::string manifest{std::istreambuf_iterator<char>(readme), {}};
    EXPECT_NE(manifest.find("2018-08-31"), std::string::npos);
    EXPECT_NE(manifest.find("GBK"), std::string::npos);
    EXPECT_NE(manifest.find("项目面.shp  0"), std::string::npos) << manifest;
    std::ifstream csv(dir.file("review/字段说明.csv"), std::ios::binary);
    const std::string dictionary{std::istreambuf_iterator<char>(csv), {}};
    EXPECT_EQ(dictionary.rfind("\xEF\xBB\xBF", 0), 0u); // Excel on Chinese Windows
    // In GBK 项目编号 is 8 bytes: the short name is the whole name.
    EXPECT_NE(dictionary.find("项目点,项目编号,项目编号,文本"), std::string::npos) << dictionary;
    // Every row is text, so GDAL is told the first one is the header (as Excel shows it).
    // (GDAL 3.6's XLSX reader takes that as a configuration option, not an open option.)
    const CPLConfigOptionSetter headers("OGR_XLSX_HEADERS", "FORCE", false);
    GDALDatasetUniquePtr book(
        GDALDataset::Open(dir.file("review/字段说明.xlsx").c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(book);
    EXPECT_EQ(book->GetLayer(0)->GetFeatureCount(), 6); // 2 + 2 + 2 fields
    EXPECT_STREQ(book->GetLayer(0)->GetLayerDefn()->GetFieldDefn(2)->GetNameRef(), "全称");
    EXPECT_EQ(entries(dir.file("")), 1u); // no temporary folder left
    // The points' QGIS style: categorized by status (none here: no status field), with the
    // full names as aliases; a table has none.
    std::ifstream qml(dir.file("review/项目点.qml"));
    const std::string style{std::istreambuf_iterator<char>(qml), {}};
    EXPECT_NE(style.find("<alias field=\"项目编号\" index=\"0\" name=\"项目编号\"/>"),
              std::string::npos)
        << style;
    EXPECT_FALSE(fs::exists(dir.file("review/问题.qml")));

    write_bundle(two_layers(), dir.file("review.zip"), options);
    GDALDatasetUniquePtr zipped(GDALDataset::Open(
        ("/vsizip/" + dir.file("review.zip") + "/项目点.shp").c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(zipped);
    std::unique_ptr<OGRFeature> feature(zipped->GetLayer(0)->GetNextFeature());
    EXPECT_STREQ(feature->GetFieldAsString(1), "蔡店乡安全饮水工程");
    EXPECT_EQ(entries(dir.file("")), 2u);
}

TEST(Bundle, AnExistingOrUnwritableDestinationIsRefusedBeforeAnyWork) {
    set_language(Language::en);
    test::TempDir dir;
    fs::create_directory(dir.file("review"));
    std::ofstream(dir.file("review/mine.txt")) << "the reviewer's notes";
    EXPECT_THROW(write_bundle(two_layers(), dir.file("review"), {}), Error);
    EXPECT_EQ(entries(dir.file("review")), 1u);
    std::ofstream(dir.file("a-file")) << "not a folder";
    try {
        write_bundle(two_layers(), dir.file("a-file/review.zip"), {});
        FAIL() << "wrote under a file";
    } catch (const Error& error) {
        EXPECT_NE(std::string{error.what()}.find("cannot write here"), std::string::npos)
            << error.what();
    }
}

TEST(Bundle, ALayerThatCannotBeWrittenLeavesNothingBehind) {
    set_language(Language::en);
    test::TempDir dir;
    auto layers = two_layers();
    std::get<std::string>(layers[1].features[0].values[0]) = "WT-𬱖"; // not in GBK
    BundleOptions options;
    options.encoding = Encoding::gbk;
    EXPECT_THROW(write_bundle(layers, dir.file("review.zip"), options), Error);
    EXPECT_EQ(entries(dir.file("")), 0u);
}
