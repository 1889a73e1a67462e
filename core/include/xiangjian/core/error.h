#pragma once

#include <stdexcept>
#include <string>

namespace xj {

/// Root of every error Xiangjian throws. The message is meant for the user:
/// it names the file, row or feature and the reason.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
};

} // namespace xj
