#include "review_export.h"

#include "labels.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/portfolio.h"
#include "xiangjian/review/bundle.h"
#include "xiangjian/review/gpkg_copy.h"
#include "xiangjian/review/review_checks.h"
#include "xiangjian/review/review_layers.h"
#include "xiangjian/store/open_project.h"
#include "xiangjian/store/portfolio_loader.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace xj::viewer {

QString export_for_review(const QString& project_path, const ReviewExportOptions& options,
                          const std::function<void(const QString&)>& stage) {
    const auto say = [&](const QString& what) {
        if (stage) {
            stage(what);
        }
    };
    say(ReviewExportDialog::tr("Reading the project…"));
    const auto store = store::open_project(project_path.toStdString(), store::Access::read_only);
    const core::Portfolio portfolio(store::load_portfolio(*store));
    const auto layers =
        review::review_layers(*store, portfolio, options.as_of, options.township_code);
    say(ReviewExportDialog::tr("Checking…"));
    const review::Findings findings = review::check_for_review(*store, layers, options.encoding);
    if (!findings.errors.empty()) {
        std::string listed;
        for (const std::string& error : findings.errors) {
            listed += "\n" + error;
        }
        throw Error(text("不能上报，", "not ready for review, ") +
                    std::to_string(findings.errors.size()) + text(" 处错误：", " errors:") +
                    listed);
    }
    say(ReviewExportDialog::tr("Writing and reading back…"));
    std::vector<std::pair<std::string, std::size_t>> written;
    if (options.format == ReviewExportOptions::Format::gpkg) {
        written = review::write_review_gpkg(layers, options.out.toStdString());
    } else {
        review::BundleOptions bundle;
        bundle.encoding = options.encoding;
        bundle.epsg = options.epsg;
        bundle.as_of = options.as_of;
        for (const core::AdminUnit& unit : portfolio.admin_units()) {
            if (unit.level == core::AdminLevel::county) {
                bundle.county = unit.name + " " + unit.code;
            }
            if (unit.code == options.township_code) {
                bundle.township = unit.name + " " + unit.code;
            }
        }
        written = review::write_bundle(layers, options.out.toStdString(), bundle).layers;
    }
    QStringList counts;
    for (const auto& [name, count] : written) {
        counts << qs(name) + QStringLiteral(" ") + QString::number(count);
    }
    return ReviewExportDialog::tr("Wrote %1: %2")
        .arg(options.out, counts.join(QStringLiteral(", ")));
}

ReviewExportDialog::ReviewExportDialog(const core::Portfolio& portfolio, int zone_epsg,
                                       core::Date as_of, QWidget* parent)
    : QDialog(parent), m_as_of(as_of) {
    setWindowTitle(tr("Export for review"));
    auto* form = new QFormLayout(this);
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("format"));
    m_format->addItem(tr("Shapefile bundle (.zip)"), QStringLiteral("zip"));
    m_format->addItem(tr("Shapefile bundle (folder)"), QStringLiteral("folder"));
    m_format->addItem(tr("GeoPackage with styles (.gpkg)"), QStringLiteral("gpkg"));
    form->addRow(tr("Format"), m_format);
    m_crs = new QComboBox(this);
    m_crs->setObjectName(QStringLiteral("crs"));
    m_crs->addItem(tr("CGCS2000 longitude/latitude (EPSG:4490)"), 4490);
    m_crs->addItem(tr("CGCS2000 Gauss–Krüger 3° zone (EPSG:%1)").arg(zone_epsg), zone_epsg);
    form->addRow(tr("CRS"), m_crs);
    m_encoding = new QComboBox(this);
    m_encoding->setObjectName(QStringLiteral("encoding"));
    m_encoding->addItem(QStringLiteral("UTF-8"), QStringLiteral("UTF-8"));
    m_encoding->addItem(tr("GBK (code page 936)"), QStringLiteral("GBK"));
    form->addRow(tr("Text encoding"), m_encoding);
    m_township = new QComboBox(this);
    m_township->setObjectName(QStringLiteral("township"));
    m_township->addItem(tr("The whole county"), QString());
    for (const core::AdminUnit& unit : portfolio.admin_units()) {
        if (unit.level == core::AdminLevel::township) {
            m_township->addItem(qs(unit.name), qs(unit.code));
        }
    }
    form->addRow(tr("Township"), m_township);
    auto* destination = new QWidget(this);
    auto* row = new QHBoxLayout(destination);
    row->setContentsMargins(0, 0, 0, 0);
    m_out = new QLineEdit(destination);
    m_out->setObjectName(QStringLiteral("out"));
    auto* browse = new QPushButton(tr("Choose…"), destination);
    row->addWidget(m_out, 1);
    row->addWidget(browse);
    form->addRow(tr("Save as"), destination);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString format = m_format->currentData().toString();
        const QString path =
            format == QStringLiteral("folder")
                ? QFileDialog::getSaveFileName(this, tr("A new folder for the bundle"))
                : QFileDialog::getSaveFileName(this, tr("Save the export"), QString(),
                                               format == QStringLiteral("gpkg")
                                                   ? tr("GeoPackage (*.gpkg)")
                                                   : tr("Zip (*.zip)"));
        if (!path.isEmpty()) {
            m_out->setText(path);
        }
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_out->text().trimmed().isEmpty()) {
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    setMinimumWidth(520);
}

ReviewExportOptions ReviewExportDialog::options() const {
    ReviewExportOptions options;
    const QString format = m_format->currentData().toString();
    options.format = format == QStringLiteral("gpkg") ? ReviewExportOptions::Format::gpkg
                                                      : ReviewExportOptions::Format::shapefile;
    options.out = m_out->text().trimmed();
    if (format == QStringLiteral("zip") && !options.out.endsWith(QStringLiteral(".zip"))) {
        options.out += QStringLiteral(".zip");
    }
    options.encoding = m_encoding->currentData().toString() == QStringLiteral("GBK")
                           ? review::Encoding::gbk
                           : review::Encoding::utf8;
    options.epsg = m_crs->currentData().toInt();
    options.as_of = m_as_of;
    options.township_code = m_township->currentData().toString().toStdString();
    return options;
}

} // namespace xj::viewer
