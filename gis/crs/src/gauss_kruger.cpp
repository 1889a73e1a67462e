#include "xiangjian/crs/gauss_kruger.h"

#include "xiangjian/core/language.h"
#include "xiangjian/core/text.h"
#include "xiangjian/crs/crs.h"

#include <cmath>

namespace xj::crs {

namespace {

/// EPSG codes of zone 25 (3°) or 13 (6°) in each family; zones follow consecutively.
struct Family {
    GeodeticDatum datum;
    int zone_width;
    bool zone_prefix;
    int first_epsg;
};

constexpr Family families[] = {
    {GeodeticDatum::cgcs2000, 3, true, 4513},     {GeodeticDatum::cgcs2000, 3, false, 4534},
    {GeodeticDatum::cgcs2000, 6, true, 4491},     {GeodeticDatum::cgcs2000, 6, false, 4502},
    {GeodeticDatum::xian1980, 3, true, 2349},     {GeodeticDatum::xian1980, 3, false, 2370},
    {GeodeticDatum::xian1980, 6, true, 2327},     {GeodeticDatum::xian1980, 6, false, 2338},
    {GeodeticDatum::beijing1954, 3, true, 2401},  {GeodeticDatum::beijing1954, 3, false, 2422},
    {GeodeticDatum::beijing1954, 6, true, 21413}, {GeodeticDatum::beijing1954, 6, false, 21473},
};

int first_zone(int zone_width) {
    return zone_width == 3 ? 25 : 13;
}
int zone_count(int zone_width) {
    return zone_width == 3 ? 21 : 11;
}

const char* datum_name(GeodeticDatum datum) {
    switch (datum) {
    case GeodeticDatum::cgcs2000:
        return "CGCS2000";
    case GeodeticDatum::xian1980:
        return "Xian 1980";
    case GeodeticDatum::beijing1954:
        return "Beijing 1954";
    }
    return "?";
}

// Half a 6° zone at China's southern border is about 340 km; eastings beyond this are not GK.
constexpr double half_zone_m = 400000.0;

bool fits(const GaussKrugerCrs& crs, double min_x, double max_x) {
    const double centre = crs.zone_prefix ? crs.zone * 1e6 + 500000.0 : 500000.0;
    return min_x >= centre - half_zone_m && max_x <= centre + half_zone_m;
}

std::string range_text(double min_x, double max_x) {
    return core::fixed(min_x) + "–" + core::fixed(max_x);
}

} // namespace

std::string GaussKrugerCrs::name() const {
    std::string text = std::string{datum_name(datum)} + " / " +
                       (zone_width == 3 ? "3-degree Gauss-Kruger " : "Gauss-Kruger ");
    return text + (zone_prefix ? "zone " + std::to_string(zone)
                               : "CM " + std::to_string(central_meridian) + "E");
}

std::optional<GaussKrugerCrs> gauss_kruger_crs(GeodeticDatum datum, int zone_width, int zone,
                                               bool zone_prefix) {
    for (const Family& family : families) {
        if (family.datum == datum && family.zone_width == zone_width &&
            family.zone_prefix == zone_prefix) {
            const int index = zone - first_zone(zone_width);
            if (index < 0 || index >= zone_count(zone_width)) {
                return std::nullopt;
            }
            return GaussKrugerCrs{family.first_epsg + index,
                                  datum,
                                  zone_width,
                                  zone,
                                  zone_width == 3 ? 3 * zone : 6 * zone - 3,
                                  zone_prefix};
        }
    }
    return std::nullopt;
}

std::optional<GaussKrugerCrs> gauss_kruger_crs(int epsg) {
    for (const Family& family : families) {
        const int index = epsg - family.first_epsg;
        if (index >= 0 && index < zone_count(family.zone_width)) {
            return gauss_kruger_crs(family.datum, family.zone_width,
                                    first_zone(family.zone_width) + index, family.zone_prefix);
        }
    }
    return std::nullopt;
}

std::string check_gauss_kruger_eastings(const GaussKrugerCrs& declared, double min_x, double max_x,
                                        int* suggested_epsg) {
    if (fits(declared, min_x, max_x)) {
        return {};
    }
    std::optional<GaussKrugerCrs> candidate;
    if (min_x >= 1e7) {
        // Eight-digit eastings: the leading two digits are the zone, which also tells 3° from 6°.
        const int zone = static_cast<int>(std::floor(min_x / 1e6));
        if (zone == static_cast<int>(std::floor(max_x / 1e6))) {
            const int width = zone >= 25 ? 3 : 6;
            candidate = gauss_kruger_crs(declared.datum, width, zone, true);
        }
    } else if (max_x < 1e6) {
        candidate = gauss_kruger_crs(declared.datum, declared.zone_width, declared.zone, false);
    }
    std::string message = text("东坐标 ", "eastings ") + range_text(min_x, max_x) +
                          text(" 与 EPSG:", " do not fit EPSG:") + std::to_string(declared.epsg) +
                          " (" + declared.name() + text(") 不符", ")");
    if (candidate && fits(*candidate, min_x, max_x)) {
        message += text("，但符合 EPSG:", " but fit EPSG:") + std::to_string(candidate->epsg) +
                   " (" + candidate->name() +
                   text(")；请用 --s-srs EPSG:", "); use --s-srs EPSG:") +
                   std::to_string(candidate->epsg);
        if (suggested_epsg != nullptr) {
            *suggested_epsg = candidate->epsg;
        }
    }
    return message;
}

std::string guess_crs_from_coordinates(double min_x, double min_y, double max_x, double max_y) {
    if (min_x >= 73 && max_x <= 136 && min_y >= 3 && max_y <= 54) {
        return text("坐标看来是中国境内的经纬度：试试 --s-srs EPSG:4490（CGCS2000）或 "
                    "EPSG:4326（WGS 84）",
                    "the coordinates look like longitude/latitude in China: try --s-srs EPSG:4490 "
                    "(CGCS2000) or EPSG:4326 (WGS 84)");
    }
    if (min_x >= 1.3e7 && max_x < 4.6e7 && std::floor(min_x / 1e6) == std::floor(max_x / 1e6)) {
        const int zone = static_cast<int>(std::floor(min_x / 1e6));
        const int width = zone >= 25 ? 3 : 6;
        std::string hint = text("东坐标带有带号 ", "the eastings carry zone number ") +
                           std::to_string(zone) + " (" + std::to_string(width) +
                           text("° 分带)：试试", "° zones): try");
        for (const auto datum :
             {GeodeticDatum::cgcs2000, GeodeticDatum::xian1980, GeodeticDatum::beijing1954}) {
            if (const auto crs = gauss_kruger_crs(datum, width, zone, true)) {
                hint += " --s-srs EPSG:" + std::to_string(crs->epsg) + " (" + crs->name() + ")";
            }
        }
        return hint;
    }
    if (min_x >= 100000 && max_x <= 900000 && min_y > 0 && max_y < 6.1e6) {
        return text("坐标看来是不带带号的高斯-克吕格米制坐标，无法从中看出中央经线——请向数据提供方"
                    "确认（东经 112.4° 附近的县为 EPSG:",
                    "the coordinates look like Gauss–Krüger metres without a zone number; the "
                    "central meridian cannot be told from them — ask the data's producer (for a "
                    "county near 112.4°E it is EPSG:") +
               std::to_string(gauss_kruger_3deg_epsg(112.4)) +
               text("，CGCS2000 中央经线 111E）", ", CGCS2000 CM 111E)");
    }
    return text("坐标既不像中国境内的经纬度，也不像高斯-克吕格米制坐标",
                "the coordinates do not look like longitude/latitude or Gauss–Krüger metres in "
                "China");
}

} // namespace xj::crs
