// Engine settings as stored in the project, and the engine's vocabularies.

#include "xiangjian/core/engine_settings.h"
#include "xiangjian/core/engine_vocabulary.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"

#include <gtest/gtest.h>
#include <map>
#include <set>

using namespace xj::core;

namespace {

EngineSettings read(const std::map<std::string, std::string>& stored) {
    return from_settings([&](const std::string& key) {
        const auto found = stored.find(key);
        return found == stored.end() ? std::string{} : found->second;
    });
}

std::string error_of(const std::map<std::string, std::string>& stored) {
    xj::set_language(xj::Language::en); // the messages below are matched in English
    try {
        read(stored);
    } catch (const xj::Error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(ProgressSettings, DefaultsAndRoundTrip) {
    const EngineSettings defaults;
    EXPECT_EQ(read({}), defaults);
    const auto stored = to_settings(defaults);
    const std::map<std::string, std::string> as_map(stored.begin(), stored.end());
    EXPECT_EQ(as_map.at("engine.stall_days"), "60");
    EXPECT_EQ(as_map.at("engine.behind_points"), "5");
    EXPECT_EQ(as_map.at("engine.behind_spi"), "0.9");
    EXPECT_EQ(as_map.at("engine.late_grace_days"), "0");
    EXPECT_EQ(as_map.at("engine.forecast_window_days"), "56");
    EXPECT_EQ(as_map.at("engine.due_soon_days"), "14");

    EngineSettings custom;
    custom.stall_days = 45;
    custom.behind_spi = 0.85;
    custom.behind_points = 7.5;
    const auto again = to_settings(custom);
    EXPECT_EQ(read({again.begin(), again.end()}), custom);
    EXPECT_EQ(read({{"engine.stall_days", " 30 "}}).stall_days, 30);
}

TEST(ProgressSettings, InvalidValuesNameTheKey) {
    EXPECT_EQ(error_of({{"engine.stall_days", "sixty"}}),
              "setting engine.stall_days = 'sixty': not a whole number");
    EXPECT_EQ(error_of({{"engine.stall_days", "6.5"}}),
              "setting engine.stall_days = '6.5': not a whole number");
    EXPECT_EQ(error_of({{"engine.behind_spi", "0,9"}}),
              "setting engine.behind_spi = '0,9': not a number");
    EXPECT_EQ(error_of({{"engine.late_grace_days", "-1"}}),
              "setting engine.late_grace_days = '-1': must not be negative");
    EXPECT_EQ(error_of({{"engine.forecast_window_days", "0"}}),
              "setting engine.forecast_window_days = '0': must be at least 1 day");
    EXPECT_NE(error_of({{"engine.behind_points", "-2"}}), "");
    EngineSettings bad;
    bad.due_soon_days = -3;
    EXPECT_THROW(validate(bad), xj::Error);
}

TEST(ProgressSettings, EngineTermsRoundTripThroughTheirCodes) {
    auto check = [](auto sample, std::size_t count) {
        using E = decltype(sample);
        std::set<std::string_view> codes;
        for (const auto& t : terms(E{})) {
            EXPECT_EQ(parse_term<E>(code(t.value)), t.value);
            EXPECT_EQ(parse_term<E>(label_zh(t.value)), t.value);
            EXPECT_FALSE(t.label_en.empty());
            EXPECT_TRUE(codes.insert(t.code).second) << "duplicate code " << t.code;
        }
        EXPECT_EQ(codes.size(), count);
    };
    check(ScheduleStatus{}, 6);
    check(StageFinding{}, 4);
    check(DoubleOverHalf{}, 6);
    check(IndicatorState{}, 3);
    check(RollupBy{}, 7);
    EXPECT_EQ(code(ScheduleStatus::stalled), "stalled");
    EXPECT_EQ(label_zh(ScheduleStatus::behind), "滞后");
    EXPECT_EQ(parse_term<ScheduleStatus>("逾期"), ScheduleStatus::late);
    EXPECT_EQ(parse_term<RollupBy>("township"), RollupBy::township);
}
