// The window's project-day mode: a leader's projects for a Friday, the forms that record what
// was found (saved through the EntryDesk, then the project read again so that the map, the
// list and the history follow), withdrawing an entry, and the leader's site sheets.

#include "date_bar.h"
#include "entry_desk.h"
#include "identify_panel.h"
#include "labels.h"
#include "main_window.h"
#include "project_day_panel.h"
#include "project_session.h"
#include "table_export.h"
#include "tables_panel.h"
#include "timings.h"
#include "week_summary.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/leaders.h"
#include "xiangjian/core/project_day.h"
#include "xiangjian/render/site_sheet.h"
#include "xiangjian/render/symbology.h"

#include <QDesktopServices>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QUrl>
#include <QtConcurrent>

namespace xj::viewer {

namespace {

/// A change-log action in the window's language (the log itself keeps one language).
QString action_label(const std::string& action) {
    constexpr std::string_view withdrawn = "withdraw ";
    if (action.starts_with(withdrawn)) {
        return MainWindow::tr("withdrawn: %1").arg(action_label(action.substr(withdrawn.size())));
    }
    if (action == "record progress") {
        return MainWindow::tr("record progress");
    }
    if (action == "record visit") {
        return MainWindow::tr("record visit");
    }
    if (action == "record problem") {
        return MainWindow::tr("record problem");
    }
    if (action == "record close-problem") {
        return MainWindow::tr("record close-problem");
    }
    if (action == "record milestone") {
        return MainWindow::tr("record milestone");
    }
    if (action == "record payment") {
        return MainWindow::tr("record payment");
    }
    return qs(action);
}

} // namespace

void MainWindow::connect_project_day() {
    connect(m_project_day, &ProjectDayPanel::leader_chosen, this,
            [this](const std::string& leader, core::Date friday) { apply_leader(leader, friday); });
    connect(m_project_day, &ProjectDayPanel::project_chosen, this, [this](const std::string& id) {
        select_projects({id});
        show_entry_history();
    });
    connect(m_project_day, &ProjectDayPanel::entry_requested, this,
            [this](EntryKind kind, const std::string& id) { open_entry_form(kind, id); });
    connect(m_project_day, &ProjectDayPanel::withdraw_requested, this, [this](std::size_t entry) {
        try {
            withdraw_entry(entry);
        } catch (const std::exception& error) {
            QMessageBox::warning(this, tr("Withdraw"), QString::fromUtf8(error.what()));
        }
    });
    connect(m_project_day, &ProjectDayPanel::print_requested, this,
            &MainWindow::print_sheets_dialog);
    connect(m_project_day, &ProjectDayPanel::summary_requested, this, [this] {
        if (m_session) {
            auto* dialog =
                new WeekSummaryDialog(m_session->portfolio(), m_project_day->friday(), this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        }
    });
}

void MainWindow::choose_leader(const std::string& typed, std::optional<core::Date> friday) {
    if (!m_session) {
        throw Error(text("请先打开项目库", "open a project first"));
    }
    const std::string leader = core::match_leader(m_session->portfolio().projects(), typed);
    apply_leader(leader, friday.value_or(core::friday_on_or_after(m_session->default_as_of())));
}

void MainWindow::apply_leader(const std::string& leader, core::Date friday) {
    QElapsedTimer timer;
    timer.start();
    m_leader = leader;
    m_project_day->show_choice(leader, friday);
    if (m_project_day_dock->isHidden()) {
        m_project_day_dock->show();
        // Room for the list: the project day takes half the right side, and more width.
        resizeDocks({m_project_day_dock}, {560}, Qt::Horizontal);
        resizeDocks({m_project_day_dock, m_identify_dock}, {height() / 2, height() / 2},
                    Qt::Vertical);
    }
    m_project_day_dock->raise();
    // The leader's projects stand out: the others fade (the filter), the map frames theirs.
    std::set<std::string> mine;
    for (const core::Project& project : m_session->portfolio().projects()) {
        if (project.leader == leader) {
            mine.insert(project.id);
        }
    }
    MapFilter filter;
    filter.leader = leader;
    m_filter = filter;
    m_tables->set_filter(filter);
    if (m_session->last_day() < friday) {
        // The slider reaches the project day even when it is after every record (a project
        // whose as-of day is today, on a Monday).
        const QSignalBlocker block(m_date_bar);
        m_date_bar->set_span(m_session->first_day(), friday, m_session->record_days());
    }
    m_date_bar->set_date(friday); // → request_snapshot
    m_as_of = m_date_bar->date();
    select_projects(mine, true);
    request_snapshot();
    timing("leader %s: %.3f s until asked", leader.c_str(), timer.elapsed() / 1000.0);
}

EntryDialog* MainWindow::open_entry_form(EntryKind kind, const std::string& project_id) {
    if (!m_session) {
        return nullptr;
    }
    const core::Portfolio& portfolio = m_session->portfolio();
    const auto index = portfolio.find(project_id);
    if (!index) {
        return nullptr;
    }
    const auto milestones = portfolio.milestones(*index);
    std::vector<core::Problem> problems;
    for (const core::Problem& problem : portfolio.problems(*index)) {
        problems.push_back(problem);
    }
    const core::Project& project = portfolio.projects()[*index];
    const QString visitor = qs(core::leader_name(m_leader.empty() ? project.leader : m_leader));
    // The form starts on the day shown, but never after today: an entry records what happened.
    auto* dialog = new EntryDialog(
        kind, project, std::min(m_as_of, core::today()), {milestones.begin(), milestones.end()},
        std::move(problems), visitor,
        [this](const store::Entry& entry, const QStringList& photos) {
            QElapsedTimer timer;
            timer.start();
            const store::RecordedEntry& recorded = m_desk->record(entry, photos);
            timing("saved: %.3f s", timer.elapsed() / 1000.0);
            const QString said = qs(recorded.said);
            statusBar()->showMessage(tr("Saved: %1").arg(said), 10000);
            emit entry_saved(said);
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        show_entry_history();
        refresh_project();
    });
    dialog->open();
    return dialog;
}

void MainWindow::withdraw_entry(std::size_t index) {
    const store::ChangeRecord change = m_desk->withdraw(index);
    statusBar()->showMessage(tr("Withdrawn: %1").arg(qs(change.detail)), 10000);
    show_entry_history();
    refresh_project();
}

void MainWindow::show_entry_history() {
    const std::string id = m_project_day->current_project();
    if (id.empty() || !m_desk) {
        m_project_day->set_history({});
        return;
    }
    std::vector<ProjectDayPanel::HistoryLine> lines;
    try {
        for (const store::ChangeRecord& change : m_desk->changes_of(id)) {
            ProjectDayPanel::HistoryLine line;
            line.text = QStringLiteral("%1  %2  %3: %4")
                            .arg(qs(change.recorded_at), qs(change.recorded_by),
                                 action_label(change.action), qs(change.detail));
            const auto& entries = m_desk->entries();
            for (std::size_t i = 0; i < entries.size(); ++i) {
                if (entries[i].change == change) {
                    line.entry = i;
                }
            }
            lines.push_back(std::move(line));
        }
    } catch (const std::exception& error) {
        lines.push_back({QString::fromUtf8(error.what()), std::nullopt});
    }
    m_project_day->set_history(lines);
}

void MainWindow::refresh_project() {
    if (!m_session) {
        return;
    }
    auto* watcher = new QFutureWatcher<std::shared_ptr<ProjectSession>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<ProjectSession>>::finished, this,
            [this, watcher] {
                watcher->deleteLater();
                try {
                    install_session(watcher->result(), true);
                } catch (const std::exception& error) {
                    statusBar()->showMessage(QString::fromUtf8(error.what()), 10000);
                }
            });
    watcher->setFuture(QtConcurrent::run([path = m_session->path()] {
        return std::shared_ptr<ProjectSession>(ProjectSession::open(path));
    }));
}

void MainWindow::refresh_project_now() {
    if (m_session) {
        install_session(ProjectSession::open(m_session->path()), true);
    }
}

void MainWindow::write_sheets_now(const QString& path) {
    if (!m_session || m_leader.empty()) {
        throw Error(text("请先选择分包领导", "choose a leader first"));
    }
    const core::Portfolio& portfolio = m_session->portfolio();
    const core::Date day = m_project_day->friday();
    const core::Evaluation evaluation = portfolio.evaluate(day);
    std::vector<const core::ProjectStatus*> mine;
    for (const core::ProjectStatus& status : evaluation.projects) {
        if (status.project->leader == m_leader) {
            mine.push_back(&status);
        }
    }
    render::load_map_fonts(); // text a reader can search
    render::SheetRequest request;
    request.leader = m_leader;
    request.day = day;
    request.projects = core::attention_order(mine);
    request.county = m_session->county_name().toStdString();
    request.english = m_language == UiLanguage::en;
    // A renderer of its own: the session's belongs to the render thread.
    render::MapRenderer renderer(m_session->layers(), m_session->crs());
    render::write_site_sheets(path.toStdString(), renderer, portfolio, evaluation, request);
}

void MainWindow::write_week_summary_now(const QString& path) {
    if (!m_session) {
        throw Error(text("请先打开项目库", "open a project first"));
    }
    export_table(*week_summary_model(m_session->portfolio(), m_project_day->friday()), path);
}

void MainWindow::print_sheets_dialog() {
    const QString suggested =
        QStringLiteral("%1-%2.pdf")
            .arg(qs(core::leader_name(m_leader)), qs(m_project_day->friday().iso()));
    const QString path = QFileDialog::getSaveFileName(this, tr("Site sheets to print"), suggested,
                                                      tr("PDF (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    try {
        write_sheets_now(path);
        QDesktopServices::openUrl(QUrl::fromLocalFile(path)); // to print from the PDF viewer
    } catch (const std::exception& error) {
        QMessageBox::warning(this, tr("Site sheets"), QString::fromUtf8(error.what()));
    }
}

} // namespace xj::viewer
