#pragma once

#include "xiangjian/import/import_report.h"
#include "xiangjian/store/project_store.h"

#include <string>
#include <vector>

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

/// Photos attached to a progress entry, copied beside the project.
struct AttachedPhotos {
    std::vector<core::Photo> photos;   ///< paths relative to the project's folder
    std::vector<std::string> copied;   ///< the copies, absolute: to remove if the entry fails
    std::vector<std::string> warnings; ///< the evidence checks' findings, as `import photos`
};

/// Copies the photo files into photos/PROJECT_ID/ beside the project file, named by project
/// and day (RY2018-011_2018-09-07_1.jpg), and checks each as `import photos` does: its EXIF
/// position against the project's sites, its time against the project's visits and reports
/// and `day`, a GCJ-02 shift. A photo without a GPS position is refused (InputError naming
/// it), and nothing is left copied.
AttachedPhotos attach_photos(const store::ProjectStore& store, const std::string& project_file,
                             const std::string& project_id, core::Date day,
                             const std::vector<std::string>& files,
                             const PhotoImportOptions& options = {});
/// Removes the copies (the entry they came with was not saved).
void discard(const AttachedPhotos& attached);

} // namespace xj::import
