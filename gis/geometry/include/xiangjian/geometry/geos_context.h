#pragma once

// GEOS's reentrant API with RAII: one context per thread at a time, the geometries made in it
// freed with it, GEOS's last error message kept, and a NULL return turned into xj::Error.

#include <geos_c.h>
#include <string>
#include <vector>

namespace xj::geometry {

class GeosContext {
public:
    GeosContext(); ///< throws xj::Error when GEOS cannot make a context
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
    ~GeosContext(); ///< frees the geometries it owns, then the context

    GEOSContextHandle_t handle() const { return m_handle; }

    /// `result`, or an error "GEOS <operation> failed: <GEOS's message>" when it is NULL.
    template <typename T> T* check(T* result, const char* operation) const {
        if (result == nullptr) {
            raise(operation);
        }
        return result;
    }
    [[noreturn]] void raise(const char* operation) const;
    /// A GEOS predicate's answer: 1 true, 0 false, 2 an error (raised).
    bool predicate(char result, const char* operation) const {
        if (result == 2) {
            raise(operation);
        }
        return result == 1;
    }

    /// Takes a geometry made in this context, to free with it; an error "GEOS failed <what>"
    /// when it is NULL.
    GEOSGeometry* own(GEOSGeometry* geometry, const char* what);

    double area(const GEOSGeometry* geometry) const;
    /// GEOS's last error message in this context; empty when none.
    const std::string& last_error() const { return m_last_error; }

private:
    static void on_error(const char* message, void* self);
    GEOSContextHandle_t m_handle;
    std::string m_last_error;
    std::vector<GEOSGeometry*> m_owned;
};

} // namespace xj::geometry
