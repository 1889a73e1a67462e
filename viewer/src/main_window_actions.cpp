// The window's docks, menus, toolbar and shortcuts, and its words in the current language.

#include "date_bar.h"
#include "identify_panel.h"
#include "labels.h"
#include "layers_panel.h"
#include "main_window.h"
#include "project_day_panel.h"
#include "project_session.h"
#include "rollup_panel.h"
#include "table_export.h"
#include "tables_panel.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace xj::viewer {

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
    m_project_day = new ProjectDayPanel(this);
    m_layers_dock = dock(m_layers, QStringLiteral("layers"), Qt::LeftDockWidgetArea);
    m_rollups_dock = dock(m_rollups, QStringLiteral("rollups"), Qt::LeftDockWidgetArea);
    m_identify_dock = dock(m_identify, QStringLiteral("identify"), Qt::RightDockWidgetArea);
    m_tables_dock = dock(m_tables, QStringLiteral("tables"), Qt::BottomDockWidgetArea);
    // The project day above the project's page: the list picks, the page shows.
    m_project_day_dock =
        dock(m_project_day, QStringLiteral("project_day"), Qt::RightDockWidgetArea);
    splitDockWidget(m_project_day_dock, m_identify_dock, Qt::Vertical);
    m_project_day_dock->hide();
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
    m_export_review = new QAction(icon(QStyle::SP_DriveFDIcon, "document-export"), QString(), this);
    m_quit = new QAction(icon(QStyle::SP_DialogCloseButton, "application-exit"), QString(), this);
    m_quit->setShortcut(QKeySequence::Quit);
    m_refresh = new QAction(icon(QStyle::SP_BrowserReload, "view-refresh"), QString(), this);
    m_refresh->setShortcut(QKeySequence::Refresh);
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
    m_file_menu->addAction(m_export_review);
    m_file_menu->addSeparator();
    m_file_menu->addAction(m_refresh);
    m_file_menu->addSeparator();
    m_file_menu->addAction(m_quit);
    m_view_menu = menuBar()->addMenu(QString());
    for (QAction* action : {m_zoom_in, m_zoom_out, m_zoom_county, m_zoom_selection}) {
        m_view_menu->addAction(action);
    }
    m_township_menu = m_view_menu->addMenu(QString());
    connect(m_township_menu, &QMenu::aboutToShow, this, &MainWindow::fill_township_menu);
    m_view_menu->addSeparator();
    for (QAction* action : {m_step_back, m_play, m_step_forward, m_find}) {
        m_view_menu->addAction(action);
    }
    m_view_menu->addSeparator();
    for (QDockWidget* dock :
         {m_project_day_dock, m_layers_dock, m_rollups_dock, m_identify_dock, m_tables_dock}) {
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
    connect(m_export_review, &QAction::triggered, this, &MainWindow::export_review_dialog);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    connect(m_refresh, &QAction::triggered, this, &MainWindow::refresh_project);
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
    m_export_review->setText(tr("Export for &review (shapefile, GeoPackage)…"));
    m_export_review->setToolTip(
        tr("The bundle the province reviews: shapefiles or a GeoPackage, checked first"));
    m_quit->setText(tr("&Quit"));
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setToolTip(tr("Read the project again: entries made in other windows (F5)"));
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
    m_project_day_dock->setWindowTitle(tr("Project day"));
    m_chinese->setChecked(m_language == UiLanguage::zh);
    m_english->setChecked(m_language == UiLanguage::en);
    m_layers->retranslate();
    m_date_bar->retranslate();
    m_tables->retranslate();
    m_rollups->retranslate();
    m_identify->retranslate();
    m_project_day->retranslate();
    fill_recent_menu();
    empty_township_menu();
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

} // namespace xj::viewer
