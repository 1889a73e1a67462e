#include "xiangjian/core/quantity_unit.h"
#include "xiangjian/core/village_indicator.h"
#include "xiangjian/core/vocabulary.h"

#include <gtest/gtest.h>
#include <set>
#include <string>

using namespace xj::core;

TEST(Vocabulary, ParsesCodesAndChineseLabels) {
    EXPECT_EQ(parse_term<ProjectType>("road"), ProjectType::road);
    EXPECT_EQ(parse_term<ProjectType>("道路"), ProjectType::road);
    EXPECT_EQ(parse_term<Stage>("续建"), Stage::continuing);
    EXPECT_EQ(parse_term<Stage>("in_service"), Stage::in_service);
    EXPECT_EQ(parse_term<ProblemCategory>("用地"), ProblemCategory::land);
    EXPECT_FALSE(parse_term<ProjectType>("Road"));
    EXPECT_FALSE(parse_term<Stage>(""));
}

TEST(Vocabulary, EveryTermRoundTripsThroughItsCode) {
    auto check = [](auto sample) {
        using E = decltype(sample);
        std::set<std::string_view> codes;
        for (const auto& t : terms(E{})) {
            EXPECT_EQ(parse_term<E>(code(t.value)), t.value);
            EXPECT_EQ(label_zh(t.value), t.label_zh);
            EXPECT_TRUE(codes.insert(t.code).second) << "duplicate code " << t.code;
        }
    };
    check(AdminLevel{});
    check(ProjectType{});
    check(Stage{});
    check(Measure{});
    check(ProblemCategory{});
}

TEST(Vocabulary, DefaultExitChecklistHasTheTenIndicatorsOfTheBrief) {
    const auto indicators = default_exit_indicators();
    ASSERT_EQ(indicators.size(), 10u);
    std::set<std::string_view> codes;
    for (const auto& indicator : indicators) {
        codes.insert(indicator.code);
        EXPECT_FALSE(indicator.label_zh.empty());
    }
    for (const char* expected : {"road", "water", "power", "culture", "clinic", "broadband",
                                 "radio_tv", "environment", "housing", "office"}) {
        EXPECT_TRUE(codes.count(expected)) << expected;
    }
}

TEST(QuantityUnit, EachDimensionHasOneSpelling) {
    for (const char* km : {"km", "KM", "公里", "千米", " 公里 ", "ｋｍ"}) {
        const auto unit = xj::core::canonical_unit(km);
        ASSERT_TRUE(unit) << km;
        EXPECT_EQ(unit->unit, "km") << km;
        EXPECT_DOUBLE_EQ(unit->factor, 1.0) << km;
    }
    EXPECT_EQ(xj::core::canonical_unit("米")->unit, "km");
    EXPECT_DOUBLE_EQ(xj::core::canonical_unit("米")->factor, 0.001);
    EXPECT_EQ(xj::core::canonical_unit("个")->unit, "处");
    EXPECT_EQ(xj::core::canonical_unit("兆瓦")->unit, "MW");
    EXPECT_DOUBLE_EQ(xj::core::canonical_unit("kW")->factor, 0.001);
    EXPECT_EQ(xj::core::canonical_unit("户")->unit, "户");
    EXPECT_EQ(xj::core::canonical_unit("万方")->unit, "m³");
    EXPECT_FALSE(xj::core::canonical_unit("眼"));
    EXPECT_NE(xj::core::canonical_units_list().find("km, 处, 户, MW"), std::string::npos)
        << xj::core::canonical_units_list();
}
