#include "test_support.h"

#include <cstdlib>
#include <fstream>
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

void write_file(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

} // namespace xj::test
