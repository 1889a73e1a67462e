#include "i18n.h"

#include <cstdlib>
#include <string>

namespace xj::cli {

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
        const std::string text = value;
        current = text.rfind("en", 0) == 0 ? Language::en : Language::zh;
    }
}

} // namespace xj::cli
