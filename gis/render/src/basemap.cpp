#include "basemap.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/gdal/gdal_errors.h"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <memory>
#include <vector>

namespace xj::render::detail {

namespace {

/// A dataset a GDAL utility (C API) returned, owned.
GDALDatasetUniquePtr owned(GDALDatasetH handle) {
    return GDALDatasetUniquePtr(GDALDataset::FromHandle(handle));
}

/// GDAL utility options from an argument list.
class Arguments {
public:
    explicit Arguments(const std::vector<std::string>& args) {
        for (const std::string& arg : args) {
            m_list = CSLAddString(m_list, arg.c_str());
        }
    }
    ~Arguments() { CSLDestroy(m_list); }
    Arguments(const Arguments&) = delete;
    Arguments& operator=(const Arguments&) = delete;
    char** list() const { return m_list; }

private:
    char** m_list = nullptr;
};

bool is_elevation(GDALDataset& source) {
    if (source.GetRasterCount() != 1) {
        return false;
    }
    GDALRasterBand* band = source.GetRasterBand(1);
    return band->GetColorTable() == nullptr && band->GetRasterDataType() != GDT_Byte;
}

std::string format_number(double value) {
    return CPLSPrintf("%.10g", value);
}

} // namespace

QImage basemap_image(const std::string& path, const render::DisplayCrs& crs, const MapView& view) {
    gdal::initialize_gdal();
    gdal::GdalErrorCapture errors;
    const auto detail = [&] {
        return errors.has_error() ? text("：", ": ") + errors.message() : std::string{};
    };
    GDALDatasetUniquePtr source(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!source) {
        throw Error(path + text("：不是 GDAL 能读取的栅格", ": not a raster GDAL can read") +
                    detail());
    }
    GDALDataset* dataset = source.get();
    if (dataset->GetSpatialRef() == nullptr && dataset->GetGCPSpatialRef() == nullptr) {
        throw Error(
            path + text("：栅格没有坐标参考系", ": the raster has no coordinate reference system"));
    }
    const bool elevation = is_elevation(*dataset);
    std::vector<std::string> args = {"-of",
                                     "MEM",
                                     "-t_srs",
                                     crs.definition(),
                                     "-te",
                                     format_number(view.box.min_x),
                                     format_number(view.box.min_y),
                                     format_number(view.box.max_x),
                                     format_number(view.box.max_y),
                                     "-ts",
                                     std::to_string(view.width),
                                     std::to_string(view.height),
                                     "-r",
                                     elevation ? "bilinear" : "cubic"};
    if (!elevation) {
        args.push_back("-dstalpha"); // transparent outside the raster
    }
    const Arguments warp_args(args);
    GDALWarpAppOptions* warp_options = GDALWarpAppOptionsNew(warp_args.list(), nullptr);
    GDALDatasetH sources[] = {GDALDataset::ToHandle(source.get())};
    int failed = 0;
    GDALDatasetUniquePtr warped = owned(GDALWarp("", nullptr, 1, sources, warp_options, &failed));
    GDALWarpAppOptionsFree(warp_options);
    if (!warped || failed != 0) {
        throw Error(path + text("：无法把栅格变换到 ", ": cannot warp the raster to ") +
                    crs.name() + detail());
    }
    if (elevation) {
        // Hillshade in the display CRS, whose units are metres like the elevations.
        const Arguments shade_args({"-of", "MEM", "-compute_edges", "-multidirectional"});
        GDALDEMProcessingOptions* shade_options =
            GDALDEMProcessingOptionsNew(shade_args.list(), nullptr);
        GDALDatasetUniquePtr shaded = owned(GDALDEMProcessing(
            "", GDALDataset::ToHandle(warped.get()), "hillshade", nullptr, shade_options, &failed));
        GDALDEMProcessingOptionsFree(shade_options);
        if (!shaded || failed != 0) {
            throw Error(path + text("：无法计算晕渲", ": cannot compute the hillshade") + detail());
        }
        warped = std::move(shaded);
    }
    GDALDataset* out = warped.get();
    const int bands = out->GetRasterCount();
    const int w = view.width, h = view.height;
    std::vector<std::vector<GByte>> data(static_cast<std::size_t>(bands),
                                         std::vector<GByte>(static_cast<std::size_t>(w) * h));
    for (int b = 0; b < bands; ++b) {
        if (out->GetRasterBand(b + 1)->RasterIO(GF_Read, 0, 0, w, h,
                                                data[static_cast<std::size_t>(b)].data(), w, h,
                                                GDT_Byte, 0, 0) != CE_None) {
            throw Error(path + text("：无法读取变换后的栅格", ": cannot read the warped raster") +
                        detail());
        }
    }
    const GDALColorTable* palette = bands >= 1 ? out->GetRasterBand(1)->GetColorTable() : nullptr;
    QImage image(w, h, QImage::Format_ARGB32);
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const std::size_t i = static_cast<std::size_t>(y) * w + x;
            const auto band = [&](int b) { return data[static_cast<std::size_t>(b)][i]; };
            int r = 0, g = 0, bl = 0, a = 255;
            if (elevation) {
                // Hillshade 0 is "no data" at the edges: leave it out.
                r = g = bl = band(0);
                a = band(0) == 0 ? 0 : 255;
            } else if (bands <= 2) {
                if (palette != nullptr) {
                    const GDALColorEntry* entry = palette->GetColorEntry(band(0));
                    if (entry != nullptr) {
                        r = entry->c1, g = entry->c2, bl = entry->c3, a = entry->c4;
                    }
                } else {
                    r = g = bl = band(0);
                }
                a = bands == 2 ? std::min(a, static_cast<int>(band(1))) : a;
            } else {
                r = band(0), g = band(1), bl = band(2);
                a = band(bands - 1);
                if (bands == 3) {
                    a = 255;
                }
            }
            row[x] = qRgba(r, g, bl, a);
        }
    }
    return image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

} // namespace xj::render::detail
