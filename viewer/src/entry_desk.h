#pragma once

// Where the window's forms write: the project file opened for writing (on the first entry,
// then kept), the entries made since the window opened (the ones that can be withdrawn), and
// the change log of a project. Every entry goes through store/entries.h, as `xiangjian
// record` does: the engine's checks against the file as it is, one transaction, a line in the
// change log. On the GUI thread: an entry takes a few milliseconds.

#ifndef Q_MOC_RUN
#include "xiangjian/store/entries.h"
#endif

#include <QString>
#include <QStringList>
#include <memory>
#include <string>
#include <vector>

namespace xj::viewer {

class EntryDesk {
public:
    /// `by`: who records (the change log's recorded_by).
    EntryDesk(QString project_path, std::string by);
    ~EntryDesk();
    EntryDesk(const EntryDesk&) = delete;
    EntryDesk& operator=(const EntryDesk&) = delete;

    const std::string& by() const { return m_by; }
    /// Checks and saves; on disk when it returns. Photo files given with a progress entry are
    /// copied beside the project and checked as `import photos` checks them (their findings
    /// join the entry's warnings). Throws xj::EntryError (the form's field at fault) or another
    /// xj::Error (a photo without a position, the file cannot be written now); nothing is
    /// written and no copy is left then.
    const store::RecordedEntry& record(const store::Entry& entry, const QStringList& photos = {});
    /// The entries made here and not withdrawn, oldest first.
    const std::vector<store::RecordedEntry>& entries() const { return m_entries; }
    /// Withdraws entries()[index]; the change log keeps both lines. Throws xj::Error.
    store::ChangeRecord withdraw(std::size_t index);
    /// The change log's lines about a project (its own, and its problems'), oldest first.
    std::vector<store::ChangeRecord> changes_of(const std::string& project_id);

    /// Who records in this window: XIANGJIAN_USER, else the login name.
    static std::string default_user();

private:
    store::ProjectStore& writer();

    QString m_path;
    std::string m_by;
    std::unique_ptr<store::ProjectStore> m_store;
    std::vector<store::RecordedEntry> m_entries;
};

} // namespace xj::viewer
