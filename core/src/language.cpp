#include "xiangjian/core/language.h"

#include <cstdlib>
#include <string>

namespace xj {

namespace {
Language current = Language::zh;
}

void set_language(Language value) {
    current = value;
}

Language language() {
    return current;
}

void set_language_from_environment() {
    if (const char* value = std::getenv("XIANGJIAN_LANG")) {
        const std::string name = value;
        current = name.rfind("en", 0) == 0 ? Language::en : Language::zh;
    }
}

} // namespace xj
