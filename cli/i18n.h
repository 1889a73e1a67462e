#pragma once

// The command line's language is the core's (xiangjian/core/language.h): an error made in an
// importer and the line that prints it speak the same language.
#include "xiangjian/core/language.h"

namespace xj::cli {

using xj::Language;
using xj::language;
using xj::set_language;
using xj::set_language_from_environment;
using xj::text;
using xj::tr;

} // namespace xj::cli
