// The number formatters: what printf writes in the C locale, whatever the process's locale (Qt
// sets the user's at start, and a German or French one has a decimal comma).

#include "numeric_locale.h"
#include "xiangjian/core/text.h"

#include <cstdio>
#include <gtest/gtest.h>
#include <random>
#include <string>

using namespace xj;

namespace {

std::string printed(const char* format, int precision, double value) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, format, precision, value);
    return buffer;
}

} // namespace

TEST(NumberText, WritesWhatPrintfWritesInTheCLocale) {
    const test::NumericLocale c("C");
    std::mt19937 random(410326);
    std::uniform_real_distribution<double> mantissa(-10, 10);
    std::uniform_int_distribution<int> exponent(-8, 12);
    std::vector<double> values{0.0, -0.0, 0.5, 2.5, 1234.5, 0.9, 1e7, 1e-5, 123456789.0, 1.0 / 3};
    for (int i = 0; i < 2000; ++i) {
        values.push_back(mantissa(random) * std::pow(10.0, exponent(random)));
    }
    for (const double value : values) {
        for (const int precision : {0, 1, 2, 3, 6, 10, 17}) {
            EXPECT_EQ(core::fixed(value, precision), printed("%.*f", precision, value)) << value;
            EXPECT_EQ(core::general(value, precision), printed("%.*g", precision, value))
                << value << " " << precision;
        }
        const std::string text = core::shortest(value);
        EXPECT_EQ(std::strtod(text.c_str(), nullptr), value) << text;
        EXPECT_LE(text.size(), printed("%.*g", 17, value).size()) << text;
    }
    EXPECT_EQ(core::shortest(0.9), "0.9");
    EXPECT_EQ(core::general(1e7), "1e+07");
    EXPECT_EQ(core::general(1.0 / 3, 10), "0.3333333333");
}

TEST(NumberText, IsWrittenWithADotInALocaleOfDecimalCommas) {
    const test::NumericLocale german(test::decimal_comma_locale);
    if (!german.set()) {
        GTEST_SKIP() << "no de_DE.UTF-8 locale here (scripts/install-deps.sh makes it)";
    }
    ASSERT_EQ(printed("%.*f", 1, 2.5), "2,5") << "the locale is in force";
    EXPECT_EQ(core::fixed(2.456, 1), "2.5");
    EXPECT_EQ(core::general(2.5), "2.5");
    EXPECT_EQ(core::general(0.1234567891234, 10), "0.1234567891");
    EXPECT_EQ(core::shortest(0.9), "0.9");
}
