#pragma once

// The project and village tables with search and filters. The filters are the window's shared
// MapFilter: changing one here narrows the map too, and a roll-up click shows up here.

// moc cannot parse libstdc++'s C++20 headers these bring in; it needs only the names.
#ifndef Q_MOC_RUN
#include "map_filter.h"
#include "project_table_model.h"
#include "village_table_model.h"
#endif

#include <QWidget>
#include <set>
#include <string>

class QComboBox;
class QLineEdit;
class QTabWidget;
class QTableView;
class QLabel;

namespace xj::viewer {

class TablesPanel : public QWidget {
    Q_OBJECT
public:
    explicit TablesPanel(QWidget* parent = nullptr);
    void set_portfolio(const core::Portfolio* portfolio);
    void set_snapshot(std::shared_ptr<const Snapshot> snapshot);
    /// Shows the filter in the combo boxes (no signal back).
    void set_filter(const MapFilter& filter);
    /// Selects the projects' rows (a click on the map), scrolling to the first.
    void select_projects(const std::set<std::string>& ids);
    void select_village(const std::string& code);
    void retranslate();

    QTableView* project_view() const { return m_projects; }
    QTableView* village_view() const { return m_villages; }
    QTabWidget* tabs() const { return m_tabs; }
    QLineEdit* search() const { return m_search; }
    QComboBox* township_box() const { return m_township; }
    ProjectFilterProxy* project_proxy() const { return m_project_proxy; }
    VillageFilterProxy* village_proxy() const { return m_village_proxy; }
    /// The table shown (for export).
    QTableView* current_view() const;

signals:
    void filter_changed(const xj::viewer::MapFilter& filter);
    void projects_selected(const std::set<std::string>& ids);
    void village_selected(const std::string& code);

private:
    void fill_choices();
    MapFilter filter_from_boxes() const;
    void update_count();

    const core::Portfolio* m_portfolio = nullptr;
    ProjectTableModel* m_project_model;
    ProjectFilterProxy* m_project_proxy;
    VillageTableModel* m_village_model;
    VillageFilterProxy* m_village_proxy;
    QTabWidget* m_tabs;
    QTableView* m_projects;
    QTableView* m_villages;
    QLineEdit* m_search;
    QComboBox* m_type;
    QComboBox* m_status;
    QComboBox* m_stage;
    QComboBox* m_township;
    QComboBox* m_leader;
    QLabel* m_count;
    bool m_selecting = false;
};

} // namespace xj::viewer
