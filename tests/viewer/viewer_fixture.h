#pragma once

// What the viewer's QTest suites share: the demo county built once per process, a window on
// it, and waits on the window's own "everything is drawn" state.

#include "main_window.h"

#include <QImage>
#include <QPointF>
#include <QString>
#include <QTemporaryDir>
#include <memory>
#include <string>

namespace xj::test {

/// Builds the demo county (Ruyang) into a temporary folder on first use.
QString demo_project();
/// A temporary folder that lives as long as the process.
QString scratch_dir();

/// A window on the demo at 1400×900, shown, settled; Chinese unless told.
std::unique_ptr<viewer::MainWindow> open_demo(viewer::UiLanguage language = viewer::UiLanguage::zh);

/// Processes events until the window is settled; false after `timeout_ms`.
bool wait_settled(viewer::MainWindow& window, int timeout_ms = 30000);

/// The first point of a site of the project on the map, in canvas device pixels.
QPointF site_point(const viewer::MainWindow& window, const std::string& project_id);

/// A project with a point site lying at least `clearance` pixels from every other site in the
/// current view, and inside it; empty when there is none.
std::string isolated_point_project(const viewer::MainWindow& window, double clearance,
                                   const std::string& other_than = {});

/// A phone's JPEG at `path`: a plain picture with EXIF GPS position (lon/lat, degrees) and
/// time ("2018:08:03 10:15:00"), written by GDAL; no position when `lon` and `lat` are NaN.
bool geotagged_photo(const QString& path, double lon, double lat, const char* taken);
} // namespace xj::test
