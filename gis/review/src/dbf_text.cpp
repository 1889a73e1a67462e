#include "xiangjian/review/dbf_text.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <iconv.h>
#include <set>

namespace xj::review {

namespace {

/// The length of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
std::size_t sequence_length(unsigned char lead) {
    return lead < 0x80         ? 1
           : lead >> 5 == 0x6  ? 2
           : lead >> 4 == 0xE  ? 3
           : lead >> 3 == 0x1E ? 4
                               : 1;
}

/// iconv from UTF-8 to GBK, strict: no transliteration, an unconvertible character fails.
std::optional<std::string> to_gbk(std::string_view utf8) {
    iconv_t converter = iconv_open("GBK", "UTF-8");
    if (converter == reinterpret_cast<iconv_t>(-1)) {
        return std::nullopt;
    }
    std::string out(utf8.size() * 2 + 4, '\0');
    char* in = const_cast<char*>(utf8.data()); // iconv's signature; it does not write there
    std::size_t in_left = utf8.size();
    char* at = out.data();
    std::size_t out_left = out.size();
    const std::size_t result = iconv(converter, &in, &in_left, &at, &out_left);
    iconv_close(converter);
    if (result == static_cast<std::size_t>(-1) || in_left != 0) {
        return std::nullopt;
    }
    out.resize(out.size() - out_left);
    return out;
}

std::string upper_ascii(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

} // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
    const std::string upper = upper_ascii(std::string{name});
    if (upper == "UTF-8" || upper == "UTF8") {
        return Encoding::utf8;
    }
    if (upper == "GBK" || upper == "CP936" || upper == "936") {
        return Encoding::gbk;
    }
    return std::nullopt;
}

std::string_view cpg_text(Encoding encoding) {
    return encoding == Encoding::gbk ? "936" : "UTF-8";
}

unsigned char ldid(Encoding encoding) {
    return encoding == Encoding::gbk ? 0x4D : 0x00;
}

std::optional<std::string> encode(std::string_view utf8, Encoding encoding) {
    if (encoding == Encoding::utf8) {
        return std::string{utf8};
    }
    return to_gbk(utf8);
}

std::string first_unencodable(std::string_view utf8, Encoding encoding) {
    if (encoding == Encoding::utf8) {
        return {};
    }
    for (std::size_t at = 0; at < utf8.size();) {
        const std::size_t length =
            std::min(sequence_length(static_cast<unsigned char>(utf8[at])), utf8.size() - at);
        const std::string_view character = utf8.substr(at, length);
        if (!to_gbk(character)) {
            return std::string{character};
        }
        at += length;
    }
    return {};
}

std::size_t encoded_size(std::string_view utf8, Encoding encoding) {
    if (encoding == Encoding::utf8) {
        return utf8.size();
    }
    // In GBK an ASCII character is one byte and every other one two.
    std::size_t size = 0;
    for (std::size_t at = 0; at < utf8.size();) {
        const std::size_t length = sequence_length(static_cast<unsigned char>(utf8[at]));
        size += length == 1 ? 1 : 2;
        at += length;
    }
    return size;
}

std::string cut_to_bytes(std::string_view utf8, std::size_t bytes, Encoding encoding) {
    std::size_t size = 0, at = 0;
    while (at < utf8.size()) {
        const std::size_t length =
            std::min(sequence_length(static_cast<unsigned char>(utf8[at])), utf8.size() - at);
        const std::size_t cost =
            encoding == Encoding::utf8 ? length : (length == 1 ? std::size_t{1} : 2);
        if (size + cost > bytes) {
            break;
        }
        size += cost;
        at += length;
    }
    return std::string{utf8.substr(0, at)};
}

std::vector<std::string> dbf_field_names(std::span<const std::string> wanted, Encoding encoding) {
    constexpr std::size_t limit = 10;
    std::vector<std::string> names;
    std::set<std::string> taken; // upper-cased: DBF readers compare names without ASCII case
    for (const std::string& name : wanted) {
        std::string candidate = cut_to_bytes(name, limit, encoding);
        for (int n = 1; taken.count(upper_ascii(candidate)) != 0; ++n) {
            const std::string suffix = std::to_string(n);
            candidate = cut_to_bytes(name, limit - suffix.size(), encoding) + suffix;
        }
        taken.insert(upper_ascii(candidate));
        names.push_back(std::move(candidate));
    }
    return names;
}

} // namespace xj::review
