#include "xiangjian/core/error.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/demo/county_geometry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <string>
#include <vector>

namespace {

using xj::demo::CountySpec;
using xj::demo::GeneratedUnit;
using xj::demo::TownshipSpec;

// Ruyang County (汝阳县, 410326): 112°08′–112°38′E, 33°49′–34°21′N, 1,328 km², seat (城关镇)
// at 112.467°E 34.154°N.
constexpr double k_west = 112.0 + 8.0 / 60.0;
constexpr double k_east = 112.0 + 38.0 / 60.0;
constexpr double k_south = 33.0 + 49.0 / 60.0;
constexpr double k_north = 34.0 + 21.0 / 60.0;
constexpr double k_area_km2 = 1330.0;
constexpr double k_seat_lon = 112.467;
constexpr double k_seat_lat = 34.154;
constexpr int k_measure_epsg = 4546; // CGCS2000 3-degree GK CM 111°E, the zone of the county
const std::string k_county = "410326000000";
const std::string k_seat_township = "410326100000";

std::filesystem::path villages_csv() {
#ifdef XJ_DATA_DIR
    const std::filesystem::path data = XJ_DATA_DIR;
#else
    const std::filesystem::path data =
        std::filesystem::path(__FILE__).parent_path().parent_path() / "data";
#endif
    return data / "ruyang" / "villages.csv";
}

/// Splits one CSV record; enough for our own files (quoted fields, doubled quotes).
std::vector<std::string> split_csv(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
            fields.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return fields;
}

/// Townships in order of first appearance, villages in file order.
std::vector<TownshipSpec> townships_from_csv(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> header = split_csv(line);
    const auto column = [&header](const std::string& name) {
        return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) -
                                        header.begin());
    };
    const std::size_t code = column("code");
    const std::size_t township = column("township_code");
    std::vector<TownshipSpec> townships;
    std::map<std::string, std::size_t> index;
    while (std::getline(in, line)) {
        const std::vector<std::string> fields = split_csv(line);
        if (fields.size() <= std::max(code, township)) {
            continue;
        }
        // The file gives 9-digit township codes; units are keyed by 12 digits.
        const std::string township_code = fields[township] + std::string(12 - 9, '0');
        const auto [it, added] = index.try_emplace(township_code, townships.size());
        if (added) {
            townships.push_back({township_code, {}});
        }
        townships[it->second].village_codes.push_back(fields[code]);
    }
    return townships;
}

/// Until data/ruyang/villages.csv exists: made-up codes with Ruyang's real village counts.
std::vector<TownshipSpec> made_up_townships() {
    const int counts[] = {23, 15, 14, 20, 24, 12, 12, 14, 13, 16, 11, 12, 27, 7};
    std::vector<TownshipSpec> townships;
    for (int t = 0; t < 14; ++t) {
        const std::string prefix = "410326" + std::to_string(100 + t);
        TownshipSpec township{prefix + "000", {}};
        for (int v = 0; v < counts[t]; ++v) {
            township.village_codes.push_back(prefix + std::to_string(201 + v));
        }
        townships.push_back(std::move(township));
    }
    return townships;
}

struct CtDeleter {
    void operator()(OGRCoordinateTransformation* ct) const {
        OGRCoordinateTransformation::DestroyCT(ct);
    }
};

/// EPSG:4490 (lon, lat) to a Gauss–Krüger zone in metres.
class Projector {
public:
    explicit Projector(int epsg) {
        m_geographic.importFromEPSG(4490);
        m_geographic.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        m_projected.importFromEPSG(epsg);
        m_projected.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        m_ct.reset(OGRCreateCoordinateTransformation(&m_geographic, &m_projected));
    }

    std::unique_ptr<OGRGeometry> project(const OGRGeometry& geometry) const {
        std::unique_ptr<OGRGeometry> result(geometry.clone());
        result->transform(m_ct.get());
        return result;
    }

    OGRRawPoint project(double lon, double lat) const {
        OGRRawPoint p{lon, lat};
        m_ct->Transform(1, &p.x, &p.y);
        return p;
    }

private:
    OGRSpatialReference m_geographic;
    OGRSpatialReference m_projected;
    std::unique_ptr<OGRCoordinateTransformation, CtDeleter> m_ct;
};

CountySpec ruyang_spec(std::uint64_t seed) {
    const double centre_lon = (k_west + k_east) / 2.0;
    const double centre_lat = (k_south + k_north) / 2.0;
    const Projector gk(xj::crs::gauss_kruger_3deg_epsg(centre_lon));
    const OGRRawPoint west = gk.project(k_west, centre_lat);
    const OGRRawPoint east = gk.project(k_east, centre_lat);
    const OGRRawPoint south = gk.project(centre_lon, k_south);
    const OGRRawPoint north = gk.project(centre_lon, k_north);
    CountySpec spec;
    spec.code = k_county;
    spec.centre_lon = centre_lon;
    spec.centre_lat = centre_lat;
    spec.width_km = std::hypot(east.x - west.x, east.y - west.y) / 1000.0;
    spec.height_km = std::hypot(north.x - south.x, north.y - south.y) / 1000.0;
    spec.area_km2 = k_area_km2;
    spec.seat_lon = k_seat_lon;
    spec.seat_lat = k_seat_lat;
    spec.seat_township = k_seat_township;
    spec.townships = std::filesystem::exists(villages_csv()) ? townships_from_csv(villages_csv())
                                                             : made_up_townships();
    spec.seed = seed;
    return spec;
}

std::vector<unsigned char> wkb_of(const OGRGeometry& geometry) {
    std::vector<unsigned char> wkb(geometry.WkbSize());
    geometry.exportToWkb(wkbNDR, wkb.data());
    return wkb;
}

double area_of(const OGRGeometry& geometry) {
    return geometry.toMultiPolygon()->get_Area();
}

/// Area of an overlay result, which may mix polygons with lines and points.
double surface_area(const OGRGeometry& geometry) {
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPolygon:
        return geometry.toPolygon()->get_Area();
    case wkbMultiPolygon:
        return geometry.toMultiPolygon()->get_Area();
    case wkbGeometryCollection: {
        double sum = 0.0;
        for (const OGRGeometry* part : *geometry.toGeometryCollection()) {
            sum += surface_area(*part);
        }
        return sum;
    }
    default:
        return 0.0;
    }
}

class RuyangGeometry : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_spec = ruyang_spec(20240601);
        s_units = xj::demo::generate_county_geometry(s_spec);
        const Projector gk(k_measure_epsg);
        for (const GeneratedUnit& unit : s_units) {
            s_projected.push_back(gk.project(*unit.geometry));
        }
    }
    static void TearDownTestSuite() {
        s_projected.clear();
        s_units.clear();
    }

    static std::size_t township_count() { return s_spec.townships.size(); }
    static std::size_t first_village() { return 1 + township_count(); }

    /// Indices into s_units of the villages of township t.
    static std::vector<std::size_t> villages_of(std::size_t t) {
        std::size_t first = first_village();
        for (std::size_t i = 0; i < t; ++i) {
            first += s_spec.townships[i].village_codes.size();
        }
        std::vector<std::size_t> result;
        for (std::size_t v = 0; v < s_spec.townships[t].village_codes.size(); ++v) {
            result.push_back(first + v);
        }
        return result;
    }

    /// Area of the symmetric difference between a unit and the union of its parts, in m².
    static double tiling_gap(std::size_t whole, const std::vector<std::size_t>& parts) {
        OGRMultiPolygon collection;
        for (const std::size_t part : parts) {
            for (const OGRPolygon* polygon : *s_projected[part]->toMultiPolygon()) {
                collection.addGeometry(polygon);
            }
        }
        const std::unique_ptr<OGRGeometry> merged(collection.UnionCascaded());
        const std::unique_ptr<OGRGeometry> difference(
            merged->SymDifference(s_projected[whole].get()));
        return surface_area(*difference);
    }

    static double summed_area(const std::vector<std::size_t>& parts) {
        double sum = 0.0;
        for (const std::size_t part : parts) {
            sum += area_of(*s_projected[part]);
        }
        return sum;
    }

    static inline CountySpec s_spec;
    static inline std::vector<GeneratedUnit> s_units;
    static inline std::vector<std::unique_ptr<OGRGeometry>> s_projected;
};

TEST_F(RuyangGeometry, ListsCountyThenTownshipsThenVillagesInSpecOrder) {
    std::vector<std::string> expected{k_county};
    for (const TownshipSpec& township : s_spec.townships) {
        expected.push_back(township.code);
    }
    for (const TownshipSpec& township : s_spec.townships) {
        expected.insert(expected.end(), township.village_codes.begin(),
                        township.village_codes.end());
    }
    ASSERT_EQ(township_count(), 14U);
    ASSERT_EQ(expected.size(), 1U + 14U + 220U);
    ASSERT_EQ(s_units.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(s_units[i].code, expected[i]) << "unit " << i;
    }
}

TEST_F(RuyangGeometry, EveryUnitIsOneValidPolygonInCgcs2000) {
    for (const GeneratedUnit& unit : s_units) {
        ASSERT_NE(unit.geometry, nullptr) << unit.code;
        EXPECT_FALSE(unit.geometry->IsEmpty()) << unit.code;
        EXPECT_EQ(unit.geometry->getNumGeometries(), 1) << unit.code;
        EXPECT_TRUE(unit.geometry->IsValid()) << unit.code;
        const OGRSpatialReference* srs = unit.geometry->getSpatialReference();
        ASSERT_NE(srs, nullptr) << unit.code;
        EXPECT_STREQ(srs->GetAuthorityCode(nullptr), "4490") << unit.code;
    }
}

TEST_F(RuyangGeometry, CountyHasTheRequestedAreaAndExtent) {
    EXPECT_NEAR(area_of(*s_projected[0]) / 1.0e6, k_area_km2, 0.03 * k_area_km2);
    OGREnvelope box;
    s_units[0].geometry->getEnvelope(&box);
    EXPECT_NEAR(box.MinX, k_west, 0.03);
    EXPECT_NEAR(box.MaxX, k_east, 0.03);
    EXPECT_NEAR(box.MinY, k_south, 0.03);
    EXPECT_NEAR(box.MaxY, k_north, 0.03);
}

TEST_F(RuyangGeometry, VillagesTileTheirTownship) {
    for (std::size_t t = 0; t < township_count(); ++t) {
        const std::size_t township = 1 + t;
        const std::vector<std::size_t> villages = villages_of(t);
        const double area = area_of(*s_projected[township]);
        EXPECT_NEAR(summed_area(villages), area, 1e-4 * area) << s_units[township].code;
        EXPECT_LT(tiling_gap(township, villages), 1.0) << s_units[township].code;
    }
}

TEST_F(RuyangGeometry, TownshipsTileTheCounty) {
    std::vector<std::size_t> townships;
    for (std::size_t t = 0; t < township_count(); ++t) {
        townships.push_back(1 + t);
    }
    const double area = area_of(*s_projected[0]);
    EXPECT_NEAR(summed_area(townships), area, 1e-4 * area);
    EXPECT_LT(tiling_gap(0, townships), 1.0);
}

TEST_F(RuyangGeometry, NoTwoVillagesOverlap) {
    std::vector<OGREnvelope> boxes(s_projected.size());
    for (std::size_t i = first_village(); i < s_projected.size(); ++i) {
        s_projected[i]->getEnvelope(&boxes[i]);
    }
    for (std::size_t i = first_village(); i < s_projected.size(); ++i) {
        for (std::size_t j = i + 1; j < s_projected.size(); ++j) {
            if (!boxes[i].Intersects(boxes[j])) {
                continue;
            }
            const std::unique_ptr<OGRGeometry> overlap(
                s_projected[i]->Intersection(s_projected[j].get()));
            EXPECT_LT(surface_area(*overlap), 1.0) << s_units[i].code << " and " << s_units[j].code;
        }
    }
}

TEST_F(RuyangGeometry, TownshipSizesFollowTheirVillageCounts) {
    const double county = area_of(*s_projected[0]);
    const double average = county / static_cast<double>(township_count());
    for (std::size_t t = 0; t < township_count(); ++t) {
        const double area = area_of(*s_projected[1 + t]);
        const double target = county *
                              static_cast<double>(s_spec.townships[t].village_codes.size()) /
                              static_cast<double>(s_units.size() - first_village());
        EXPECT_GT(area, average / 3.0) << s_units[1 + t].code;
        EXPECT_NEAR(area, target, 0.15 * target) << s_units[1 + t].code;
    }
}

TEST_F(RuyangGeometry, SeatLiesInTheSeatTownship) {
    const OGRPoint seat(k_seat_lon, k_seat_lat);
    for (std::size_t t = 0; t < township_count(); ++t) {
        EXPECT_EQ(s_units[1 + t].geometry->Contains(&seat), s_units[1 + t].code == k_seat_township)
            << s_units[1 + t].code;
    }
}

TEST_F(RuyangGeometry, SameSpecGivesIdenticalGeometryAndAnotherSeedDoesNot) {
    const std::vector<GeneratedUnit> again = xj::demo::generate_county_geometry(s_spec);
    ASSERT_EQ(again.size(), s_units.size());
    for (std::size_t i = 0; i < again.size(); ++i) {
        EXPECT_EQ(again[i].code, s_units[i].code);
        EXPECT_EQ(wkb_of(*again[i].geometry), wkb_of(*s_units[i].geometry)) << again[i].code;
    }
    CountySpec other = s_spec;
    other.seed += 1;
    const std::vector<GeneratedUnit> different = xj::demo::generate_county_geometry(other);
    ASSERT_EQ(different.size(), s_units.size());
    EXPECT_NE(wkb_of(*different[0].geometry), wkb_of(*s_units[0].geometry));
    EXPECT_NE(wkb_of(*different[1].geometry), wkb_of(*s_units[1].geometry));
}

TEST(CountyGeometrySpec, ImpossibleSpecsThrow) {
    const CountySpec good = ruyang_spec(1);
    CountySpec spec = good;
    spec.area_km2 = spec.width_km * spec.height_km; // cannot fill its own bounding box
    EXPECT_THROW(xj::demo::generate_county_geometry(spec), xj::Error);
    spec = good;
    spec.seat_township = "410326999000";
    EXPECT_THROW(xj::demo::generate_county_geometry(spec), xj::Error);
    spec = good;
    spec.townships[3].village_codes.clear();
    EXPECT_THROW(xj::demo::generate_county_geometry(spec), xj::Error);
    spec = good;
    spec.townships[2].village_codes[0] = "41032610";
    EXPECT_THROW(xj::demo::generate_county_geometry(spec), xj::Error);
    spec = good;
    spec.seat_lon = 113.5; // outside the box
    EXPECT_THROW(xj::demo::generate_county_geometry(spec), xj::Error);
}

} // namespace
