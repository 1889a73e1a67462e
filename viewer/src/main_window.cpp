#include "main_window.h"

#include "date_bar.h"
#include "identify_panel.h"
#include "labels.h"
#include "layers_panel.h"
#include "project_session.h"
#include "rollup_panel.h"
#include "table_export.h"
#include "tables_panel.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/render/map_output.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QThreadPool>
#include <QToolBar>
#include <QUnhandledException>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace xj::viewer {

namespace {

constexpr int max_recent = 8;

/// The result of a finished future; an exception of ours thrown on the worker comes back as
/// itself (Qt wraps it in QUnhandledException).
template <typename T> T result_of(const QFutureWatcher<T>& watcher) {
    try {
        return watcher.result();
    } catch (const QUnhandledException& wrapped) {
        if (wrapped.exception()) {
            std::rethrow_exception(wrapped.exception());
        }
        throw;
    }
}

QString error_advice(const std::exception& error) {
    if (const auto* file = dynamic_cast<const ProjectFileError*>(&error)) {
        switch (file->reason()) {
        case ProjectFileError::Reason::newer:
            return MainWindow::tr("The file was written by a newer Xiangjian. Open it with that "
                                  "version, or ask the office that sent it for an export.");
        case ProjectFileError::Reason::older:
            return MainWindow::tr("Upgrade it first: xiangjian upgrade FILE (keep a copy).");
        default:
            break;
        }
    }
    return MainWindow::tr("Choose a Xiangjian project file (.gpkg made by xiangjian init or "
                          "xiangjian demo), or import the data into one first.");
}

} // namespace

MainWindow::MainWindow(UiLanguage language, bool remember)
    : m_language(language), m_remember(remember) {
    setWindowIcon(QIcon::fromTheme(QStringLiteral("applications-science"),
                                   style()->standardIcon(QStyle::SP_DriveNetIcon)));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_canvas = new MapCanvas(m_worker, central);
    m_date_bar = new DateBar(central);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_date_bar);
    setCentralWidget(central);
    m_coordinates = new QLabel(this);
    m_render_state = new QLabel(this);
    statusBar()->addWidget(m_coordinates, 1);
    statusBar()->addPermanentWidget(m_render_state);

    build_docks();
    build_actions();

    connect(m_canvas, &MapCanvas::cursor_moved, this,
            [this](double lon, double lat, double x, double y) {
                m_coordinates->setText(tr("Lon %1°  Lat %2°   Gauss–Krüger X %3 m  Y %4 m")
                                           .arg(lon, 0, 'f', 6)
                                           .arg(lat, 0, 'f', 6)
                                           .arg(x, 0, 'f', 1)
                                           .arg(y, 0, 'f', 1));
            });
    connect(m_canvas, &MapCanvas::clicked, this, &MainWindow::on_map_click);
    connect(m_canvas, &MapCanvas::settled_changed, this, [this] {
        m_render_state->setText(m_summary);
        m_layers->set_legend(m_canvas->legend());
        check_settled();
    });
    connect(m_canvas, &MapCanvas::view_changed, this,
            [this] { m_render_state->setText(tr("drawing…")); });
    connect(&m_worker, &RenderWorker::render_failed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    connect(m_date_bar, &DateBar::date_changed, this, [this](core::Date day) {
        m_as_of = day;
        request_snapshot();
    });
    connect(m_layers, &LayersPanel::layers_changed, this,
            [this] { m_canvas->set_layers(m_layers->layers()); });
    connect(m_layers, &LayersPanel::theme_changed, this, [this](render::Theme theme) {
        m_theme = theme;
        request_snapshot();
    });
    connect(m_layers, &LayersPanel::basemap_requested, this, &MainWindow::choose_basemap);
    connect(m_tables, &TablesPanel::filter_changed, this, &MainWindow::set_filter);
    connect(m_tables, &TablesPanel::projects_selected, this,
            [this](const std::set<std::string>& ids) {
                m_selection = ids;
                m_canvas->set_selection(ids);
                if (ids.size() == 1) {
                    m_identify->show_project(*ids.begin());
                }
            });
    connect(m_tables, &TablesPanel::village_selected, this,
            [this](const std::string& code) { m_identify->show_village(code); });
    connect(m_identify, &IdentifyPanel::project_chosen, this,
            [this](const std::string& id) { select_projects({id}, true); });
    connect(m_rollups, &RollupPanel::group_chosen, this,
            [this](core::RollupBy by, const std::string& key) {
                MapFilter filter;
                switch (by) {
                case core::RollupBy::township:
                    filter.township_code = key;
                    m_canvas->zoom_to_township(key);
                    break;
                case core::RollupBy::type:
                    filter.type = core::parse_term<core::ProjectType>(key);
                    break;
                case core::RollupBy::leader:
                    filter.leader = key;
                    break;
                case core::RollupBy::unit:
                    filter.unit = key;
                    break;
                default:
                    break;
                }
                set_filter(filter);
            });
    connect(m_rollups, &RollupPanel::filter_cleared, this, [this] { set_filter({}); });
    connect(&m_snapshot_watcher, &QFutureWatcher<std::shared_ptr<const Snapshot>>::finished, this,
            [this] {
                std::shared_ptr<const Snapshot> result;
                try {
                    result = result_of(m_snapshot_watcher);
                } catch (const std::exception& error) {
                    show_error(QString::fromUtf8(error.what()), QString());
                }
                if (m_snapshot_stale) {
                    m_snapshot_stale = false;
                    request_snapshot();
                } else if (result) {
                    apply_snapshot(std::move(result));
                }
            });

    set_language(m_language);
    if (m_remember) {
        restore_settings();
    }
    m_canvas->setFocus();
}

MainWindow::~MainWindow() {
    m_snapshot_watcher.waitForFinished();
    m_worker.wait_idle();
}

// ---- building ------------------------------------------------------------------------------

void MainWindow::build_docks() {
    const auto dock = [this](QWidget* content, const QString& name, Qt::DockWidgetArea area) {
        auto* widget = new QDockWidget(this);
        widget->setObjectName(name);
        widget->setWidget(content);
        addDockWidget(area, widget);
        return widget;
    };
    m_layers = new LayersPanel(this);
    m_tables = new TablesPanel(this);
    m_rollups = new RollupPanel(this);
    m_identify = new IdentifyPanel(this);
    m_layers_dock = dock(m_layers, QStringLiteral("layers"), Qt::LeftDockWidgetArea);
    m_rollups_dock = dock(m_rollups, QStringLiteral("rollups"), Qt::LeftDockWidgetArea);
    m_identify_dock = dock(m_identify, QStringLiteral("identify"), Qt::RightDockWidgetArea);
    m_tables_dock = dock(m_tables, QStringLiteral("tables"), Qt::BottomDockWidgetArea);
    resizeDocks({m_layers_dock, m_identify_dock}, {260, 380}, Qt::Horizontal);
    resizeDocks({m_tables_dock}, {240}, Qt::Vertical);
}

void MainWindow::build_actions() {
    const auto icon = [this](QStyle::StandardPixmap pixmap, const char* theme) {
        return QIcon::fromTheme(QString::fromLatin1(theme), style()->standardIcon(pixmap));
    };
    m_open = new QAction(icon(QStyle::SP_DialogOpenButton, "document-open"), QString(), this);
    m_open->setShortcut(QKeySequence::Open);
    m_export_map =
        new QAction(icon(QStyle::SP_DialogSaveButton, "document-save-as"), QString(), this);
    m_export_map->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export_table = new QAction(icon(QStyle::SP_FileDialogDetailedView, "x-office-spreadsheet"),
                                 QString(), this);
    m_export_table->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_quit = new QAction(icon(QStyle::SP_DialogCloseButton, "application-exit"), QString(), this);
    m_quit->setShortcut(QKeySequence::Quit);
    m_zoom_in = new QAction(icon(QStyle::SP_ArrowUp, "zoom-in"), QString(), this);
    m_zoom_in->setShortcut(QKeySequence::ZoomIn);
    m_zoom_out = new QAction(icon(QStyle::SP_ArrowDown, "zoom-out"), QString(), this);
    m_zoom_out->setShortcut(QKeySequence::ZoomOut);
    m_zoom_county = new QAction(icon(QStyle::SP_DirHomeIcon, "zoom-fit-best"), QString(), this);
    m_zoom_county->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Home));
    m_zoom_selection =
        new QAction(icon(QStyle::SP_FileDialogContentsView, "zoom-select"), QString(), this);
    m_zoom_selection->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    m_step_back =
        new QAction(icon(QStyle::SP_MediaSeekBackward, "media-seek-backward"), QString(), this);
    m_step_back->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Left));
    m_step_forward =
        new QAction(icon(QStyle::SP_MediaSeekForward, "media-seek-forward"), QString(), this);
    m_step_forward->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Right));
    m_play = new QAction(icon(QStyle::SP_MediaPlay, "media-playback-start"), QString(), this);
    m_play->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_find = new QAction(icon(QStyle::SP_FileDialogContentsView, "edit-find"), QString(), this);
    m_find->setShortcut(QKeySequence::Find);
    m_about = new QAction(icon(QStyle::SP_MessageBoxInformation, "help-about"), QString(), this);
    m_chinese = new QAction(QStringLiteral("中文"), this);
    m_english = new QAction(QStringLiteral("English"), this);
    auto* languages = new QActionGroup(this);
    for (QAction* action : {m_chinese, m_english}) {
        action->setCheckable(true);
        languages->addAction(action);
    }

    m_file_menu = menuBar()->addMenu(QString());
    m_file_menu->addAction(m_open);
    m_recent_menu = m_file_menu->addMenu(QString());
    m_file_menu->addSeparator();
    m_file_menu->addAction(m_export_map);
    m_file_menu->addAction(m_export_table);
    m_file_menu->addSeparator();
    m_file_menu->addAction(m_quit);
    m_view_menu = menuBar()->addMenu(QString());
    for (QAction* action : {m_zoom_in, m_zoom_out, m_zoom_county, m_zoom_selection}) {
        m_view_menu->addAction(action);
    }
    m_township_menu = m_view_menu->addMenu(QString());
    m_view_menu->addSeparator();
    for (QAction* action : {m_step_back, m_play, m_step_forward, m_find}) {
        m_view_menu->addAction(action);
    }
    m_view_menu->addSeparator();
    for (QDockWidget* dock : {m_layers_dock, m_rollups_dock, m_identify_dock, m_tables_dock}) {
        m_view_menu->addAction(dock->toggleViewAction());
    }
    m_language_menu = menuBar()->addMenu(QString());
    m_language_menu->addAction(m_chinese);
    m_language_menu->addAction(m_english);
    m_help_menu = menuBar()->addMenu(QString());
    m_help_menu->addAction(m_about);

    m_toolbar = addToolBar(QString());
    m_toolbar->setObjectName(QStringLiteral("main"));
    for (QAction* action : {m_open, m_export_map, m_export_table}) {
        m_toolbar->addAction(action);
    }
    m_toolbar->addSeparator();
    for (QAction* action : {m_zoom_in, m_zoom_out, m_zoom_county, m_zoom_selection}) {
        m_toolbar->addAction(action);
    }

    connect(m_open, &QAction::triggered, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open a project"), QString(),
                                         tr("Xiangjian projects (*.gpkg);;All files (*)"));
        if (!path.isEmpty()) {
            open_project(path);
        }
    });
    connect(m_export_map, &QAction::triggered, this, &MainWindow::export_map_dialog);
    connect(m_export_table, &QAction::triggered, this, &MainWindow::export_table_dialog);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    const auto centre = [this] {
        return QPointF(m_canvas->width() / 2.0, m_canvas->height() / 2.0);
    };
    connect(m_zoom_in, &QAction::triggered, this, [=, this] { m_canvas->zoom_by(1.5, centre()); });
    connect(m_zoom_out, &QAction::triggered, this,
            [=, this] { m_canvas->zoom_by(1 / 1.5, centre()); });
    connect(m_zoom_county, &QAction::triggered, m_canvas, &MapCanvas::zoom_to_county);
    connect(m_zoom_selection, &QAction::triggered, m_canvas, &MapCanvas::zoom_to_selection);
    connect(m_step_back, &QAction::triggered, this, [this] { m_date_bar->step(-1); });
    connect(m_step_forward, &QAction::triggered, this, [this] { m_date_bar->step(+1); });
    connect(m_play, &QAction::triggered, this,
            [this] { m_date_bar->set_playing(!m_date_bar->playing()); });
    connect(m_find, &QAction::triggered, this, [this] {
        m_tables_dock->show();
        m_tables->search()->setFocus();
        m_tables->search()->selectAll();
    });
    connect(m_chinese, &QAction::triggered, this, [this] { set_language(UiLanguage::zh); });
    connect(m_english, &QAction::triggered, this, [this] { set_language(UiLanguage::en); });
    connect(m_about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Xiangjian"),
                           tr("Xiangjian (乡建) viewer: county infrastructure projects and their "
                              "progress on the map.\nBuilt on GDAL, PROJ, GEOS and Qt %1.")
                               .arg(QString::fromLatin1(qVersion())));
    });
}

void MainWindow::retranslate() {
    setWindowTitle(m_session ? tr("Xiangjian — %1").arg(QFileInfo(m_session->path()).fileName())
                             : tr("Xiangjian"));
    m_file_menu->setTitle(tr("&File"));
    m_recent_menu->setTitle(tr("Open &recent"));
    m_view_menu->setTitle(tr("&View"));
    m_township_menu->setTitle(tr("Zoom to &township"));
    m_language_menu->setTitle(tr("&Language"));
    m_help_menu->setTitle(tr("&Help"));
    m_toolbar->setWindowTitle(tr("Main toolbar"));
    m_open->setText(tr("&Open project…"));
    m_open->setToolTip(tr("Open a project file (Ctrl+O)"));
    m_export_map->setText(tr("Export &map (PNG, PDF, SVG)…"));
    m_export_map->setToolTip(tr("Write the map as shown to PNG, PDF or SVG (Ctrl+E)"));
    m_export_table->setText(tr("Export &table (CSV, XLSX)…"));
    m_export_table->setToolTip(tr("Write the table as shown to CSV or Excel (Ctrl+Shift+E)"));
    m_quit->setText(tr("&Quit"));
    m_zoom_in->setText(tr("Zoom &in"));
    m_zoom_in->setToolTip(tr("Zoom in (Ctrl++, wheel, +)"));
    m_zoom_out->setText(tr("Zoom &out"));
    m_zoom_out->setToolTip(tr("Zoom out (Ctrl+-, wheel, -)"));
    m_zoom_county->setText(tr("Zoom to &county"));
    m_zoom_county->setToolTip(tr("Show the whole county (Ctrl+Home, Home)"));
    m_zoom_selection->setText(tr("Zoom to &selection"));
    m_zoom_selection->setToolTip(tr("Show the selected projects (Ctrl+J)"));
    m_step_back->setText(tr("Step &back"));
    m_step_forward->setText(tr("Step &forward"));
    m_play->setText(tr("&Play / pause"));
    m_find->setText(tr("&Find in tables"));
    m_about->setText(tr("&About"));
    m_layers_dock->setWindowTitle(tr("Layers and legend"));
    m_tables_dock->setWindowTitle(tr("Tables"));
    m_rollups_dock->setWindowTitle(tr("Roll-ups"));
    m_identify_dock->setWindowTitle(tr("Identify"));
    m_chinese->setChecked(m_language == UiLanguage::zh);
    m_english->setChecked(m_language == UiLanguage::en);
    m_layers->retranslate();
    m_date_bar->retranslate();
    m_tables->retranslate();
    m_rollups->retranslate();
    m_identify->retranslate();
    fill_recent_menu();
    fill_township_menu();
    if (m_coordinates->text().isEmpty() || !m_session) {
        m_coordinates->setText(m_session ? QString() : tr("Open a project: File → Open (Ctrl+O)"));
    }
}

void MainWindow::set_language(UiLanguage language) {
    m_language = language;
    xj::set_language(language == UiLanguage::en ? xj::Language::en : xj::Language::zh);
    QApplication::removeTranslator(&m_translator);
    QApplication::removeTranslator(&m_qt_translator);
    if (language == UiLanguage::zh) {
        if (m_qt_translator.load(QStringLiteral("qtbase_zh_CN"),
                                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QApplication::installTranslator(&m_qt_translator);
        }
        if (m_translator.load(QStringLiteral(":/i18n/xiangjian_zh_CN.qm"))) {
            QApplication::installTranslator(&m_translator); // LanguageChange → retranslate()
        }
    }
    m_canvas->set_english(language == UiLanguage::en);
    retranslate();
    if (m_session) {
        request_snapshot(); // roll-up labels come from the engine in its language
    }
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QMainWindow::changeEvent(event);
}

// ---- the project ---------------------------------------------------------------------------

void MainWindow::open_project(const QString& path) {
    auto* progress = new QProgressDialog(tr("Opening %1…").arg(QFileInfo(path).fileName()),
                                         tr("Cancel"), 0, 0, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    auto* watcher = new QFutureWatcher<std::shared_ptr<ProjectSession>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<ProjectSession>>::finished, this,
            [this, watcher, progress, path] {
                // Read before hiding: closing a progress dialog counts as Cancel.
                const bool cancelled = progress->wasCanceled();
                progress->hide();
                progress->deleteLater();
                watcher->deleteLater();
                if (cancelled) {
                    return; // the user gave up: the project read is dropped
                }
                try {
                    install_session(result_of(*watcher));
                    add_recent(path);
                } catch (const std::exception& error) {
                    show_error(QString::fromUtf8(error.what()), error_advice(error));
                    emit project_failed(QString::fromUtf8(error.what()));
                }
            });
    watcher->setFuture(QtConcurrent::run(
        [path] { return std::shared_ptr<ProjectSession>(ProjectSession::open(path)); }));
}

void MainWindow::open_project_now(const QString& path) {
    QElapsedTimer timer;
    timer.start();
    std::shared_ptr<ProjectSession> session = ProjectSession::open(path);
    if (std::getenv("XJ_VIEWER_TIMINGS") != nullptr) {
        std::fprintf(stderr, "read: %.3f s\n", timer.elapsed() / 1000.0);
    }
    install_session(std::move(session));
}

void MainWindow::install_session(std::shared_ptr<ProjectSession> session) {
    m_snapshot_watcher.waitForFinished();
    m_worker.wait_idle();
    m_canvas->set_session(nullptr);
    m_identify->set_session(nullptr);
    m_tables->set_portfolio(nullptr);
    m_snapshot.reset();
    m_as_of = session->default_as_of(); // before anything asks for a snapshot
    m_session = std::move(session);
    m_selection.clear();
    m_filter = {};
    m_worker.set_session(m_session.get());
    m_canvas->set_session(m_session.get());
    m_identify->set_session(m_session.get());
    m_tables->set_portfolio(&m_session->portfolio());
    m_tables->set_filter(m_filter);
    m_as_of = m_session->default_as_of();
    {
        const QSignalBlocker block(m_date_bar);
        m_date_bar->set_span(m_session->first_day(), m_session->last_day(),
                             m_session->record_days());
        m_date_bar->set_date(m_as_of);
    }
    retranslate();
    m_coordinates->setText(
        tr("%1: %2 projects, %3 villages; drawn in %4")
            .arg(m_session->county_name().isEmpty() ? tr("Project") : m_session->county_name())
            .arg(m_session->portfolio().projects().size())
            .arg(m_session->layers().village_units.size())
            .arg(qs(m_session->crs().name())));
    request_snapshot();
    emit project_opened();
}

void MainWindow::set_as_of(core::Date day) {
    m_date_bar->set_date(day); // → date_changed → request_snapshot
    m_as_of = m_date_bar->date();
    request_snapshot();
}

void MainWindow::set_theme(render::Theme theme) {
    m_theme = theme;
    m_layers->set_theme(theme);
    request_snapshot();
}

void MainWindow::set_filter(const MapFilter& filter) {
    m_filter = filter;
    m_tables->set_filter(filter);
    request_snapshot();
}

void MainWindow::select_projects(const std::set<std::string>& ids, bool zoom) {
    m_selection = ids;
    m_canvas->set_selection(ids);
    m_tables->select_projects(ids);
    if (ids.size() == 1) {
        m_identify->show_project(*ids.begin());
        m_identify_dock->show();
    }
    if (zoom) {
        m_canvas->zoom_to_selection();
    }
    check_settled();
}

void MainWindow::request_snapshot() {
    if (!m_session) {
        return;
    }
    if (m_snapshot_watcher.isRunning()) {
        m_snapshot_stale = true; // asked again: computed when this one ends
        return;
    }
    m_render_state->setText(tr("computing…"));
    const core::Portfolio* portfolio = &m_session->portfolio();
    m_snapshot_watcher.setFuture(
        QtConcurrent::run([portfolio, day = m_as_of, theme = m_theme, filter = m_filter] {
            QElapsedTimer timer;
            timer.start();
            auto snapshot = make_snapshot(*portfolio, day, theme, filter);
            if (std::getenv("XJ_VIEWER_TIMINGS") != nullptr) {
                std::fprintf(stderr, "snapshot %s: %.3f s\n", day.iso().c_str(),
                             timer.elapsed() / 1000.0);
            }
            return snapshot;
        }));
}

void MainWindow::apply_snapshot(std::shared_ptr<const Snapshot> snapshot) {
    QElapsedTimer timer;
    timer.start();
    std::shared_ptr<const Snapshot> old = std::move(m_snapshot);
    m_snapshot = snapshot;
    m_canvas->set_snapshot(snapshot);
    m_tables->set_snapshot(snapshot);
    m_rollups->set_snapshot(snapshot);
    m_identify->set_snapshot(snapshot);
    m_summary = tr("as of %1: %2 of %3 projects shown")
                    .arg(qs(snapshot->as_of.iso()))
                    .arg(snapshot->passing())
                    .arg(snapshot->evaluation.projects.size());
    m_render_state->setText(m_canvas->settled() ? m_summary : tr("drawing…"));
    if (std::getenv("XJ_VIEWER_TIMINGS") != nullptr) {
        std::fprintf(stderr, "panels: %.3f s\n", timer.elapsed() / 1000.0);
    }
    // The panels have let go of the old snapshot: freeing it here (a province's is about 70 MB
    // of small objects, some 15 ms) would hold input up on every date step; a pool thread does.
    if (old) {
        QThreadPool::globalInstance()->start([old = std::move(old)]() mutable { old.reset(); });
    }
    check_settled();
}

bool MainWindow::settled() const {
    return m_session && m_snapshot && !m_snapshot_watcher.isRunning() && !m_snapshot_stale &&
           m_snapshot->as_of == m_as_of && m_snapshot->theme == m_theme &&
           m_snapshot->filter == m_filter && m_canvas->settled();
}

void MainWindow::check_settled() {
    if (settled()) {
        emit state_settled();
    }
}

void MainWindow::on_map_click(const MapHit& hit) {
    switch (hit.kind) {
    case MapHit::Kind::site:
        select_projects({hit.id});
        break;
    case MapHit::Kind::village:
        m_selection.clear();
        m_canvas->set_selection({});
        m_tables->select_village(hit.id);
        m_identify->show_village(hit.id);
        m_identify_dock->show();
        break;
    case MapHit::Kind::none:
        select_projects({});
        m_identify->clear();
        break;
    }
}

// ---- dialogs -------------------------------------------------------------------------------

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

void MainWindow::fill_township_menu() {
    m_township_menu->clear();
    if (!m_session) {
        m_township_menu->setEnabled(false);
        return;
    }
    m_township_menu->setEnabled(true);
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
    std::mutex mutex;
    std::condition_variable done_signal;
    bool done = false;
    std::string failure;
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
        const std::lock_guard lock(mutex);
        done = true;
        done_signal.notify_all();
    });
    std::unique_lock lock(mutex);
    while (!done) {
        // Keep the window painting while the render thread writes the file.
        lock.unlock();
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents, 50);
        lock.lock();
        done_signal.wait_for(lock, std::chrono::milliseconds(20));
    }
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
