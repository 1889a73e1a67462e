#pragma once

#include <filesystem>
#include <string>
#include <vector>

class GDALDataset;

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

/// The first column of the first row of `sql` run by GDAL on the GeoPackage at `path`
/// (opened read-only), or "<error>" when the statement fails.
std::string sql_scalar(const std::string& path, const std::string& sql);

/// Whether GDAL refuses `sql` on `dataset` (a CHECK, UNIQUE or foreign key fails), quietly.
bool sql_refused(GDALDataset& dataset, const std::string& sql);

/// Writes `content` to `path` (binary, as is).
void write_file(const std::string& path, const std::string& content);

/// Lines of a report, one after another, for searching and for failure messages.
std::string joined(const std::vector<std::string>& lines);

} // namespace xj::test
