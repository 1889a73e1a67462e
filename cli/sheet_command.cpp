// `xiangjian sheet`: the project-day site sheets of one leader, as a PDF to print.

#include "commands.h"
#include "engine_support.h"
#include "qt_session.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/leaders.h"
#include "xiangjian/core/project_day.h"
#include "xiangjian/render/map_project.h"
#include "xiangjian/render/site_sheet.h"
#include "xiangjian/render/symbology.h"

#include <iostream>

namespace xj::cli {

int run_sheet(const std::string& project_path, const std::string& leader, const std::string& date,
              const std::string& out) {
    const QtSession qt;
    render::load_map_fonts(); // text a reader can search
    const render::MapProject project = render::MapProject::open(project_path);
    const core::Date day =
        date.empty() ? default_project_day(*project.store) : parse_date_option(date, "--date");
    const std::string who = core::match_leader(project.portfolio->projects(), leader);
    const core::Evaluation evaluation = project.portfolio->evaluate(day);
    const auto mine = leader_projects(*project.portfolio, evaluation, who, project_path);
    render::SheetRequest request;
    request.leader = who;
    request.day = day;
    request.projects = core::attention_order(mine);
    request.county = project.county_name();
    request.english = language() == Language::en;
    render::MapRenderer renderer(project.layers, project.display_crs(""));
    const int pages =
        render::write_site_sheets(out, renderer, *project.portfolio, evaluation, request);
    std::cout << tr("已输出 ", "wrote ") << out << tr("：", ": ") << pages
              << tr(" 页（每个项目一页），项目日 ", " pages (one a project), project day ")
              << day.iso() << '\n';
    return 0;
}

} // namespace xj::cli
