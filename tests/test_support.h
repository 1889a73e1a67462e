#pragma once

#include <filesystem>
#include <string>

namespace xj::test {

/// A fresh directory under the system temp dir, removed with its content at the end of scope.
class TempDir {
public:
    TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir();
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

/// Writes `content` to `path` (binary, as is).
void write_file(const std::string& path, const std::string& content);

} // namespace xj::test
