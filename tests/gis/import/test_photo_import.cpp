// `import photos`: JPEGs written by GDAL with real EXIF GPS tags, matched to sites and checked.

#include "numeric_locale.h"
#include "test_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/crs/china_offsets.h"
#include "xiangjian/geometry/ogr_conversion.h"
#include "xiangjian/import/photo_import.h"
#include "xiangjian/store/open_project.h"

#include <cmath>
#include <filesystem>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <map>

using namespace xj;

namespace {

std::string dms(double degrees) {
    const double d = std::floor(degrees);
    const double m = std::floor((degrees - d) * 60);
    const double s = ((degrees - d) * 60 - m) * 60;
    char text[96];
    std::snprintf(text, sizeof text, "(%.0f) (%.0f) (%.4f)", d, m, s);
    return text;
}

/// A small JPEG with the EXIF tags a phone writes.
void make_photo(const std::string& path, std::optional<crs::LonLat> where, const char* taken,
                double direction = 90) {
    GDALAllRegister();
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    GDALDatasetUniquePtr memory(
        GetGDALDriverManager()->GetDriverByName("MEM")->Create("", 8, 8, 3, GDT_Byte, nullptr));
    if (where) {
        memory->SetMetadataItem("EXIF_GPSLatitude", dms(where->lat).c_str());
        memory->SetMetadataItem("EXIF_GPSLatitudeRef", "N");
        memory->SetMetadataItem("EXIF_GPSLongitude", dms(where->lon).c_str());
        memory->SetMetadataItem("EXIF_GPSLongitudeRef", "E");
        memory->SetMetadataItem("EXIF_GPSImgDirection",
                                ("(" + std::to_string(direction) + ")").c_str());
    }
    if (taken != nullptr) {
        memory->SetMetadataItem("EXIF_DateTimeOriginal", taken);
    }
    GDALDatasetUniquePtr jpeg(GetGDALDriverManager()->GetDriverByName("JPEG")->CreateCopy(
        path.c_str(), memory.get(), FALSE, nullptr, nullptr, nullptr));
    ASSERT_TRUE(jpeg);
}

OGRGeometry* from_wkt(const char* wkt) {
    OGRGeometry* geometry = nullptr;
    OGRGeometryFactory::createFromWkt(wkt, nullptr, &geometry);
    return geometry;
}

class PhotoImport : public ::testing::Test {
protected:
    void TearDown() override { xj::set_language(xj::Language::zh); }
    void SetUp() override {
        xj::set_language(xj::Language::en); // the tests read the English messages
        store = xj::store::create_project(dir.file("county.gpkg"));
        for (const char* id : {"RY-W", "RY-R"}) {
            core::Project p;
            p.id = id;
            p.name = id;
            p.measure = core::Measure::milestones;
            store->upsert_project(p);
        }
        store->add_site(
            {"RY-W", "水厂",
             geometry::from_ogr(*std::unique_ptr<OGRGeometry>(from_wkt("POINT (112.47 34.15)")))});
        store->add_site({"RY-R", "道路",
                         geometry::from_ogr(*std::unique_ptr<OGRGeometry>(
                             from_wkt("LINESTRING (112.40 34.10, 112.42 34.10)")))});
        store->add_site_visit({"RY-W", core::Date(2018, 8, 3), "王建国（副县长）", ""});
        store->add_progress_report({"RY-R", core::Date(2018, 8, 10), 1.0, {}, "", ""});
        photos = dir.file("photos");
    }
    std::map<std::string, core::Photo> stored() const {
        std::map<std::string, core::Photo> result;
        for (auto& photo : store->photos()) {
            result.emplace(photo.path, photo);
        }
        return result;
    }
    test::TempDir dir;
    std::unique_ptr<store::ProjectStore> store;
    std::string photos;
};

} // namespace

TEST_F(PhotoImport, AttachesEachPhotoToTheNearestSiteAndChecksTheEvidence) {
    make_photo(photos + "/ok.jpg", crs::LonLat{112.4702, 34.1501}, "2018:08:03 10:15:00", 135);
    make_photo(photos + "/road.JPG", crs::LonLat{112.41, 34.1005}, "2018:08:09 16:00:00");
    // The same spot as ok.jpg, stored by an app in web-map (GCJ-02) coordinates.
    make_photo(photos + "/shifted.jpg", crs::wgs84_to_gcj02({112.4702, 34.1501}),
               "2018:08:03 10:20:00");
    make_photo(photos + "/RY-W/far.jpg", crs::LonLat{112.50, 34.15}, "2018:08:03 11:00:00");
    make_photo(photos + "/old.jpg", crs::LonLat{112.4701, 34.1500}, "2018:03:02 09:00:00");
    make_photo(photos + "/nowhere.jpg", crs::LonLat{112.30, 33.90}, "2018:08:03 09:00:00");
    make_photo(photos + "/nogps.jpg", std::nullopt, "2018:08:03 09:00:00");

    const auto report = import::import_photos(*store, photos, {});
    EXPECT_EQ(report.read, 7u);
    EXPECT_EQ(report.added, 6u) << "the photo without GPS is listed, not stored";
    const auto all = stored();

    const auto& ok = all.at("ok.jpg");
    EXPECT_EQ(ok.project_id, "RY-W");
    EXPECT_NEAR(*ok.distance_m, 21.0, 3.0);
    EXPECT_EQ(ok.taken_at, "2018-08-03T10:15:00");
    EXPECT_NEAR(*ok.direction_deg, 135.0, 0.01);
    EXPECT_NEAR(ok.lon, 112.4702, 1e-6);
    EXPECT_TRUE(ok.flags.empty()) << ok.flags;

    EXPECT_EQ(all.at("road.JPG").project_id, "RY-R");
    EXPECT_NEAR(*all.at("road.JPG").distance_m, 55.0, 3.0) << "distance to the line, not its end";

    const auto& shifted = all.at("shifted.jpg");
    EXPECT_NE(shifted.flags.find("GCJ-02-shifted"), std::string::npos) << shifted.flags;
    EXPECT_TRUE(shifted.project_id.empty()) << "hundreds of metres off: outside the radius";

    const auto& far = all.at("RY-W/far.jpg");
    EXPECT_EQ(far.project_id, "RY-W") << "its folder names the project";
    EXPECT_NE(far.flags.find("m from the site of RY-W"), std::string::npos) << far.flags;

    EXPECT_NE(all.at("old.jpg").flags.find("154 days from any visit or report of RY-W"),
              std::string::npos)
        << all.at("old.jpg").flags;
    EXPECT_TRUE(all.at("nowhere.jpg").project_id.empty());

    const std::string unmatched = test::joined(report.unmatched);
    EXPECT_NE(unmatched.find("nogps.jpg: no GPS position"), std::string::npos) << unmatched;
    EXPECT_NE(unmatched.find("nowhere.jpg: no site within 200 m"), std::string::npos) << unmatched;

    const auto again = import::import_photos(*store, photos, {});
    EXPECT_EQ(again.unchanged, 6u);
    EXPECT_EQ(again.added + again.updated, 0u);
}

TEST_F(PhotoImport, PositionsReadTheSameInALocaleOfDecimalCommas) {
    // The viewer attaches photos in the user's locale (Qt sets it); GDAL renders the EXIF
    // seconds with a dot in any.
    make_photo(photos + "/ok.jpg", crs::LonLat{112.4702, 34.1501}, "2018:08:03 10:15:00", 135.5);
    {
        const test::NumericLocale comma(test::decimal_comma_locale);
        if (!comma.set()) {
            GTEST_SKIP() << "no de_DE.UTF-8 locale here (scripts/install-deps.sh makes it)";
        }
        ASSERT_NO_THROW(import::import_photos(*store, photos, {}));
    }
    const auto& ok = stored().at("ok.jpg");
    EXPECT_NEAR(ok.lon, 112.4702, 1e-6);
    EXPECT_NEAR(ok.lat, 34.1501, 1e-6);
    EXPECT_NEAR(*ok.direction_deg, 135.5, 0.01);
    EXPECT_EQ(ok.project_id, "RY-W");
}

TEST_F(PhotoImport, RadiusDecidesWhatMatches) {
    make_photo(photos + "/a.jpg", crs::LonLat{112.4730, 34.15}, "2018:08:03 10:15:00");
    import::PhotoImportOptions narrow;
    narrow.radius_m = 100; // the photo is about 277 m east of the site
    import::import_photos(*store, photos, narrow);
    EXPECT_TRUE(stored().at("a.jpg").project_id.empty());
    import::PhotoImportOptions wide;
    wide.radius_m = 400;
    import::import_photos(*store, photos, wide);
    EXPECT_EQ(stored().at("a.jpg").project_id, "RY-W");
}

TEST_F(PhotoImport, BrokenFilesNoFixAndOtherFormatsAreListedNotFatal) {
    make_photo(photos + "/ok.jpg", crs::LonLat{112.4702, 34.1501}, "2018:08:03 10:15:00");
    make_photo(photos + "/nofix.jpg", crs::LonLat{0, 0}, "2018:08:03 10:16:00");
    test::write_file(photos + "/broken.jpg", "not a JPEG at all");
    test::write_file(photos + "/IMG_0001.HEIC", "a phone's HEIC");
    test::write_file(photos + "/说明.txt", "现场照片");

    const auto report = import::import_photos(*store, photos, {});
    EXPECT_EQ(report.read, 3u);
    EXPECT_EQ(report.added, 1u);
    EXPECT_EQ(stored().at("ok.jpg").project_id, "RY-W");
    const std::string unmatched = test::joined(report.unmatched);
    EXPECT_NE(unmatched.find("broken.jpg: "), std::string::npos) << unmatched;
    EXPECT_NE(unmatched.find("nofix.jpg: GPS position 0, 0"), std::string::npos) << unmatched;
    ASSERT_EQ(report.notes.size(), 1u);
    EXPECT_NE(report.notes[0].find(".heic 1, .txt 1"), std::string::npos) << report.notes[0];
    EXPECT_NE(report.notes[0].find("as JPEG"), std::string::npos) << report.notes[0];
}

TEST_F(PhotoImport, ANonFolderIsAnError) {
    EXPECT_THROW(import::import_photos(*store, dir.file("missing"), {}), Error);
}
