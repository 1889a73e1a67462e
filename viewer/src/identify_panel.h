#pragma once

// What a click on the map (or a row) identifies. A site: the project's name, type, stage,
// leader and unit, its status and why, the milestones against the as-of day, the S-curve, the
// progress history, the problems and the photos. A village: its exit indicators and the
// projects that serve it.

// moc cannot parse libstdc++'s C++20 headers these bring in; it needs only the names.
#ifndef Q_MOC_RUN
#include "snapshot.h"
#endif

#include <QWidget>
#include <memory>
#include <string>

class QLabel;
class QListWidget;
class QGroupBox;
class QTreeWidget;

namespace xj::viewer {

class MilestoneTimeline;
class ProjectSession;
class SCurveView;

class IdentifyPanel : public QWidget {
    Q_OBJECT
public:
    explicit IdentifyPanel(QWidget* parent = nullptr);
    void set_session(const ProjectSession* session);
    void set_snapshot(std::shared_ptr<const Snapshot> snapshot);
    void show_project(const std::string& project_id);
    void show_village(const std::string& code);
    void clear();
    void retranslate();

    const std::string& project_id() const { return m_project; }
    const std::string& village_code() const { return m_village; }
    QLabel* title() const { return m_title; }
    QLabel* facts() const { return m_facts; }
    MilestoneTimeline* timeline() const { return m_timeline; }
    SCurveView* s_curve() const { return m_curve; }
    QTreeWidget* history() const { return m_history; }
    QTreeWidget* problems() const { return m_problems; }
    QTreeWidget* visits() const { return m_visits; }
    QListWidget* photos() const { return m_photos; }
    QTreeWidget* indicators() const { return m_indicators; }
    QTreeWidget* village_projects() const { return m_village_projects; }

signals:
    /// A project was chosen in a village's list.
    void project_chosen(const std::string& project_id);

private:
    void refresh();
    void fill_project(std::size_t index);
    void fill_village();
    void open_photo(const QString& file);

    const ProjectSession* m_session = nullptr;
    std::shared_ptr<const Snapshot> m_snapshot;
    std::string m_project, m_village;

    QLabel* m_title;
    QLabel* m_facts;
    QGroupBox* m_milestone_box;
    QGroupBox* m_curve_box;
    QGroupBox* m_history_box;
    QGroupBox* m_problem_box;
    QGroupBox* m_visit_box;
    QGroupBox* m_photo_box;
    QGroupBox* m_indicator_box;
    QGroupBox* m_village_project_box;
    MilestoneTimeline* m_timeline;
    SCurveView* m_curve;
    QTreeWidget* m_history;
    QTreeWidget* m_problems;
    QTreeWidget* m_visits;
    QListWidget* m_photos;
    QTreeWidget* m_indicators;
    QTreeWidget* m_village_projects;
};

/// Why a project has its status, in words: the figures behind it.
QString status_reason(const core::ProjectStatus& status);

} // namespace xj::viewer
