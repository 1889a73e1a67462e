#pragma once

// LC_NUMERIC set for a scope, as Qt sets the user's locale in the viewer: for the tests of what
// is written and read in a locale whose decimal point is a comma. Header only: the core tests
// link no test support library.

#include <clocale>
#include <string>

namespace xj::test {

class NumericLocale {
public:
    /// Sets LC_NUMERIC to `name` when the machine has that locale (see set()).
    explicit NumericLocale(const char* name) {
        const char* before = std::setlocale(LC_NUMERIC, nullptr);
        m_before = before != nullptr ? before : "C";
        m_set = std::setlocale(LC_NUMERIC, name) != nullptr;
    }
    ~NumericLocale() { std::setlocale(LC_NUMERIC, m_before.c_str()); }
    NumericLocale(const NumericLocale&) = delete;
    NumericLocale& operator=(const NumericLocale&) = delete;
    bool set() const { return m_set; }

private:
    std::string m_before;
    bool m_set = false;
};

/// The locale the locale tests use: a decimal comma (scripts/install-deps.sh makes it).
inline constexpr const char* decimal_comma_locale = "de_DE.UTF-8";

} // namespace xj::test
