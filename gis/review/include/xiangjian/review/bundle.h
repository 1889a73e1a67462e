#pragma once

// A review bundle: the layers as shapefiles and tables, the data dictionary (字段说明.csv) and
// a manifest (README.txt), written into a folder or a .zip, atomically: everything goes into a
// hidden temporary place beside the destination, is checked, and is moved into place only when
// complete. A failure leaves nothing at the destination.

#include "xiangjian/core/date.h"
#include "xiangjian/review/shapefile_layer.h"

#include <string>
#include <utility>
#include <vector>

namespace xj::review {

struct BundleOptions {
    Encoding encoding = Encoding::utf8;
    int epsg = 4490;
    core::Date as_of;
    std::string county;   ///< for the manifest
    std::string township; ///< for the manifest: the township kept, empty for the county
};

struct BundleReport {
    std::vector<std::pair<std::string, std::size_t>> layers; ///< written, with their features
    std::vector<std::string> warnings;
};

/// Throws xj::Error before any work when `out` exists or its folder cannot be written; the
/// layers' own errors (text the encoding cannot hold …) before anything is written; a file that
/// does not read back as meant after writing. Empty layers are not written (the manifest says so).
BundleReport write_bundle(const std::vector<LayerData>& layers, const std::string& out,
                          const BundleOptions& options);

/// "EPSG:4490", "EPSG:4546" …: a CGCS2000 CRS (geographic, or a Gauss–Krüger zone:
/// EPSG:4491–4554); none for anything else.
std::optional<int> parse_review_crs(const std::string& text);

} // namespace xj::review
