// The store's geometry value: WKB with its box, read from either byte order and any dimension;
// bytes that are not WKB are refused.

#include "xiangjian/core/error.h"
#include "xiangjian/geometry/ogr_conversion.h"
#include "xiangjian/store/geometry.h"

#include <gtest/gtest.h>
#include <ogr_geometry.h>

using namespace xj;

namespace {

std::vector<unsigned char> wkb_of(const char* wkt, OGRwkbByteOrder order = wkbNDR) {
    OGRGeometry* geometry = nullptr;
    EXPECT_EQ(OGRGeometryFactory::createFromWkt(wkt, nullptr, &geometry), OGRERR_NONE) << wkt;
    std::vector<unsigned char> wkb(geometry->WkbSize());
    geometry->exportToWkb(order, wkb.data(), wkbVariantIso);
    delete geometry;
    return wkb;
}

} // namespace

TEST(StoreGeometry, KnowsItsTypeBoxAndZRangeInEitherByteOrder) {
    for (const auto order : {wkbNDR, wkbXDR}) {
        const store::Geometry line(
            wkb_of("MULTILINESTRING Z ((112.41 34.01 5, 112.42 34.02 6), (112.5 34.2 -1, "
                   "112.6 34.0 2))",
                   order));
        EXPECT_EQ(line.type(), store::GeometryType::multi_line_string);
        EXPECT_TRUE(line.has_z());
        EXPECT_FALSE(line.has_m());
        EXPECT_DOUBLE_EQ(line.box().min_x, 112.41);
        EXPECT_DOUBLE_EQ(line.box().max_x, 112.6);
        EXPECT_DOUBLE_EQ(line.box().min_y, 34.0);
        EXPECT_DOUBLE_EQ(line.box().max_y, 34.2);
        ASSERT_TRUE(line.z_range());
        EXPECT_EQ(*line.z_range(), (std::pair{-1.0, 6.0}));
    }
    const store::Geometry measured(wkb_of("POINT M (112.4 34.1 7)"));
    EXPECT_TRUE(measured.has_m());
    EXPECT_DOUBLE_EQ(measured.box().max_y, 34.1);
}

TEST(StoreGeometry, NoneAndEmptyAreTold) {
    const store::Geometry none;
    EXPECT_FALSE(none);
    EXPECT_TRUE(none.empty());
    const store::Geometry empty_point(wkb_of("POINT EMPTY"));
    EXPECT_TRUE(empty_point) << "a geometry, with no coordinates";
    EXPECT_TRUE(empty_point.empty());
    const store::Geometry empty_polygon(wkb_of("MULTIPOLYGON EMPTY"));
    EXPECT_TRUE(empty_polygon.empty());
    EXPECT_FALSE(store::Geometry(wkb_of("POINT (112 34)")).empty());
}

TEST(StoreGeometry, BytesThatAreNotWkbAreRefused) {
    auto wkb = wkb_of("LINESTRING (112.41 34.01, 112.42 34.02)");
    EXPECT_THROW(store::Geometry(std::vector<unsigned char>(wkb.begin(), wkb.end() - 3)), Error)
        << "truncated";
    auto longer = wkb;
    longer.push_back(0);
    EXPECT_THROW(store::Geometry{longer}, Error) << "bytes after the geometry";
    auto unknown = wkb;
    unknown[1] = 17; // geometry type 17
    EXPECT_THROW(store::Geometry{unknown}, Error);
}

TEST(StoreGeometry, GoesToOgrAndBackWithTheSameShape) {
    const store::Geometry polygon(
        wkb_of("POLYGON ((112.41 34.01, 112.42 34.01, 112.42 34.02, 112.41 34.01))"));
    const auto ogr = geometry::to_ogr(polygon);
    ASSERT_NE(ogr, nullptr);
    EXPECT_STREQ(ogr->getSpatialReference()->GetAuthorityCode(nullptr), "4490");
    EXPECT_EQ(geometry::from_ogr(*ogr), polygon);
    // The same vertices in the other byte order: other bytes, the same geometry.
    const store::Geometry big_endian(
        wkb_of("POLYGON ((112.41 34.01, 112.42 34.01, 112.42 34.02, 112.41 34.01))", wkbXDR));
    EXPECT_FALSE(big_endian == polygon);
    EXPECT_TRUE(geometry::same_shape(big_endian, polygon));
    // The ring started at another vertex is another geometry, as OGR compares them.
    const store::Geometry turned(
        wkb_of("POLYGON ((112.42 34.01, 112.42 34.02, 112.41 34.01, 112.42 34.01))"));
    EXPECT_FALSE(geometry::same_shape(turned, polygon));
    EXPECT_FALSE(geometry::same_shape(store::Geometry{}, polygon));
    EXPECT_EQ(geometry::to_ogr(store::Geometry{}), nullptr);
}
