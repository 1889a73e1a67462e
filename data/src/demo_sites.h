#pragma once

// Where the demo's projects are built. The geometry is invented like the county's: points
// inside their village, roads and dikes as meandering lines of their planned length inside
// their township (from village to village when the name says so), the reservoir as a long lake
// upstream of its dam, PV stations as plots sized
// by capacity. All shapes are made in metres in the county's Gauss–Krüger zone (through PROJ)
// and returned in CGCS2000 longitude/latitude.

#include <memory>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <string>
#include <vector>

namespace xj::demo {

class SiteGenerator {
public:
    /// `projected_epsg`: the metric CRS to draw in (the county's Gauss–Krüger zone).
    explicit SiteGenerator(int projected_epsg);
    ~SiteGenerator();
    SiteGenerator(const SiteGenerator&) = delete;
    SiteGenerator& operator=(const SiteGenerator&) = delete;

    /// A point strictly inside `area`, chosen by `key`.
    std::unique_ptr<OGRPoint> point_in(const OGRMultiPolygon& area, const std::string& key) const;

    /// A meandering line of about `length_km` that stays inside `area`. It starts at `start`
    /// when given (else at a point chosen by `key`) and heads roughly along `bearing_deg`
    /// (0 = east, 90 = north) when given, else in a direction chosen by `key`.
    std::unique_ptr<OGRMultiLineString> line_in(const OGRMultiPolygon& area, double length_km,
                                                const std::string& key,
                                                const OGRPoint* start = nullptr,
                                                const double* bearing_deg = nullptr) const;

    /// A meandering line inside `area` from each of `stops` to the next (a road from one
    /// village to another, or through several).
    std::unique_ptr<OGRMultiLineString> line_through(const OGRMultiPolygon& area,
                                                     const std::vector<OGRPoint>& stops,
                                                     const std::string& key) const;

    /// An irregular elongated lake that ends at `dam` and reaches `length_km` upstream (west).
    std::unique_ptr<OGRMultiPolygon> lake_upstream_of(const OGRPoint& dam, double length_km,
                                                      double width_km,
                                                      const std::string& key) const;

    /// A square plot of `area_m2` centred on `centre`.
    std::unique_ptr<OGRMultiPolygon> plot_around(const OGRPoint& centre, double area_m2) const;

private:
    std::unique_ptr<OGRGeometry> to_metres(const OGRGeometry& geometry) const;
    void to_degrees(OGRGeometry& geometry) const;

    std::unique_ptr<OGRCoordinateTransformation> m_forward;
    std::unique_ptr<OGRCoordinateTransformation> m_inverse;
};

} // namespace xj::demo
