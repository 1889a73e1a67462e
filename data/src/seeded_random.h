#pragma once

#include <cstdint>
#include <string_view>

namespace xj::demo {

/// Deterministic pseudo-random numbers keyed by a name and an index, identical on every
/// platform (the standard distributions are implementation-defined, so they are not used).
inline std::uint64_t mix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull; // splitmix64 finaliser
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

inline std::uint64_t hash_key(std::string_view key, std::uint64_t index = 0) {
    std::uint64_t h = 0xCBF29CE484222325ull; // FNV-1a, then mixed
    for (const char c : key) {
        h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
    }
    return mix64(h ^ mix64(index));
}

/// Uniform in [0, 1).
inline double uniform(std::string_view key, std::uint64_t index = 0) {
    return static_cast<double>(hash_key(key, index) >> 11) * 0x1.0p-53;
}

} // namespace xj::demo
