// The window's files besides the project: map and table exports, recent files, the error
// dialog and the settings kept between sessions.

#include "date_bar.h"
#include "identify_panel.h"
#include "labels.h"
#include "layers_panel.h"
#include "main_window.h"
#include "project_session.h"
#include "rollup_panel.h"
#include "table_export.h"
#include "tables_panel.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/render/map_output.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QThreadPool>
#include <QToolBar>
#include <QUnhandledException>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <cstdio>
#include <cstdlib>

namespace xj::viewer {

namespace {

constexpr int max_recent = 8;

} // namespace

void MainWindow::show_error(const QString& what, const QString& advice) {
    QMessageBox box(QMessageBox::Critical, tr("Xiangjian"), what, QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("error_dialog"));
    box.setInformativeText(advice);
    box.exec();
}

void MainWindow::add_recent(const QString& path) {
    if (!m_remember) {
        return;
    }
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recent")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > max_recent) {
        recent.removeLast();
    }
    settings.setValue(QStringLiteral("recent"), recent);
    fill_recent_menu();
}

void MainWindow::fill_recent_menu() {
    m_recent_menu->clear();
    const QStringList recent =
        m_remember ? QSettings().value(QStringLiteral("recent")).toStringList() : QStringList();
    for (int i = 0; i < recent.size(); ++i) {
        QAction* action = m_recent_menu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(recent[i]).fileName()));
        action->setToolTip(recent[i]);
        connect(action, &QAction::triggered, this,
                [this, path = recent[i]] { open_project(path); });
    }
    m_recent_menu->setEnabled(!recent.isEmpty());
}

void MainWindow::empty_township_menu() {
    // Filled as it opens (fill_township_menu): a province's 2,358 townships took 0.02 s of
    // actions on the GUI thread at every opening of a project, before its map was drawn.
    m_township_menu->clear();
    m_township_menu_filled = false;
    m_township_menu->setEnabled(m_session != nullptr);
}

void MainWindow::fill_township_menu() {
    if (m_township_menu_filled || !m_session) {
        return;
    }
    m_township_menu_filled = true;
    for (const core::AdminUnit& unit : m_session->portfolio().admin_units()) {
        if (unit.level == core::AdminLevel::township) {
            QAction* action = m_township_menu->addAction(qs(unit.name));
            connect(action, &QAction::triggered, this,
                    [this, code = unit.code] { m_canvas->zoom_to_township(code); });
        }
    }
}

void MainWindow::choose_basemap() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a basemap raster"), QString(),
        tr("Rasters (*.tif *.tiff *.img *.vrt *.jpg *.png *.asc);;All files (*)"));
    if (!path.isEmpty()) {
        m_canvas->set_basemap(path);
    }
}

void MainWindow::export_map_now(const QString& path) {
    if (!m_session || !m_snapshot) {
        throw Error(text("没有打开的项目", "no project is open"));
    }
    render::RenderOptions options;
    options.layers = static_cast<unsigned>(render::MapLayer::furniture);
    for (const LayerState& state : m_canvas->layers()) {
        if (state.visible) {
            options.layers |= static_cast<unsigned>(map_layer(state.layer));
        }
    }
    options.english = m_language == UiLanguage::en;
    options.title =
        (m_session->county_name().isEmpty() ? QString() : m_session->county_name() + " · ") +
        QString::fromUtf8(
            std::string{xj::tr(render::theme_label_zh(m_theme), render::theme_label_en(m_theme))});
    options.subtitle =
        QString::fromStdString(xj::text("截至 ", "as of ") + m_snapshot->as_of.iso());
    const render::MapView view = m_canvas->view();
    const auto snapshot = m_snapshot;
    std::string failure;
    QEventLoop written; // the window keeps painting while the render thread writes the file
    const ProjectSession* session = m_session.get();
    m_worker.run_exclusive([&, path = path.toStdString()] {
        try {
            if (render::map_format(path) == render::MapFormat::pdf) {
                render::load_map_fonts();
            }
            render::write_map(path, session->renderer(), view, snapshot->theme_data, options);
        } catch (const std::exception& error) {
            failure = error.what();
        }
        QMetaObject::invokeMethod(&written, &QEventLoop::quit, Qt::QueuedConnection);
    });
    written.exec(QEventLoop::ExcludeUserInputEvents);
    if (!failure.empty()) {
        throw Error(failure);
    }
}

void MainWindow::export_map_dialog() {
    if (!m_session) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the map"), QString(), tr("PNG image (*.png);;PDF (*.pdf);;SVG (*.svg)"));
    if (path.isEmpty()) {
        return;
    }
    QProgressDialog progress(tr("Writing %1…").arg(QFileInfo(path).fileName()), QString(), 0, 0,
                             this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(200);
    try {
        export_map_now(path);
        statusBar()->showMessage(tr("Wrote %1").arg(path), 8000);
    } catch (const std::exception& error) {
        progress.close();
        show_error(QString::fromUtf8(error.what()),
                   tr("Choose a folder that exists and a name ending in .png, .pdf or .svg."));
    }
}

void MainWindow::export_table_now(const QString& path) {
    export_table(*m_tables->current_view()->model(), path);
}

void MainWindow::export_table_dialog() {
    if (!m_session) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the table"), QString(),
                                                      tr("Excel (*.xlsx);;CSV for Excel (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    try {
        export_table_now(path);
        statusBar()->showMessage(tr("Wrote %1").arg(path), 8000);
    } catch (const std::exception& error) {
        show_error(QString::fromUtf8(error.what()),
                   tr("Choose a folder that exists and a name ending in .xlsx or .csv."));
    }
}

QString MainWindow::export_review_now(ReviewExportOptions options) {
    if (!m_session) {
        throw Error(text("请先打开项目库", "open a project first"));
    }
    options.as_of = m_as_of;
    return export_for_review(m_session->path(), options);
}

void MainWindow::export_review_dialog() {
    if (!m_session) {
        return;
    }
    const render::Box box = m_session->project().extent;
    ReviewExportDialog dialog(m_session->portfolio(),
                              crs::gauss_kruger_3deg_epsg((box.min_x + box.max_x) / 2), m_as_of,
                              this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const ReviewExportOptions options = dialog.options();
    // On a worker: a province's bundle takes seconds; the dialog says which step is under way.
    auto* progress = new QProgressDialog(tr("Exporting for review…"), QString(), 0, 0, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, progress] {
        progress->hide();
        progress->deleteLater();
        watcher->deleteLater();
        try {
            const QString said = watcher->result();
            statusBar()->showMessage(said, 15000);
            QMessageBox::information(this, tr("Export for review"), said);
        } catch (const std::exception& error) {
            show_error(QString::fromUtf8(error.what()),
                       tr("Correct what the checks name, or choose another destination."));
        }
    });
    const QString path = m_session->path();
    const QPointer<QProgressDialog> label(progress);
    watcher->setFuture(QtConcurrent::run([path, options, label] {
        return export_for_review(path, options, [label](const QString& stage) {
            QMetaObject::invokeMethod(qApp, [label, stage] {
                if (label) {
                    label->setLabelText(stage);
                }
            });
        });
    }));
}

// ---- settings ------------------------------------------------------------------------------

void MainWindow::save_settings() const {
    if (!m_remember) {
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("language"),
                      m_language == UiLanguage::en ? QStringLiteral("en") : QStringLiteral("zh"));
    settings.setValue(QStringLiteral("theme"), static_cast<int>(m_theme));
    QStringList layers;
    for (const LayerState& state : m_canvas->layers()) {
        layers << QStringLiteral("%1:%2:%3")
                      .arg(layer_key(state.layer))
                      .arg(state.visible ? 1 : 0)
                      .arg(state.opacity);
    }
    settings.setValue(QStringLiteral("layers"), layers);
}

void MainWindow::restore_settings() {
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    const QStringList saved = settings.value(QStringLiteral("layers")).toStringList();
    std::vector<LayerState> layers;
    for (const QString& entry : saved) {
        const QStringList parts = entry.split(QLatin1Char(':'));
        for (const CanvasLayer layer : all_canvas_layers) {
            if (parts.size() == 3 && parts[0] == layer_key(layer)) {
                layers.push_back({layer, parts[1] == QStringLiteral("1"),
                                  std::clamp(parts[2].toDouble(), 0.0, 1.0)});
            }
        }
    }
    if (layers.size() == all_canvas_layers.size()) {
        m_layers->set_layers(layers);
        m_canvas->set_layers(layers);
    }
    if (settings.contains(QStringLiteral("theme"))) {
        set_theme(static_cast<render::Theme>(std::clamp(settings.value("theme").toInt(), 0, 3)));
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    save_settings();
    event->accept();
}

} // namespace xj::viewer
