#include "xiangjian/render/map_output.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/render/png_writer.h"
#include "xiangjian/render/symbology.h"

#include <QFile>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <random>

namespace xj::render {

namespace {

std::string lower_extension(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

QString qpath(const std::string& path) {
    return QString::fromUtf8(path.data(), static_cast<qsizetype>(path.size()));
}

/// An SVG names the system's font, not the copy Xiangjian loaded for PDF (map_fonts.cpp).
bool publish_font_family(const std::string& path) {
    const auto loaded = map_font_family(), published = map_font_published_family();
    if (loaded == published) {
        return true;
    }
    QFile file(qpath(path));
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    QByteArray svg = file.readAll();
    file.close();
    svg.replace(QByteArray("font-family=\"") + QByteArray(loaded.data(), std::ssize(loaded)),
                QByteArray("font-family=\"") + QByteArray(published.data(), std::ssize(published)));
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(svg) == svg.size();
}

} // namespace

MapFormat map_format(const std::string& path) {
    const std::string extension = lower_extension(path);
    if (extension == ".png") {
        return MapFormat::png;
    }
    if (extension == ".pdf") {
        return MapFormat::pdf;
    }
    if (extension == ".svg") {
        return MapFormat::svg;
    }
    throw Error(path + text("：未知的地图格式“", ": unknown map format '") + extension +
                text("”：应为 .png、.pdf 或 .svg", "': expected .png, .pdf or .svg"));
}

void write_atomically(const std::string& path,
                      const std::function<bool(const std::string&)>& write) {
    const std::filesystem::path target(path);
    std::random_device random;
    // The temporary name keeps the extension: Qt's writers choose the format by it.
    const std::filesystem::path temporary =
        target.parent_path() / (".~" + target.stem().string() + "-" +
                                std::to_string(random() % 1000000) + target.extension().string());
    // A missing folder is said here, before Qt's writers print their own warning about it.
    const std::filesystem::path folder =
        target.parent_path().empty() ? std::filesystem::path{"."} : target.parent_path();
    if (std::error_code missing; !std::filesystem::is_directory(folder, missing)) {
        throw Error(path + text("：无法写入文件（文件夹不存在）",
                                ": cannot write the file (there is no such folder)"));
    }
    bool written = false;
    try {
        written = write(temporary.string());
    } catch (...) {
        std::filesystem::remove(temporary);
        throw;
    }
    std::error_code error;
    if (!written) {
        std::filesystem::remove(temporary, error);
        throw Error(path + text("：无法写入文件（文件夹是否存在、是否可写？）",
                                ": cannot write the file (is the folder there and writable?)"));
    }
    std::filesystem::rename(temporary, target, error);
    if (error) {
        std::filesystem::remove(temporary, error);
        throw Error(path + text("：无法写入文件：", ": cannot write the file: ") + error.message());
    }
}

RenderStats write_map(const std::string& path, MapRenderer& renderer, const MapView& view,
                      const ThemeData& theme, const RenderOptions& options) {
    const MapFormat format = map_format(path);
    RenderStats stats;
    write_atomically(path, [&](const std::string& temporary) {
        switch (format) {
        case MapFormat::png: {
            QImage image;
            stats = renderer.render(image, view, theme, options);
            QFile file(qpath(temporary));
            return file.open(QIODevice::WriteOnly) && write_png(image, file);
        }
        case MapFormat::pdf: {
            // One page the size of the map at 96 dpi, drawn in the same units as an image.
            QPdfWriter pdf(qpath(temporary));
            pdf.setResolution(96);
            pdf.setPageSize(QPageSize(QSizeF(view.width, view.height) * 72.0 / 96.0,
                                      QPageSize::Point, QString(), QPageSize::ExactMatch));
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
            pdf.setCreator(QStringLiteral("Xiangjian"));
            pdf.setTitle(options.title);
            QPainter painter;
            if (!painter.begin(&pdf)) {
                return false;
            }
            stats = renderer.render(painter, view, theme, options);
            return painter.end();
        }
        case MapFormat::svg: {
            QSvgGenerator svg;
            svg.setFileName(qpath(temporary));
            svg.setSize(QSize(view.width, view.height));
            svg.setViewBox(QRect(0, 0, view.width, view.height));
            svg.setTitle(options.title);
            QPainter painter;
            if (!painter.begin(&svg)) {
                return false;
            }
            stats = renderer.render(painter, view, theme, options);
            return painter.end() && publish_font_family(temporary);
        }
        }
        return false;
    });
    return stats;
}

} // namespace xj::render
