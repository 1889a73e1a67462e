#pragma once

#include "xiangjian/import/import_report.h"
#include "xiangjian/store/project_store.h"

namespace xj::import {

struct PhotoImportOptions {
    double radius_m = 200;     ///< a photo farther than this from every site is unmatched
    int time_window_days = 14; ///< a photo this far from every visit and report is flagged
    bool dry_run = false;
};

/// Imports the geotagged JPEGs of a folder (EXIF read through GDAL). Each photo is attached to
/// the nearest project site within the radius — or, when it sits in a folder named after a
/// project id, to that project — with its time and direction; the rest are listed as
/// unmatched. Evidence checks flag a photo taken far from any visit or report of its project,
/// one far from its project's site, and one whose position looks GCJ-02-shifted (a phone app
/// that stored web-map coordinates: hundreds of metres off in the known direction).
ImportReport import_photos(store::ProjectStore& store, const std::string& directory,
                           const PhotoImportOptions& options);

} // namespace xj::import
