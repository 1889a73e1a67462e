#pragma once

// The project-day mode (项目日): a leader picks their name and the Friday, sees their projects
// most urgent first, opens the forms that record what they found on site, withdraws a mistaken
// entry, prints their site sheets and the week's summary for the county office. The panel
// shows and asks; the window (main_window_project_day.cpp) saves and refreshes.

#ifndef Q_MOC_RUN
#include "entry_dialog.h"
#include "snapshot.h"
#endif

#include <QWidget>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QDateEdit;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace xj::viewer {

class ProjectDayModel;

class ProjectDayPanel : public QWidget {
    Q_OBJECT
public:
    /// A line of the selected project's entry history; `entry`: its index among the window's
    /// own entries when it can be withdrawn.
    struct HistoryLine {
        QString text;
        std::optional<std::size_t> entry;
    };

    explicit ProjectDayPanel(QWidget* parent = nullptr);
    /// The leaders of the portfolio (names as people say them), none chosen; `friday`: the
    /// project day a leader picked next starts at.
    void set_portfolio(const core::Portfolio* portfolio, core::Date friday = {});
    /// Shows `leader` (as stored) and `friday` in the pickers without emitting leader_chosen.
    void show_choice(const std::string& leader, core::Date friday);
    /// The leader's projects as of the snapshot's day.
    void set_snapshot(std::shared_ptr<const Snapshot> snapshot);
    void set_history(const std::vector<HistoryLine>& lines);
    void select_project(const std::string& project_id);
    void retranslate();

    std::string leader() const; ///< as stored; empty when none is chosen
    core::Date friday() const;
    std::string current_project() const;
    /// The projects listed, in the list's order.
    std::vector<std::string> listed() const;

    QComboBox* leader_box() const { return m_leader; }
    QDateEdit* friday_edit() const { return m_friday; }
    QTableView* list() const { return m_list; }
    QListWidget* history() const { return m_history; }
    QPushButton* entry_button(EntryKind kind) const;
    QPushButton* withdraw_button() const { return m_withdraw; }

signals:
    void leader_chosen(const std::string& leader, core::Date friday);
    void project_chosen(const std::string& project_id);
    void entry_requested(EntryKind kind, const std::string& project_id);
    void withdraw_requested(std::size_t entry);
    void print_requested();
    void summary_requested();

private:
    void emit_choice();
    void update_buttons();

    const core::Portfolio* m_portfolio = nullptr;
    std::string m_pending_selection; ///< to select once the rows are there
    ProjectDayModel* m_model;
    QLabel* m_leader_label;
    QComboBox* m_leader;
    QLabel* m_friday_label;
    QDateEdit* m_friday;
    QTableView* m_list;
    std::vector<std::pair<EntryKind, QPushButton*>> m_entry_buttons;
    QLabel* m_history_label;
    QListWidget* m_history;
    QPushButton* m_withdraw;
    QPushButton* m_print;
    QPushButton* m_summary;
};

} // namespace xj::viewer
