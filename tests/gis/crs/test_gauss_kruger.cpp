#include "xiangjian/core/language.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/crs/gauss_kruger.h"

#include <gtest/gtest.h>
#include <ogr_srs_api.h>

using namespace xj::crs;

TEST(GaussKruger, TheTableAgreesWithPROJForAll192Codes) {
    int checked = 0;
    for (const auto datum :
         {GeodeticDatum::cgcs2000, GeodeticDatum::xian1980, GeodeticDatum::beijing1954}) {
        for (const int width : {3, 6}) {
            const int first = width == 3 ? 25 : 13;
            const int last = width == 3 ? 45 : 23;
            for (int zone = first; zone <= last; ++zone) {
                for (const bool prefix : {true, false}) {
                    const auto crs = gauss_kruger_crs(datum, width, zone, prefix);
                    ASSERT_TRUE(crs);
                    const OGRSpatialReference srs = srs_from_epsg(crs->epsg);
                    EXPECT_DOUBLE_EQ(srs.GetProjParm(SRS_PP_CENTRAL_MERIDIAN),
                                     crs->central_meridian)
                        << crs->epsg;
                    EXPECT_DOUBLE_EQ(srs.GetProjParm(SRS_PP_FALSE_EASTING),
                                     prefix ? zone * 1e6 + 500000 : 500000)
                        << crs->epsg;
                    EXPECT_EQ(gauss_kruger_crs(crs->epsg)->epsg, crs->epsg);
                    ++checked;
                }
            }
        }
    }
    EXPECT_EQ(checked, 192);
    EXPECT_FALSE(gauss_kruger_crs(4490));
    EXPECT_FALSE(gauss_kruger_crs(3857));
}

TEST(GaussKruger, SuggestsTheTwinWithoutTheZonePrefix) {
    int suggested = 0;
    const auto declared = *gauss_kruger_crs(4525); // CGCS2000 3° zone 37, eastings 37xxxxxx
    const std::string message = check_gauss_kruger_eastings(declared, 628000, 646000, &suggested);
    EXPECT_EQ(suggested, 4546);
    EXPECT_NE(message.find("EPSG:4546"), std::string::npos) << message;
    EXPECT_TRUE(check_gauss_kruger_eastings(declared, 37628000, 37646000).empty());
}

TEST(GaussKruger, ReadsTheZoneFromPrefixedEastingsEvenAcrossZoneWidths) {
    int suggested = 0;
    // Declared 6° zone 13 (EPSG:4491), eastings carry 3° zone 38: the right code is 4526.
    check_gauss_kruger_eastings(*gauss_kruger_crs(4491), 38400000, 38460000, &suggested);
    EXPECT_EQ(suggested, 4526);
    // Declared without prefix (4534, CM 75E), eastings with zone 25 prefix: 4513.
    check_gauss_kruger_eastings(*gauss_kruger_crs(4534), 25400000, 25460000, &suggested);
    EXPECT_EQ(suggested, 4513);
    // Xi'an 1980 stays Xi'an 1980.
    check_gauss_kruger_eastings(*gauss_kruger_crs(2382), 37628000, 37646000, &suggested);
    EXPECT_EQ(suggested, 2361);
}

TEST(GaussKruger, GuessesWhatCoordinatesWithoutACrsAre) {
    EXPECT_NE(guess_crs_from_coordinates(112.2, 33.8, 112.6, 34.4).find("EPSG:4490"),
              std::string::npos);
    const std::string zoned = guess_crs_from_coordinates(37628000, 3780000, 37646000, 3790000);
    EXPECT_NE(zoned.find("EPSG:4525"), std::string::npos) << zoned;
    EXPECT_NE(zoned.find("EPSG:2361"), std::string::npos) << zoned;
    EXPECT_NE(zoned.find("EPSG:2413"), std::string::npos) << zoned;
    EXPECT_NE(guess_crs_from_coordinates(628000, 3780000, 646000, 3790000).find("不带带号"),
              std::string::npos);
    xj::set_language(xj::Language::en);
    EXPECT_NE(guess_crs_from_coordinates(628000, 3780000, 646000, 3790000).find("without a zone"),
              std::string::npos);
    xj::set_language(xj::Language::zh);
}
