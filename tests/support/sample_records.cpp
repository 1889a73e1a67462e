#include "sample_records.h"

#include "xiangjian/geometry/ogr_conversion.h"

#include <gtest/gtest.h>

namespace xj::test {

core::AdminUnit village() {
    return {"410326209222",
            "杜康村民委员会",
            core::AdminLevel::village,
            "410326209000",
            1630,
            452,
            61,
            true};
}

core::Project road() {
    core::Project p;
    p.id = "RY2018-002";
    p.name = "蔡店乡杜康村至纸坊村通村公路";
    p.type = core::ProjectType::road;
    p.stage = core::Stage::new_start;
    p.measure = core::Measure::quantity;
    p.unit = "km";
    p.planned_quantity = 4.8;
    p.township_code = "410326209000";
    p.village_code = "410326209222";
    p.leader = "张卫东（副县长）";
    p.responsible_unit = "县交通运输局";
    p.budget_wan = 288;
    p.planned_start = core::Date(2018, 4, 10);
    p.planned_finish = core::Date(2018, 10, 31);
    return p;
}

std::unique_ptr<OGRGeometry> from_wkt(const char* wkt) {
    OGRGeometry* geometry = nullptr;
    EXPECT_EQ(OGRGeometryFactory::createFromWkt(wkt, nullptr, &geometry), OGRERR_NONE) << wkt;
    return std::unique_ptr<OGRGeometry>(geometry);
}

store::Geometry stored(const char* wkt) {
    return geometry::from_ogr(*from_wkt(wkt));
}

store::Geometry point(double lon, double lat) {
    return geometry::from_ogr(OGRPoint(lon, lat));
}

void add_township_village_and_road(store::ProjectStore& store) {
    store.upsert_unit(
        {"410326209000", "蔡店乡", core::AdminLevel::township, "410326000000", {}, {}, {}, false},
        stored("MULTIPOLYGON (((112.4 34.0, 112.5 34.0, 112.5 34.1, 112.4 34.1, "
               "112.4 34.0)))"));
    store.upsert_unit(village(), {});
    store.upsert_project(road());
}

} // namespace xj::test
