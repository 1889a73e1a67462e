#include "xiangjian/gdal/gdal_errors.h"
#include "xiangjian/import/text_encoding.h"

#include <gtest/gtest.h>

using namespace xj::import;
using xj::gdal::initialize_gdal;

TEST(TextEncoding, RecognisesUtf8AndRejectsGbkBytes) {
    EXPECT_TRUE(is_valid_utf8("云梦村"));
    EXPECT_TRUE(is_valid_utf8("plain ascii"));
    EXPECT_FALSE(is_valid_utf8("\xD4\xC6\xC3\xCE\xB4\xE5")); // 云梦村 in GBK
    EXPECT_FALSE(is_valid_utf8("\xC0\x80"));                 // overlong NUL
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));             // a surrogate
    EXPECT_FALSE(is_valid_utf8("\xE4\xBA"));                 // cut short
}

TEST(TextEncoding, ReadsCpgFilesAsOfficesWriteThem) {
    EXPECT_EQ(encoding_from_cpg("936"), "GB18030");
    EXPECT_EQ(encoding_from_cpg("GBK\r\n"), "GB18030");
    EXPECT_EQ(encoding_from_cpg("ANSI 936"), "GB18030");
    EXPECT_EQ(encoding_from_cpg("UTF-8"), "UTF-8");
    EXPECT_EQ(encoding_from_cpg("65001"), "UTF-8");
    EXPECT_EQ(encoding_from_cpg("something else"), "");
}

TEST(TextEncoding, DecodesGbkAndGb18030ToUtf8) {
    initialize_gdal();
    std::string out;
    ASSERT_TRUE(to_utf8("\xD4\xC6\xC3\xCE\xB4\xE5", "GB18030", out));
    EXPECT_EQ(out, "云梦村");
    // 镕 (U+9555) is outside GB2312; GBK and GB18030 have it.
    ASSERT_TRUE(to_utf8("\xE9\x46", "GB18030", out));
    EXPECT_EQ(out, "镕");
    EXPECT_FALSE(to_utf8("\xD4\xC6\xC3\xCE\xB4\xE5", "UTF-8", out));
}
