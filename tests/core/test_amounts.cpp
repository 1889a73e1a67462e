// Counts are whole numbers and amounts carry their unit.

#include "xiangjian/core/amounts.h"
#include "xiangjian/core/language.h"

#include <gtest/gtest.h>

using namespace xj::core;

TEST(Amounts, CountsAreWholeAndMeasuresKeepTheirDecimals) {
    EXPECT_EQ(done_of_planned_text(463, 791, "户"), "463/791 户");
    EXPECT_EQ(done_of_planned_text(81.7, 215, "户"), "81/215 户") << "half a house is not done";
    EXPECT_EQ(done_of_planned_text(7.77, 11.6, "km"), "7.77/11.60 km");
    EXPECT_EQ(quantity_text(9, "处"), "9 处");
    EXPECT_EQ(quantity_text(3.105, "km"), "3.10 km");
    EXPECT_TRUE(is_count_unit("盏"));
    EXPECT_FALSE(is_count_unit("MW"));
}

TEST(Amounts, MoneyCarriesItsUnit) {
    xj::set_language(xj::Language::zh);
    EXPECT_EQ(wan_text(0), "0 万元");
    EXPECT_EQ(wan_text(12.5), "12.5 万元");
    EXPECT_EQ(wan_text(350000), "350000 万元");
    xj::set_language(xj::Language::en);
    EXPECT_EQ(wan_text(0), "0 10k yuan");
    xj::set_language(xj::Language::zh);
}
