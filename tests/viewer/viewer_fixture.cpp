#include "viewer_fixture.h"

#include "project_session.h"
#include "viewer_app.h"
#include "xiangjian/demo/ruyang_demo.h"

#include <QColor>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QStandardPaths>
#include <cmath>
#include <gdal_priv.h>

namespace xj::test {

QString scratch_dir() {
    static QTemporaryDir dir;
    return dir.path();
}

QString demo_project() {
    static const QString path = [] {
        const QString file = scratch_dir() + QStringLiteral("/ruyang.gpkg");
        demo::build_ruyang_demo(file.toStdString());
        return file;
    }();
    return path;
}

bool wait_settled(viewer::MainWindow& window, int timeout_ms) {
    return viewer::wait_until_settled(window, timeout_ms);
}

std::unique_ptr<viewer::MainWindow> open_demo(viewer::UiLanguage language) {
    auto window = std::make_unique<viewer::MainWindow>(language, false);
    window->resize(1400, 900);
    window->show();
    window->open_project_now(demo_project());
    return window;
}

QPointF site_point(const viewer::MainWindow& window, const std::string& project_id) {
    const render::MapLayers& layers = window.session()->layers();
    const auto first_point =
        [&](const render::FlatLayer& layer,
            const std::vector<render::MapSite>& sites) -> std::optional<QPointF> {
        for (std::size_t i = 0; i < sites.size(); ++i) {
            if (sites[i].project_id == project_id && layer.shape(i).parts > 0) {
                const auto xy = layer.points(layer.parts(layer.shape(i)).front());
                return window.canvas()->device_point(xy.x(0), xy.y(0));
            }
        }
        return std::nullopt;
    };
    for (const auto& [layer, sites] : {std::pair{&layers.points, &layers.point_sites},
                                       std::pair{&layers.lines, &layers.line_sites},
                                       std::pair{&layers.polygons, &layers.polygon_sites}}) {
        if (const auto point = first_point(*layer, *sites)) {
            return *point;
        }
    }
    return {-1, -1};
}

std::string isolated_point_project(const viewer::MainWindow& window, double clearance,
                                   const std::string& other_than) {
    const render::MapLayers& layers = window.session()->layers();
    const QSize size = window.canvas()->size();
    std::vector<std::pair<std::string, QPointF>> points;
    const auto collect = [&](const render::FlatLayer& layer,
                             const std::vector<render::MapSite>& sites) {
        for (std::size_t i = 0; i < sites.size(); ++i) {
            for (const auto& part : layer.parts(layer.shape(i))) {
                const auto xy = layer.points(part);
                for (std::size_t k = 0; k < xy.count(); ++k) {
                    points.emplace_back(sites[i].project_id,
                                        window.canvas()->device_point(xy.x(k), xy.y(k)));
                }
            }
        }
    };
    collect(layers.points, layers.point_sites);
    collect(layers.lines, layers.line_sites);
    collect(layers.polygons, layers.polygon_sites);
    for (std::size_t i = 0; i < layers.point_sites.size(); ++i) {
        const std::string& id = layers.point_sites[i].project_id;
        if (id == other_than) {
            continue;
        }
        const QPointF at = site_point(window, id);
        if (at.x() < 30 || at.y() < 30 || at.x() > size.width() - 30 ||
            at.y() > size.height() - 30) {
            continue;
        }
        bool alone = true;
        for (const auto& [other, point] : points) {
            if (other != id && std::hypot(point.x() - at.x(), point.y() - at.y()) < clearance) {
                alone = false;
                break;
            }
        }
        if (alone) {
            return id;
        }
    }
    return {};
}

bool geotagged_photo(const QString& path, double lon, double lat, const char* taken) {
    QImage picture(320, 240, QImage::Format_RGB32);
    picture.fill(QColor(180, 120, 60));
    if (!picture.save(path, "JPEG")) {
        return false;
    }
    GDALAllRegister();
    GDALDatasetUniquePtr source(GDALDataset::Open(path.toUtf8().constData(), GDAL_OF_RASTER));
    if (!source) {
        return false;
    }
    GDALDatasetUniquePtr memory(GetGDALDriverManager()->GetDriverByName("MEM")->CreateCopy(
        "", source.get(), FALSE, nullptr, nullptr, nullptr));
    const auto dms = [](double degrees) {
        const double d = std::floor(degrees);
        const double m = std::floor((degrees - d) * 60);
        const double sec = ((degrees - d) * 60 - m) * 60;
        return QStringLiteral("(%1) (%2) (%3)").arg(d).arg(m).arg(sec, 0, 'f', 4).toStdString();
    };
    if (!std::isnan(lon) && !std::isnan(lat)) {
        memory->SetMetadataItem("EXIF_GPSLatitude", dms(lat).c_str());
        memory->SetMetadataItem("EXIF_GPSLatitudeRef", "N");
        memory->SetMetadataItem("EXIF_GPSLongitude", dms(lon).c_str());
        memory->SetMetadataItem("EXIF_GPSLongitudeRef", "E");
    }
    memory->SetMetadataItem("EXIF_DateTimeOriginal", taken);
    source.reset();
    // The phone's EXIF goes in as GDAL writes a copy of the JPEG.
    GDALDatasetUniquePtr jpeg(GetGDALDriverManager()->GetDriverByName("JPEG")->CreateCopy(
        path.toUtf8().constData(), memory.get(), FALSE, nullptr, nullptr, nullptr));
    return jpeg != nullptr;
}

} // namespace xj::test
