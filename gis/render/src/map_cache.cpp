#include "xiangjian/render/map_cache.h"

#include "xiangjian/core/parallel.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <type_traits>
#include <unistd.h>
#include <vector>

namespace xj::render::map_cache {

namespace fs = std::filesystem;

namespace {

// The file: a header, the version text, then per layer its shapes, parts and coordinates as
// FlatLayer holds them, each array starting on 8 bytes; then the units' and sites' names and
// codes, each as a 32-bit length and its bytes. Numbers are the machine's own: the header
// says which order and sizes they were written in, and a file of another machine is not used.

constexpr std::array<char, 8> magic{'X', 'J', 'M', 'A', 'P', 'C', 'A', 'C'};
constexpr std::uint32_t format = 1; // raised whenever the layout or what it holds changes
constexpr std::uint32_t byte_order = 0x01020304;
constexpr std::size_t layer_count = 6;
constexpr std::size_t kept_files = 16;

struct LayerHeader {
    std::uint64_t shapes = 0;
    std::uint64_t parts = 0;
    std::uint64_t coordinates = 0; ///< int32 values: two a point
    std::uint64_t attributes = 0;  ///< units or sites, as many as shapes
    Box extent;
};

struct Header {
    std::array<char, 8> magic{};
    std::uint32_t format = 0;
    std::uint32_t byte_order = 0;
    std::uint32_t shape_size = 0;
    std::uint32_t part_size = 0;
    std::uint64_t version_bytes = 0;
    std::uint64_t attribute_bytes = 0;
    std::uint64_t file_bytes = 0;
    std::array<LayerHeader, layer_count> layers{};
};

static_assert(std::is_trivially_copyable_v<Header> && sizeof(Header) == 48 + 64 * layer_count,
              "the header is written as it lies in memory, without padding");
static_assert(std::is_trivially_copyable_v<FlatLayer::Shape> && sizeof(FlatLayer::Shape) == 40 &&
                  std::is_trivially_copyable_v<FlatLayer::Part> && sizeof(FlatLayer::Part) == 8,
              "shapes and parts are written as they lie in memory, without padding");

constexpr std::uint64_t aligned(std::uint64_t bytes) {
    return (bytes + 7) / 8 * 8;
}

/// The six layers of MapLayers, in the file's order, with their attributes.
template <typename Layers> auto flat_layers(Layers& layers) {
    return std::array{&layers.counties, &layers.townships, &layers.villages,
                      &layers.points,   &layers.lines,     &layers.polygons};
}

/// Where each layer's arrays start, and the file's size, from the header's counts; nullopt
/// when the counts cannot be those of a file (an overflow).
struct Layout {
    std::uint64_t version = sizeof(Header);
    std::array<std::uint64_t, layer_count> shapes{}, parts{}, coordinates{};
    std::uint64_t attributes = 0;
    std::uint64_t end = 0;
};

std::optional<Layout> layout_of(const Header& header) {
    constexpr std::uint64_t limit = std::uint64_t{1} << 40; // far beyond any province
    Layout layout;
    std::uint64_t at = aligned(layout.version + header.version_bytes);
    if (header.version_bytes > limit) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < layer_count; ++i) {
        const LayerHeader& layer = header.layers[i];
        if (layer.shapes > limit || layer.parts > limit || layer.coordinates > limit) {
            return std::nullopt;
        }
        layout.shapes[i] = at;
        at = aligned(at + layer.shapes * sizeof(FlatLayer::Shape));
        layout.parts[i] = at;
        at = aligned(at + layer.parts * sizeof(FlatLayer::Part));
        layout.coordinates[i] = at;
        at = aligned(at + layer.coordinates * sizeof(std::int32_t));
    }
    if (header.attribute_bytes > limit) {
        return std::nullopt;
    }
    layout.attributes = at;
    layout.end = at + header.attribute_bytes;
    return layout;
}

/// A read-only mapping of a whole file, unmapped with its last user.
class Mapping {
public:
    Mapping(const void* data, std::size_t size) : m_data(data), m_size(size) {}
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;
    ~Mapping() { munmap(const_cast<void*>(m_data), m_size); }
    const unsigned char* bytes() const { return static_cast<const unsigned char*>(m_data); }

private:
    const void* m_data;
    std::size_t m_size;
};

bool sane(const Box& box) {
    // An empty box (a shape without points) or one of degrees that 32 bits can hold.
    constexpr double limit = 215;
    if (box.empty()) {
        return true;
    }
    return std::abs(box.min_x) <= limit && std::abs(box.max_x) <= limit &&
           std::abs(box.min_y) <= limit && std::abs(box.max_y) <= limit;
}

/// Every shape's parts and every part's (one or more) points within the arrays, and its box a
/// box of degrees: a damaged file must not send a reader outside the mapping.
bool consistent(std::span<const FlatLayer::Shape> shapes, std::span<const FlatLayer::Part> parts,
                std::uint64_t points, const Box& extent) {
    if (!sane(extent)) {
        return false;
    }
    for (const FlatLayer::Shape& shape : shapes) {
        if (std::uint64_t{shape.first_part} + shape.parts > parts.size() || !sane(shape.box)) {
            return false;
        }
    }
    return std::all_of(parts.begin(), parts.end(), [&](const FlatLayer::Part& part) {
        // A part has a point at least: simplification reads its first and last.
        return part.points > 0 && std::uint64_t{part.first_point} + part.points <= points;
    });
}

/// Reads the length-prefixed texts of the attributes, within [at, end).
class TextReader {
public:
    TextReader(const unsigned char* at, const unsigned char* end) : m_at(at), m_end(end) {}
    bool next(std::string& out) {
        std::uint32_t length = 0;
        if (static_cast<std::size_t>(m_end - m_at) < sizeof length) {
            return false;
        }
        std::memcpy(&length, m_at, sizeof length);
        m_at += sizeof length;
        if (static_cast<std::size_t>(m_end - m_at) < length) {
            return false;
        }
        out.assign(reinterpret_cast<const char*>(m_at), length);
        m_at += length;
        return true;
    }
    bool done() const { return m_at == m_end; }

private:
    const unsigned char* m_at;
    const unsigned char* m_end;
};

void put_text(std::string& out, const std::string& text) {
    const auto length = static_cast<std::uint32_t>(text.size());
    out.append(reinterpret_cast<const char*>(&length), sizeof length);
    out += text;
}

/// The attributes of the six layers, in the file's order.
std::string attribute_texts(const MapLayers& layers) {
    std::string out;
    for (const auto* units :
         {&layers.county_units, &layers.township_units, &layers.village_units}) {
        for (const MapUnit& unit : *units) {
            put_text(out, unit.code);
            put_text(out, unit.name);
            put_text(out, unit.parent_code);
        }
    }
    for (const auto* sites : {&layers.point_sites, &layers.line_sites, &layers.polygon_sites}) {
        for (const MapSite& site : *sites) {
            put_text(out, site.project_id);
            put_text(out, site.site_name);
        }
    }
    return out;
}

bool read_attributes(TextReader& reader, const Header& header, MapLayers& layers) {
    std::size_t layer = 0;
    for (auto* units : {&layers.county_units, &layers.township_units, &layers.village_units}) {
        units->resize(header.layers[layer++].attributes);
        for (MapUnit& unit : *units) {
            if (!reader.next(unit.code) || !reader.next(unit.name) ||
                !reader.next(unit.parent_code)) {
                return false;
            }
        }
    }
    for (auto* sites : {&layers.point_sites, &layers.line_sites, &layers.polygon_sites}) {
        sites->resize(header.layers[layer++].attributes);
        for (MapSite& site : *sites) {
            if (!reader.next(site.project_id) || !reader.next(site.site_name)) {
                return false;
            }
        }
    }
    return reader.done();
}

/// The number of attributes of each layer, in the file's order.
std::array<std::size_t, layer_count> attribute_counts(const MapLayers& layers) {
    return {layers.county_units.size(), layers.township_units.size(), layers.village_units.size(),
            layers.point_sites.size(),  layers.line_sites.size(),     layers.polygon_sites.size()};
}

/// Removes the least recently written cache files beyond the folder's allowance, and what a
/// writer stopped midway (killed, the machine off) left an hour or more ago.
void prune(const fs::path& folder) {
    std::error_code error;
    std::vector<std::pair<fs::file_time_type, fs::path>> files;
    const auto an_hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        const auto written = entry.last_write_time(error);
        if (entry.path().extension() == ".xjmap") {
            files.emplace_back(written, entry.path());
        } else if (entry.path().string().find(".xjmap.partial-") != std::string::npos &&
                   written < an_hour_ago) {
            fs::remove(entry.path(), error);
        }
    }
    if (files.size() <= kept_files) {
        return;
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a > b; });
    for (std::size_t i = kept_files; i < files.size(); ++i) {
        fs::remove(files[i].second, error);
    }
}

} // namespace

fs::path folder() {
    if (const char* set = std::getenv("XIANGJIAN_MAP_CACHE")) {
        const std::string value = set;
        return value.empty() || value == "off" ? fs::path{} : fs::path{value};
    }
    if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache != nullptr && *cache == '/') {
        return fs::path{cache} / "xiangjian" / "maps";
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/') {
        return fs::path{home} / ".cache" / "xiangjian" / "maps";
    }
    return {};
}

fs::path file_for(const std::string& location) {
    const fs::path where = folder();
    if (where.empty()) {
        return {};
    }
    std::error_code error;
    fs::path absolute = fs::weakly_canonical(location, error);
    if (error) {
        absolute = location;
    }
    // FNV-1a of the project's full path: one file a project, whatever its version.
    std::uint64_t hash = 14695981039346656037ULL;
    for (const char c : absolute.string()) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    std::array<char, 17> name{};
    std::snprintf(name.data(), name.size(), "%016llx", static_cast<unsigned long long>(hash));
    return where / (std::string{name.data()} + ".xjmap");
}

namespace {

/// A cache file mapped whole, its header read and its version checked.
struct MappedFile {
    std::shared_ptr<const Mapping> mapping;
    Header header;
    Layout layout;
};

std::optional<MappedFile> map_file(const fs::path& file, const std::string& version) {
    const int descriptor = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) {
        return std::nullopt;
    }
    struct stat file_status {};
    Header header;
    const bool read =
        ::fstat(descriptor, &file_status) == 0 &&
        ::pread(descriptor, &header, sizeof header, 0) == static_cast<ssize_t>(sizeof header);
    const auto layout = read ? layout_of(header) : std::nullopt;
    if (!layout || header.magic != magic || header.format != format ||
        header.byte_order != byte_order || header.shape_size != sizeof(FlatLayer::Shape) ||
        header.part_size != sizeof(FlatLayer::Part) || header.version_bytes != version.size() ||
        header.file_bytes != layout->end ||
        static_cast<std::uint64_t>(file_status.st_size) != layout->end) {
        ::close(descriptor);
        return std::nullopt;
    }
    void* mapped = ::mmap(nullptr, layout->end, PROT_READ, MAP_PRIVATE, descriptor, 0);
    ::close(descriptor); // the mapping keeps the file
    if (mapped == MAP_FAILED) {
        return std::nullopt;
    }
    MappedFile out{std::make_shared<const Mapping>(mapped, layout->end), header, *layout};
    if (std::memcmp(out.mapping->bytes() + layout->version, version.data(), version.size()) != 0) {
        return std::nullopt;
    }
    return out;
}

/// The file's six flat layers over its mapping, in the file's order; nullopt when any is not
/// consistent.
std::optional<std::array<FlatLayer, layer_count>> borrowed_layers(const MappedFile& file) {
    const unsigned char* bytes = file.mapping->bytes();
    std::array<FlatLayer, layer_count> layers;
    for (std::size_t i = 0; i < layer_count; ++i) {
        const LayerHeader& counts = file.header.layers[i];
        const std::span shapes(
            reinterpret_cast<const FlatLayer::Shape*>(bytes + file.layout.shapes[i]),
            counts.shapes);
        const std::span parts(
            reinterpret_cast<const FlatLayer::Part*>(bytes + file.layout.parts[i]), counts.parts);
        const std::span xy(
            reinterpret_cast<const std::int32_t*>(bytes + file.layout.coordinates[i]),
            counts.coordinates);
        if (counts.coordinates % 2 != 0 || counts.attributes != counts.shapes ||
            !consistent(shapes, parts, counts.coordinates / 2, counts.extent)) {
            return std::nullopt;
        }
        layers[i] = FlatLayer::borrowing(shapes, parts, xy, counts.extent, file.mapping);
    }
    return layers;
}

} // namespace

std::optional<MapLayers> load(const fs::path& file, const std::string& version) {
    const auto mapped = map_file(file, version);
    auto borrowed = mapped ? borrowed_layers(*mapped) : std::nullopt;
    if (!borrowed) {
        return std::nullopt;
    }
    MapLayers layers;
    const auto targets = flat_layers(layers);
    for (std::size_t i = 0; i < layer_count; ++i) {
        *targets[i] = std::move((*borrowed)[i]);
    }
    const unsigned char* bytes = mapped->mapping->bytes();
    TextReader texts(bytes + mapped->layout.attributes, bytes + mapped->layout.end);
    if (!read_attributes(texts, mapped->header, layers)) {
        return std::nullopt;
    }
    layers.from_cache = true;
    return layers;
}

bool map_saved(const fs::path& file, const std::string& version, MapLayers& layers) {
    const auto mapped = map_file(file, version);
    auto borrowed = mapped ? borrowed_layers(*mapped) : std::nullopt;
    if (!borrowed) {
        return false;
    }
    // The attributes stay those in memory: the file must count as many, layer by layer.
    const auto counts = attribute_counts(layers);
    for (std::size_t i = 0; i < layer_count; ++i) {
        if (mapped->header.layers[i].attributes != counts[i]) {
            return false;
        }
    }
    const auto targets = flat_layers(layers);
    for (std::size_t i = 0; i < layer_count; ++i) {
        *targets[i] = std::move((*borrowed)[i]);
    }
    return true;
}

namespace {

/// Bytes of the cache file at their place in it.
struct Piece {
    const void* data = nullptr;
    std::uint64_t bytes = 0;
    std::uint64_t at = 0;
};

/// The pieces split where half of their bytes are written, within a piece if need be.
std::array<std::vector<Piece>, 2> halves(const std::vector<Piece>& pieces) {
    std::uint64_t total = 0;
    for (const Piece& piece : pieces) {
        total += piece.bytes;
    }
    std::array<std::vector<Piece>, 2> parts;
    std::uint64_t so_far = 0;
    for (const Piece& piece : pieces) {
        const std::uint64_t room = total / 2 > so_far ? total / 2 - so_far : 0;
        const std::uint64_t head = std::min(room, piece.bytes);
        if (head > 0) {
            parts[0].push_back({piece.data, head, piece.at});
        }
        if (head < piece.bytes) {
            parts[1].push_back(
                {static_cast<const char*>(piece.data) + head, piece.bytes - head, piece.at + head});
        }
        so_far += piece.bytes;
    }
    return parts;
}

/// The file `path`, `size` bytes long (a header at least), with the pieces at their places and
/// zeros between them, copied in through a shared mapping by two threads, each about half of
/// the bytes. Copying a province's 78 MB into fresh page-cache pages took one core 0.12-0.16 s
/// of a first opening with write(), while the engine's core waited for the layers with nothing
/// to do; two write()s to one file take turns (the file's lock), two threads' page faults do
/// not: 0.09-0.11 s. The file's blocks are allocated first, so that a full disk is an error
/// here and not a SIGBUS at a page fault of the copy.
bool write_file(const fs::path& path, const std::vector<Piece>& pieces, std::uint64_t size) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        return false;
    }
    void* mapped = MAP_FAILED;
    if (::posix_fallocate(fd, 0, static_cast<off_t>(size)) == 0) {
        mapped = ::mmap(nullptr, size, PROT_WRITE, MAP_SHARED, fd, 0);
    }
    if (mapped == MAP_FAILED) {
        ::close(fd);
        return false;
    }
    const auto write = [&](const std::vector<Piece>& part) {
        for (const Piece& piece : part) {
            std::memcpy(static_cast<char*>(mapped) + piece.at, piece.data, piece.bytes);
        }
    };
    const auto [first, second] = halves(pieces);
    core::run_in_parallel([&] { write(second); }, [&] { write(first); });
    const bool unmapped = ::munmap(mapped, size) == 0;
    return ::close(fd) == 0 && unmapped;
}

} // namespace

bool save(const fs::path& file, const std::string& version, const MapLayers& layers) {
    if (file.empty()) {
        return false;
    }
    const std::string attributes = attribute_texts(layers);
    const auto sources = flat_layers(layers);
    const auto counts = attribute_counts(layers);
    Header header;
    header.magic = magic;
    header.format = format;
    header.byte_order = byte_order;
    header.shape_size = sizeof(FlatLayer::Shape);
    header.part_size = sizeof(FlatLayer::Part);
    header.version_bytes = version.size();
    header.attribute_bytes = attributes.size();
    for (std::size_t i = 0; i < layer_count; ++i) {
        header.layers[i] = {sources[i]->all_shapes().size(), sources[i]->all_parts().size(),
                            sources[i]->all_coordinates().size(), counts[i], sources[i]->extent()};
    }
    const auto layout = layout_of(header);
    if (!layout) {
        return false;
    }
    header.file_bytes = layout->end;

    std::error_code error;
    fs::create_directories(file.parent_path(), error);
    // A name of this process's and this call's own: two programs, or two openings in one
    // program (a refreshed project), may write the same project's file at once.
    static std::atomic<unsigned> calls{0};
    const fs::path temporary = file.string() + ".partial-" +
                               std::to_string(static_cast<long long>(::getpid())) + "-" +
                               std::to_string(calls++);
    std::vector<Piece> pieces{{&header, sizeof header, 0},
                              {version.data(), version.size(), layout->version}};
    for (std::size_t i = 0; i < layer_count; ++i) {
        const FlatLayer& layer = *sources[i];
        pieces.push_back(
            {layer.all_shapes().data(), layer.all_shapes().size_bytes(), layout->shapes[i]});
        pieces.push_back(
            {layer.all_parts().data(), layer.all_parts().size_bytes(), layout->parts[i]});
        pieces.push_back({layer.all_coordinates().data(), layer.all_coordinates().size_bytes(),
                          layout->coordinates[i]});
    }
    pieces.push_back({attributes.data(), attributes.size(), layout->attributes});
    if (!write_file(temporary, pieces, layout->end)) {
        fs::remove(temporary, error);
        return false;
    }
    fs::rename(temporary, file, error);
    if (error) {
        fs::remove(temporary, error);
        return false;
    }
    prune(file.parent_path());
    return true;
}

} // namespace xj::render::map_cache
