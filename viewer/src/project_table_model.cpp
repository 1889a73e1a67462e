#include "project_table_model.h"

#include "labels.h"

namespace xj::viewer {

ProjectTableModel::ProjectTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ProjectTableModel::set_portfolio(const core::Portfolio* portfolio) {
    beginResetModel();
    m_portfolio = portfolio;
    m_snapshot.reset();
    endResetModel();
}

void ProjectTableModel::set_snapshot(std::shared_ptr<const Snapshot> snapshot) {
    m_snapshot = std::move(snapshot);
    if (rowCount() > 0) {
        // The day's figures only: id … stage are the project's own, and a sorted text column
        // keeps its collation keys (TextSortProxy).
        emit dataChanged(index(0, status), index(rowCount() - 1, column_count - 1));
    }
}

int ProjectTableModel::row_of(const std::string& project_id) const {
    if (m_portfolio == nullptr) {
        return -1;
    }
    const auto found = m_portfolio->find(project_id);
    return found ? static_cast<int>(*found) : -1;
}

void ProjectTableModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, column_count - 1);
    if (rowCount() > 0) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, column_count - 1));
    }
}

int ProjectTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || m_portfolio == nullptr
               ? 0
               : static_cast<int>(m_portfolio->projects().size());
}

int ProjectTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : column_count;
}

QVariant ProjectTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || m_portfolio == nullptr) {
        return {};
    }
    const auto row = static_cast<std::size_t>(index.row());
    const core::Project& project = m_portfolio->projects()[row];
    if (role == id_role) {
        return qs(project.id);
    }
    if (role == Qt::TextAlignmentRole) {
        return index.column() >= percent && index.column() <= open_problems
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    }
    if (role != Qt::DisplayRole && role != sort_role) {
        return {};
    }
    const bool sorting = role == sort_role;
    switch (index.column()) {
    case id:
        return qs(project.id);
    case name:
        return qs(project.name);
    case type:
        return label(project.type);
    case township: {
        const core::AdminUnit* place = m_portfolio->admin_unit(project.township_code);
        return place != nullptr ? qs(place->name) : qs(project.township_code);
    }
    case leader:
        return qs(project.leader);
    case unit:
        return qs(project.responsible_unit);
    case stage:
        return label(project.stage);
    default:
        break;
    }
    if (m_snapshot == nullptr || row >= m_snapshot->evaluation.projects.size()) {
        return {};
    }
    const core::ProjectStatus& now = m_snapshot->evaluation.projects[row];
    switch (index.column()) {
    case ProjectTableModel::status:
        return sorting ? QVariant(static_cast<int>(now.status)) : QVariant(label(now.status));
    case percent:
        return sorting ? QVariant(now.percent_done)
                       : QVariant(QString::number(now.percent_done, 'f', 1));
    case planned:
        return sorting ? QVariant(now.planned_percent.value_or(-1))
                       : QVariant(percent_text(now.planned_percent));
    case variance:
        return sorting ? QVariant(now.schedule_variance.value_or(-1000))
                       : QVariant(percent_text(now.schedule_variance));
    case open_problems:
        return now.open_problems;
    case last_report:
        return now.last_report_date ? qs(now.last_report_date->iso()) : QString();
    default:
        return {};
    }
}

QVariant ProjectTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case id:
        return tr("ID");
    case name:
        return tr("Project");
    case type:
        return tr("Type");
    case township:
        return tr("Township");
    case leader:
        return tr("Leader");
    case unit:
        return tr("Responsible unit");
    case stage:
        return tr("Stage");
    case status:
        return tr("Status");
    case percent:
        return tr("Done %");
    case planned:
        return tr("Planned %");
    case variance:
        return tr("Variance");
    case open_problems:
        return tr("Open problems");
    case last_report:
        return tr("Last report");
    default:
        return {};
    }
}

ProjectFilterProxy::ProjectFilterProxy(QObject* parent)
    : TextSortProxy(ProjectTableModel::stage + 1, parent) { // id … stage are text
    setSortRole(ProjectTableModel::sort_role);
}

void ProjectFilterProxy::set_search(const QString& text) {
    m_search = text.trimmed();
    invalidateFilter();
}

void ProjectFilterProxy::set_filter(const MapFilter& filter) {
    if (filter == m_filter) {
        return;
    }
    m_filter = filter;
    invalidateFilter();
}

bool ProjectFilterProxy::filterAcceptsRow(int row, const QModelIndex&) const {
    const auto* model = static_cast<const ProjectTableModel*>(sourceModel());
    if (model == nullptr || model->portfolio() == nullptr) {
        return false;
    }
    const core::Project& project = model->portfolio()->projects()[static_cast<std::size_t>(row)];
    if (m_filter.active()) {
        const Snapshot* snapshot = model->snapshot();
        if (snapshot == nullptr) {
            return false;
        }
        if (!m_filter.matches(project,
                              snapshot->evaluation.projects[static_cast<std::size_t>(row)])) {
            return false;
        }
    }
    if (m_search.isEmpty()) {
        return true;
    }
    for (const std::string* field :
         {&project.id, &project.name, &project.leader, &project.responsible_unit}) {
        if (qs(*field).contains(m_search, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

} // namespace xj::viewer
