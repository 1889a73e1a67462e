#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace xj::cli {

/// CLI11 writes its own words (Usage, Options, REQUIRED, "A subcommand is required", …) in
/// English. This gives its help texts our labels, and its parse errors our language.
void speak_our_language(CLI::App& app);

/// A CLI11 parse error in the user's language (CLI11's English when none of its known forms
/// matches).
std::string parse_error_message(const CLI::Error& error);

} // namespace xj::cli
