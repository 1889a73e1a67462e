// Every test starts in the product's default language, Chinese, whatever the test before it set.
// Many tests switch to English to match messages; ctest runs each test in a process of its own,
// but a whole test binary run at once (as a developer runs it) went on in English after the
// first of them, and tests matching Chinese messages failed (xj_gis_tests: two OpenProject
// tests). Linked into every GoogleTest binary as an object, so that its registration runs.

#include "xiangjian/core/language.h"

#include <gtest/gtest.h>

namespace {

class DefaultLanguage : public ::testing::EmptyTestEventListener {
    void OnTestStart(const ::testing::TestInfo& /*test*/) override {
        xj::set_language(xj::Language::zh);
    }
};

// GoogleTest owns the listener once appended.
const bool registered = [] {
    ::testing::UnitTest::GetInstance()->listeners().Append(new DefaultLanguage);
    return true;
}();

} // namespace
