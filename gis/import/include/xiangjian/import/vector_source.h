#pragma once

// Reads any GDAL vector source (Shapefile, GeoPackage, GeoJSON, KML, FileGDB, CSV with WKT or
// coordinate columns, XLSX) as it really arrives: text decoded to UTF-8 whatever its encoding,
// geometry taken from the source's own CRS and reprojected with PROJ to CGCS2000 (EPSG:4490,
// longitude first). Nothing is written anywhere: importers decide what to do with the result.

#include "xiangjian/core/error.h"

#include <memory>
#include <ogr_geometry.h>
#include <optional>
#include <string>
#include <vector>

namespace xj::import {

/// Web and phone map coordinates are offset from WGS 84 by a published algorithm PROJ does not
/// know; a source in them is first brought back to WGS 84.
enum class CoordinateOffset { none, gcj02, bd09 };

struct SourceOptions {
    std::string layer;             ///< empty: the only layer (an error if there are several)
    std::string encoding = "auto"; ///< auto, UTF-8, GBK, GB18030
    std::string source_srs;        ///< --s-srs: used when the source has no CRS, or to override
    /// For tables with coordinate columns: their names (empty = recognise 经度/纬度, lon/lat,
    /// lng, longitude/latitude, x/y).
    std::string x_column;
    std::string y_column;
    /// GCJ-02 or BD-09 longitude/latitude (the CRS must then be geographic WGS 84-like).
    CoordinateOffset offset = CoordinateOffset::none;
    /// Coordinates of a row that cannot be read leave the row without geometry and are kept
    /// as its SourceFeature::error, for an importer that reports them with the row's other
    /// errors; else reading fails, naming every such row.
    bool keep_row_errors = false;
};

struct SourceFeature {
    long long fid = -1;      ///< GDAL's feature id
    std::size_t ordinal = 0; ///< 1-based position in the source, as error messages cite it
    std::vector<std::optional<std::string>> values; ///< UTF-8 text, aligned with fields
    std::unique_ptr<OGRGeometry> geometry;          ///< EPSG:4490 lon/lat; null if none
    /// Why its coordinates could not be read (with SourceOptions::keep_row_errors).
    std::optional<InputError> error;
};

struct SourceData {
    std::string path;
    std::string layer;
    std::string driver;
    std::string encoding;        ///< the encoding the text was read in
    std::string encoding_reason; ///< why: ".cpg", "--encoding", "detected", "UTF-8 by format"
    std::string source_crs;      ///< what the coordinates were in, e.g. "EPSG:2383 (Xian 1980 …)"
    /// PROJ knows no datum transformation from the source datum to CGCS2000 (Xi'an 1980,
    /// Beijing 1954): it kept the coordinates' datum as is ("ballpark"), which is off by up to
    /// tens of metres. Importers pass this on.
    bool approximate_datum = false;
    std::vector<std::string> fields;
    /// The group name a two-row spreadsheet header put before a field's own name ("坐标" of
    /// "坐标经度"), aligned with fields; empty when none.
    std::vector<std::string> groups;
    /// The fields read as the features' geometry (longitude/latitude, WKT).
    std::vector<int> geometry_fields;
    std::vector<SourceFeature> features;
    /// The CGCS2000 3° Gauss–Krüger zone of the data's centre (for measuring and display).
    int suggested_gk_epsg = 0;
    /// What reading decided that the user should hear of (e.g. survey X/Y read as N/E).
    std::vector<std::string> notes;

    /// Index of a column by exact name, or -1.
    int column(const std::string& name) const;
    /// "FILE, feature N" — how messages cite a feature.
    std::string cite(const SourceFeature& feature) const;
    /// The same as an error's place: the row a spreadsheet user sees, or the feature's
    /// position; with the column when one is named.
    InputPlace place(const SourceFeature& feature, std::string column = {}) const;
};

/// Throws xj::Error naming the file and the reason (missing .dbf or .shx, a .prj that is not a
/// CRS, no CRS at all without --s-srs, eastings that fit another Gauss–Krüger CRS, text that is
/// not valid in the declared encoding, a feature GDAL cannot read).
SourceData read_vector_source(const std::string& path, const SourceOptions& options);

} // namespace xj::import
