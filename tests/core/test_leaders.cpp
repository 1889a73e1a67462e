// Leaders' names as people type them: without the bracketed title.

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/leaders.h"

#include <gtest/gtest.h>
#include <vector>

using namespace xj::core;

namespace {

std::vector<Project> projects_of(std::initializer_list<const char*> leaders) {
    std::vector<Project> projects;
    for (const char* leader : leaders) {
        Project p;
        p.id = "P" + std::to_string(projects.size() + 1);
        p.leader = leader;
        projects.push_back(p);
    }
    return projects;
}

} // namespace

TEST(Leaders, TheNameIsWhatComesBeforeTheTitle) {
    EXPECT_EQ(leader_name("张卫东（副县长）"), "张卫东");
    EXPECT_EQ(leader_name(" 张卫东 (副县长)"), "张卫东");
    EXPECT_EQ(leader_name("张卫东【副县长】"), "张卫东");
    EXPECT_EQ(leader_name("张卫东"), "张卫东");
}

TEST(Leaders, ATypedNameFindsTheStoredLeader) {
    const auto projects =
        projects_of({"张卫东（副县长）", "李志强（常务副县长）", "张卫东（副县长）"});
    EXPECT_EQ(match_leader(projects, "张卫东"), "张卫东（副县长）");
    EXPECT_EQ(match_leader(projects, "张卫东（副县长）"), "张卫东（副县长）");
    EXPECT_EQ(match_leader(projects, "李志强(常务副县长)"), "李志强（常务副县长）");
    EXPECT_EQ(project_leaders(projects).size(), 2u);
}

TEST(Leaders, AnUnknownOrAmbiguousNameIsAnErrorListingTheLeaders) {
    xj::set_language(xj::Language::zh);
    const auto projects =
        projects_of({"张卫东（副县长）", "张卫东（县委常委）", "李志强（常务副县长）"});
    try {
        match_leader(projects, "王五");
        FAIL() << "unknown";
    } catch (const xj::Error& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("王五"), std::string::npos) << message;
        EXPECT_NE(message.find("李志强（常务副县长）"), std::string::npos) << message;
    }
    try {
        match_leader(projects, "张卫东");
        FAIL() << "ambiguous";
    } catch (const xj::Error& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("张卫东（县委常委）"), std::string::npos) << message;
        EXPECT_EQ(message.find("李志强"), std::string::npos) << message;
    }
    EXPECT_EQ(match_leader(projects, "张卫东（县委常委）"), "张卫东（县委常委）");
}
