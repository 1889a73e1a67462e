// A layer written for the province's reviewers and read back as they would: GDAL reads the
// .cpg, the DBF keeps the Chinese text whole in both encodings, the CRS is the one asked for,
// and the language-driver byte agrees with the .cpg when read raw.

#include "numeric_locale.h"
#include "sample_records.h"
#include "test_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/review/shapefile_layer.h"

#include <filesystem>
#include <fstream>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

using namespace xj;
using namespace xj::review;

namespace {

LayerData villages() {
    LayerData layer;
    layer.name = "村";
    layer.geometry = LayerGeometry::polygon;
    layer.fields = {{"行政区划代码", FieldType::text, 0, "", "12 位代码"},
                    {"村名称", FieldType::text, 0, "", ""},
                    {"村名称备注说明", FieldType::text, 0, "", "collides with 村名称 once cut"},
                    {"户数", FieldType::integer, 0, "户", ""},
                    {"进度百分比", FieldType::real, 1, "%", ""},
                    {"评估日期", FieldType::date, 0, "", ""}};
    layer.features.push_back(
        {"村 410326100201 杜康村",
         test::stored("POLYGON ((112.40 34.00, 112.45 34.00, 112.45 34.05, 112.40 34.00))"),
         {std::string("410326100201"), std::string("杜康村"), std::string("堃字在 GBK 里"), 791LL,
          66.04, core::Date(2018, 8, 31)}});
    layer.features.push_back(
        {"村 410326100202 上店村",
         test::stored("POLYGON ((112.45 34.00, 112.50 34.00, 112.50 34.05, 112.45 34.00))"),
         {std::string("410326100202"), std::string("上店村"), std::string(300, 'x'), 463LL, Value{},
          Value{}}});
    return layer;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

} // namespace

TEST(ShapefileLayer, RoundTripsInBothEncodingsAndThreeCrss) {
    set_language(Language::en);
    for (const Encoding encoding : {Encoding::utf8, Encoding::gbk}) {
        // Geographic; the 3° zone of 111°E (no zone number in the easting); the 6° zone 19
        // (111°E, the easting begins with 19).
        for (const int epsg : {4490, 4546, 4497}) {
            test::TempDir dir;
            const auto warnings = write_shapefile(villages(), dir.file(""), encoding, epsg);
            ASSERT_EQ(warnings.size(), 1u); // the 300-byte text, cut
            EXPECT_NE(warnings[0].find("上店村"), std::string::npos) << warnings[0];

            // Raw bytes: the .cpg and the DBF's byte 29 say the same code page.
            EXPECT_EQ(slurp(dir.file("村.cpg")), encoding == Encoding::gbk ? "936" : "UTF-8");
            const std::string dbf = slurp(dir.file("村.dbf"));
            ASSERT_GT(dbf.size(), 32u);
            EXPECT_EQ(static_cast<unsigned char>(dbf[29]), encoding == Encoding::gbk ? 0x4D : 0);
            // The Chinese is stored in the encoding: 杜康村 in GBK is B6C5 BFB5 B4E5.
            const std::string du_kang = encoding == Encoding::gbk
                                            ? std::string("\xB6\xC5\xBF\xB5\xB4\xE5")
                                            : std::string("杜康村");
            EXPECT_NE(dbf.find(du_kang), std::string::npos);

            // As a reviewer's GIS reads it.
            GDALDatasetUniquePtr read(
                GDALDataset::Open(dir.file("村.shp").c_str(), GDAL_OF_VECTOR));
            ASSERT_TRUE(read);
            OGRLayer* layer = read->GetLayer(0);
            ASSERT_EQ(layer->GetFeatureCount(), 2);
            OGRFeatureDefn* defn = layer->GetLayerDefn();
            EXPECT_STREQ(defn->GetFieldDefn(1)->GetNameRef(), "村名称");
            EXPECT_STRNE(defn->GetFieldDefn(2)->GetNameRef(), "村名称"); // unique after cutting
            std::unique_ptr<OGRFeature> first(layer->GetNextFeature());
            EXPECT_STREQ(first->GetFieldAsString(1), "杜康村");
            EXPECT_STREQ(first->GetFieldAsString(2), "堃字在 GBK 里");
            EXPECT_EQ(first->GetFieldAsInteger64(3), 791);
            EXPECT_DOUBLE_EQ(first->GetFieldAsDouble(4), 66.0);
            EXPECT_EQ(defn->GetFieldDefn(5)->GetType(), OFTDate);
            if (epsg != 4490) { // metres east, 112.40°E being 1.4° east of 111°E
                OGREnvelope box;
                first->GetGeometryRef()->getEnvelope(&box);
                const double false_easting = epsg == 4497 ? 19'500'000 : 500'000;
                EXPECT_NEAR(box.MinX - false_easting, 129'300, 1'000);
                EXPECT_NEAR(box.MinY, 3'765'000, 5'000);
            }
        }
    }
}

TEST(ShapefileLayer, IsWrittenAsInAnyLocaleWhereTheDecimalPointIsAComma) {
    // The viewer runs in the user's locale (Qt sets it): a German or French one writes 66,4
    // with printf. The DBF holds 66.4 all the same, and the read-back check agrees.
    test::TempDir dir;
    LayerData layer = villages();
    layer.features[0].values[4] = 66.44; // kept to one decimal: 66.4
    {
        const test::NumericLocale comma(test::decimal_comma_locale);
        if (!comma.set()) {
            GTEST_SKIP() << "no de_DE.UTF-8 locale here (scripts/install-deps.sh makes it)";
        }
        ASSERT_NO_THROW(write_shapefile(layer, dir.file(""), Encoding::gbk, 4546));
    }
    GDALDatasetUniquePtr read(GDALDataset::Open(dir.file("村.shp").c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(read);
    std::unique_ptr<OGRFeature> first(read->GetLayer(0)->GetNextFeature());
    EXPECT_DOUBLE_EQ(first->GetFieldAsDouble(4), 66.4);
    EXPECT_NE(slurp(dir.file("村.dbf")).find("66.4"), std::string::npos);
}

TEST(ShapefileLayer, ACharacterGbkHasNoCodeForNamesTheFeatureAndFieldAndWritesNothing) {
    set_language(Language::en);
    LayerData layer = villages();
    std::get<std::string>(layer.features[1].values[1]) = "𬱖村"; // Unicode extension E
    test::TempDir dir;
    try {
        write_shapefile(layer, dir.file(""), Encoding::gbk, 4490);
        FAIL() << "wrote a character GBK does not have";
    } catch (const Error& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("410326100202"), std::string::npos) << message;
        EXPECT_NE(message.find("村名称"), std::string::npos) << message;
        EXPECT_NE(message.find("𬱖"), std::string::npos) << message;
    }
    EXPECT_FALSE(std::filesystem::exists(dir.file("村.dbf")));
    // In UTF-8 it is just text.
    EXPECT_NO_THROW(write_shapefile(layer, dir.file(""), Encoding::utf8, 4490));
}
