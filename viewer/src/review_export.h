#pragma once

// File → Export for review: the bundle `xiangjian export shapefile|gpkg` writes, with the same
// options, from the window. The work runs on a worker thread behind a progress dialog; the
// checks come first and stop it with their findings.

#ifndef Q_MOC_RUN
#include "xiangjian/core/date.h"
#include "xiangjian/review/dbf_text.h"
#endif

#include <QDialog>
#include <QString>
#include <functional>
#include <string>
#include <vector>

class QComboBox;
class QLineEdit;

namespace xj::core {
class Portfolio;
}

namespace xj::viewer {

struct ReviewExportOptions {
    enum class Format { shapefile, gpkg };
    Format format = Format::shapefile;
    QString out; ///< a folder or .zip for shapefiles, a .gpkg
    review::Encoding encoding = review::Encoding::utf8;
    int epsg = 4490;
    core::Date as_of;
    std::string township_code; ///< empty: the county
};

/// Exports the project at `project_path`; `stage` is told each step ("checking …"). Returns
/// what was written, in words; throws xj::Error (the checks' findings, a destination that
/// exists …) with nothing written.
QString export_for_review(const QString& project_path, const ReviewExportOptions& options,
                          const std::function<void(const QString&)>& stage = {});

/// The options, asked: format, CRS (CGCS2000 lon/lat or the county's 3° zone), encoding,
/// township, destination.
class ReviewExportDialog : public QDialog {
    Q_OBJECT
public:
    ReviewExportDialog(const core::Portfolio& portfolio, int zone_epsg, core::Date as_of,
                       QWidget* parent = nullptr);
    ReviewExportOptions options() const;

private:
    core::Date m_as_of;
    QComboBox* m_format;
    QComboBox* m_crs;
    QComboBox* m_encoding;
    QComboBox* m_township;
    QLineEdit* m_out;
};

} // namespace xj::viewer
