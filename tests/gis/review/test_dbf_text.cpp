// DBF text for the province's reviewers: field names cut between characters and kept unique,
// GBK encoding that refuses what it cannot hold instead of writing '?'.

#include "xiangjian/review/dbf_text.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

using namespace xj::review;

TEST(DbfText, FieldNamesAreCutBetweenCharactersAndStayUnique) {
    // 土地利用类型名称 is 24 bytes in UTF-8, 16 in GBK: GDAL 3.6 cuts it to 土地利 and a stray
    // byte.
    const std::vector<std::string> wanted = {"土地利用类型名称", "土地利用类型代码", "project_id",
                                             "PROJECT_ID", "计划完成量"};
    const auto utf8 = dbf_field_names(wanted, Encoding::utf8);
    EXPECT_EQ(utf8[0], "土地利");  // 9 bytes: a fourth character would make 12
    EXPECT_EQ(utf8[1], "土地利1"); // 10 bytes
    EXPECT_EQ(utf8[2], "project_id");
    EXPECT_EQ(utf8[3], "PROJECT_I1"); // DBF readers compare names without case
    EXPECT_EQ(utf8[4], "计划完");
    const auto gbk = dbf_field_names(wanted, Encoding::gbk);
    EXPECT_EQ(gbk[0], "土地利用类"); // 10 bytes in GBK
    EXPECT_EQ(gbk[1], "土地利用1");
    EXPECT_EQ(gbk[4], "计划完成量");
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        EXPECT_LE(encoded_size(utf8[i], Encoding::utf8), 10u);
        EXPECT_LE(encoded_size(gbk[i], Encoding::gbk), 10u);
    }
}

TEST(DbfText, GbkRefusesACharacterItHasNoCodeFor) {
    // 堃 is in GBK; 𬱖 (a character of a village's name in Unicode's extension E) is not.
    const auto kun = encode("堃村", Encoding::gbk);
    ASSERT_TRUE(kun);
    EXPECT_EQ(*kun, std::string("\x88\xd2\xb4\xe5", 4));
    EXPECT_FALSE(encode("𬱖村", Encoding::gbk));
    EXPECT_EQ(first_unencodable("上𬱖村", Encoding::gbk), "𬱖");
    EXPECT_EQ(first_unencodable("上堃村", Encoding::gbk), "");
    EXPECT_EQ(first_unencodable("𬱖", Encoding::utf8), "");
}

TEST(DbfText, LongTextIsCutWithinItsBytesBetweenCharacters) {
    const std::string text = "汝阳县" + std::string(250, 'a'); // 259 bytes in UTF-8
    const std::string cut = cut_to_bytes(text, 254, Encoding::utf8);
    EXPECT_EQ(cut.size(), 254u);
    EXPECT_EQ(cut_to_bytes("汝阳县", 8, Encoding::utf8), "汝阳"); // not 汝阳 and 2 bytes of 县
    EXPECT_EQ(cut_to_bytes("汝阳县", 5, Encoding::gbk), "汝阳");
    EXPECT_EQ(encoded_size("汝阳县ab", Encoding::gbk), 8u);
}

TEST(DbfText, CodePageFilesAndTheLanguageDriverAgree) {
    EXPECT_EQ(parse_encoding("gbk"), Encoding::gbk);
    EXPECT_EQ(parse_encoding("UTF-8"), Encoding::utf8);
    EXPECT_FALSE(parse_encoding("latin1"));
    EXPECT_EQ(cpg_text(Encoding::gbk), "936");
    EXPECT_EQ(ldid(Encoding::gbk), 0x4D);
    EXPECT_EQ(cpg_text(Encoding::utf8), "UTF-8");
}
