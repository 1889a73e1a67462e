#include "entry_dialog.h"

#include "labels.h"
#include "xiangjian/core/text.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace xj::viewer {

namespace {

QDate qdate(core::Date day) {
    return QDate(day.year(), day.month(), day.day());
}

core::Date day_of(const QDateEdit* edit) {
    const QDate d = edit->date();
    return core::Date(d.year(), d.month(), d.day());
}

QString title_of(EntryKind kind) {
    switch (kind) {
    case EntryKind::visit:
        return EntryDialog::tr("Record a site visit");
    case EntryKind::progress:
        return EntryDialog::tr("Record progress");
    case EntryKind::problem:
        return EntryDialog::tr("Raise a problem");
    case EntryKind::close_problem:
        return EntryDialog::tr("Close a problem");
    case EntryKind::milestone:
        return EntryDialog::tr("Mark a milestone reached");
    }
    return {};
}

/// A number as typed (full-width digits, a thousands comma): none when the field is empty.
/// Sets `ok` false when there is text that is not a number.
std::optional<double> number_of(const QLineEdit* edit, bool& ok) {
    const std::string text = core::halfwidth(edit->text().trimmed().toStdString());
    ok = true;
    if (text.empty()) {
        return std::nullopt;
    }
    bool parsed = false;
    const double value = QString::fromStdString(text).remove(QLatin1Char(',')).toDouble(&parsed);
    ok = parsed;
    return parsed ? std::optional<double>(value) : std::nullopt;
}

} // namespace

EntryDialog::EntryDialog(EntryKind kind, const core::Project& project, core::Date day,
                         std::vector<core::Milestone> milestones,
                         std::vector<core::Problem> problems, const QString& visitor, Save save,
                         QWidget* parent)
    : QDialog(parent), m_kind(kind), m_project(project), m_milestones(std::move(milestones)),
      m_problems(std::move(problems)), m_save(std::move(save)) {
    setWindowTitle(title_of(kind) + QStringLiteral(" · ") + qs(project.id));
    auto* layout = new QVBoxLayout(this);
    auto* heading =
        new QLabel(QStringLiteral("<b>%1</b> %2")
                       .arg(qs(project.id).toHtmlEscaped(), qs(project.name).toHtmlEscaped()),
                   this);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    m_form = new QFormLayout;
    layout->addLayout(m_form);

    m_date = new QDateEdit(qdate(day), this);
    m_date->setObjectName(QStringLiteral("date"));
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_date->setCalendarPopup(true);
    const auto line = [this](const char* name) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QString::fromLatin1(name));
        return edit;
    };
    switch (kind) {
    case EntryKind::visit:
        add_field(EntryField::date, tr("Date"), m_date);
        m_visitor = line("visitor");
        m_visitor->setText(visitor);
        add_field(EntryField::visitor, tr("Who"), m_visitor);
        m_note = line("note");
        add_field(EntryField::note, tr("What was found"), m_note);
        break;
    case EntryKind::progress: {
        add_field(EntryField::date, tr("Date"), m_date);
        m_quantity = line("quantity");
        m_quantity->setPlaceholderText(project.unit.empty()
                                           ? tr("cumulative")
                                           : tr("cumulative, in %1").arg(qs(project.unit)));
        add_field(EntryField::quantity, tr("Quantity done"), m_quantity);
        m_percent = line("percent");
        m_percent->setPlaceholderText(tr("cumulative, 0–100"));
        add_field(EntryField::percent, tr("Percent done"), m_percent);
        m_note = line("note");
        add_field(EntryField::note, tr("Note"), m_note);
        auto* photos = new QWidget(this);
        auto* row = new QHBoxLayout(photos);
        row->setContentsMargins(0, 0, 0, 0);
        auto* choose = new QPushButton(tr("Choose photos…"), photos);
        choose->setObjectName(QStringLiteral("choose_photos"));
        m_photo_list = new QLabel(tr("none"), photos);
        m_photo_list->setObjectName(QStringLiteral("photo_list"));
        m_photo_list->setWordWrap(true);
        row->addWidget(choose);
        row->addWidget(m_photo_list, 1);
        m_form->addRow(tr("Photos"), photos);
        connect(choose, &QPushButton::clicked, this, [this] {
            set_photos(
                QFileDialog::getOpenFileNames(this, tr("Photos of the site"), QString(),
                                              tr("JPEG photos (*.jpg *.jpeg *.JPG *.JPEG)")));
        });
        break;
    }
    case EntryKind::problem:
        add_field(EntryField::date, tr("Raised on"), m_date);
        m_category = new QComboBox(this);
        m_category->setObjectName(QStringLiteral("category"));
        for (const auto& term : core::terms(core::ProblemCategory{})) {
            m_category->addItem(label(term.value), static_cast<int>(term.value));
        }
        add_field(EntryField::category, tr("Category"), m_category);
        m_description = line("description");
        add_field(EntryField::description, tr("Problem"), m_description);
        m_owner = line("owner");
        add_field(EntryField::owner, tr("Owner"), m_owner);
        m_deadline = line("deadline");
        m_deadline->setPlaceholderText(tr("YYYY-MM-DD, or empty"));
        add_field(EntryField::deadline, tr("Deadline"), m_deadline);
        break;
    case EntryKind::close_problem:
        m_problem = new QComboBox(this);
        m_problem->setObjectName(QStringLiteral("problem"));
        for (const core::Problem& problem : m_problems) {
            if (!problem.closed_date) {
                m_problem->addItem(qs(problem.id) + QStringLiteral("  ") + qs(problem.description),
                                   qs(problem.id));
            }
        }
        add_field(EntryField::problem, tr("Problem"), m_problem);
        add_field(EntryField::date, tr("Closed on"), m_date);
        m_resolution = line("resolution");
        add_field(EntryField::resolution, tr("Resolution"), m_resolution);
        break;
    case EntryKind::milestone:
        m_milestone = new QComboBox(this);
        m_milestone->setObjectName(QStringLiteral("milestone"));
        for (const core::Milestone& milestone : m_milestones) {
            if (!milestone.actual_date) {
                m_milestone->addItem(tr("%1. %2 (planned %3)")
                                         .arg(milestone.seq)
                                         .arg(qs(milestone.name), qs(milestone.planned_date.iso())),
                                     milestone.seq);
            }
        }
        add_field(EntryField::milestone, tr("Milestone"), m_milestone);
        add_field(EntryField::date, tr("Reached on"), m_date);
        break;
    }
    // Anything the checks say that no field shows (the project itself, the file).
    m_form_message = new QLabel(this);
    m_form_message->setObjectName(QStringLiteral("form_message"));
    m_form_message->setWordWrap(true);
    m_form_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_form_message->hide();
    layout->addWidget(m_form_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save_button = buttons->button(QDialogButtonBox::Save);
    m_save_button->setText(tr("Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &EntryDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

void EntryDialog::set_photos(const QStringList& files) {
    m_photo_files = files;
    QStringList names;
    for (const QString& file : files) {
        names << QFileInfo(file).fileName();
    }
    if (m_photo_list != nullptr) {
        m_photo_list->setText(names.isEmpty() ? tr("none") : names.join(QStringLiteral(", ")));
    }
}

void EntryDialog::add_field(EntryField field, const QString& label_text, QWidget* editor) {
    auto* box = new QWidget(this);
    auto* column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(editor);
    auto* message = new QLabel(box);
    message->setObjectName(editor->objectName() + QStringLiteral("_message"));
    message->setWordWrap(true);
    message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    message->hide();
    column->addWidget(message);
    m_messages[field] = message;
    m_form->addRow(label_text, box);
}

QString EntryDialog::message(EntryField field) const {
    const auto found = m_messages.find(field);
    return found != m_messages.end() && !found->second->isHidden() ? found->second->text()
                                                                   : QString();
}

QString EntryDialog::form_message() const {
    return m_form_message->isHidden() ? QString() : m_form_message->text();
}

void EntryDialog::show_message(EntryField field, const QString& text) {
    const auto found = m_messages.find(field);
    QLabel* where = found != m_messages.end() ? found->second : m_form_message;
    where->setText(text);
    where->show();
}

void EntryDialog::clear_messages() {
    for (auto& [field, message] : m_messages) {
        message->clear();
        message->hide();
    }
    m_form_message->clear();
    m_form_message->hide();
}

std::optional<store::Entry> EntryDialog::entry_of_fields() {
    const core::Date day = day_of(m_date);
    const std::string id = m_project.id;
    const auto text_of = [](const QLineEdit* edit) { return edit->text().trimmed().toStdString(); };
    switch (m_kind) {
    case EntryKind::visit:
        return store::VisitEntry{id, day, text_of(m_visitor), text_of(m_note)};
    case EntryKind::progress: {
        bool quantity_ok = true, percent_ok = true;
        const auto quantity = number_of(m_quantity, quantity_ok);
        const auto percent = number_of(m_percent, percent_ok);
        if (!quantity_ok) {
            show_message(EntryField::quantity, tr("Not a number: %1").arg(m_quantity->text()));
        }
        if (!percent_ok) {
            show_message(EntryField::percent, tr("Not a number: %1").arg(m_percent->text()));
        }
        if (!quantity_ok || !percent_ok) {
            return std::nullopt;
        }
        return store::ProgressEntry{id, day, quantity, percent, text_of(m_note), {}};
    }
    case EntryKind::problem: {
        std::optional<core::Date> deadline;
        if (!m_deadline->text().trimmed().isEmpty()) {
            deadline = core::Date::parse_loose(text_of(m_deadline));
            if (!deadline) {
                show_message(EntryField::deadline,
                             tr("Not a day: %1. Type it as 2018-06-15, 2018/6/15 or 2018年6月15日")
                                 .arg(m_deadline->text()));
                return std::nullopt;
            }
        }
        const auto category = static_cast<core::ProblemCategory>(m_category->currentData().toInt());
        return store::ProblemEntry{
            id, day, category, text_of(m_description), text_of(m_owner), deadline, ""};
    }
    case EntryKind::close_problem:
        return store::CloseProblemEntry{m_problem->currentData().toString().toStdString(), day,
                                        text_of(m_resolution)};
    case EntryKind::milestone:
        return store::MilestoneEntry{id, m_milestone->currentData().toInt(), day};
    }
    return std::nullopt;
}

void EntryDialog::save() {
    clear_messages();
    const std::optional<store::Entry> entry = entry_of_fields();
    if (!entry) {
        return;
    }
    try {
        m_save(*entry, m_photo_files);
    } catch (const EntryError& error) {
        show_message(error.field(), QString::fromUtf8(error.what()));
        return;
    } catch (const std::exception& error) {
        m_form_message->setText(QString::fromUtf8(error.what()));
        m_form_message->show();
        return;
    }
    accept();
}

} // namespace xj::viewer
