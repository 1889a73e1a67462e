#pragma once

#include <string>
#include <string_view>

namespace xj {

/// The language every text a user reads is written in: Chinese by default, English on request
/// (`--lang en`, XIANGJIAN_LANG=en, the viewer's menu). It lives in the core, not in a front
/// end, because the messages of errors and reports are made where the problem is found (an
/// importer, the engine, a store) and must already be in the user's language there.
/// Each message is written once in both languages, side by side, where it is made.
enum class Language { zh, en };

/// Set once at start-up, before any work starts (it is read without locking).
void set_language(Language language);
Language language();
/// Chooses the language from XIANGJIAN_LANG (zh or en); Chinese when unset.
void set_language_from_environment();

inline std::string_view tr(std::string_view zh, std::string_view en) {
    return language() == Language::zh ? zh : en;
}

/// The same as a string, to build messages with `+` and for texts a library keeps.
inline std::string text(std::string_view zh, std::string_view en) {
    return std::string{tr(zh, en)};
}

} // namespace xj
