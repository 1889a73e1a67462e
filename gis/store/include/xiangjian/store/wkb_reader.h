#pragma once

// Reading WKB straight into flat coordinate arrays, for the readers that must not build a
// geometry object per feature (the spatial join's villages, the map's layers).

#include "xiangjian/core/error.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

namespace xj::store::detail {

/// Reads WKB (either byte order) as it goes; any malformation throws.
class WkbReader {
public:
    explicit WkbReader(std::span<const unsigned char> wkb) : m_wkb(wkb) {}

    struct Header {
        std::uint32_t type;     ///< 1 point … 6 multipolygon
        std::size_t dimensions; ///< 2, 3 or 4 ordinates a coordinate
        bool z = false;         ///< the third ordinate is Z
        bool m = false;         ///< the last ordinate is M
    };

    Header header() {
        m_little = byte() == 1;
        const std::uint32_t raw = u32();
        constexpr std::uint32_t ewkb_z = 0x80000000U, ewkb_m = 0x40000000U;
        if ((raw & (ewkb_z | ewkb_m)) != 0) {
            const bool z = (raw & ewkb_z) != 0, m = (raw & ewkb_m) != 0;
            return {raw & 0x0FFFFFFFU, std::size_t{2} + (z ? 1 : 0) + (m ? 1 : 0), z, m};
        }
        const std::uint32_t thousands = raw / 1000; // ISO: 1 Z, 2 M, 3 ZM
        const bool z = thousands == 1 || thousands == 3, m = thousands == 2 || thousands == 3;
        return {raw % 1000, std::size_t{2} + (z ? 1 : 0) + (m ? 1 : 0), z, m};
    }

    std::uint32_t u32() {
        need(4);
        std::uint32_t value = 0;
        for (int i = 0; i < 4; ++i) {
            const int shift = m_little ? 8 * i : 8 * (3 - i);
            value |= static_cast<std::uint32_t>(m_wkb[m_at + static_cast<std::size_t>(i)]) << shift;
        }
        m_at += 4;
        return value;
    }

    /// n coordinates of `dimensions` ordinates, each given to `take(x, y)`.
    template <typename Take>
    void each_coordinate(std::uint32_t n, std::size_t dimensions, Take&& take) {
        need(static_cast<std::size_t>(n) * dimensions * 8);
        const unsigned char* at = m_wkb.data() + m_at;
        const bool native = m_little == (std::endian::native == std::endian::little);
        for (std::uint32_t i = 0; i < n; ++i, at += dimensions * 8) {
            take(read_double(at, native), read_double(at + 8, native));
        }
        m_at += static_cast<std::size_t>(n) * dimensions * 8;
    }

    /// n coordinates of `dimensions` ordinates, appended as x, y pairs.
    void coordinates(std::uint32_t n, std::size_t dimensions, std::vector<double>& xy) {
        each_coordinate(n, dimensions, [&xy](double x, double y) {
            xy.push_back(x);
            xy.push_back(y);
        });
    }

    /// One ordinate.
    double real() {
        need(8);
        const double value = read_double(m_wkb.data() + m_at,
                                         m_little == (std::endian::native == std::endian::little));
        m_at += 8;
        return value;
    }

    /// Whether every byte has been read.
    bool at_end() const { return m_at == m_wkb.size(); }

private:
    unsigned char byte() {
        need(1);
        return m_wkb[m_at++];
    }
    void need(std::size_t bytes) const {
        if (m_wkb.size() - m_at < bytes) {
            throw Error("truncated WKB");
        }
    }
    static double read_double(const unsigned char* at, bool native) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, at, 8);
        if (!native) {
            bits = __builtin_bswap64(bits);
        }
        return std::bit_cast<double>(bits);
    }

    std::span<const unsigned char> m_wkb;
    std::size_t m_at = 0;
    bool m_little = true;
};

} // namespace xj::store::detail
