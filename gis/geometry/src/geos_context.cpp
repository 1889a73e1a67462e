#include "xiangjian/geometry/geos_context.h"

#include "xiangjian/core/error.h"

namespace xj::geometry {

GeosContext::GeosContext() : m_handle(GEOS_init_r()) {
    if (m_handle == nullptr) {
        throw Error("GEOS cannot create a context");
    }
    GEOSContext_setErrorMessageHandler_r(m_handle, &GeosContext::on_error, this);
}

GeosContext::~GeosContext() {
    for (GEOSGeometry* geometry : m_owned) {
        GEOSGeom_destroy_r(m_handle, geometry);
    }
    GEOS_finish_r(m_handle);
}

void GeosContext::on_error(const char* message, void* self) {
    static_cast<GeosContext*>(self)->m_last_error = message != nullptr ? message : "";
}

void GeosContext::raise(const char* operation) const {
    throw Error(std::string("GEOS ") + operation + " failed" +
                (m_last_error.empty() ? std::string() : ": " + m_last_error));
}

GEOSGeometry* GeosContext::own(GEOSGeometry* geometry, const char* what) {
    if (geometry == nullptr) {
        throw Error(std::string{"GEOS failed "} + what);
    }
    m_owned.push_back(geometry);
    return geometry;
}

double GeosContext::area(const GEOSGeometry* geometry) const {
    double value = 0;
    GEOSArea_r(m_handle, geometry, &value);
    return value;
}

} // namespace xj::geometry
