#pragma once

#include <string>

namespace xj::gdal {

/// Registers GDAL's drivers once and keeps GDAL from printing to stderr on its own: Xiangjian
/// reports errors itself, with the file and the record they concern.
void initialize_gdal();

/// Collects the errors GDAL raises while it is alive (GDAL reports through a callback, not
/// through return values alone). Scoped: restores the previous handler when destroyed.
class GdalErrorCapture {
public:
    enum class Include { failures, warnings };
    explicit GdalErrorCapture(Include include = Include::failures);
    GdalErrorCapture(const GdalErrorCapture&) = delete;
    GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;
    ~GdalErrorCapture();

    bool has_error() const { return !m_message.empty(); }
    /// The last failure message, with GDAL's "sqlite3_step() failed:" style prefixes removed.
    std::string message() const;
    void clear() { m_message.clear(); }

private:
    static void handle(int error_class, int error_number, const char* message);
    Include m_include;
    std::string m_message;
};

} // namespace xj::gdal
