#pragma once

// The viewer's window: the map in the middle; layers and legend, tables, roll-ups and the
// identify panel in docks; the as-of day under the map. The window owns the state the panels
// share (day, theme, filter, selection) and the snapshot computed for it.

// moc cannot parse libstdc++'s C++20 headers these bring in; it needs only the names.
#ifndef Q_MOC_RUN
#include "entry_dialog.h"
#include "map_canvas.h"
#include "map_filter.h"
#include "read_ahead.h"
#include "render_worker.h"
#include "review_export.h"
#include "snapshot.h"
#endif

#include <QFutureWatcher>
#include <QMainWindow>
#include <QPointer>
#include <QTranslator>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <string>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QToolBar;

namespace xj::viewer {

class DateBar;
class EntryDesk;
class IdentifyPanel;
class LayersPanel;
class ProjectDayPanel;
class ProjectSession;
struct FirstView;
class RollupPanel;
class TablesPanel;

enum class UiLanguage { zh, en };

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(UiLanguage language = UiLanguage::zh, bool remember = true);
    ~MainWindow() override;

    /// Opens a project in the background with a progress dialog; an error shows a dialog.
    void open_project(const QString& path);
    /// The same on this thread, without dialogs (the command line): throws xj::Error.
    void open_project_now(const QString& path);
    /// The reads of `path` begun already (read_ahead): the next opening of
    /// `path` takes it instead of reading it again.
    void set_read_ahead(const QString& path, ReadAhead read);
    const ProjectSession* session() const { return m_session.get(); }

    void set_as_of(core::Date day);
    /// The day the next project opened shows first, instead of its own as-of day: its first
    /// map is then drawn once, for that day (`--as-of` with a project to open).
    void set_first_as_of(std::optional<core::Date> day) { m_first_as_of = day; }
    void set_theme(render::Theme theme);
    void set_filter(const MapFilter& filter);
    void select_projects(const std::set<std::string>& ids, bool zoom = false);
    void set_language(UiLanguage language);
    UiLanguage language() const { return m_language; }

    /// The project is open, the snapshot is the one asked for, the map is drawn and every
    /// panel shows it: what --screenshot and the tests wait for.
    bool settled() const;
    std::shared_ptr<const Snapshot> snapshot() const { return m_snapshot; }
    core::Date as_of() const { return m_as_of; }
    const MapFilter& filter() const { return m_filter; }

    MapCanvas* canvas() const { return m_canvas; }
    LayersPanel* layers_panel() const { return m_layers; }
    DateBar* date_bar() const { return m_date_bar; }
    TablesPanel* tables() const { return m_tables; }
    RollupPanel* rollups() const { return m_rollups; }
    IdentifyPanel* identify() const { return m_identify; }
    QMenu* file_menu() const { return m_file_menu; }
    QLabel* coordinates() const { return m_coordinates; }
    RenderWorker& worker() { return m_worker; }

    /// The current map to PNG/PDF/SVG through the renderer, on the render thread; throws
    /// xj::Error. Waits for it.
    void export_map_now(const QString& path);
    /// The current table to CSV/XLSX; throws xj::Error.
    void export_table_now(const QString& path);
    /// The bundle for provincial review, as of the window's day (File → Export for review);
    /// throws xj::Error. Returns what was written, in words.
    QString export_review_now(ReviewExportOptions options);

    // ---- project day (main_window_project_day.cpp) ----
    /// The project-day mode for a leader (as typed: the name, with or without the title) and
    /// a Friday (default: the project's as-of day if a Friday, else the Friday after, as
    /// `xiangjian project-day` takes it). Throws xj::Error for an unknown or ambiguous name.
    void choose_leader(const std::string& typed, std::optional<core::Date> friday = std::nullopt);
    ProjectDayPanel* project_day() const { return m_project_day; }
    EntryDesk* desk() const { return m_desk.get(); }
    /// Opens a form for a project (not modal for the window's other parts); nullptr when the
    /// project is unknown.
    EntryDialog* open_entry_form(EntryKind kind, const std::string& project_id);
    /// Withdraws the window's entry `index` (EntryDesk::entries()); throws xj::Error.
    void withdraw_entry(std::size_t index);
    /// Reads the project again (another window's entries, this window's), keeping the day,
    /// theme, filter, selection, view and leader; in the background.
    void refresh_project();
    /// The same on this thread.
    void refresh_project_now();
    /// The chosen leader's site sheets for the chosen Friday to a PDF; throws xj::Error.
    void write_sheets_now(const QString& path);
    /// The week's summary (per leader, the week ending on the chosen Friday) to CSV or XLSX;
    /// throws xj::Error.
    void write_week_summary_now(const QString& path);

signals:
    void project_opened();
    void project_failed(const QString& message);
    /// An entry is on disk; `said` says what it was.
    void entry_saved(const QString& said);
    void project_refreshed();
    void state_settled();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void build_actions();
    void build_docks();
    void retranslate();
    void install_session(std::shared_ptr<ProjectSession> session, bool keep_state = false);
    /// What a project opened now shows first: the whole of `path` in the canvas as it is, with
    /// the engine's read begun ahead for it, if any.
    FirstView first_view(const QString& path);
    void apply_leader(const std::string& leader, core::Date friday);
    void show_entry_history();
    void print_sheets_dialog();
    void connect_project_day();
    void request_snapshot();
    void apply_snapshot(std::shared_ptr<const Snapshot> snapshot);
    void on_map_click(const MapHit& hit);
    void show_error(const QString& what, const QString& advice);
    void add_recent(const QString& path);
    void fill_recent_menu();
    void empty_township_menu();
    void fill_township_menu();
    void choose_basemap();
    void export_map_dialog();
    void export_table_dialog();
    void export_review_dialog();
    void check_settled();
    void save_settings() const;
    void restore_settings();

    UiLanguage m_language;
    bool m_remember;             ///< read and write QSettings (not in --screenshot runs)
    QTranslator m_translator;    ///< ours
    QTranslator m_qt_translator; ///< Qt's own dialogs and buttons (Debian qt6-translations-l10n)
    RenderWorker m_worker;
    std::shared_ptr<ProjectSession> m_session;
    QString m_read_ahead_path;
    ReadAhead m_read_ahead;
    std::shared_ptr<const Snapshot> m_snapshot;
    QFutureWatcher<std::shared_ptr<const Snapshot>> m_snapshot_watcher;
    bool m_snapshot_stale = false; ///< asked again while one was computing
    core::Date m_as_of;
    std::optional<core::Date> m_first_as_of; ///< for the next opening (set_first_as_of)
    render::Theme m_theme = render::Theme::progress;
    MapFilter m_filter;
    std::set<std::string> m_selection;

    MapCanvas* m_canvas;
    DateBar* m_date_bar;
    LayersPanel* m_layers;
    TablesPanel* m_tables;
    RollupPanel* m_rollups;
    IdentifyPanel* m_identify;
    ProjectDayPanel* m_project_day;
    std::unique_ptr<EntryDesk> m_desk; ///< for the open project's path
    std::string m_leader;              ///< of the project-day mode, as stored; empty when off
    QDockWidget* m_layers_dock;
    QDockWidget* m_tables_dock;
    QDockWidget* m_rollups_dock;
    QDockWidget* m_identify_dock;
    QDockWidget* m_project_day_dock;
    QLabel* m_coordinates;
    QLabel* m_render_state;
    QString m_summary; ///< what the status bar says once the map is drawn

    QMenu* m_file_menu;
    QMenu* m_recent_menu;
    QMenu* m_view_menu;
    QMenu* m_township_menu;
    bool m_township_menu_filled = false; ///< since the session or the language changed
    QMenu* m_language_menu;
    QMenu* m_help_menu;
    QToolBar* m_toolbar;
    QAction* m_open;
    QAction* m_export_map;
    QAction* m_export_table;
    QAction* m_export_review;
    QAction* m_quit;
    QAction* m_refresh;
    QAction* m_zoom_in;
    QAction* m_zoom_out;
    QAction* m_zoom_county;
    QAction* m_zoom_selection;
    QAction* m_step_back;
    QAction* m_step_forward;
    QAction* m_play;
    QAction* m_find;
    QAction* m_chinese;
    QAction* m_english;
    QAction* m_about;
};

} // namespace xj::viewer
