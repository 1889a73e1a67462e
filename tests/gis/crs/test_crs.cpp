#include "xiangjian/core/error.h"
#include "xiangjian/crs/crs.h"

#include <gtest/gtest.h>
#include <memory>

using namespace xj::crs;

TEST(Crs, PicksTheGaussKrugerZoneContainingTheLongitude) {
    EXPECT_EQ(gauss_kruger_3deg_epsg(112.4), 4546); // CM 111°E
    EXPECT_EQ(gauss_kruger_3deg_epsg(113.0), 4547); // CM 114°E
    EXPECT_EQ(gauss_kruger_3deg_epsg(112.5), 4547); // a zone edge belongs to the east
    EXPECT_EQ(gauss_kruger_3deg_epsg(75.0), 4534);
    EXPECT_EQ(gauss_kruger_3deg_epsg(135.0), 4554);
    EXPECT_THROW(gauss_kruger_3deg_epsg(10.0), xj::Error);
    EXPECT_THROW(gauss_kruger_3deg_epsg(140.0), xj::Error);
}

TEST(Crs, UsesLongitudeFirstAndEastingFirstDespiteTheRegistryOrder) {
    const OGRSpatialReference geographic = srs_from_epsg(storage_epsg);
    const OGRSpatialReference gk = srs_from_epsg(4546);
    std::unique_ptr<OGRCoordinateTransformation> to_gk(
        OGRCreateCoordinateTransformation(&geographic, &gk));
    ASSERT_TRUE(to_gk);
    double x = 111.0; // on the central meridian
    double y = 34.15;
    ASSERT_TRUE(to_gk->Transform(1, &x, &y));
    EXPECT_NEAR(x, 500000.0, 0.01);  // false easting, no zone prefix
    EXPECT_NEAR(y, 3780000.0, 5000); // about 34.15° north of the equator
    x = 112.47;                      // Ruyang's seat, about 135 km east of the meridian
    y = 34.15;
    ASSERT_TRUE(to_gk->Transform(1, &x, &y));
    EXPECT_NEAR(x, 635500.0, 1500);
    EXPECT_THROW(srs_from_epsg(999999), xj::Error);
}
