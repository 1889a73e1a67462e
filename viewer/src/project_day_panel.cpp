#include "project_day_panel.h"

#include "labels.h"
#include "project_day_model.h"
#include "xiangjian/core/leaders.h"
#include "xiangjian/core/portfolio.h"

#include <QCollator>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

namespace xj::viewer {

ProjectDayPanel::ProjectDayPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* pickers = new QGridLayout;
    m_leader_label = new QLabel(this);
    m_leader = new QComboBox(this);
    m_leader->setObjectName(QStringLiteral("leader"));
    m_friday_label = new QLabel(this);
    m_friday = new QDateEdit(this);
    m_friday->setObjectName(QStringLiteral("friday"));
    m_friday->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_friday->setCalendarPopup(true);
    pickers->addWidget(m_leader_label, 0, 0);
    pickers->addWidget(m_leader, 0, 1);
    pickers->addWidget(m_friday_label, 1, 0);
    pickers->addWidget(m_friday, 1, 1);
    pickers->setColumnStretch(1, 1);
    layout->addLayout(pickers);

    m_model = new ProjectDayModel(this);
    m_list = new QTableView(this);
    m_list->setObjectName(QStringLiteral("projects"));
    m_list->setModel(m_model);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->setWordWrap(false);
    m_list->setMinimumHeight(150);
    layout->addWidget(m_list, 3);

    auto* entries = new QGridLayout;
    const EntryKind kinds[] = {EntryKind::visit, EntryKind::progress, EntryKind::problem,
                               EntryKind::close_problem, EntryKind::milestone};
    int at = 0;
    for (const EntryKind kind : kinds) {
        auto* button = new QPushButton(this);
        m_entry_buttons.emplace_back(kind, button);
        entries->addWidget(button, at / 3, at % 3);
        ++at;
        connect(button, &QPushButton::clicked, this, [this, kind] {
            if (const std::string id = current_project(); !id.empty()) {
                emit entry_requested(kind, id);
            }
        });
    }
    layout->addLayout(entries);

    m_history_label = new QLabel(this);
    layout->addWidget(m_history_label);
    m_history = new QListWidget(this);
    m_history->setObjectName(QStringLiteral("history"));
    m_history->setWordWrap(true);
    layout->addWidget(m_history, 1);
    auto* actions = new QHBoxLayout;
    m_withdraw = new QPushButton(this);
    m_print = new QPushButton(this);
    m_summary = new QPushButton(this);
    m_summary->setObjectName(QStringLiteral("week_summary_button"));
    actions->addWidget(m_withdraw);
    actions->addStretch(1);
    actions->addWidget(m_print);
    actions->addWidget(m_summary);
    layout->addLayout(actions);

    connect(m_leader, &QComboBox::currentIndexChanged, this, [this] { emit_choice(); });
    connect(m_friday, &QDateEdit::dateChanged, this, [this] { emit_choice(); });
    connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        update_buttons();
        if (const std::string id = current_project(); !id.empty()) {
            emit project_chosen(id);
        }
    });
    connect(m_history, &QListWidget::currentRowChanged, this, [this] { update_buttons(); });
    connect(m_withdraw, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem* item = m_history->currentItem();
            item != nullptr && item->data(Qt::UserRole).isValid()) {
            emit withdraw_requested(item->data(Qt::UserRole).value<qulonglong>());
        }
    });
    connect(m_print, &QPushButton::clicked, this, &ProjectDayPanel::print_requested);
    connect(m_summary, &QPushButton::clicked, this, &ProjectDayPanel::summary_requested);
    retranslate();
    update_buttons();
}

void ProjectDayPanel::retranslate() {
    m_leader_label->setText(tr("Leader"));
    m_friday_label->setText(tr("Project day"));
    m_leader->setToolTip(tr("The leader whose projects to visit; names without titles"));
    if (m_leader->count() > 0) {
        m_leader->setItemText(0, tr("— choose a leader —"));
    }
    for (const auto& [kind, button] : m_entry_buttons) {
        switch (kind) {
        case EntryKind::visit:
            button->setText(tr("Visit…"));
            break;
        case EntryKind::progress:
            button->setText(tr("Progress…"));
            break;
        case EntryKind::problem:
            button->setText(tr("New problem…"));
            break;
        case EntryKind::close_problem:
            button->setText(tr("Close a problem…"));
            break;
        case EntryKind::milestone:
            button->setText(tr("Milestone reached…"));
            break;
        }
    }
    m_history_label->setText(tr("Entries for the selected project (change log)"));
    m_withdraw->setText(tr("Withdraw the selected entry"));
    m_withdraw->setToolTip(tr("Only entries made in this window; the withdrawal is recorded too"));
    m_print->setText(tr("Print site sheets…"));
    m_summary->setText(tr("Week's summary…"));
}

void ProjectDayPanel::set_portfolio(const core::Portfolio* portfolio, core::Date friday) {
    // The rows point into the old portfolio: they go now. The selection comes back with the
    // next snapshot.
    if (const std::string id = current_project(); !id.empty()) {
        m_pending_selection = id;
    }
    m_portfolio = portfolio;
    const QSignalBlocker block(m_leader);
    m_leader->clear();
    m_model->show(nullptr, nullptr, {});
    m_history->clear();
    if (portfolio == nullptr) {
        return;
    }
    if (leader().empty()) {
        const QSignalBlocker block_friday(m_friday);
        m_friday->setDate(
            QDate(friday.year(), static_cast<int>(friday.month()), static_cast<int>(friday.day())));
    }
    m_leader->addItem(tr("— choose a leader —"), QString());
    std::vector<std::string> leaders = core::project_leaders(portfolio->projects());
    QCollator collator(QLocale(QLocale::Chinese, QLocale::China));
    std::sort(leaders.begin(), leaders.end(), [&](const std::string& a, const std::string& b) {
        return collator.compare(qs(core::leader_name(a)), qs(core::leader_name(b))) < 0;
    });
    for (const std::string& stored : leaders) {
        m_leader->addItem(qs(core::leader_name(stored)), qs(stored));
        m_leader->setItemData(m_leader->count() - 1, qs(stored), Qt::ToolTipRole);
    }
    update_buttons();
}

void ProjectDayPanel::show_choice(const std::string& leader, core::Date friday) {
    const QSignalBlocker block_leader(m_leader);
    const QSignalBlocker block_friday(m_friday);
    m_leader->setCurrentIndex(std::max(0, m_leader->findData(qs(leader))));
    m_friday->setDate(
        QDate(friday.year(), static_cast<int>(friday.month()), static_cast<int>(friday.day())));
}

void ProjectDayPanel::emit_choice() {
    if (!leader().empty()) {
        emit leader_chosen(leader(), friday());
    }
}

std::string ProjectDayPanel::leader() const {
    return m_leader->currentData().toString().toStdString();
}

core::Date ProjectDayPanel::friday() const {
    const QDate day = m_friday->date();
    return core::Date(day.year(), static_cast<unsigned>(day.month()),
                      static_cast<unsigned>(day.day()));
}

void ProjectDayPanel::set_snapshot(std::shared_ptr<const Snapshot> snapshot) {
    std::string selected = current_project();
    if (selected.empty()) {
        selected = std::exchange(m_pending_selection, {});
    }
    m_model->show(m_portfolio, std::move(snapshot), leader());
    m_list->resizeColumnsToContents();
    select_project(selected);
    update_buttons();
}

void ProjectDayPanel::select_project(const std::string& project_id) {
    if (m_model->rowCount() == 0) {
        m_pending_selection = project_id; // once the rows are there
        return;
    }
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->project_id(row) == project_id) {
            if (current_project() != project_id) {
                m_list->selectRow(row);
            }
            return;
        }
    }
}

std::string ProjectDayPanel::current_project() const {
    const QModelIndexList rows = m_list->selectionModel()->selectedRows();
    return rows.isEmpty() ? std::string() : m_model->project_id(rows.front().row());
}

std::vector<std::string> ProjectDayPanel::listed() const {
    std::vector<std::string> ids;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        ids.push_back(m_model->project_id(row));
    }
    return ids;
}

void ProjectDayPanel::set_history(const std::vector<HistoryLine>& lines) {
    m_history->clear();
    for (const HistoryLine& line : lines) {
        auto* item = new QListWidgetItem(line.text, m_history);
        if (line.entry) {
            item->setData(Qt::UserRole, QVariant::fromValue<qulonglong>(*line.entry));
        }
    }
    m_history->scrollToBottom();
    update_buttons();
}

QPushButton* ProjectDayPanel::entry_button(EntryKind kind) const {
    for (const auto& [k, button] : m_entry_buttons) {
        if (k == kind) {
            return button;
        }
    }
    return nullptr;
}

void ProjectDayPanel::update_buttons() {
    const bool project = !current_project().empty();
    for (const auto& [kind, button] : m_entry_buttons) {
        button->setEnabled(project);
    }
    const QListWidgetItem* item = m_history->currentItem();
    m_withdraw->setEnabled(item != nullptr && item->data(Qt::UserRole).isValid());
    m_print->setEnabled(!leader().empty());
    m_summary->setEnabled(m_portfolio != nullptr);
}

} // namespace xj::viewer
