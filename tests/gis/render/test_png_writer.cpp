// The PNG writer of maps and screenshots: what it writes reads back as the same pixels, in
// Qt's reader (libpng) and in GDAL's, whatever the size, content and alpha.

#include "test_support.h"
#include "xiangjian/render/png_writer.h"

#include <QBuffer>
#include <QFile>
#include <QPainter>
#include <QPainterPath>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <random>

namespace {

QByteArray png_of(const QImage& image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    EXPECT_TRUE(xj::render::write_png(image, buffer));
    return bytes;
}

/// What a map looks like to a compressor: flat fills, antialiased edges, lines and text.
QImage map_like(int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(252, 251, 248));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < 40; ++i) {
        QPainterPath path;
        path.addEllipse(QRectF((i * 37) % width, (i * 53) % height, 60 + i * 3, 40 + i * 2));
        painter.fillPath(path, QColor::fromHsv((i * 29) % 360, 120, 230));
        painter.setPen(QPen(QColor(90, 90, 90), 1.3));
        painter.drawPath(path);
    }
    painter.setPen(Qt::black);
    painter.drawText(QRectF(10, 10, width - 20, 40), QStringLiteral("乡建 Xiangjian 410326"));
    return image;
}

bool same_pixels(const QImage& a, const QImage& b, QImage::Format format) {
    return a.convertToFormat(format) == b.convertToFormat(format);
}

} // namespace

TEST(PngWriter, AMapOfOddSizeReadsBackPixelForPixelWithoutAlpha) {
    for (const QSize size : {QSize(1601, 999), QSize(938, 635), QSize(400, 64), QSize(300, 63)}) {
        const QImage image = map_like(size.width(), size.height());
        const QByteArray bytes = png_of(image);
        ASSERT_GT(bytes.size(), 33);
        EXPECT_EQ(bytes.left(8), QByteArray("\x89PNG\r\n\x1a\n", 8));
        EXPECT_EQ(static_cast<unsigned char>(bytes[25]), 2) << "colour type RGB";
        const QImage back = QImage::fromData(bytes, "PNG");
        ASSERT_FALSE(back.isNull()) << size.width() << "x" << size.height();
        EXPECT_EQ(back.size(), image.size());
        EXPECT_FALSE(back.hasAlphaChannel());
        EXPECT_TRUE(same_pixels(back, image, QImage::Format_RGB32))
            << size.width() << "x" << size.height();
        // A quarter of the pixels' bytes at most: the flat areas compress.
        EXPECT_LT(bytes.size(), size.width() * size.height() * 3 / 4);
    }
}

TEST(PngWriter, AlphaIsKeptExactly) {
    QImage image(257, 130, QImage::Format_ARGB32);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            image.setPixel(x, y, qRgba(x % 256, (y * 2) % 256, (x + y) % 256, (x * 7 + y) % 256));
        }
    }
    const QByteArray bytes = png_of(image);
    EXPECT_EQ(static_cast<unsigned char>(bytes[25]), 6) << "colour type RGBA";
    const QImage back = QImage::fromData(bytes, "PNG");
    ASSERT_FALSE(back.isNull());
    EXPECT_TRUE(back.hasAlphaChannel());
    EXPECT_TRUE(same_pixels(back, image, QImage::Format_ARGB32));

    // Premultiplied (what the renderer draws into): written as straight alpha, each pixel as
    // qUnpremultiply gives it.
    const QImage premultiplied = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    const QImage back_premultiplied =
        QImage::fromData(png_of(premultiplied), "PNG").convertToFormat(QImage::Format_ARGB32);
    ASSERT_EQ(back_premultiplied.size(), image.size());
    int differing = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            differing +=
                back_premultiplied.pixel(x, y) != qUnpremultiply(premultiplied.pixel(x, y));
        }
    }
    EXPECT_EQ(differing, 0);
}

TEST(PngWriter, OtherFormatsAreConvertedFirst) {
    QImage grey(300, 100, QImage::Format_Grayscale8);
    for (int y = 0; y < grey.height(); ++y) {
        for (int x = 0; x < grey.width(); ++x) {
            grey.scanLine(y)[x] = static_cast<uchar>((x + 3 * y) % 256);
        }
    }
    const QImage back = QImage::fromData(png_of(grey), "PNG");
    ASSERT_FALSE(back.isNull());
    EXPECT_TRUE(same_pixels(back, grey, QImage::Format_RGB32));
}

TEST(PngWriter, TinyAndIncompressibleImagesReadBack) {
    std::mt19937 random(42);
    for (const QSize size : {QSize(1, 1), QSize(7, 3), QSize(640, 480)}) {
        QImage image(size, QImage::Format_RGB32);
        for (int y = 0; y < size.height(); ++y) {
            for (int x = 0; x < size.width(); ++x) {
                image.setPixel(x, y, qRgb(random() % 256, random() % 256, random() % 256));
            }
        }
        const QImage back = QImage::fromData(png_of(image), "PNG");
        ASSERT_FALSE(back.isNull()) << size.width() << "x" << size.height();
        EXPECT_TRUE(same_pixels(back, image, QImage::Format_RGB32))
            << size.width() << "x" << size.height();
    }
}

TEST(PngWriter, GdalReadsTheFileAsTheSamePixels) {
    xj::test::TempDir dir;
    const QImage image = map_like(700, 300);
    const std::string path = dir.file("map.png");
    {
        QFile file(QString::fromStdString(path));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        ASSERT_TRUE(xj::render::write_png(image, file));
    }
    GDALAllRegister();
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    ASSERT_TRUE(dataset);
    EXPECT_STREQ(dataset->GetDriver()->GetDescription(), "PNG");
    ASSERT_EQ(dataset->GetRasterCount(), 3);
    ASSERT_EQ(dataset->GetRasterXSize(), 700);
    ASSERT_EQ(dataset->GetRasterYSize(), 300);
    std::vector<unsigned char> band(700 * 300);
    for (int b = 1; b <= 3; ++b) {
        ASSERT_EQ(dataset->GetRasterBand(b)->RasterIO(GF_Read, 0, 0, 700, 300, band.data(), 700,
                                                      300, GDT_Byte, 0, 0),
                  CE_None);
        int differing = 0;
        for (int y = 0; y < 300; ++y) {
            for (int x = 0; x < 700; ++x) {
                const QRgb pixel = image.pixel(x, y);
                const int expected = b == 1 ? qRed(pixel) : b == 2 ? qGreen(pixel) : qBlue(pixel);
                differing += band[static_cast<std::size_t>(y) * 700 + x] != expected;
            }
        }
        EXPECT_EQ(differing, 0) << "band " << b;
    }
}

TEST(PngWriter, RefusesANullImageAndADeviceNotOpen) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    EXPECT_FALSE(xj::render::write_png(QImage(), buffer));
    QBuffer closed;
    EXPECT_FALSE(xj::render::write_png(map_like(100, 100), closed));
}
