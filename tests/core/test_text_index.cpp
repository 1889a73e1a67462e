#include "xiangjian/core/text_index.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace {

using xj::core::TextIndex;

/// Codes as a county numbers its villages (41 14 01 160 212): many share long prefixes.
std::vector<std::string> village_codes(int count) {
    std::vector<std::string> codes;
    for (int i = 0; i < count; ++i) {
        codes.push_back("411401" + std::to_string(100000 + i));
    }
    return codes;
}

TEST(TextIndex, FindsEveryTextAtItsPositionAfterGrowingFromEmpty) {
    const std::vector<std::string> codes = village_codes(50000);
    const auto code_at = [&](std::uint32_t at) { return std::string_view(codes[at]); };
    TextIndex index; // no reserve: grows through every size
    for (std::uint32_t at = 0; at < codes.size(); ++at) {
        const auto [position, added] = index.insert(codes[at], at, code_at);
        ASSERT_TRUE(added) << codes[at];
        ASSERT_EQ(position, at);
    }
    EXPECT_EQ(index.size(), codes.size());
    for (std::uint32_t at = 0; at < codes.size(); ++at) {
        ASSERT_EQ(index.find(codes[at], code_at), at) << codes[at];
    }
    EXPECT_FALSE(index.find("411401099999", code_at));
    EXPECT_FALSE(index.find("", code_at));
    EXPECT_FALSE(index.find("41140110000", code_at)); // a prefix of one
}

TEST(TextIndex, ASecondEqualTextGetsTheFirstsPosition) {
    const std::vector<std::string> ids{"P2", "P1", "P2", "项目一", "项目一"};
    const auto id_at = [&](std::uint32_t at) { return std::string_view(ids[at]); };
    TextIndex index;
    index.reserve(ids.size());
    std::vector<std::pair<std::uint32_t, bool>> results;
    for (std::uint32_t at = 0; at < ids.size(); ++at) {
        results.push_back(index.insert(ids[at], at, id_at));
    }
    const std::vector<std::pair<std::uint32_t, bool>> expected{
        {0, true}, {1, true}, {0, false}, {3, true}, {3, false}};
    EXPECT_EQ(results, expected);
    EXPECT_EQ(index.size(), 3U);
    EXPECT_EQ(index.find("项目一", id_at), 3U);
}

TEST(TextIndex, AnEmptyIndexFindsNothing) {
    const TextIndex index;
    EXPECT_FALSE(index.find("P1", [](std::uint32_t) { return std::string_view("P1"); }));
}

} // namespace
