#include "xiangjian/gdal/gdal_errors.h"

#include <cpl_error.h>
#include <gdal.h>
#include <mutex>

namespace xj::gdal {

namespace {

void quiet_handler(CPLErr, CPLErrorNum, const char*) {}

} // namespace

void initialize_gdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(quiet_handler);
    });
}

GdalErrorCapture::GdalErrorCapture(Include include) : m_include(include) {
    CPLPushErrorHandlerEx(
        [](CPLErr error_class, CPLErrorNum number, const char* message) {
            handle(static_cast<int>(error_class), number, message);
        },
        this);
}

GdalErrorCapture::~GdalErrorCapture() {
    CPLPopErrorHandler();
}

void GdalErrorCapture::handle(int error_class, int, const char* message) {
    auto* self = static_cast<GdalErrorCapture*>(CPLGetErrorHandlerUserData());
    const int threshold =
        self != nullptr && self->m_include == Include::warnings ? CE_Warning : CE_Failure;
    if (self != nullptr && error_class >= threshold && message != nullptr) {
        self->m_message = message;
    }
}

std::string GdalErrorCapture::message() const {
    std::string text = m_message;
    for (const std::string prefix :
         {"sqlite3_step() failed:", "sqlite3_exec() failed:", "sqlite3_prepare_v2() failed:",
          "failed to execute insert :", "failed to execute update :"}) {
        if (const auto at = text.find(prefix); at != std::string::npos) {
            text.erase(0, at + prefix.size());
        }
    }
    while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) {
        text.erase(0, 1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) {
        text.pop_back();
    }
    return text.empty() ? std::string{"unknown GDAL error"} : text;
}

} // namespace xj::gdal
