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
