#include "entry_desk.h"

#include "xiangjian/core/date.h"
#include "xiangjian/core/entry_checks.h"
#include "xiangjian/import/photo_import.h"
#include "xiangjian/store/open_project.h"

#include <cstdlib>

namespace xj::viewer {

EntryDesk::EntryDesk(QString project_path, std::string by)
    : m_path(std::move(project_path)), m_by(std::move(by)) {}

EntryDesk::~EntryDesk() = default;

std::string EntryDesk::default_user() {
    for (const char* variable : {"XIANGJIAN_USER", "USER", "LOGNAME"}) {
        if (const char* value = std::getenv(variable); value != nullptr && *value != '\0') {
            return value;
        }
    }
    return "unknown";
}

store::ProjectStore& EntryDesk::writer() {
    if (!m_store) {
        m_store = store::open_project(m_path.toStdString(), store::Access::update);
    }
    return *m_store;
}

const store::RecordedEntry& EntryDesk::record(const store::Entry& entry,
                                              const QStringList& photos) {
    const auto* progress = std::get_if<store::ProgressEntry>(&entry);
    if (photos.isEmpty() || progress == nullptr) {
        m_entries.push_back(store::record_entry(writer(), entry, m_by, core::today()));
        return m_entries.back();
    }
    std::vector<std::string> files;
    for (const QString& file : photos) {
        files.push_back(file.toStdString());
    }
    // Checked first, so that no photo is copied for an entry the checks refuse.
    core::check_entry_day(progress->day, core::today(), progress->project_id);
    const import::AttachedPhotos attached = import::attach_photos(
        writer(), m_path.toStdString(), progress->project_id, progress->day, files);
    store::ProgressEntry with_photos = *progress;
    with_photos.photos = attached.photos;
    try {
        m_entries.push_back(store::record_entry(writer(), with_photos, m_by, core::today()));
    } catch (...) {
        import::discard(attached);
        throw;
    }
    auto& warnings = m_entries.back().warnings;
    warnings.insert(warnings.end(), attached.warnings.begin(), attached.warnings.end());
    return m_entries.back();
}

store::ChangeRecord EntryDesk::withdraw(std::size_t index) {
    const store::ChangeRecord change = store::withdraw_entry(writer(), m_entries.at(index), m_by);
    m_entries.erase(m_entries.begin() + static_cast<std::ptrdiff_t>(index));
    return change;
}

std::vector<store::ChangeRecord> EntryDesk::changes_of(const std::string& project_id) {
    std::vector<store::ChangeRecord> mine;
    const std::string problem_prefix = project_id + "-Q";
    for (store::ChangeRecord& change : writer().changes()) {
        if (change.subject == project_id || change.subject.rfind(problem_prefix, 0) == 0 ||
            change.detail.rfind(project_id + " ", 0) == 0) {
            mine.push_back(std::move(change));
        }
    }
    return mine;
}

} // namespace xj::viewer
