#include "xiangjian/crs/china_offsets.h"

#include <cmath>
#include <numbers>

namespace xj::crs {

namespace {

constexpr double pi = std::numbers::pi;
constexpr double krasovsky_a = 6378245.0; // the algorithm's ellipsoid
constexpr double krasovsky_ee = 0.00669342162296594323;
constexpr double bd_x_pi = pi * 3000.0 / 180.0;

double lat_term(double x, double y) {
    double value =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
    value += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
    value += (20.0 * std::sin(y * pi) + 40.0 * std::sin(y / 3.0 * pi)) * 2.0 / 3.0;
    value += (160.0 * std::sin(y / 12.0 * pi) + 320.0 * std::sin(y * pi / 30.0)) * 2.0 / 3.0;
    return value;
}

double lon_term(double x, double y) {
    double value = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
    value += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
    value += (20.0 * std::sin(x * pi) + 40.0 * std::sin(x / 3.0 * pi)) * 2.0 / 3.0;
    value += (150.0 * std::sin(x / 12.0 * pi) + 300.0 * std::sin(x / 30.0 * pi)) * 2.0 / 3.0;
    return value;
}

LonLat offset(LonLat wgs) {
    const double d_lat = lat_term(wgs.lon - 105.0, wgs.lat - 35.0);
    const double d_lon = lon_term(wgs.lon - 105.0, wgs.lat - 35.0);
    const double rad_lat = wgs.lat / 180.0 * pi;
    const double magic = 1 - krasovsky_ee * std::sin(rad_lat) * std::sin(rad_lat);
    const double sqrt_magic = std::sqrt(magic);
    return {(d_lon * 180.0) / (krasovsky_a / sqrt_magic * std::cos(rad_lat) * pi),
            (d_lat * 180.0) / ((krasovsky_a * (1 - krasovsky_ee)) / (magic * sqrt_magic) * pi)};
}

} // namespace

bool outside_gcj_area(LonLat point) {
    return point.lon < 72.004 || point.lon > 137.8347 || point.lat < 0.8293 || point.lat > 55.8271;
}

LonLat wgs84_to_gcj02(LonLat wgs) {
    if (outside_gcj_area(wgs)) {
        return wgs;
    }
    const LonLat d = offset(wgs);
    return {wgs.lon + d.lon, wgs.lat + d.lat};
}

LonLat gcj02_to_wgs84(LonLat gcj) {
    if (outside_gcj_area(gcj)) {
        return gcj;
    }
    // Fixed point: find w with forward(w) = gcj. The offset changes slowly (a few metres per
    // kilometre), so each step gains about three orders of magnitude.
    LonLat wgs = gcj;
    for (int step = 0; step < 20; ++step) {
        const LonLat guess = wgs84_to_gcj02(wgs);
        const double d_lon = gcj.lon - guess.lon;
        const double d_lat = gcj.lat - guess.lat;
        wgs.lon += d_lon;
        wgs.lat += d_lat;
        if (std::abs(d_lon) < 1e-10 && std::abs(d_lat) < 1e-10) {
            break;
        }
    }
    return wgs;
}

LonLat gcj02_to_bd09(LonLat gcj) {
    const double z =
        std::sqrt(gcj.lon * gcj.lon + gcj.lat * gcj.lat) + 0.00002 * std::sin(gcj.lat * bd_x_pi);
    const double theta = std::atan2(gcj.lat, gcj.lon) + 0.000003 * std::cos(gcj.lon * bd_x_pi);
    return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

LonLat bd09_to_gcj02(LonLat bd) {
    // The published inverse formula, then refined: it alone is off by a few centimetres.
    const double x = bd.lon - 0.0065;
    const double y = bd.lat - 0.006;
    const double z = std::sqrt(x * x + y * y) - 0.00002 * std::sin(y * bd_x_pi);
    const double theta = std::atan2(y, x) - 0.000003 * std::cos(x * bd_x_pi);
    LonLat gcj{z * std::cos(theta), z * std::sin(theta)};
    for (int step = 0; step < 10; ++step) {
        const LonLat guess = gcj02_to_bd09(gcj);
        gcj.lon += bd.lon - guess.lon;
        gcj.lat += bd.lat - guess.lat;
        if (std::abs(bd.lon - guess.lon) < 1e-10 && std::abs(bd.lat - guess.lat) < 1e-10) {
            break;
        }
    }
    return gcj;
}

LonLat bd09_to_wgs84(LonLat bd) {
    return gcj02_to_wgs84(bd09_to_gcj02(bd));
}

} // namespace xj::crs
