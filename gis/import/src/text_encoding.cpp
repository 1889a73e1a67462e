#include "xiangjian/import/text_encoding.h"

#include "xiangjian/gdal/gdal_errors.h"

#include <algorithm>
#include <cctype>
#include <cpl_string.h>

namespace xj::import {

namespace {

std::string upper_trimmed(std::string_view text) {
    std::string result;
    for (const char c : text) {
        if (!std::isspace(static_cast<unsigned char>(c))) {
            result += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
    }
    return result;
}

} // namespace

bool is_valid_utf8(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        std::size_t length = 0;
        char32_t code = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            length = 2;
            code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            code = c & 0x07;
        } else {
            return false;
        }
        if (i + length > bytes.size()) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(bytes[i + k]);
            if ((next & 0xC0) != 0x80) {
                return false;
            }
            code = (code << 6) | (next & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        const char32_t minimum[] = {0, 0, 0x80, 0x800, 0x10000};
        if (code < minimum[length] || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) {
            return false;
        }
        i += length;
    }
    return true;
}

std::string normalise_encoding_name(std::string_view name) {
    const std::string key = upper_trimmed(name);
    if (key == "UTF-8" || key == "UTF8" || key == "65001") {
        return "UTF-8";
    }
    if (key == "GBK" || key == "GB2312" || key == "GB18030" || key == "CP936" || key == "936" ||
        key == "ANSI936" || key == "54936" || key == "EUC-CN") {
        return "GB18030"; // superset of GBK and GB2312: decodes all of them
    }
    if (key == "BIG5" || key == "950" || key == "CP950") {
        return "BIG5";
    }
    if (key == "LATIN1" || key == "ISO-8859-1" || key == "ISO88591" || key == "88591") {
        return "ISO-8859-1";
    }
    if (key == "1252" || key == "CP1252" || key == "WINDOWS-1252") {
        return "CP1252";
    }
    return {};
}

std::string encoding_from_cpg(std::string_view cpg_content) {
    return normalise_encoding_name(cpg_content);
}

bool to_utf8(std::string_view bytes, const std::string& encoding, std::string& out) {
    if (encoding == "UTF-8") {
        if (!is_valid_utf8(bytes)) {
            return false;
        }
        out.assign(bytes);
        return true;
    }
    const std::string input{bytes};
    gdal::GdalErrorCapture errors(gdal::GdalErrorCapture::Include::warnings);
    char* converted = CPLRecode(input.c_str(), encoding.c_str(), CPL_ENC_UTF8);
    out = converted != nullptr ? converted : "";
    CPLFree(converted);
    return !errors.has_error() && is_valid_utf8(out);
}

} // namespace xj::import
