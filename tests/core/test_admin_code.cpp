#include "xiangjian/core/admin_unit.h"

#include <gtest/gtest.h>

namespace code = xj::core::admin_code;
using xj::core::AdminLevel;

TEST(AdminCode, PadsCountyAndTownshipCodesToTwelveDigits) {
    EXPECT_EQ(code::padded("410326"), "410326000000");
    EXPECT_EQ(code::padded("410326100"), "410326100000");
    EXPECT_EQ(code::padded("410326100201"), "410326100201");
    EXPECT_EQ(code::padded("41032a"), "41032a");
}

TEST(AdminCode, TellsTheLevelFromTheCode) {
    EXPECT_EQ(code::level_of("410326000000"), AdminLevel::county);
    EXPECT_EQ(code::level_of("410326100000"), AdminLevel::township);
    EXPECT_EQ(code::level_of("410326100201"), AdminLevel::village);
    EXPECT_EQ(code::level_of("410326400001"), AdminLevel::village);
    EXPECT_FALSE(code::level_of("41032610020"));
    EXPECT_FALSE(code::level_of("4103261002011"));
    EXPECT_FALSE(code::level_of("41032610020x"));
    EXPECT_FALSE(code::level_of("000000000000"));
}

TEST(AdminCode, FindsTheEnclosingUnit) {
    EXPECT_EQ(code::parent_of("410326100201"), "410326100000");
    EXPECT_EQ(code::parent_of("410326100000"), "410326000000");
    EXPECT_EQ(code::parent_of("410326000000"), "");
    EXPECT_EQ(code::parent_of("bad"), "");
}
