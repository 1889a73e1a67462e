#include "xiangjian/core/date.h"
#include "xiangjian/core/error.h"

#include <gtest/gtest.h>

using xj::core::Date;

TEST(Date, ParsesIsoAndPrintsItBack) {
    const auto date = Date::parse_iso("2018-08-03");
    ASSERT_TRUE(date);
    EXPECT_EQ(date->year(), 2018);
    EXPECT_EQ(date->month(), 8u);
    EXPECT_EQ(date->day(), 3u);
    EXPECT_EQ(date->iso(), "2018-08-03");
}

TEST(Date, RejectsMalformedAndImpossibleDays) {
    for (const char* text : {"2018-8-3", "2018/08/03", "2018-02-29", "2018-13-01", "2018-00-10",
                             "2018-04-31", "18-08-03", "", "2018-08-03x", "abcd-ef-gh"}) {
        EXPECT_FALSE(Date::parse_iso(text)) << text;
    }
    EXPECT_THROW(Date(2018, 2, 29), xj::Error);
}

TEST(Date, KnowsLeapDays) {
    EXPECT_TRUE(Date::parse_iso("2016-02-29"));
    EXPECT_TRUE(Date::parse_iso("2000-02-29"));
    EXPECT_FALSE(Date::parse_iso("1900-02-29"));
    EXPECT_EQ(days_between(Date(2016, 2, 28), Date(2016, 3, 1)), 2);
    EXPECT_EQ(days_between(Date(2018, 2, 28), Date(2018, 3, 1)), 1);
}

TEST(Date, CountsDaysAcrossYearsAndOrders) {
    EXPECT_EQ(days_between(Date(2017, 12, 31), Date(2018, 1, 1)), 1);
    EXPECT_EQ(days_between(Date(2018, 1, 1), Date(2019, 1, 1)), 365);
    EXPECT_EQ(Date(1970, 1, 1).days_since_epoch(), 0);
    EXPECT_EQ(Date(2018, 8, 31).plus_days(1), Date(2018, 9, 1));
    EXPECT_LT(Date(2018, 8, 30), Date(2018, 8, 31));
    EXPECT_EQ(Date::from_days(Date(2018, 8, 31).days_since_epoch()).iso(), "2018-08-31");
}

TEST(Date, ReadsDatesAsCountyTablesWriteThem) {
    const Date expected(2018, 8, 3);
    for (const char* text :
         {"2018-08-03", "2018/8/3", "2018/08/03", "2018.8.3", "2018年8月3日", "2018年08月03日",
          "20180803", "2018/08/03 00:00:00", " 2018-8-3", "2018年8月3号", "２０１８年８月３日",
          "２０１８－０８－０３", "2018-08-03T09:30:00",
          "\xE3\x80\x80"
          "2018/8/3"}) {
        EXPECT_EQ(Date::parse_loose(text), expected) << text;
    }
    for (const char* text : {"2018/2/30", "8/3/2018", "2018年8月", "2018-08", "18.8.3", "明天",
                             "2018-08-03-01", "", "2018//3"}) {
        EXPECT_FALSE(Date::parse_loose(text)) << text;
    }
    EXPECT_EQ(Date::parse_loose("2016年2月29日"), Date(2016, 2, 29));
}
