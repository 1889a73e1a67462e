#pragma once

// The checks before anything goes up for review (`xiangjian check`, and the first step of every
// export): the project's CRS is CGCS2000; every village and project code is a valid 12-digit
// code under its parent; every geometry is valid and inside the county; required fields are
// present; every text can be encoded in the chosen encoding; no value would be cut. Errors stop
// an export; warnings go into its manifest.

#include "xiangjian/review/shapefile_layer.h"
#include "xiangjian/store/project_store.h"

#include <string>
#include <vector>

namespace xj::review {

struct Findings {
    std::vector<std::string> errors; ///< each names the layer or unit, the feature, the reason
    std::vector<std::string> warnings;
};

/// `layers` as review_layers() makes them.
Findings check_for_review(const store::ProjectStore& store, const std::vector<LayerData>& layers,
                          Encoding encoding);

} // namespace xj::review
