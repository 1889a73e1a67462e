#include "xiangjian/import/photo_import.h"

#include "field_match.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/crs/china_offsets.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/crs/transformation.h"
#include "xiangjian/gdal/gdal_errors.h"
#include "xiangjian/geometry/ogr_conversion.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <gdal_priv.h>
#include <map>
#include <set>
#include <span>
#include <string_view>
#include <vector>

namespace xj::import {

namespace fs = std::filesystem;
using detail::fixed;

namespace {

/// The numbers of EXIF rationals as GDAL renders them, "(34) (9) (0.5)", up to `most`. Read
/// with std::from_chars: GDAL writes a dot whatever the locale, and sscanf's %lf would stop at
/// it in one with a decimal comma (the viewer runs in the user's).
std::vector<double> exif_numbers(const char* text, std::size_t most) {
    std::vector<double> numbers;
    const std::string_view all = text != nullptr ? text : "";
    std::size_t at = 0;
    while (numbers.size() < most) {
        const std::size_t open = all.find('(', at);
        if (open == std::string_view::npos ||
            all.substr(at, open - at).find_first_not_of(' ') != std::string_view::npos) {
            break;
        }
        std::size_t first = open + 1;
        while (first < all.size() && all[first] == ' ') {
            ++first;
        }
        double value = 0;
        const auto [end, error] =
            std::from_chars(all.data() + first, all.data() + all.size(), value);
        const std::size_t close = static_cast<std::size_t>(end - all.data());
        if (error != std::errc{} || close >= all.size() || all[close] != ')') {
            break;
        }
        numbers.push_back(value);
        at = close + 1;
    }
    return numbers;
}

/// EXIF degrees, minutes and seconds: "(34) (9) (0.5)".
std::optional<double> exif_degrees(const char* text) {
    const std::vector<double> parts = exif_numbers(text, 3);
    if (parts.empty()) {
        return std::nullopt;
    }
    double degrees = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        degrees += parts[i] / std::pow(60.0, static_cast<double>(i));
    }
    return degrees;
}

struct ExifFacts {
    std::optional<double> lon, lat, direction;
    std::string taken_at; ///< ISO 8601, local time
};

ExifFacts read_exif(const fs::path& file) {
    gdal::GdalErrorCapture errors;
    GDALDatasetUniquePtr dataset(GDALDataset::Open(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY,
                                                   nullptr, nullptr, nullptr));
    ExifFacts facts;
    if (!dataset) {
        throw InputError(
            file.string() +
                xj::text("：GDAL 无法把它当作图像读取（", ": GDAL cannot read it as an image (") +
                errors.message() + xj::text("）", ")"),
            InputPlace{file.string()});
    }
    const auto item = [&](const char* key) { return dataset->GetMetadataItem(key); };
    facts.lat = exif_degrees(item("EXIF_GPSLatitude"));
    facts.lon = exif_degrees(item("EXIF_GPSLongitude"));
    if (facts.lat && item("EXIF_GPSLatitudeRef") != nullptr &&
        item("EXIF_GPSLatitudeRef")[0] == 'S') {
        facts.lat = -*facts.lat;
    }
    if (facts.lon && item("EXIF_GPSLongitudeRef") != nullptr &&
        item("EXIF_GPSLongitudeRef")[0] == 'W') {
        facts.lon = -*facts.lon;
    }
    if (const auto direction = exif_numbers(item("EXIF_GPSImgDirection"), 1);
        !direction.empty() && direction[0] >= 0 && direction[0] <= 360) {
        facts.direction = direction[0];
    }
    const char* taken = item("EXIF_DateTimeOriginal");
    if (taken == nullptr) {
        taken = item("EXIF_DateTime");
    }
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (taken != nullptr &&
        std::sscanf(taken, "%d:%d:%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) == 6) {
        char iso[32];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s);
        facts.taken_at = iso;
    }
    return facts;
}

/// Distance from a point to each project's nearest site, in metres in a Gauss–Krüger zone.
class SiteDistances {
public:
    SiteDistances(const std::vector<store::ProjectSite>& sites, int projected_epsg)
        : m_forward(crs::transformation(crs::storage_epsg, projected_epsg)) {
        for (const auto& site : sites) {
            std::unique_ptr<OGRGeometry> projected = geometry::to_ogr(site.geometry);
            projected->transform(m_forward.get());
            m_sites.emplace_back(site.project_id, std::move(projected));
        }
    }
    /// Project id → distance to its nearest site.
    std::map<std::string, double> from(double lon, double lat) const {
        OGRPoint point(lon, lat);
        point.transform(m_forward.get());
        std::map<std::string, double> nearest;
        for (const auto& [project, geometry] : m_sites) {
            const double distance = geometry->Distance(&point);
            auto [at, inserted] = nearest.emplace(project, distance);
            if (!inserted) {
                at->second = std::min(at->second, distance);
            }
        }
        return nearest;
    }

private:
    std::unique_ptr<OGRCoordinateTransformation> m_forward;
    std::vector<std::pair<std::string, std::unique_ptr<OGRGeometry>>> m_sites;
};

std::pair<std::string, double> closest(const std::map<std::string, double>& distances) {
    std::pair<std::string, double> best{"", INFINITY};
    for (const auto& [project, distance] : distances) {
        if (distance < best.second) {
            best = {project, distance};
        }
    }
    return best;
}

/// The JPEG files under a folder, sorted, and the other files counted by extension.
struct PhotoFiles {
    std::vector<fs::path> jpeg;
    std::map<std::string, std::size_t> skipped;
};

PhotoFiles list_photos(const std::string& directory) {
    if (!fs::is_directory(directory)) {
        throw InputError(directory + xj::text("：不是文件夹", ": not a folder"),
                         InputPlace{directory});
    }
    PhotoFiles files;
    for (const auto& entry : fs::recursive_directory_iterator(directory)) {
        if (!entry.is_regular_file()) {
            continue;
        }
        std::string extension = entry.path().extension().string();
        std::transform(extension.begin(), extension.end(), extension.begin(), ::tolower);
        if (extension == ".jpg" || extension == ".jpeg") {
            files.jpeg.push_back(entry.path());
        } else {
            ++files.skipped[extension.empty() ? std::string{"(none)"} : extension];
        }
    }
    std::sort(files.jpeg.begin(), files.jpeg.end());
    return files;
}

/// What the project holds that a photo is checked against: its projects, their sites, and the
/// days of the evidence each already has (visits and progress reports).
struct Evidence {
    std::set<std::string> project_ids;
    std::map<std::string, std::vector<core::Date>> days;
    std::unique_ptr<SiteDistances> distances;

    explicit Evidence(const store::ProjectStore& store)
        : Evidence(store.projects(), store.site_visits(), store.progress_reports(), store.sites()) {
    }

    /// One project's: what a photo attached to its progress is checked against.
    Evidence(const store::ProjectStore& store, const std::string& project_id)
        : Evidence(store.projects(std::span<const std::string>(&project_id, 1)),
                   store.site_visits(std::span<const std::string>(&project_id, 1)),
                   store.progress_reports(std::span<const std::string>(&project_id, 1)),
                   store.sites(std::span<const std::string>(&project_id, 1))) {}

    Evidence(const std::vector<core::Project>& projects, const std::vector<core::SiteVisit>& visits,
             const std::vector<core::ProgressReport>& reports,
             const std::vector<store::ProjectSite>& sites) {
        for (const auto& project : projects) {
            project_ids.insert(project.id);
        }
        for (const auto& visit : visits) {
            days[visit.project_id].push_back(visit.visit_date);
        }
        for (const auto& report : reports) {
            days[report.project_id].push_back(report.report_date);
        }
        store::Box extent;
        for (const auto& site : sites) {
            extent.expand(site.geometry.box());
        }
        const int metric_epsg =
            !extent.empty() ? crs::gauss_kruger_3deg_epsg((extent.min_x + extent.max_x) / 2) : 4546;
        distances = std::make_unique<SiteDistances>(sites, metric_epsg);
    }
};

/// The report's head: where the photos came from, and the files that were not photos.
ImportReport report_for(const std::string& directory, const PhotoFiles& files, bool dry_run) {
    ImportReport report;
    report.dry_run = dry_run;
    report.source = directory + xj::text("（", " (") + std::to_string(files.jpeg.size()) +
                    xj::text(" 个 JPEG 文件，EXIF）", " JPEG files, EXIF)");
    report.encoding = "-";
    report.source_crs = "EXIF GPS (WGS 84)";
    report.read = files.jpeg.size();
    if (!files.skipped.empty()) {
        std::string list;
        for (const auto& [extension, count] : files.skipped) {
            list += (list.empty() ? "" : ", ") + extension + " " + std::to_string(count);
        }
        // Phones may save HEIC: its EXIF is read only from JPEG here.
        report.notes.push_back(
            xj::text("不是 JPEG 照片的文件未处理（",
                     "files that are not JPEG photos were left alone (") +
            list +
            (files.skipped.count(".heic") + files.skipped.count(".heif") != 0
                 ? xj::text("；请把 HEIC 照片导出为 JPEG，并保留位置信息）",
                            "; export HEIC photos as JPEG, keeping their location)")
                 : xj::text("）", ")")));
    }
    return report;
}

/// A folder or file name that is a project id says which project the photo is of.
std::string claimed_project(const fs::path& relative, const std::set<std::string>& project_ids) {
    std::string claimed;
    for (const fs::path& part : relative) {
        const std::string stem = part.stem().string();
        if (project_ids.count(stem) != 0 || project_ids.count(part.string()) != 0) {
            claimed = project_ids.count(stem) != 0 ? stem : part.string();
        }
    }
    return claimed;
}

/// The photo matched to a project (the one its path names, else the nearest within the
/// radius), with the evidence checks' findings in its flags and in the report.
core::Photo matched_photo(const std::string& name, const fs::path& relative, const ExifFacts& facts,
                          const Evidence& evidence, const PhotoImportOptions& options,
                          ImportReport& report) {
    core::Photo photo;
    photo.path = name;
    photo.lon = *facts.lon;
    photo.lat = *facts.lat;
    photo.taken_at = facts.taken_at;
    photo.direction_deg = facts.direction;
    std::vector<std::string> flags;

    const auto near = evidence.distances->from(photo.lon, photo.lat);
    const std::string claimed = claimed_project(relative, evidence.project_ids);
    const auto [nearest, nearest_m] = closest(near);
    if (!claimed.empty()) {
        photo.project_id = claimed;
        if (const auto found = near.find(claimed); found != near.end()) {
            photo.distance_m = found->second;
            if (found->second > options.radius_m) {
                flags.push_back(xj::text("拍摄位置距 ", "taken ") + fixed(found->second) +
                                xj::text(" 米外的 ", " m from the site of ") + claimed +
                                xj::text(" 点位", ""));
            }
        }
    } else if (!nearest.empty() && nearest_m <= options.radius_m) {
        photo.project_id = nearest;
        photo.distance_m = nearest_m;
    }

    // A phone app that saved web-map (GCJ-02) coordinates puts the photo hundreds of metres
    // off; removing the offset then brings it onto a site.
    const crs::LonLat corrected = crs::gcj02_to_wgs84({photo.lon, photo.lat});
    const auto [shifted_to, shifted_m] =
        closest(evidence.distances->from(corrected.lon, corrected.lat));
    const double raw_m = photo.project_id.empty() ? nearest_m : near.at(photo.project_id);
    if (!shifted_to.empty() && shifted_m <= options.radius_m / 2 && raw_m > 150 &&
        shifted_m * 3 < raw_m && (photo.project_id.empty() || shifted_to == photo.project_id)) {
        flags.push_back(xj::text("位置像是 GCJ-02 偏移过的（GCJ-02-shifted）：去掉偏移后距 ",
                                 "position looks GCJ-02-shifted: without the offset it is ") +
                        fixed(shifted_m) + xj::text(" 米，在 ", " m from the site of ") +
                        shifted_to + xj::text(" 点位（原样：", " (as stored: ") + fixed(raw_m) +
                        xj::text(" 米）", " m)"));
    }

    const auto taken =
        photo.taken_at.empty() ? std::nullopt : core::Date::parse_iso(photo.taken_at.substr(0, 10));
    if (!photo.project_id.empty() && taken) {
        const auto found = evidence.days.find(photo.project_id);
        const std::vector<core::Date> none;
        const auto& days = found == evidence.days.end() ? none : found->second;
        int closest_days = INT32_MAX;
        for (const core::Date day : days) {
            closest_days = std::min(closest_days, std::abs(days_between(*taken, day)));
        }
        if (closest_days > options.time_window_days) {
            flags.push_back(xj::text("拍摄于 ", "taken ") + taken->iso() + xj::text("，", ", ") +
                            (days.empty() ? xj::text("而该项目没有督导或填报",
                                                     "and the project has no visit or report")
                             : language() == Language::zh
                                 ? "距 " + photo.project_id + " 最近的督导或填报 " +
                                       std::to_string(closest_days) + " 天"
                                 : std::to_string(closest_days) +
                                       " days from any visit or report of " + photo.project_id));
        }
    } else if (!taken) {
        flags.push_back(xj::text("没有 EXIF 日期", "no EXIF date"));
    }
    for (const auto& flag : flags) {
        photo.flags += (photo.flags.empty() ? "" : "; ") + flag;
        report.warnings.push_back(name + ": " + flag);
    }
    if (photo.project_id.empty()) {
        report.unmatched.push_back(name + xj::text("：", ": no site within ") +
                                   fixed(options.radius_m) + xj::text(" 米内没有项目点位", " m") +
                                   (nearest.empty()
                                        ? std::string{}
                                        : xj::text("（最近：", " (nearest: ") + nearest + ", " +
                                              fixed(nearest_m) + xj::text(" 米）", " m)")));
    }
    return photo;
}

/// The photos' EXIF facts, or why a file gives none (listed, not fatal: one broken file among
/// hundreds).
std::optional<ExifFacts> usable_facts(const fs::path& file, const std::string& name,
                                      ImportReport& report) {
    ExifFacts facts;
    try {
        facts = read_exif(file);
    } catch (const Error& error) {
        report.unmatched.push_back(name + ": " + error.what());
        return std::nullopt;
    }
    if (!facts.lon || !facts.lat) {
        report.unmatched.push_back(
            name + xj::text("：EXIF 中没有 GPS 位置", ": no GPS position in its EXIF"));
        return std::nullopt;
    }
    if (*facts.lon == 0 && *facts.lat == 0) {
        report.unmatched.push_back(name + xj::text("：GPS 位置为 0, 0（手机没有定位）",
                                                   ": GPS position 0, 0 (the phone had no fix)"));
        return std::nullopt;
    }
    return facts;
}

} // namespace

ImportReport import_photos(store::ProjectStore& store, const std::string& directory,
                           const PhotoImportOptions& options) {
    gdal::initialize_gdal();
    const PhotoFiles files = list_photos(directory);
    const Evidence evidence(store);
    std::map<std::string, core::Photo> existing;
    for (auto& photo : store.photos()) {
        existing.emplace(photo.path, photo);
    }

    ImportReport report = report_for(directory, files, options.dry_run);
    std::vector<core::Photo> photos;
    for (const fs::path& file : files.jpeg) {
        const fs::path relative = fs::relative(file, directory);
        const std::string name = relative.string();
        if (const auto facts = usable_facts(file, name, report)) {
            photos.push_back(matched_photo(name, relative, *facts, evidence, options, report));
        }
    }

    store::Transaction transaction(store);
    for (const auto& photo : photos) {
        const auto found = existing.find(photo.path);
        if (found == existing.end()) {
            ++report.added;
        } else if (found->second == photo) {
            ++report.unchanged;
            continue;
        } else {
            ++report.updated;
        }
        store.upsert_photo(photo);
    }
    if (!options.dry_run) {
        transaction.commit();
    }
    return report;
}

AttachedPhotos attach_photos(const store::ProjectStore& store, const std::string& project_file,
                             const std::string& project_id, core::Date day,
                             const std::vector<std::string>& files,
                             const PhotoImportOptions& options) {
    gdal::initialize_gdal();
    Evidence evidence(store, project_id);
    evidence.days[project_id].push_back(day); // the report the photos come with
    const fs::path root = fs::absolute(project_file).parent_path();
    const fs::path folder = fs::path("photos") / project_id;
    AttachedPhotos attached;
    try {
        fs::create_directories(root / folder);
        ImportReport report;
        int n = 0;
        for (const std::string& source : files) {
            const auto facts = usable_facts(source, source, report);
            if (!facts) {
                throw InputError(report.unmatched.back(), InputPlace{source});
            }
            std::string extension = fs::path(source).extension().string();
            std::transform(extension.begin(), extension.end(), extension.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            fs::path name;
            do { // named by project and date; never over another photo
                name =
                    folder / (project_id + "_" + day.iso() + "_" + std::to_string(++n) + extension);
            } while (fs::exists(root / name));
            fs::copy_file(source, root / name);
            attached.copied.push_back((root / name).string());
            // Checked as `import photos` checks a photo in a folder named after its project.
            core::Photo photo =
                matched_photo(name.generic_string(), name.lexically_relative("photos"), *facts,
                              evidence, options, report);
            photo.project_id = project_id;
            attached.photos.push_back(std::move(photo));
        }
        attached.warnings = std::move(report.warnings);
    } catch (const fs::filesystem_error& error) {
        discard(attached);
        throw Error(error.path1().string() +
                    xj::text("：无法复制照片（", ": cannot copy the photo (") +
                    error.code().message() + xj::text("）", ")"));
    } catch (...) {
        discard(attached);
        throw;
    }
    return attached;
}

void discard(const AttachedPhotos& attached) {
    for (const std::string& copy : attached.copied) {
        std::error_code ignored;
        fs::remove(copy, ignored);
    }
}

} // namespace xj::import
