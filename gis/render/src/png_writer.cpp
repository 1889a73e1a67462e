#include "xiangjian/render/png_writer.h"

#include <QIODevice>
#include <algorithm>
#include <cstdint>
#include <thread>
#include <vector>
#include <zlib.h>

namespace xj::render {

namespace {

using Bytes = std::vector<unsigned char>;

void put_u32(Bytes& out, std::uint32_t value) {
    for (const int shift : {24, 16, 8, 0}) {
        out.push_back(static_cast<unsigned char>(value >> shift));
    }
}

void put_chunk(Bytes& out, const char (&type)[5], const unsigned char* data, std::size_t size) {
    put_u32(out, static_cast<std::uint32_t>(size));
    const std::size_t start = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data, data + size);
    put_u32(out,
            static_cast<std::uint32_t>(crc32(0, out.data() + start, static_cast<uInt>(size + 4))));
}

/// One band of rows deflated, with what joining the bands needs.
struct Band {
    Bytes deflated;
    uLong adler = 1;
    uLong raw_size = 0;
    bool ok = false;
};

/// Row `y` of `image` (RGB32, ARGB32 or ARGB32_Premultiplied) as PNG bytes of straight
/// colour, behind its filter byte.
void filtered_row(const QImage& image, int y, bool alpha, unsigned char* row) {
    const int width = image.width();
    const int channels = alpha ? 4 : 3;
    const auto* pixels = reinterpret_cast<const QRgb*>(image.constScanLine(y));
    const bool premultiplied = image.format() == QImage::Format_ARGB32_Premultiplied;
    row[0] = 1; // Sub: each byte less the same byte of the pixel to its left
    unsigned char* out = row + 1;
    for (int x = 0; x < width; ++x, out += channels) {
        const QRgb pixel = premultiplied ? qUnpremultiply(pixels[x]) : pixels[x];
        out[0] = static_cast<unsigned char>(qRed(pixel));
        out[1] = static_cast<unsigned char>(qGreen(pixel));
        out[2] = static_cast<unsigned char>(qBlue(pixel));
        if (alpha) {
            out[3] = static_cast<unsigned char>(qAlpha(pixel));
        }
    }
    for (std::size_t i = static_cast<std::size_t>(width) * channels; i-- > std::size_t(channels);) {
        row[1 + i] = static_cast<unsigned char>(row[1 + i] - row[1 + i - channels]);
    }
}

/// Rows [first, last) of `image`, filtered, as a raw deflate stream that ends on a byte
/// boundary (`last_band`: with the stream's final block). The rows pass through a buffer of
/// 256 KiB: a screenshot's worth of fresh memory would cost more to fault in than the
/// deflating itself.
Band deflate_band(const QImage& image, int first, int last, bool alpha, bool last_band) {
    Band band;
    const std::size_t row_bytes = static_cast<std::size_t>(image.width()) * (alpha ? 4 : 3) + 1;
    const int rows_per_pass = static_cast<int>(std::max<std::size_t>(1, (256 << 10) / row_bytes));
    Bytes rows(static_cast<std::size_t>(rows_per_pass) * row_bytes);
    z_stream stream{};
    if (deflateInit2(&stream, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        return band;
    }
    band.deflated.resize(64 << 10);
    bool failed = false;
    for (int y = first; y < last && !failed; y += rows_per_pass) {
        const int count = std::min(rows_per_pass, last - y);
        for (int r = 0; r < count; ++r) {
            filtered_row(image, y + r, alpha,
                         rows.data() + static_cast<std::size_t>(r) * row_bytes);
        }
        const auto bytes = static_cast<uInt>(static_cast<std::size_t>(count) * row_bytes);
        band.adler = adler32(band.adler, rows.data(), bytes);
        band.raw_size += bytes;
        stream.next_in = rows.data();
        stream.avail_in = bytes;
        // A band but the last ends with a full flush: its blocks close on a byte boundary,
        // with no reference past it, so that the next band's blocks can follow in one stream.
        const int flush = y + count < last ? Z_NO_FLUSH : last_band ? Z_FINISH : Z_FULL_FLUSH;
        do {
            if (band.deflated.size() - stream.total_out < (16 << 10)) {
                band.deflated.resize(band.deflated.size() * 2);
            }
            stream.next_out = band.deflated.data() + stream.total_out;
            stream.avail_out = static_cast<uInt>(band.deflated.size() - stream.total_out);
            failed = deflate(&stream, flush) == Z_STREAM_ERROR;
        } while (!failed && stream.avail_out == 0);
        failed = failed || stream.avail_in != 0;
    }
    band.ok = !failed;
    band.deflated.resize(stream.total_out);
    deflateEnd(&stream);
    return band;
}

} // namespace

bool write_png(const QImage& image, QIODevice& out) {
    if (image.isNull()) {
        return false;
    }
    const bool alpha = image.hasAlphaChannel();
    // The formats of grabs and renders are read as they are; any other is converted once.
    const bool readable = image.format() == QImage::Format_RGB32 ||
                          image.format() == QImage::Format_ARGB32 ||
                          image.format() == QImage::Format_ARGB32_Premultiplied;
    const QImage pixels =
        readable ? image
                 : image.convertToFormat(alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    const int height = pixels.height();

    // Two bands when there are two cores and rows enough for both to be worth a thread.
    const int bands = std::thread::hardware_concurrency() > 1 && height >= 64 ? 2 : 1;
    std::vector<Band> deflated(static_cast<std::size_t>(bands));
    std::vector<std::thread> helpers;
    for (int b = 1; b < bands; ++b) {
        helpers.emplace_back([&, b] {
            deflated[static_cast<std::size_t>(b)] = deflate_band(
                pixels, height * b / bands, height * (b + 1) / bands, alpha, b == bands - 1);
        });
    }
    deflated[0] = deflate_band(pixels, 0, height / bands, alpha, bands == 1);
    for (std::thread& helper : helpers) {
        helper.join();
    }

    // One zlib stream: its header (deflate, 32 KiB window, fastest), the bands, the Adler-32
    // of all the rows.
    Bytes zlib{0x78, 0x01};
    uLong adler = deflated[0].adler;
    for (std::size_t b = 0; b < deflated.size(); ++b) {
        if (!deflated[b].ok) {
            return false;
        }
        if (b > 0) {
            adler = adler32_combine(adler, deflated[b].adler,
                                    static_cast<z_off_t>(deflated[b].raw_size));
        }
        zlib.insert(zlib.end(), deflated[b].deflated.begin(), deflated[b].deflated.end());
    }
    put_u32(zlib, static_cast<std::uint32_t>(adler));

    Bytes file{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    Bytes header;
    put_u32(header, static_cast<std::uint32_t>(pixels.width()));
    put_u32(header, static_cast<std::uint32_t>(height));
    header.insert(header.end(), {8, static_cast<unsigned char>(alpha ? 6 : 2), 0, 0, 0});
    put_chunk(file, "IHDR", header.data(), header.size());
    constexpr std::size_t idat_size = 1 << 20; // chunks of 1 MiB, as readers expect
    for (std::size_t at = 0; at < zlib.size(); at += idat_size) {
        put_chunk(file, "IDAT", zlib.data() + at, std::min(idat_size, zlib.size() - at));
    }
    put_chunk(file, "IEND", nullptr, 0);
    return out.write(reinterpret_cast<const char*>(file.data()),
                     static_cast<qint64>(file.size())) == static_cast<qint64>(file.size());
}

} // namespace xj::render
