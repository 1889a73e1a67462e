#include "commands.h"
#include "i18n.h"
#include "xiangjian/demo/ruyang_demo.h"

#include <iostream>

namespace xj::cli {

int run_demo(const std::string& out_path, bool overwrite) {
    check_new_project_path(out_path);
    demo::build_ruyang_demo(out_path, overwrite);
    std::cout << tr("已生成示范县（汝阳县）项目库：", "built the demo county (Ruyang): ")
              << out_path << "\n\n";
    return run_info(out_path);
}

} // namespace xj::cli
