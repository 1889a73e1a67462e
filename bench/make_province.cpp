// A deterministic province-sized data set for the import and render benchmarks: about 47,000
// village polygons of 60–150 vertices over Henan's extent, 120,000 project points and 20,000
// road lines, written as Shapefile and GeoPackage through GDAL.
//
//   build/bin/xj_make_province OUT_DIR
//
// Villages are the cells of a jittered grid whose shared corners move together, so they tile
// the province exactly; each edge is subdivided (collinear points) so that every village has
// 60–150 vertices, as digitised boundaries do. Codes follow the 12-digit structure.
//
// By default neighbours share the vertices of their common border, as boundaries exported from
// a topologically edited coverage do. With --independent-edges each village subdivides its own
// edges, so that a vertex of one lies on a segment of its neighbour (borders digitised twice).
// With --wiggly-edges the shared borders are not straight: each one is a polyline whose inner
// vertices wander off the line between its corners (as surveyed village borders follow field
// edges and streams), still one polyline used by both neighbours.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <string>
#include <vector>

namespace {

constexpr double west = 110.36, east = 116.65, south = 31.38, north = 36.37; // Henan
constexpr int columns = 230, rows = 205;                                     // 47,150 cells
constexpr int point_count = 120000, road_count = 20000;
bool independent_edges = false;
bool wiggly_edges = false;

double unit(std::uint64_t key) { // splitmix64 → [0, 1)
    key += 0x9E3779B97F4A7C15ull;
    key = (key ^ (key >> 30)) * 0xBF58476D1CE4E5B9ull;
    key = (key ^ (key >> 27)) * 0x94D049BB133111EBull;
    key ^= key >> 31;
    return static_cast<double>(key >> 11) * 0x1.0p-53;
}

/// Grid corner (i, j), jittered inside the province but fixed on its border.
std::pair<double, double> corner(int i, int j) {
    const double dx = (east - west) / columns, dy = (north - south) / rows;
    double x = west + i * dx, y = south + j * dy;
    if (i > 0 && i < columns) {
        x += (unit(std::uint64_t(i) * 100003u + std::uint64_t(j) * 7u + 1) - 0.5) * 0.6 * dx;
    }
    if (j > 0 && j < rows) {
        y += (unit(std::uint64_t(i) * 100003u + std::uint64_t(j) * 7u + 2) - 0.5) * 0.6 * dy;
    }
    return {x, y};
}

void add(OGRLayer* layer, OGRFeature& feature) {
    if (layer->CreateFeature(&feature) != OGRERR_NONE) {
        std::fprintf(stderr, "cannot write a feature to %s\n", layer->GetName());
        std::exit(1);
    }
}

GDALDatasetUniquePtr create(const char* driver, const std::string& path) {
    std::filesystem::remove_all(path);
    return GDALDatasetUniquePtr(GetGDALDriverManager()->GetDriverByName(driver)->Create(
        path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
}

OGRLayer* make_layer(GDALDataset& dataset, const char* name, OGRwkbGeometryType type,
                     OGRSpatialReference& srs, bool shapefile) {
    char** options = nullptr;
    if (shapefile) {
        options = CSLSetNameValue(options, "ENCODING", "UTF-8");
    }
    OGRLayer* layer = dataset.CreateLayer(name, &srs, type, options);
    CSLDestroy(options);
    return layer;
}

/// The points of the edge from grid corner a towards b, b excluded: 14–36 of them, so that a
/// village has 60–150. A shared edge is computed once from its lower corner and reversed for
/// the other village, so that both carry bit-identical vertices.
void add_edge(OGRLinearRing& ring, std::pair<int, int> a, std::pair<int, int> b, int cell) {
    const bool reversed = !independent_edges && b < a;
    const auto from = reversed ? b : a, to = reversed ? a : b;
    const std::uint64_t key =
        independent_edges
            ? std::uint64_t(cell) * 31u + 5
            : (std::uint64_t(from.first) * 1000003u + std::uint64_t(from.second)) * 4u +
                  (to.first != from.first ? 1u : 2u);
    const int per_edge = 14 + static_cast<int>(unit(key) * 23);
    const auto [ax, ay] = corner(from.first, from.second);
    const auto [bx, by] = corner(to.first, to.second);
    std::vector<std::pair<double, double>> points;
    // A wiggle across the edge, at most a tenth of its length: with corners jittered by at
    // most 30 % of a cell, neighbouring edges cannot meet, so every village stays valid.
    const double length = std::hypot(bx - ax, by - ay);
    const double across_x = -(by - ay) / length, across_y = (bx - ax) / length;
    for (int s = 0; s <= per_edge; ++s) {
        const double t = static_cast<double>(s) / per_edge;
        double offset = 0;
        if (wiggly_edges && s > 0 && s < per_edge) {
            const double envelope = std::sin(t * 3.141592653589793); // 0 at both corners
            offset = (unit(key * 64u + std::uint64_t(s)) - 0.5) * 0.2 * length * envelope;
        }
        points.emplace_back(s == per_edge ? bx : ax + t * (bx - ax) + offset * across_x,
                            s == per_edge ? by : ay + t * (by - ay) + offset * across_y);
    }
    if (reversed) {
        std::reverse(points.begin(), points.end());
    }
    points.pop_back(); // the next edge starts there
    for (const auto& [x, y] : points) {
        ring.addPoint(x, y);
    }
}

void write_villages(GDALDataset& dataset, OGRSpatialReference& srs, bool shapefile) {
    OGRLayer* layer = make_layer(dataset, "villages", wkbPolygon, srs, shapefile);
    OGRFieldDefn code("code", OFTString);
    code.SetWidth(12);
    layer->CreateField(&code);
    OGRFieldDefn name("name", OFTString);
    name.SetWidth(40);
    layer->CreateField(&name);
    OGRFieldDefn households("households", OFTInteger);
    layer->CreateField(&households);
    dataset.StartTransaction();
    for (int j = 0; j < rows; ++j) {
        for (int i = 0; i < columns; ++i) {
            const int cell = j * columns + i;
            const std::pair<int, int> corners[] = {{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}};
            OGRLinearRing ring;
            for (int k = 0; k < 4; ++k) {
                add_edge(ring, corners[k], corners[(k + 1) % 4], cell);
            }
            ring.closeRings();
            OGRPolygon polygon;
            polygon.addRing(&ring);
            OGRFeature feature(layer->GetLayerDefn());
            // 41 CC TTT VVV: county, township, village digits of the 12-digit code.
            char text[32];
            std::snprintf(text, sizeof text, "41%02d%02d%03d%03d", 1 + cell / 2000 % 99,
                          1 + cell / 2000 / 99, 100 + cell / 20 % 100, 200 + cell % 20);
            feature.SetField("code", text);
            std::snprintf(text, sizeof text, "第%d村", cell + 1);
            feature.SetField("name", text);
            feature.SetField("households", 180 + static_cast<int>(unit(cell * 13u + 3) * 770));
            feature.SetGeometry(&polygon);
            add(layer, feature);
        }
    }
    dataset.CommitTransaction();
}

/// Project id and type, as offices name them: in Chinese, or in pinyin abbreviations where DBF
/// field names hold only 10 bytes (项目编号 → XMBH).
void add_project_fields(OGRLayer& layer, bool shapefile) {
    OGRFieldDefn id(shapefile ? "XMBH" : "项目编号", OFTString);
    id.SetWidth(16);
    layer.CreateField(&id);
    OGRFieldDefn type(shapefile ? "XMLX" : "项目类型", OFTString);
    type.SetWidth(8);
    layer.CreateField(&type);
}

void write_points(GDALDataset& dataset, OGRSpatialReference& srs, bool shapefile) {
    OGRLayer* layer = make_layer(dataset, "sites", wkbPoint, srs, shapefile);
    add_project_fields(*layer, shapefile);
    const char* types[] = {"饮水", "住房", "道路", "光伏", "其他"};
    dataset.StartTransaction();
    for (int n = 0; n < point_count; ++n) {
        OGRFeature feature(layer->GetLayerDefn());
        char text[32];
        std::snprintf(text, sizeof text, "P%06d", n + 1);
        feature.SetField(0, text);
        feature.SetField(1, types[n % 5]);
        OGRPoint point(west + unit(n * 2u + 11) * (east - west),
                       south + unit(n * 2u + 12) * (north - south));
        feature.SetGeometry(&point);
        add(layer, feature);
    }
    dataset.CommitTransaction();
}

void write_roads(GDALDataset& dataset, OGRSpatialReference& srs, bool shapefile) {
    OGRLayer* layer = make_layer(dataset, "roads", wkbLineString, srs, shapefile);
    add_project_fields(*layer, shapefile);
    dataset.StartTransaction();
    for (int n = 0; n < road_count; ++n) {
        OGRFeature feature(layer->GetLayerDefn());
        char text[32];
        std::snprintf(text, sizeof text, "R%06d", n + 1);
        feature.SetField(0, text);
        feature.SetField(1, "道路");
        OGRLineString line;
        double x = west + 0.1 + unit(n * 3u + 21) * (east - west - 0.2);
        double y = south + 0.1 + unit(n * 3u + 22) * (north - south - 0.2);
        double heading = unit(n * 3u + 23) * 6.283;
        const int vertices = 5 + static_cast<int>(unit(n * 5u + 1) * 16);
        for (int v = 0; v < vertices; ++v) {
            line.addPoint(x, y);
            heading += (unit(n * 977u + v) - 0.5) * 0.8;
            x += 0.003 * std::cos(heading); // about 300 m a step
            y += 0.003 * std::sin(heading);
        }
        feature.SetGeometry(&line);
        add(layer, feature);
    }
    dataset.CommitTransaction();
}

} // namespace

int main(int argc, char** argv) {
    const std::string option = argc == 3 ? argv[2] : "";
    if (option == "--independent-edges") {
        independent_edges = true;
    } else if (option == "--wiggly-edges") {
        wiggly_edges = true;
    } else if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUT_DIR [--independent-edges|--wiggly-edges]\n", argv[0]);
        return 2;
    }
    GDALAllRegister();
    const std::string out = argv[1];
    std::filesystem::create_directories(out);
    OGRSpatialReference srs;
    srs.importFromEPSG(4490);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

    auto gpkg = create("GPKG", out + "/province.gpkg");
    write_villages(*gpkg, srs, false);
    write_points(*gpkg, srs, false);
    write_roads(*gpkg, srs, false);
    gpkg.reset();
    for (const char* name : {"villages", "sites", "roads"}) {
        auto shp = create("ESRI Shapefile", out + "/" + name + ".shp");
        if (std::string{name} == "villages") {
            write_villages(*shp, srs, true);
        } else if (std::string{name} == "sites") {
            write_points(*shp, srs, true);
        } else {
            write_roads(*shp, srs, true);
        }
    }
    std::printf("wrote %d villages, %d points, %d roads to %s\n", columns * rows, point_count,
                road_count, out.c_str());
    return 0;
}
