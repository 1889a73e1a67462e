#pragma once

// GCJ-02 (国测局, the obfuscated datum of Chinese web and phone maps) and BD-09 (Baidu's
// further offset). PROJ does not know them: they are a published non-linear algorithm, not a
// datum. The forward direction is that algorithm; the inverse is solved by fixed-point
// iteration to better than a centimetre, where the usual one-step inverse is off by metres.

namespace xj::crs {

struct LonLat {
    double lon = 0;
    double lat = 0;
};

/// The GCJ-02 offset applies inside this rough box only; outside it GCJ-02 equals WGS 84.
bool outside_gcj_area(LonLat point);

LonLat wgs84_to_gcj02(LonLat wgs);
LonLat gcj02_to_wgs84(LonLat gcj);
LonLat gcj02_to_bd09(LonLat gcj);
LonLat bd09_to_gcj02(LonLat bd);
LonLat bd09_to_wgs84(LonLat bd);

} // namespace xj::crs
