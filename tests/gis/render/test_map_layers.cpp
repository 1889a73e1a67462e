#include "ogr_records.h"
#include "render_fixture.h"
#include "xiangjian/core/error.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/render/display_geometry.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <ogr_spatialref.h>
#include <random>
#include <set>

using namespace xj;
using xj::test::DemoMap;

using MapLayers = DemoMap;

namespace {

double segment_distance(double px, double py, double ax, double ay, double bx, double by) {
    const double dx = bx - ax, dy = by - ay;
    const double length2 = dx * dx + dy * dy;
    const double t =
        length2 == 0 ? 0 : std::clamp(((px - ax) * dx + (py - ay) * dy) / length2, 0.0, 1.0);
    return std::hypot(px - ax - t * dx, py - ay - t * dy);
}

} // namespace

TEST_F(MapLayers, HoldEveryBoundaryAndSiteOfTheStore) {
    std::size_t counties = 0, townships = 0, villages = 0;
    for (const auto& unit : xj::test::ogr_units(*store)) {
        if (unit.boundary) {
            (unit.unit.level == core::AdminLevel::county     ? counties
             : unit.unit.level == core::AdminLevel::township ? townships
                                                             : villages)++;
        }
    }
    EXPECT_EQ(layers->counties.size(), counties);
    EXPECT_EQ(layers->townships.size(), townships);
    EXPECT_EQ(layers->villages.size(), villages);
    EXPECT_EQ(layers->village_units.size(), villages);
    EXPECT_EQ(villages, 220U);

    std::size_t points = 0, lines = 0, polygons = 0, vertices = 0;
    for (const auto& site : xj::test::ogr_sites(*store)) {
        const auto type = wkbFlatten(site.geometry->getGeometryType());
        (type == wkbPoint || type == wkbMultiPoint             ? points
         : type == wkbLineString || type == wkbMultiLineString ? lines
                                                               : polygons)++;
        if (type == wkbMultiLineString) {
            for (const auto* line : *site.geometry->toMultiLineString()) {
                vertices += static_cast<std::size_t>(line->getNumPoints());
            }
        }
    }
    EXPECT_EQ(layers->points.size(), points);
    EXPECT_EQ(layers->lines.size(), lines);
    EXPECT_EQ(layers->polygons.size(), polygons);
    std::size_t line_vertices = 0;
    for (std::size_t i = 0; i < layers->lines.size(); ++i) {
        for (const auto& part : layers->lines.parts(layers->lines.shape(i))) {
            line_vertices += part.points;
        }
    }
    EXPECT_EQ(line_vertices, vertices);
    // Attributes travel with their shapes.
    EXPECT_EQ(layers->village_units.front().code.size(), 12U);
    EXPECT_FALSE(layers->point_sites.front().project_id.empty());
}

TEST_F(MapLayers, KeepEveryVertexAsStoredToATenMillionthOfADegree) {
    // OGR reads the same stored boundaries, as geometries of doubles.
    std::map<std::string, const OGRMultiPolygon*> boundaries;
    const auto units = xj::test::ogr_units(*store);
    for (const auto& unit : units) {
        if (unit.boundary && unit.unit.level == core::AdminLevel::village) {
            boundaries[unit.unit.code] = unit.boundary.get();
        }
    }
    ASSERT_EQ(boundaries.size(), layers->villages.size());
    std::size_t vertices = 0;
    double worst = 0;
    for (std::size_t i = 0; i < layers->villages.size(); ++i) {
        const auto parts = layers->villages.parts(layers->villages.shape(i));
        std::size_t p = 0;
        for (const OGRPolygon* polygon : *boundaries.at(layers->village_units[i].code)) {
            for (const OGRLinearRing* ring : *polygon) {
                ASSERT_LT(p, parts.size()) << layers->village_units[i].code;
                const auto kept = layers->villages.points(parts[p++]);
                ASSERT_EQ(kept.count(), static_cast<std::size_t>(ring->getNumPoints()));
                for (int k = 0; k < ring->getNumPoints(); ++k) {
                    worst = std::max({worst, std::abs(kept.x(k) - ring->getX(k)),
                                      std::abs(kept.y(k) - ring->getY(k))});
                    ++vertices;
                }
            }
        }
        EXPECT_EQ(p, parts.size()) << layers->village_units[i].code;
    }
    EXPECT_GT(vertices, 2000U);       // the demo county's 220 villages
    EXPECT_LE(worst, 0.5e-7 + 1e-12); // half a unit of rounding, no more
    EXPECT_GT(worst, 0.0);            // the demo's boundaries have more decimals than that
}

TEST_F(MapLayers, ACoordinateThatIsNotDegreesIsRefused) {
    // Gauss–Krüger metres stored by mistake: 32-bit units of 1e-7 degree cannot hold them.
    OGRPoint metres(38'500'000.0, 3'800'000.0);
    std::vector<unsigned char> wkb(static_cast<std::size_t>(metres.WkbSize()));
    metres.exportToWkb(wkbNDR, wkb.data());
    render::FlatLayer layer;
    try {
        layer.add_wkb(wkb);
        FAIL() << "metres were taken for degrees";
    } catch (const Error& error) {
        EXPECT_NE(std::string(error.what()).find("38500000"), std::string::npos) << error.what();
    }
    EXPECT_EQ(layer.size(), 0U);
    EXPECT_EQ(layer.point_count(), 0U);
}

TEST_F(MapLayers, WindowQueriesFindExactlyTheShapesWhoseBoxesMeetTheWindow) {
    const render::FlatLayer& villages = layers->villages;
    const render::Box extent = villages.extent();
    std::mt19937 random(7);
    std::uniform_real_distribution<double> unit(0, 1);
    for (int trial = 0; trial < 200; ++trial) {
        const double x = extent.min_x + unit(random) * extent.width();
        const double y = extent.min_y + unit(random) * extent.height();
        const double w = unit(random) * extent.width() * 0.3;
        const double h = unit(random) * extent.height() * 0.3;
        const render::Box window{x, y, x + w, y + h};
        std::vector<std::uint32_t> found;
        villages.query(window, found);
        std::vector<std::uint32_t> expected;
        for (std::uint32_t i = 0; i < villages.size(); ++i) {
            if (villages.shape(i).box.intersects(window)) {
                expected.push_back(i);
            }
        }
        ASSERT_EQ(found, expected) << "window " << trial;
    }
}

TEST_F(MapLayers, DisplayGeometryIsProjProjectionWithinAPixel) {
    const render::DisplayCrs crs("EPSG:4546"); // CGCS2000 GK CM 111E, Ruyang's zone
    render::DisplayGeometry geometry(layers->villages, render::DisplayGeometry::Kind::polygons,
                                     crs);
    std::vector<std::uint32_t> all(layers->villages.size());
    for (std::uint32_t i = 0; i < all.size(); ++i) {
        all[i] = i;
    }
    const double metres_per_pixel = 40;
    const render::DisplayShapes& shapes = geometry.prepare(all, metres_per_pixel);
    EXPECT_LE(shapes.tolerance_m, metres_per_pixel);
    EXPECT_GT(shapes.tolerance_m, metres_per_pixel / 2);

    // Reference: OGR (PROJ) transforming every source vertex one by one.
    OGRSpatialReference source = crs::srs_from_epsg(4490);
    OGRSpatialReference target = crs::srs_from_epsg(4546);
    const std::unique_ptr<OGRCoordinateTransformation> transform(
        OGRCreateCoordinateTransformation(&source, &target));
    std::size_t kept = 0, total = 0;
    for (const std::uint32_t i : all) {
        const auto source_parts = layers->villages.parts(layers->villages.shape(i));
        const auto display_parts = shapes.parts_of(i);
        ASSERT_EQ(source_parts.size(), display_parts.size());
        for (std::size_t p = 0; p < source_parts.size(); ++p) {
            const auto in = layers->villages.points(source_parts[p]);
            const auto out = shapes.points(display_parts[p]);
            total += in.count();
            kept += out.size() / 2;
            // Every kept vertex is a source vertex, projected.
            std::vector<double> projected;
            in.append_to(projected);
            for (std::size_t k = 0; k + 1 < projected.size(); k += 2) {
                ASSERT_TRUE(transform->Transform(1, &projected[k], &projected[k + 1]));
            }
            for (std::size_t k = 0; k + 1 < out.size(); k += 2) {
                double nearest = 1e300;
                for (std::size_t m = 0; m + 1 < projected.size(); m += 2) {
                    nearest = std::min(
                        nearest, std::hypot(projected[m] - out[k], projected[m + 1] - out[k + 1]));
                }
                ASSERT_LT(nearest, 1e-3) << "village " << i;
            }
            // Every source vertex lies near the simplified outline: within the tolerance of a
            // thinned vertex, which lies within the tolerance of the outline.
            for (std::size_t m = 0; m + 1 < projected.size(); m += 2) {
                double nearest = 1e300;
                for (std::size_t k = 0; k + 3 < out.size(); k += 2) {
                    nearest =
                        std::min(nearest, segment_distance(projected[m], projected[m + 1], out[k],
                                                           out[k + 1], out[k + 2], out[k + 3]));
                }
                ASSERT_LT(nearest, shapes.tolerance_m * 2.5) << "village " << i;
            }
        }
    }
    EXPECT_LT(kept, total); // at 40 m a pixel, the demo's 10 m vertices thin out
    EXPECT_EQ(geometry.levels(), 1U);
    geometry.prepare(all, metres_per_pixel * 1.01); // the same power of two: no new level
    EXPECT_EQ(geometry.levels(), 1U);
}

TEST_F(MapLayers, DisplayCrsRefusesAGeographicOrUnknownCrs) {
    EXPECT_THROW(render::DisplayCrs("EPSG:4490"), Error);
    EXPECT_THROW(render::DisplayCrs("not a crs"), Error);
    EXPECT_EQ(render::DisplayCrs::gauss_kruger_at(112.47).definition(), "EPSG:4546");
}

TEST_F(MapLayers, AWindowReadsWhatItsQueryMeetsAndNothingFar) {
    // About a township's size in the middle of the county.
    const render::Box window{112.40, 34.05, 112.48, 34.12};
    std::vector<core::AdminUnit> units;
    const render::MapLayers part = render::MapLayers::read(*store, window, units);
    // The spatial index's boxes are rounded outwards to 32-bit floats (a few centimetres).
    constexpr double rounding = 1e-5;
    const render::Box wider{window.min_x - rounding, window.min_y - rounding,
                            window.max_x + rounding, window.max_y + rounding};
    const auto check = [&](const render::FlatLayer& whole_layer, const auto& whole_attributes,
                           const render::FlatLayer& part_layer, const auto& part_attributes,
                           auto key, const char* name) {
        std::vector<std::uint32_t> met;
        whole_layer.query(window, met);
        std::multiset<std::string> expected, near;
        for (const std::uint32_t i : met) {
            expected.insert(key(whole_attributes[i]));
        }
        for (std::size_t i = 0; i < whole_layer.size(); ++i) {
            if (whole_layer.shape(i).box.intersects(wider)) {
                near.insert(key(whole_attributes[i]));
            }
        }
        const std::multiset<std::string> got = [&] {
            std::multiset<std::string> keys;
            for (const auto& attributes : part_attributes) {
                keys.insert(key(attributes));
            }
            return keys;
        }();
        EXPECT_EQ(part_layer.size(), part_attributes.size()) << name;
        EXPECT_TRUE(std::includes(got.begin(), got.end(), expected.begin(), expected.end()))
            << name << ": a shape the window shows was not read";
        EXPECT_TRUE(std::includes(near.begin(), near.end(), got.begin(), got.end()))
            << name << ": a shape away from the window was read";
        EXPECT_LT(part_layer.size(), whole_layer.size()) << name << ": the window read it all";
    };
    const auto code = [](const render::MapUnit& unit) { return unit.code; };
    const auto site = [](const render::MapSite& s) { return s.project_id + "/" + s.site_name; };
    check(layers->villages, layers->village_units, part.villages, part.village_units, code,
          "villages");
    check(layers->townships, layers->township_units, part.townships, part.township_units, code,
          "townships");
    check(layers->points, layers->point_sites, part.points, part.point_sites, site, "points");
    EXPECT_EQ(units.size(),
              part.village_units.size() + part.township_units.size() + part.county_units.size())
        << "the units read are those with a boundary in the window";
}

TEST_F(MapLayers, SitesReadThroughASecondOpeningBesideTheUnitsAreTheSameLayers) {
    int openings = 0;
    const render::MapLayers beside = render::MapLayers::read_store(*store, [&] {
        ++openings;
        return store::open_project(demo_path, store::Access::read_only);
    });
    EXPECT_EQ(openings, 1);
    // The same store read on one thread (the fixture's layers went through the map cache).
    const render::MapLayers alone = render::MapLayers::read_store(*store);
    const auto same_layer = [](const render::FlatLayer& a, const render::FlatLayer& b) {
        return std::ranges::equal(a.all_coordinates(), b.all_coordinates()) &&
               a.all_parts().size() == b.all_parts().size() &&
               a.all_shapes().size() == b.all_shapes().size() && a.size() == b.size();
    };
    for (const auto layer :
         {&render::MapLayers::counties, &render::MapLayers::townships, &render::MapLayers::villages,
          &render::MapLayers::points, &render::MapLayers::lines, &render::MapLayers::polygons}) {
        EXPECT_TRUE(same_layer(beside.*layer, alone.*layer));
    }
    EXPECT_GT(alone.points.size(), 0U);
    EXPECT_GT(alone.lines.size(), 0U);
    const auto ids = [](const std::vector<render::MapSite>& sites) {
        std::vector<std::string> found;
        for (const render::MapSite& site : sites) {
            found.push_back(site.project_id + "|" + site.site_name);
        }
        return found;
    };
    EXPECT_EQ(ids(beside.point_sites), ids(alone.point_sites));
    EXPECT_EQ(ids(beside.line_sites), ids(alone.line_sites));
    EXPECT_EQ(ids(beside.polygon_sites), ids(alone.polygon_sites));
    EXPECT_EQ(beside.village_units.size(), alone.village_units.size());
}

TEST_F(MapLayers, ASecondOpeningThatFailsLeavesTheSitesToTheFirst) {
    const render::MapLayers layers_read =
        render::MapLayers::read_store(*store, []() -> std::unique_ptr<store::ProjectStore> {
            throw Error("the project cannot be opened again");
        });
    EXPECT_EQ(layers_read.points.size(), layers->points.size());
    EXPECT_EQ(layers_read.lines.size(), layers->lines.size());
    EXPECT_EQ(layers_read.point_sites.size(), layers->point_sites.size());
}
