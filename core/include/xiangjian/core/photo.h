#pragma once

#include <optional>
#include <string>

namespace xj::core {

/// A geotagged site photo: where and when the phone says it was taken, the project it was
/// attached to, and the evidence checks that failed for it.
struct Photo {
    std::string path; ///< as given to the import, relative to its folder
    double lon = 0;   ///< CGCS2000 (phone GPS is WGS 84; they agree within decimetres)
    double lat = 0;
    std::string taken_at; ///< EXIF DateTimeOriginal as ISO 8601, e.g. 2018-08-03T10:15:00
    std::optional<double> direction_deg; ///< EXIF GPSImgDirection, degrees from north
    std::string project_id;              ///< empty when unmatched
    std::optional<double> distance_m;    ///< to the nearest site of that project
    std::string flags; ///< evidence findings, "; "-separated; empty when all checks pass

    friend bool operator==(const Photo&, const Photo&) = default;
};

} // namespace xj::core
