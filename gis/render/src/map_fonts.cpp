// The map font, loaded so that the text of a PDF is the text drawn.
//
// Qt's PDF engine writes each font's ToUnicode table by asking, for every code point of the
// Basic Multilingual Plane from 0 up, which glyph it maps to, and keeps the first code point
// found for each glyph (QFontSubset::getReverseMap). Noto Sans CJK maps the Kangxi radicals
// (U+2F00–U+2FD5) and the CJK radicals supplement (U+2E80–U+2EF3) to the glyphs of the
// ideographs they look like (and the figure dash to the en dash's), and they come first: 目 U+76EE
// is written as ⽬ U+2F6C, and a reader searching 项目 does not find it. So the Simplified Chinese
// face is taken out of the Debian collection and its character map loses the radicals (they map to
// no glyph) before Qt gets it, under the same family name; Qt prefers an application font over the
// system's.

#include "xiangjian/render/symbology.h"

#include <QByteArray>
#include <QFile>
#include <QFontDatabase>
#include <QString>
#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

namespace xj::render {

namespace {

constexpr const char* system_family = "Noto Sans CJK SC";
constexpr const char* loaded_family = "Xiangjian CJK SC"; // as long as system_family
std::atomic<bool> loaded{false};
/// Code points that come before the character drawn with the same glyph: the radicals, and
/// the figure dash (U+2012, before the en dash of "0–20%").
struct Range {
    std::uint32_t first, last;
};
constexpr std::array<Range, 2> dropped = {Range{0x2012, 0x2012}, Range{0x2E80, 0x2FDF}};

std::uint32_t u16(const QByteArray& data, qsizetype at) {
    if (at < 0 || at + 2 > data.size()) {
        return 0;
    }
    const auto* p = reinterpret_cast<const unsigned char*>(data.constData()) + at;
    return static_cast<std::uint32_t>(p[0] << 8 | p[1]);
}
std::uint32_t u32(const QByteArray& data, qsizetype at) {
    return u16(data, at) << 16 | u16(data, at + 2);
}
void put16(QByteArray& data, qsizetype at, std::uint32_t value) {
    data[at] = static_cast<char>(value >> 8 & 0xff);
    data[at + 1] = static_cast<char>(value & 0xff);
}
void put32(QByteArray& data, qsizetype at, std::uint32_t value) {
    put16(data, at, value >> 16);
    put16(data, at + 2, value & 0xffff);
}

struct Table {
    std::uint32_t tag, offset, length;
};

/// The tables of the face whose table directory starts at `directory`.
std::vector<Table> tables(const QByteArray& data, qsizetype directory) {
    std::vector<Table> result;
    const std::uint32_t count = u16(data, directory + 4);
    for (std::uint32_t i = 0; i < count; ++i) {
        const qsizetype record = directory + 12 + 16 * static_cast<qsizetype>(i);
        const Table table{u32(data, record), u32(data, record + 8), u32(data, record + 12)};
        if (static_cast<qsizetype>(table.offset) + table.length <= data.size()) {
            result.push_back(table);
        }
    }
    return result;
}

constexpr std::uint32_t tag(const char (&name)[5]) {
    return static_cast<std::uint32_t>(name[0]) << 24 | static_cast<std::uint32_t>(name[1]) << 16 |
           static_cast<std::uint32_t>(name[2]) << 8 | static_cast<std::uint32_t>(name[3]);
}

/// Whether the face's name table calls its family (typographic or legacy) `family`.
bool face_named(const QByteArray& data, const std::vector<Table>& faces_tables,
                const QString& family) {
    for (const auto& table : faces_tables) {
        if (table.tag != tag("name")) {
            continue;
        }
        const qsizetype base = table.offset;
        const std::uint32_t count = u16(data, base + 2);
        const qsizetype strings = base + u16(data, base + 4);
        for (std::uint32_t i = 0; i < count; ++i) {
            const qsizetype record = base + 6 + 12 * static_cast<qsizetype>(i);
            const std::uint32_t platform = u16(data, record), name_id = u16(data, record + 6);
            if (platform != 3 || (name_id != 1 && name_id != 16)) {
                continue;
            }
            const std::uint32_t length = u16(data, record + 8);
            const qsizetype at = strings + u16(data, record + 10);
            QString name;
            for (std::uint32_t k = 0; k + 1 < length; k += 2) {
                name += QChar(static_cast<char16_t>(u16(data, at + k)));
            }
            if (name == family) {
                return true;
            }
        }
    }
    return false;
}

/// The face as a font file of its own (an OpenType collection shares tables among faces).
QByteArray single_face(const QByteArray& data, qsizetype directory,
                       const std::vector<Table>& face_tables) {
    const auto count = static_cast<qsizetype>(face_tables.size());
    QByteArray face = data.mid(directory, 12);
    face.resize(12 + 16 * count);
    put16(face, 4, static_cast<std::uint32_t>(count));
    for (qsizetype i = 0; i < count; ++i) {
        const auto& table = face_tables[static_cast<std::size_t>(i)];
        while (face.size() % 4 != 0) {
            face.append('\0');
        }
        const qsizetype record = 12 + 16 * i;
        put32(face, record, table.tag);
        put32(face, record + 4, u32(data, directory + 12 + 16 * i + 4));
        put32(face, record + 8, static_cast<std::uint32_t>(face.size()));
        put32(face, record + 12, table.length);
        face.append(data.constData() + table.offset, table.length);
    }
    return face;
}

/// Maps the dropped code points to no glyph in the face's Unicode character maps (formats 4 and
/// 12), in place.
void drop_radicals(QByteArray& face) {
    for (const auto& table : tables(face, 0)) {
        if (table.tag != tag("cmap")) {
            continue;
        }
        const qsizetype cmap = table.offset;
        const std::uint32_t count = u16(face, cmap + 2);
        for (std::uint32_t i = 0; i < count; ++i) {
            const qsizetype sub = cmap + u32(face, cmap + 4 + 8 * static_cast<qsizetype>(i) + 4);
            const std::uint32_t format = u16(face, sub);
            if (format == 4) {
                const qsizetype segments = u16(face, sub + 6) / 2;
                const qsizetype ends = sub + 14, starts = ends + 2 * segments + 2;
                const qsizetype deltas = starts + 2 * segments, ranges = deltas + 2 * segments;
                for (qsizetype s = 0; s < segments; ++s) {
                    const std::uint32_t start = u16(face, starts + 2 * s);
                    const std::uint32_t end = u16(face, ends + 2 * s);
                    const std::uint32_t range = u16(face, ranges + 2 * s);
                    for (const Range& drop : dropped) {
                        if (end < drop.first || start > drop.last || range == 0) {
                            continue;
                        }
                        for (std::uint32_t c = std::max(start, drop.first);
                             c <= std::min(end, drop.last); ++c) {
                            const qsizetype glyph = ranges + 2 * s + range + 2 * (c - start);
                            if (glyph + 2 <= face.size()) {
                                put16(face, glyph, 0);
                            }
                        }
                    }
                }
            } else if (format == 12) {
                const std::uint32_t groups = u32(face, sub + 12);
                for (std::uint32_t g = 0; g < groups; ++g) {
                    const qsizetype group = sub + 16 + 12 * static_cast<qsizetype>(g);
                    for (const Range& drop : dropped) {
                        if (u32(face, group) >= drop.first && u32(face, group + 4) <= drop.last) {
                            // A run of radicals maps to the first glyphs (.notdef, space, !, …),
                            // which lower code points already claim.
                            put32(face, group + 8, 0);
                        }
                    }
                }
            }
        }
    }
}

/// Renames the family in the face's name table, in place (`to` is as long as `from`).
void rename_family(QByteArray& face, const QString& from, const QString& to) {
    QByteArray from16, to16;
    for (qsizetype i = 0; i < from.size(); ++i) {
        from16.append(static_cast<char>(from[i].unicode() >> 8)).append(from[i].toLatin1());
        to16.append(static_cast<char>(to[i].unicode() >> 8)).append(to[i].toLatin1());
    }
    for (const auto& table : tables(face, 0)) {
        if (table.tag != tag("name")) {
            continue;
        }
        for (const auto& [old_name, new_name] :
             {std::pair{from16, to16}, std::pair{from.toLatin1(), to.toLatin1()}}) {
            const qsizetype end = table.offset + table.length;
            for (qsizetype at = face.indexOf(old_name, table.offset);
                 at >= 0 && at + old_name.size() <= end; at = face.indexOf(old_name, at + 1)) {
                face.replace(at, new_name.size(), new_name);
            }
        }
    }
}

bool load_face(const QString& path, const QString& family) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray data = file.readAll();
    std::vector<qsizetype> directories;
    if (u32(data, 0) == tag("ttcf")) {
        const std::uint32_t faces = u32(data, 8);
        for (std::uint32_t i = 0; i < faces; ++i) {
            directories.push_back(u32(data, 12 + 4 * static_cast<qsizetype>(i)));
        }
    } else {
        directories.push_back(0);
    }
    for (const qsizetype directory : directories) {
        const auto face_tables = tables(data, directory);
        if (face_named(data, face_tables, family)) {
            QByteArray face = single_face(data, directory, face_tables);
            drop_radicals(face);
            rename_family(face, family, QString::fromLatin1(loaded_family));
            return QFontDatabase::addApplicationFontFromData(face) >= 0;
        }
    }
    return false;
}

} // namespace

std::string_view map_font_family() {
    return loaded ? loaded_family : system_family;
}

std::string_view map_font_published_family() {
    return system_family;
}

bool load_map_fonts() {
    static std::once_flag once;
    std::call_once(once, [] {
        const QString family = QString::fromLatin1(system_family);
        bool all = true;
        for (const char* style : {"Regular", "Bold"}) {
            bool found = false;
            for (const char* folder :
                 {"/usr/share/fonts/opentype/noto/", "/usr/share/fonts/truetype/noto/",
                  "/usr/local/share/fonts/"}) {
                if (load_face(QString::fromLatin1(folder) + "NotoSansCJK-" + style + ".ttc",
                              family)) {
                    found = true;
                    break;
                }
            }
            all = all && found;
        }
        loaded = all;
    });
    return loaded;
}

} // namespace xj::render
