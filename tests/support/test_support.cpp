#include "test_support.h"

#include <cstdlib>
#include <fstream>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <stdexcept>

namespace xj::test {

TempDir::TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "xiangjian-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("cannot create a temporary directory");
    }
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

bool sql_refused(GDALDataset& dataset, const std::string& sql) {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
    OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result != nullptr) {
        dataset.ReleaseResultSet(result);
    }
    const bool refused = CPLGetLastErrorType() == CE_Failure;
    CPLPopErrorHandler();
    return refused;
}

std::string sql_scalar(const std::string& path, const std::string& sql) {
    GDALAllRegister();
    const char* const drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                   drivers, nullptr, nullptr));
    if (!dataset) {
        return "<error>";
    }
    OGRLayer* result = dataset->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result == nullptr) {
        return "<error>";
    }
    OGRFeatureUniquePtr row{result->GetNextFeature()};
    std::string value = row ? row->GetFieldAsString(0) : "";
    dataset->ReleaseResultSet(result);
    return value;
}

void write_file(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) {
        text += line + "\n";
    }
    return text;
}

} // namespace xj::test
