#pragma once

// The project-day forms: a visit, progress, a new problem, a problem closed, a milestone
// reached. A form is checked by the engine's own entry checks when saved (store/entries.h,
// through the window's EntryDesk); a refusal is shown under the field it concerns and nothing
// is saved until the form is valid. The form closes once the entry is on disk.

#ifndef Q_MOC_RUN
#include "xiangjian/core/error.h"
#include "xiangjian/core/project.h"
#include "xiangjian/store/entries.h"
#endif

#include <QDialog>
#include <QStringList>
#include <functional>
#include <map>
#include <optional>
#include <vector>

class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace xj::viewer {

enum class EntryKind { visit, progress, problem, close_problem, milestone };

class EntryDialog : public QDialog {
    Q_OBJECT
public:
    /// Saves an entry with the photo files chosen for it (progress only): returns once it is
    /// on disk, or throws (xj::EntryError names the field).
    using Save = std::function<void(const store::Entry&, const QStringList& photos)>;

    /// A form for `project` as of `day` (the form's default date). `milestones` and
    /// `problems`: the project's, for the milestone and closing forms; `visitor`: the default
    /// of a visit's "who".
    EntryDialog(EntryKind kind, const core::Project& project, core::Date day,
                std::vector<core::Milestone> milestones, std::vector<core::Problem> problems,
                const QString& visitor, Save save, QWidget* parent = nullptr);

    EntryKind kind() const { return m_kind; }
    QPushButton* save_button() const { return m_save_button; }
    /// The message shown under a field (empty when none): what the tests read.
    QString message(EntryField field) const;
    /// The message about the form as a whole (the file could not be written …).
    QString form_message() const;
    /// The photo files chosen for a progress entry (as the "Photos…" button chooses them).
    void set_photos(const QStringList& files);

private:
    void add_field(EntryField field, const QString& label, QWidget* editor);
    void save();
    /// The entry the fields describe; a field that cannot be read is marked and none returned.
    std::optional<store::Entry> entry_of_fields();
    void show_message(EntryField field, const QString& text);
    void clear_messages();

    EntryKind m_kind;
    core::Project m_project;
    std::vector<core::Milestone> m_milestones;
    std::vector<core::Problem> m_problems;
    Save m_save;
    QFormLayout* m_form;
    std::map<EntryField, QLabel*> m_messages;
    QLabel* m_form_message;
    QPushButton* m_save_button;
    QDateEdit* m_date = nullptr;
    QLineEdit* m_visitor = nullptr;
    QLineEdit* m_note = nullptr;
    QLineEdit* m_quantity = nullptr;
    QLineEdit* m_percent = nullptr;
    QComboBox* m_category = nullptr;
    QLineEdit* m_description = nullptr;
    QLineEdit* m_owner = nullptr;
    QLineEdit* m_deadline = nullptr;
    QComboBox* m_problem = nullptr;
    QLineEdit* m_resolution = nullptr;
    QComboBox* m_milestone = nullptr;
    QLabel* m_photo_list = nullptr;
    QStringList m_photo_files;
};

} // namespace xj::viewer
