#include "identify_panel.h"

#include "labels.h"
#include "milestone_timeline.h"
#include "project_session.h"
#include "s_curve_view.h"
#include "xiangjian/core/amounts.h"
#include "xiangjian/core/village_exit.h"

#include <QDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHeaderView>
#include <QImageReader>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace xj::viewer {

namespace {

QString day_text(const std::optional<core::Date>& day) {
    return day ? qs(day->iso()) : QString();
}

QTreeWidget* make_list(QWidget* parent, int columns) {
    auto* tree = new QTreeWidget(parent);
    tree->setColumnCount(columns);
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    tree->setUniformRowHeights(true);
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree->setMinimumHeight(90);
    return tree;
}

QGroupBox* boxed(QWidget* parent, QWidget* content) {
    auto* box = new QGroupBox(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(content);
    return box;
}

} // namespace

QString status_reason(const core::ProjectStatus& s) {
    QStringList why;
    for (const core::OverdueMilestone& m : s.overdue_milestones) {
        why << IdentifyPanel::tr("milestone %1 planned %2, %3 days overdue")
                   .arg(qs(m.name), qs(m.planned_date.iso()))
                   .arg(m.days_overdue);
    }
    if (s.status == core::ScheduleStatus::stalled) {
        why << (s.last_progress_date
                    ? IdentifyPanel::tr("no progress since %1").arg(qs(s.last_progress_date->iso()))
                    : IdentifyPanel::tr("no progress reported since the planned start"));
    }
    if (s.planned_percent) {
        why << IdentifyPanel::tr("%1% done against %2% planned")
                   .arg(s.percent_done, 0, 'f', 1)
                   .arg(*s.planned_percent, 0, 'f', 1);
    } else {
        why << IdentifyPanel::tr("%1% done, no plan").arg(s.percent_done, 0, 'f', 1);
    }
    if (s.days_since_report) {
        why << IdentifyPanel::tr("last report %1 days ago").arg(*s.days_since_report);
    }
    return why.join(QStringLiteral("; "));
}

IdentifyPanel::IdentifyPanel(QWidget* parent) : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto* content = new QWidget(scroll);
    auto* layout = new QVBoxLayout(content);
    m_title = new QLabel(content);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_facts = new QLabel(content);
    m_facts->setWordWrap(true);
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timeline = new MilestoneTimeline(content);
    m_curve = new SCurveView(content);
    m_history = make_list(content, 5);
    m_problems = make_list(content, 6);
    m_visits = make_list(content, 3);
    m_photos = new QListWidget(content);
    m_photos->setViewMode(QListView::IconMode);
    m_photos->setIconSize(QSize(96, 96));
    m_photos->setResizeMode(QListView::Adjust);
    m_photos->setMinimumHeight(120);
    m_indicators = make_list(content, 3);
    m_village_projects = make_list(content, 4);
    m_milestone_box = boxed(content, m_timeline);
    m_curve_box = boxed(content, m_curve);
    m_history_box = boxed(content, m_history);
    m_problem_box = boxed(content, m_problems);
    m_visit_box = boxed(content, m_visits);
    m_photo_box = boxed(content, m_photos);
    m_indicator_box = boxed(content, m_indicators);
    m_village_project_box = boxed(content, m_village_projects);
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    for (QGroupBox* box : {m_milestone_box, m_curve_box, m_history_box, m_problem_box, m_visit_box,
                           m_photo_box, m_indicator_box, m_village_project_box}) {
        layout->addWidget(box);
    }
    layout->addStretch(1);
    scroll->setWidget(content);
    outer->addWidget(scroll);

    connect(m_village_projects, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        emit project_chosen(item->data(0, Qt::UserRole).toString().toStdString());
    });
    connect(m_village_projects, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        emit project_chosen(item->data(0, Qt::UserRole).toString().toStdString());
    });
    connect(m_photos, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { open_photo(item->data(Qt::UserRole).toString()); });
    retranslate();
    clear();
}

void IdentifyPanel::retranslate() {
    m_milestone_box->setTitle(tr("Milestones"));
    m_curve_box->setTitle(tr("Planned and actual progress"));
    m_history_box->setTitle(tr("Progress reports"));
    m_problem_box->setTitle(tr("Problems"));
    m_visit_box->setTitle(tr("Site visits"));
    m_visits->setHeaderLabels({tr("Date"), tr("Who"), tr("Note")});
    m_photo_box->setTitle(tr("Photos (double-click to open)"));
    m_indicator_box->setTitle(tr("Exit indicators"));
    m_village_project_box->setTitle(tr("Projects serving the village"));
    m_history->setHeaderLabels({tr("Date"), tr("Quantity"), tr("Percent"), tr("Note"), tr("By")});
    m_problems->setHeaderLabels(
        {tr("Raised"), tr("Category"), tr("Problem"), tr("Owner"), tr("Deadline"), tr("Closed")});
    m_indicators->setHeaderLabels({tr("Indicator"), tr("State"), tr("Projects that will meet it")});
    m_village_projects->setHeaderLabels({tr("ID"), tr("Project"), tr("Status"), tr("Done %")});
    m_curve->retranslate();
    refresh();
}

void IdentifyPanel::set_session(const ProjectSession* session) {
    m_session = session;
    m_snapshot.reset();
    clear();
}

void IdentifyPanel::set_snapshot(std::shared_ptr<const Snapshot> snapshot) {
    m_snapshot = std::move(snapshot);
    if (!m_project.empty() || !m_village.empty()) { // else the placeholder stays as it is
        refresh();
    }
}

void IdentifyPanel::show_project(const std::string& project_id) {
    m_project = project_id;
    m_village.clear();
    refresh();
}

void IdentifyPanel::show_village(const std::string& code) {
    m_village = code;
    m_project.clear();
    refresh();
}

void IdentifyPanel::clear() {
    m_project.clear();
    m_village.clear();
    refresh();
}

void IdentifyPanel::refresh() {
    const bool ready = m_session != nullptr && m_snapshot != nullptr;
    const auto index =
        ready && !m_project.empty() ? m_session->portfolio().find(m_project) : std::nullopt;
    const bool project = index.has_value();
    const bool village = ready && !m_village.empty();
    for (QGroupBox* box :
         {m_milestone_box, m_curve_box, m_history_box, m_problem_box, m_visit_box, m_photo_box}) {
        box->setVisible(project);
    }
    m_indicator_box->setVisible(village);
    m_village_project_box->setVisible(village);
    if (project) {
        fill_project(*index);
    } else if (village) {
        fill_village();
    } else {
        m_title->setText(tr("Nothing selected"));
        m_facts->setText(tr("Click a site or a village on the map, or a row of a table."));
    }
}

void IdentifyPanel::fill_project(std::size_t index) {
    const core::Portfolio& portfolio = m_session->portfolio();
    const core::Project& p = portfolio.projects()[index];
    const core::ProjectStatus& s = m_snapshot->evaluation.projects[index];
    const core::Date as_of = m_snapshot->as_of;
    m_title->setText(qs(p.name));
    const core::AdminUnit* township = portfolio.admin_unit(p.township_code);
    const core::AdminUnit* village = portfolio.admin_unit(p.village_code);
    QString place = township != nullptr ? qs(township->name) : qs(p.township_code);
    if (village != nullptr) {
        place += QStringLiteral(" ") + qs(village->name);
    }
    QString quantity;
    if (p.planned_quantity) {
        quantity = qs(
            core::done_of_planned_text(s.done_quantity.value_or(0), *p.planned_quantity, p.unit));
    }
    const auto row = [](const QString& key, const QString& value) {
        return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
            .arg(key.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table cellspacing=2>");
    html += row(tr("ID"), qs(p.id));
    html += row(tr("Type"), label(p.type));
    html += row(tr("Stage"), label(p.stage));
    html += row(tr("Place"), place);
    html += row(tr("Leader"), qs(p.leader));
    html += row(tr("Responsible unit"), qs(p.responsible_unit));
    html += row(tr("Planned"), QStringLiteral("%1 – %2").arg(day_text(p.planned_start),
                                                             day_text(p.planned_finish)));
    if (!quantity.isEmpty()) {
        html += row(tr("Quantity"), quantity);
    }
    if (p.budget_wan) {
        html += row(tr("Investment"), qs(core::wan_text(*p.budget_wan)));
    }
    html += row(tr("Status as of %1").arg(qs(as_of.iso())), label(s.status));
    html += row(tr("Why"), status_reason(s));
    html += QStringLiteral("</table>");
    m_facts->setText(html);

    std::vector<TimelineMilestone> milestones;
    for (const core::Milestone& m : portfolio.milestones(index)) {
        std::optional<core::Date> reached = portfolio.reached_on(m);
        if (reached && *reached > as_of) {
            reached.reset();
        }
        milestones.push_back({qs(m.name), m.planned_date, reached});
    }
    m_timeline->set_milestones(std::move(milestones), as_of);
    m_curve->show_project(portfolio, index, as_of);

    m_history->clear();
    const auto reports = portfolio.reports(index);
    for (auto r = reports.rbegin(); r != reports.rend(); ++r) {
        if (r->report_date > as_of) {
            continue;
        }
        auto* item = new QTreeWidgetItem(m_history);
        item->setText(0, qs(r->report_date.iso()));
        item->setText(1, r->cumulative_quantity
                             ? qs(core::quantity_text(*r->cumulative_quantity, p.unit))
                             : QString());
        item->setText(2, percent_text(r->percent));
        item->setText(3, qs(r->note));
        item->setText(4, qs(r->reported_by));
    }
    m_problems->clear();
    for (const core::Problem& problem : portfolio.problems(index)) {
        if (problem.raised_date > as_of) {
            continue;
        }
        auto* item = new QTreeWidgetItem(m_problems);
        item->setText(0, qs(problem.raised_date.iso()));
        item->setText(1, label(problem.category));
        item->setText(2, qs(problem.description));
        item->setText(3, qs(problem.owner));
        item->setText(4, day_text(problem.deadline));
        const bool closed = problem.closed_date && *problem.closed_date <= as_of;
        item->setText(5, closed ? day_text(problem.closed_date) : QString());
        if (!closed && problem.deadline && *problem.deadline < as_of) {
            item->setForeground(4, QColor(213, 94, 0)); // overdue
        }
    }
    m_visits->clear();
    const auto visits = portfolio.site_visits(index);
    for (auto v = visits.rbegin(); v != visits.rend(); ++v) {
        if (v->visit_date <= as_of) {
            auto* item = new QTreeWidgetItem(m_visits);
            item->setText(0, qs(v->visit_date.iso()));
            item->setText(1, qs(v->visitor));
            item->setText(2, qs(v->note));
        }
    }
    m_visit_box->setVisible(m_visits->topLevelItemCount() > 0);
    m_photos->clear();
    for (const core::Photo* photo : m_session->photos(p.id)) {
        const QString file = m_session->photo_file(*photo);
        QImageReader reader(file);
        reader.setAutoTransform(true);
        reader.setScaledSize(reader.size().scaled(96, 96, Qt::KeepAspectRatio));
        const QImage thumbnail = file.isEmpty() ? QImage() : reader.read();
        auto* item = new QListWidgetItem(m_photos);
        item->setText(qs(photo->taken_at.substr(0, 10)));
        item->setToolTip(qs(photo->path) + (photo->flags.empty()
                                                ? QString()
                                                : QStringLiteral("\n") + qs(photo->flags)));
        if (!thumbnail.isNull()) {
            item->setIcon(QIcon(QPixmap::fromImage(thumbnail)));
        } else {
            item->setIcon(style()->standardIcon(QStyle::SP_FileIcon));
            item->setToolTip(tr("File not found: %1").arg(qs(photo->path)));
        }
        item->setData(Qt::UserRole, file);
    }
    m_photo_box->setVisible(m_photos->count() > 0);
}

void IdentifyPanel::fill_village() {
    const core::Portfolio& portfolio = m_session->portfolio();
    const core::AdminUnit* village = portfolio.admin_unit(m_village);
    const core::AdminUnit* township =
        village != nullptr ? portfolio.admin_unit(village->parent_code) : nullptr;
    m_title->setText(village != nullptr ? qs(village->name) : qs(m_village));
    m_facts->setText(QStringLiteral("<b>%1</b> %2<br><b>%3</b> %4")
                         .arg(tr("Code"), qs(m_village), tr("Township"),
                              township != nullptr ? qs(township->name) : QString()));
    m_indicators->clear();
    // This village's checklist only (the whole county's is 47,000 villages on a province).
    const core::VillageExit exit = core::village_exit(portfolio, m_snapshot->evaluation, m_village);
    for (const core::IndicatorStatus& indicator : exit.indicators) {
        auto* item = new QTreeWidgetItem(m_indicators);
        item->setText(0, qs(indicator.label_zh));
        item->setText(1, label(indicator.state));
        QStringList projects;
        for (const core::IndicatorProject& serving : indicator.projects) {
            projects << qs(serving.status->project->name) +
                            (serving.forecast_finish
                                 ? tr(" (forecast %1)").arg(qs(serving.forecast_finish->iso()))
                                 : QString());
        }
        item->setText(2, projects.join(QStringLiteral("; ")));
    }
    m_village_projects->clear();
    for (const std::uint32_t i : portfolio.projects_in_village(m_village)) {
        const core::ProjectStatus& s = m_snapshot->evaluation.projects[i];
        auto* item = new QTreeWidgetItem(m_village_projects);
        item->setText(0, qs(s.project->id));
        item->setText(1, qs(s.project->name));
        item->setText(2, label(s.status));
        item->setText(3, QString::number(s.percent_done, 'f', 1));
        item->setData(0, Qt::UserRole, qs(s.project->id));
    }
}

void IdentifyPanel::open_photo(const QString& file) {
    if (file.isEmpty()) {
        return;
    }
    QImageReader reader(file);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QFileInfo(file).fileName());
    auto* layout = new QVBoxLayout(dialog);
    auto* view = new QLabel(dialog);
    // Full size; only a photo larger than a screen is shrunk to fit one.
    QPixmap pixmap = QPixmap::fromImage(image);
    if (pixmap.width() > 1600 || pixmap.height() > 1000) {
        pixmap = pixmap.scaled(1600, 1000, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    view->setPixmap(pixmap);
    layout->addWidget(view);
    dialog->show();
}

} // namespace xj::viewer
