#pragma once

// Leaders' names as people type them. The county stores a leader with the title in brackets
// (张卫东（副县长）); people type the name (张卫东). The command line and the viewer find the
// leader meant the same way, here.

#include "xiangjian/core/project.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace xj::core {

/// The name without a bracketed title and surrounding spaces: "张卫东（副县长）" → "张卫东";
/// brackets may be full-width （）, ASCII () or 【】.
std::string leader_name(std::string_view leader);

/// The distinct leaders of the projects, in the order first met (empty ones left out).
std::vector<std::string> project_leaders(std::span<const Project> projects);

/// The stored leader `typed` means: the one stored exactly so, else the one whose name without
/// its title is `typed` without its title. Throws xj::Error, in the user's language, listing
/// the leaders when none matches or several do (the same name with two titles).
std::string match_leader(std::span<const Project> projects, std::string_view typed);

} // namespace xj::core
