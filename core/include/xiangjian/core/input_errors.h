#pragma once

// Every bad row of a file at once: an importer checks each row, collects what is wrong with
// it, and throws one error naming them all (the first few dozen, and how many more), so that a
// county office fixes its file in one go rather than one row a run.

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace xj {

/// Several rows of one file that cannot be used. It is the InputError of the first (its file,
/// row and column), and carries every one.
class InputErrors : public InputError {
public:
    InputErrors(const std::string& message, std::vector<InputError> errors, std::size_t total)
        : InputError(message, errors.front().place()), m_errors(std::move(errors)), m_total(total) {
    }
    /// The errors listed (at most RowErrors::listed), in the order of the rows.
    const std::vector<InputError>& errors() const { return m_errors; }
    /// How many rows were bad, listed or not.
    std::size_t total() const { return m_total; }

private:
    std::vector<InputError> m_errors;
    std::size_t m_total;
};

/// Collects the bad rows of a file while every row is checked.
class RowErrors {
public:
    static constexpr std::size_t listed = 50; ///< errors named one by one; the rest counted

    explicit RowErrors(std::string file) : m_file(std::move(file)) {}

    void add(const InputError& error) {
        if (const auto* several = dynamic_cast<const InputErrors*>(&error)) {
            for (const auto& one : several->errors()) {
                add(one);
            }
            m_total += several->total() - several->errors().size();
            return;
        }
        ++m_total;
        if (m_errors.size() < listed) {
            m_errors.push_back(error);
        }
    }

    /// Runs `check` (the checks of one row); what it throws as bad input is collected.
    template <typename Check> void check(Check&& check) {
        try {
            check();
        } catch (const InputError& error) {
            add(error);
        }
    }

    bool empty() const { return m_total == 0; }
    std::size_t total() const { return m_total; }

    /// Nothing when every row was good; the error itself when one was bad; else one error
    /// listing them, one line each.
    void throw_if_any() const {
        if (m_total == 0) {
            return;
        }
        if (m_total == 1) {
            throw m_errors.front();
        }
        std::string message =
            m_file + text("：" + std::to_string(m_total) + " 处有误，未写入任何内容：",
                          ": " + std::to_string(m_total) + " errors, nothing was written:");
        for (const auto& error : m_errors) {
            message += "\n  ";
            message += error.what();
        }
        if (m_total > m_errors.size()) {
            message +=
                "\n  " + text("……另有 " + std::to_string(m_total - m_errors.size()) + " 处",
                              "… and " + std::to_string(m_total - m_errors.size()) + " more");
        }
        throw InputErrors(message, m_errors, m_total);
    }

private:
    std::string m_file;
    std::vector<InputError> m_errors;
    std::size_t m_total = 0;
};

} // namespace xj
