#pragma once

#include <string>
#include <string_view>

namespace xj::cli {

/// The command line speaks Chinese by default; `--lang en` or XIANGJIAN_LANG=en switches to
/// English. Each message is written once in both languages, side by side, where it is used.
enum class Language { zh, en };

void set_language(Language language);
Language language();
/// Chooses the language from XIANGJIAN_LANG (zh or en); Chinese when unset.
void set_language_from_environment();

inline std::string_view tr(std::string_view zh, std::string_view en) {
    return language() == Language::zh ? zh : en;
}

/// The same as a string, for the help texts CLI11 keeps.
inline std::string text(std::string_view zh, std::string_view en) {
    return std::string{tr(zh, en)};
}

} // namespace xj::cli
