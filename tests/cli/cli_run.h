#pragma once

// Runs the xiangjian command as a user does, for the CLI tests: in Chinese unless the arguments
// say --lang en, with its exit code and what it wrote to stdout and stderr.

#include "test_support.h"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

namespace xj::test {

struct CliRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// `xiangjian ARGUMENTS`, its output kept in files of `dir`.
inline CliRun run_cli(const TempDir& dir, const std::string& arguments) {
    const std::string out = dir.file("stdout.txt");
    const std::string err = dir.file("stderr.txt");
    const std::string command = std::string{"env -u XIANGJIAN_LANG "} + XJ_CLI + " " + arguments +
                                " > " + out + " 2> " + err;
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

} // namespace xj::test
