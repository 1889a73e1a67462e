#include "xiangjian/core/village_indicator.h"

#include <array>

namespace xj::core {

std::span<const IndicatorDefinition> default_exit_indicators() {
    static constexpr std::array indicators{
        IndicatorDefinition{"road", "通硬化路", "paved road access"},
        IndicatorDefinition{"water", "安全饮水", "safe drinking water"},
        IndicatorDefinition{"power", "生产生活用电", "electricity"},
        IndicatorDefinition{"culture", "文化活动室", "cultural centre"},
        IndicatorDefinition{"clinic", "标准化卫生室", "standard clinic"},
        IndicatorDefinition{"broadband", "宽带网络", "broadband"},
        IndicatorDefinition{"radio_tv", "广播电视", "radio and TV"},
        IndicatorDefinition{"environment", "人居环境", "living environment"},
        IndicatorDefinition{"housing", "住房安全", "housing safety"},
        IndicatorDefinition{"office", "村室", "village office"},
    };
    return indicators;
}

} // namespace xj::core
