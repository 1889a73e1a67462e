#pragma once

#include <cstddef>
#include <string>

namespace xj::cli {

/// A one-line progress bar on stderr, drawn only when stderr is a terminal (scripts and logs
/// get the summary alone).
class ProgressBar {
public:
    explicit ProgressBar(std::string label);
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;
    void update(std::size_t done, std::size_t total);

private:
    std::string m_label;
    bool m_enabled;
    int m_last_percent = -1;
};

} // namespace xj::cli
