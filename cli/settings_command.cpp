// `xiangjian project set-measure`: how a project's percent done is measured, set by hand,
// through the store and into the change log like every hand entry.

#include "commands.h"
#include "engine_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/store/open_project.h"

#include <iostream>

namespace xj::cli {

int run_set_measure(const std::string& project_path, const std::string& project_id,
                    const std::string& measure_text, const std::string& by) {
    const auto measure = core::parse_term<core::Measure>(measure_text);
    if (!measure) {
        throw UsageError(text("计量方式：未知的“", "measure: unknown measure '") + measure_text +
                             text("”（quantity 按工程量、percent 按形象进度、milestones 按节点）",
                                  "' (quantity, percent or milestones)"),
                         "MEASURE");
    }
    const auto store = xj::store::open_project(project_path, xj::store::Access::update);
    const std::string ids[] = {project_id};
    auto found = store->projects(ids);
    if (found.empty()) {
        throw Error(project_path + text("：没有项目“", ": no project '") + project_id +
                    text("”", "'"));
    }
    core::Project project = std::move(found.front());
    if (*measure == core::Measure::quantity &&
        (!project.planned_quantity || *project.planned_quantity <= 0)) {
        throw Error(text("项目“", "project '") + project.id +
                    text("”没有计划工程量，不能按工程量计量（可用 percent 或 milestones）",
                         "' has no planned quantity: it cannot be measured by quantity (use "
                         "percent or milestones)"));
    }
    const core::Measure before = project.measure;
    project.measure = *measure;
    store::Transaction transaction(*store);
    store->upsert_project(project);
    store->log_change(
        {utc_timestamp(), recording_user(by), "project set-measure", project.id,
         std::string{core::code(before)} + " -> " + std::string{core::code(*measure)}});
    transaction.commit();
    std::cout << tr("已设置：项目 ", "set: project ") << project.id
              << tr(" 的计量方式 ", " is measured ") << label(before) << " → " << label(*measure)
              << "\n";
    return 0;
}

} // namespace xj::cli
