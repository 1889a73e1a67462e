#pragma once

#include <memory>

class QGuiApplication;

namespace xj::cli {

/// Qt's font and painting machinery for the commands that draw (render, sheet). No display is
/// needed: unless QT_QPA_PLATFORM says otherwise, Qt runs on its offscreen platform. Warns on
/// stderr when the Chinese font (Debian fonts-noto-cjk) is missing.
class QtSession {
public:
    QtSession();
    ~QtSession();
    QtSession(const QtSession&) = delete;
    QtSession& operator=(const QtSession&) = delete;

private:
    std::unique_ptr<QGuiApplication> m_app;
};

} // namespace xj::cli
