#include "progress_bar.h"

#include <cstdio>
#include <unistd.h>

namespace xj::cli {

ProgressBar::ProgressBar(std::string label)
    : m_label(std::move(label)), m_enabled(isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
    if (m_enabled && m_last_percent >= 0) {
        std::fputs("\n", stderr);
    }
}

void ProgressBar::update(std::size_t done, std::size_t total) {
    if (!m_enabled || total == 0) {
        return;
    }
    const int percent = static_cast<int>(100 * done / total);
    if (percent == m_last_percent) {
        return;
    }
    m_last_percent = percent;
    constexpr int width = 30;
    const int filled = percent * width / 100;
    std::fprintf(stderr, "\r%s [%.*s%*s] %3d%% %zu/%zu", m_label.c_str(), filled,
                 "##############################", width - filled, "", percent, done, total);
    std::fflush(stderr);
}

} // namespace xj::cli
