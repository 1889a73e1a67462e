// Longitudes and latitudes as county tables write them.

#include "xiangjian/core/language.h"
#include "xiangjian/import/coordinate_text.h"

#include <gtest/gtest.h>

using xj::import::detail::Axis;
using xj::import::detail::parse_coordinate;

namespace {

double degrees(const char* text) {
    const auto parsed = parse_coordinate(text);
    EXPECT_TRUE(parsed) << text;
    return parsed ? parsed->degrees : -999;
}

} // namespace

TEST(CoordinateText, DecimalDegreesAndFullWidthDigits) {
    EXPECT_DOUBLE_EQ(degrees("112.475"), 112.475);
    EXPECT_DOUBLE_EQ(degrees(" 34.15 "), 34.15);
    EXPECT_DOUBLE_EQ(degrees("-12.5"), -12.5);
    EXPECT_DOUBLE_EQ(degrees("１１２．４７５"), 112.475); // typed with a Chinese IME
    EXPECT_DOUBLE_EQ(degrees("\xE3\x80\x80"
                             "34.15"),
                     34.15);                             // ideographic space
    EXPECT_DOUBLE_EQ(degrees("38512345.2"), 38512345.2); // metres pass through
}

TEST(CoordinateText, DegreesMinutesSecondsInEveryUsualSpelling) {
    const double expected = 112 + 28 / 60.0 + 30 / 3600.0;
    for (const char* text :
         {"112°28′30″", "112°28'30\"", "112°28'30''", "112度28分30秒", "112:28:30", "112 28 30",
          "112° 28′ 30″", "１１２°２８′３０″", "112º28’30”"}) {
        EXPECT_NEAR(degrees(text), expected, 1e-12) << text;
    }
    EXPECT_NEAR(degrees("34°9′"), 34.15, 1e-12);
    EXPECT_NEAR(degrees("34°09.5′"), 34 + 9.5 / 60, 1e-12);
    EXPECT_NEAR(degrees("34°9′1.8″"), 34 + 9 / 60.0 + 1.8 / 3600, 1e-12);
    EXPECT_NEAR(degrees("112°"), 112, 1e-12);
}

TEST(CoordinateText, HemispheresGiveTheSignAndTheAxis) {
    const auto east = parse_coordinate("东经112°28′30″");
    ASSERT_TRUE(east);
    EXPECT_EQ(east->axis, Axis::longitude);
    EXPECT_GT(east->degrees, 0);
    const auto north = parse_coordinate("34°09′00″N");
    ASSERT_TRUE(north);
    EXPECT_EQ(north->axis, Axis::latitude);
    EXPECT_NEAR(north->degrees, 34.15, 1e-12);
    EXPECT_NEAR(degrees("S 33.9"), -33.9, 1e-12);
    EXPECT_NEAR(degrees("西经70°30′"), -70.5, 1e-12);
    EXPECT_NEAR(degrees("E112.5"), 112.5, 1e-12);
    EXPECT_EQ(parse_coordinate("112.5")->axis, Axis::unknown);
}

TEST(CoordinateText, MinutesOrSecondsPast59SayWhy) {
    std::string why;
    EXPECT_FALSE(parse_coordinate("112°61′", &why));
    EXPECT_EQ(why, "分和秒应在 0 到 59 之间");
    xj::set_language(xj::Language::en);
    EXPECT_FALSE(parse_coordinate("112°61′", &why));
    EXPECT_EQ(why, "minutes and seconds run from 0 to 59");
    xj::set_language(xj::Language::zh);
    why.clear();
    EXPECT_FALSE(parse_coordinate("abc", &why));
    EXPECT_TRUE(why.empty());
}

TEST(CoordinateText, WhatIsNotAnAngleIsRefused) {
    for (const char* text :
         {"", " ", "abc", "112°61′", "34°9′60″", "112.5°30′", "30′112°", "112°28′30″15", "-E112",
          "N34S", "112,5", "inf", "nan", "1.2.3", "112°°", "十二"}) {
        EXPECT_FALSE(parse_coordinate(text)) << text;
    }
}
