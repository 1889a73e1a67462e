#pragma once

// The engine's words (statuses, stages, types …) in the window's language.

#include "xiangjian/core/vocabulary.h"

#include <QString>
#include <optional>
#include <string>

namespace xj::viewer {

template <typename E> QString label(E value) {
    const std::string_view text = core::term_label(value);
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

inline QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

/// "12.5", or "" for none.
inline QString percent_text(const std::optional<double>& value, int decimals = 1) {
    return value ? QString::number(*value, 'f', decimals) : QString();
}

} // namespace xj::viewer
