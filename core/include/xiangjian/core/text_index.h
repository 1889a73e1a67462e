#pragma once

// Positions of texts found by the text: a hash table of 32-bit positions into an array the
// caller keeps (the projects, their ids; the villages, their codes). A node-based map holding
// copies of the texts took a province's 140,000 project ids 9 MB and a cache miss or more a
// node on every lookup; here a lookup probes one flat array and reads the text it points to
// only when the stored hash matches.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace xj::core {

class TextIndex {
public:
    /// Room for `count` texts without growing.
    void reserve(std::size_t count) {
        std::size_t size = 16;
        while (size < 2 * count) { // at most half full: short probes
            size *= 2;
        }
        if (size > m_slots.size()) {
            rehash(size);
        }
    }

    std::size_t size() const { return m_count; }

    /// The position indexed for `text`, where `text_of(position)` gives the text at a position.
    template <typename TextOf>
    std::optional<std::uint32_t> find(std::string_view text, const TextOf& text_of) const {
        if (m_slots.empty()) {
            return std::nullopt;
        }
        const std::uint32_t hash = hash_of(text);
        for (std::size_t at = hash & mask();; at = (at + 1) & mask()) {
            const Slot& slot = m_slots[at];
            if (slot.position == empty) {
                return std::nullopt;
            }
            if (slot.hash == hash && text_of(slot.position) == text) {
                return slot.position;
            }
        }
    }

    /// Indexes `position` for `text` unless a text equal to it is indexed already; returns the
    /// position indexed for it, and whether it is the one given.
    template <typename TextOf>
    std::pair<std::uint32_t, bool> insert(std::string_view text, std::uint32_t position,
                                          const TextOf& text_of) {
        if (2 * (m_count + 1) > m_slots.size()) {
            rehash(m_slots.empty() ? 16 : 2 * m_slots.size());
        }
        const std::uint32_t hash = hash_of(text);
        for (std::size_t at = hash & mask();; at = (at + 1) & mask()) {
            Slot& slot = m_slots[at];
            if (slot.position == empty) {
                slot = {hash, position};
                ++m_count;
                return {position, true};
            }
            if (slot.hash == hash && text_of(slot.position) == text) {
                return {slot.position, false};
            }
        }
    }

private:
    static constexpr std::uint32_t empty = 0xFFFFFFFFU;
    struct Slot {
        std::uint32_t hash = 0;
        std::uint32_t position = empty;
    };

    static std::uint32_t hash_of(std::string_view text) {
        const std::size_t hash = std::hash<std::string_view>{}(text);
        return static_cast<std::uint32_t>(hash ^ (hash >> 32));
    }
    std::size_t mask() const { return m_slots.size() - 1; }

    /// Moves every entry to a table of `size` slots (a power of two), by its stored hash.
    void rehash(std::size_t size) {
        std::vector<Slot> old(size);
        old.swap(m_slots);
        for (const Slot& slot : old) {
            if (slot.position == empty) {
                continue;
            }
            std::size_t at = slot.hash & mask();
            while (m_slots[at].position != empty) {
                at = (at + 1) & mask();
            }
            m_slots[at] = slot;
        }
    }

    std::vector<Slot> m_slots; ///< a power of two of them, or none
    std::size_t m_count = 0;
};

} // namespace xj::core
