// `xiangjian import …`: the importers, with their summary.

#include "commands.h"
#include "i18n.h"
#include "progress_bar.h"
#include "xiangjian/import/photo_import.h"
#include "xiangjian/import/project_import.h"
#include "xiangjian/import/table_import.h"
#include "xiangjian/import/unit_import.h"
#include "xiangjian/store/open_project.h"

#include <iostream>

namespace xj::cli {

void print_import_report(const import::ImportReport& report) {
    std::cout << tr("来源：", "Source: ") << report.source << '\n'
              << tr("编码：", "Encoding: ") << report.encoding << '\n'
              << tr("坐标系：", "CRS: ") << report.source_crs
              << tr(" → EPSG:4490 CGCS2000", " → EPSG:4490 CGCS2000") << '\n';
    for (const auto& note : report.notes) {
        std::cout << tr("提示：", "Note: ") << note << '\n';
    }
    for (const auto& repair : report.repairs) {
        std::cout << tr("已修复：", "Repaired: ") << repair << '\n';
    }
    for (const auto& warning : report.warnings) {
        std::cout << tr("注意：", "Warning: ") << warning << '\n';
    }
    for (const auto& unmatched : report.unmatched) {
        std::cout << tr("未匹配：", "Unmatched: ") << unmatched << '\n';
    }
    std::cout << (report.dry_run ? tr("试运行（未写入）：", "Dry run (nothing written): ")
                                 : tr("导入完成：", "Imported: "))
              << tr("读取 ", "read ") << report.read << tr("，新增 ", ", added ") << report.added
              << tr("，更新 ", ", updated ") << report.updated << tr("，未变 ", ", unchanged ")
              << report.unchanged << tr("，修复 ", ", repaired ") << report.repairs.size()
              << tr("，未匹配 ", ", unmatched ") << report.unmatched.size()
              << tr("，警告 ", ", warnings ") << report.warnings.size() << '\n';
}

int run_import_units(const std::string& project_path, const std::string& file,
                     const import::UnitImportOptions& options) {
    const auto store = xj::store::open_project(project_path, xj::store::Access::update);
    ProgressBar bar(std::string{tr("写入行政区划", "writing units")});
    const auto report =
        import::import_units(*store, file, options,
                             [&](std::size_t done, std::size_t total) { bar.update(done, total); });
    print_import_report(report);
    return 0;
}

int run_import_projects(const std::string& project_path, const std::string& file,
                        const import::ProjectImportOptions& options) {
    const auto store = xj::store::open_project(project_path, xj::store::Access::update);
    ProgressBar bar(std::string{tr("匹配项目点位", "linking sites")});
    const auto report =
        import::import_projects(*store, file, options, [&](std::size_t done, std::size_t total) {
            bar.update(done, total);
        });
    print_import_report(report);
    return 0;
}

int run_import_table(const std::string& project_path, const std::string& file,
                     const import::TableImportOptions& options) {
    const auto store = xj::store::open_project(project_path, xj::store::Access::update);
    print_import_report(import::import_table(*store, file, options));
    return 0;
}

int run_import_photos(const std::string& project_path, const std::string& directory,
                      const import::PhotoImportOptions& options) {
    const auto store = xj::store::open_project(project_path, xj::store::Access::update);
    print_import_report(import::import_photos(*store, directory, options));
    return 0;
}

} // namespace xj::cli
