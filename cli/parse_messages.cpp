#include "parse_messages.h"

#include "i18n.h"

#include <regex>
#include <vector>

namespace xj::cli {

namespace {

struct Form {
    std::regex pattern;
    const char* zh; ///< $1, $2 … are what the pattern caught
};

/// The forms of CLI11 2.1's messages (CLI/Error.hpp, CLI/Validators.hpp) users meet.
const std::vector<Form>& forms() {
    static const std::vector<Form> all = [] {
        std::vector<Form> list;
        const auto add = [&](const char* pattern, const char* zh) {
            list.push_back({std::regex(pattern), zh});
        };
        add("^A subcommand is required$", "需要一个子命令（见 --help）");
        add("^(.+) is required$", "缺少 $1");
        add("^The following arguments? (?:were|was) not expected: (.*)$", "多余的参数：$1");
        add("^(.+): (.+) not in \\{(.*)\\}$", "$1：“$2” 不是可选值（可选：$3）");
        add("^(.+): (.+) not in (.*)$", "$1：“$2” 不是可选值（可选：$3）");
        add("^Could not convert: (.+) = (.*)$", "$1：无法识别的值 “$2”");
        add("^The value (.+) is not an allowed value for (.+)$", "$2：“$1” 不是可选值");
        add("^(.+): ([0-9]+) required (.+) missing$", "$1：缺少 $2 个取值");
        add("^Expected exactly ([0-9]+) arguments to (.+), got ([0-9]+)$",
            "$2 需要 $1 个参数，得到 $3 个");
        add("^(.+) requires (.+)$", "$1 需要同时给出 $2");
        add("^(.+) excludes (.+)$", "$1 不能与 $2 同时使用");
        add("^(.+): too many inputs for a flag$", "$1 是开关，不带取值");
        add("^(.+): Should be true/false or a number$", "$1 应为 true/false 或数字");
        return list;
    }();
    return all;
}

} // namespace

std::string parse_error_message(const CLI::Error& error) {
    const std::string english = error.what();
    if (language() != Language::zh) {
        return english;
    }
    for (const Form& form : forms()) {
        if (std::regex_match(english, form.pattern)) {
            return std::regex_replace(english, form.pattern, form.zh);
        }
    }
    return english;
}

void speak_our_language(CLI::App& app) {
    if (language() == Language::zh) {
        // The value placeholders (TEXT, INT) stay: CLI11 pads the option column by bytes, and
        // a Chinese placeholder would push every description out of line.
        const auto formatter = app.get_formatter();
        for (const auto& [key, label] : std::vector<std::pair<const char*, const char*>>{
                 {"Usage", "用法"},
                 {"OPTIONS", "选项"},
                 {"SUBCOMMAND", "子命令"},
                 {"SUBCOMMANDS", "子命令"},
                 {"Positionals", "位置参数"},
                 {"REQUIRED", "必填"},
                 {"Env", "环境变量"},
                 {"Needs", "需要"},
                 {"Excludes", "不可同用"},
             }) {
            formatter->label(key, label);
        }
        app.option_defaults()->group("选项");
    }
    app.failure_message([](const CLI::App* command, const CLI::Error& error) {
        std::string message = parse_error_message(error) + "\n";
        if (command->get_help_ptr() != nullptr) {
            message += text("用 ", "Run with ") + command->get_help_ptr()->get_name() +
                       text(" 查看用法。\n", " for more information.\n");
        }
        return message;
    });
}

} // namespace xj::cli
