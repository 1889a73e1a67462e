#include "xiangjian/render/site_sheet.h"

#include "marker.h"
#include "xiangjian/core/amounts.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/portfolio.h"
#include "xiangjian/core/project_day.h"
#include "xiangjian/render/map_output.h"
#include "xiangjian/render/theme_data.h"

#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <algorithm>
#include <cmath>

namespace xj::render {

namespace {

// Page units are 1/96 inch: A4 is 794 × 1123.
constexpr double page_w = 794, page_h = 1123, margin = 48;

QString q(const std::string& text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}
QString q(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QFont sheet_font(double pixels, bool bold = false) {
    QFont font(q(map_font_family()));
    font.setPixelSize(static_cast<int>(pixels));
    font.setBold(bold);
    // Without shaping, Latin runs such as "RY2018-030" keep the glyphs whose text a PDF
    // reader can copy; shaped, Noto Sans CJK substitutes digits it cannot map back.
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

QString number(double value, int decimals) {
    return QString::number(value, 'f', decimals);
}

/// Draws one page's parts top to bottom, keeping the y of the next free line.
class PageWriter {
public:
    PageWriter(QPainter& painter, bool english) : m_painter(painter), m_english(english) {}

    QString tr(std::string_view zh, std::string_view en) const { return q(m_english ? en : zh); }
    double y() const { return m_y; }
    void move_to(double y) { m_y = y; }

    void text(const QString& line, double pixels, bool bold = false, QColor colour = Qt::black,
              double x = margin, double width = page_w - 2 * margin) {
        const QFont font = sheet_font(pixels, bold);
        const QFontMetricsF metrics(font, m_painter.device());
        m_painter.setFont(font);
        m_painter.setPen(colour);
        m_painter.drawText(QPointF(x, m_y + metrics.ascent()),
                           metrics.elidedText(line, Qt::ElideRight, width));
        m_y += metrics.height() + 2;
    }

    void heading(const QString& title) {
        m_y += 8;
        text(title, 15, true, QColor(20, 20, 20));
        m_painter.setPen(QPen(QColor(60, 60, 60), 1.0));
        m_painter.drawLine(QPointF(margin, m_y), QPointF(page_w - margin, m_y));
        m_y += 4;
    }

    /// A table whose columns share the width in the given proportions; rows that do not fit
    /// above `bottom` are counted in a last line.
    void table(const std::vector<QString>& headers, const std::vector<double>& shares,
               const std::vector<std::vector<QString>>& rows, double bottom,
               const std::vector<QColor>& row_colours = {}) {
        const QFont head_font = sheet_font(12, true);
        const QFont body_font = sheet_font(12);
        const QFontMetricsF metrics(body_font, m_painter.device());
        const double row_h = metrics.height() + 6;
        const double width = page_w - 2 * margin;
        double total = 0;
        for (const double share : shares) {
            total += share;
        }
        const auto draw_row = [&](const std::vector<QString>& cells, const QFont& font,
                                  QColor colour, bool shaded) {
            if (shaded) {
                m_painter.fillRect(QRectF(margin, m_y, width, row_h), QColor(236, 236, 236));
            }
            m_painter.setFont(font);
            m_painter.setPen(colour);
            double x = margin;
            for (std::size_t c = 0; c < cells.size() && c < shares.size(); ++c) {
                const double w = width * shares[c] / total;
                m_painter.drawText(QPointF(x + 4, m_y + 3 + metrics.ascent()),
                                   metrics.elidedText(cells[c], Qt::ElideRight, w - 8));
                x += w;
            }
            m_y += row_h;
            m_painter.setPen(QPen(QColor(190, 190, 190), 0.6));
            m_painter.drawLine(QPointF(margin, m_y), QPointF(margin + width, m_y));
        };
        draw_row(headers, head_font, QColor(20, 20, 20), true);
        if (rows.empty()) {
            draw_row({tr("（无）", "(none)")}, body_font, QColor(110, 110, 110), false);
            return;
        }
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (m_y + 2 * row_h > bottom && r + 1 < rows.size()) {
                draw_row({tr("…… 另有 ", "… and ") + QString::number(rows.size() - r) +
                          tr(" 条", " more")},
                         body_font, QColor(110, 110, 110), false);
                return;
            }
            draw_row(rows[r], body_font,
                     r < row_colours.size() ? row_colours[r] : QColor(20, 20, 20), false);
        }
    }

    QPainter& painter() { return m_painter; }

private:
    QPainter& m_painter;
    bool m_english;
    double m_y = margin;
};

QString date_text(const std::optional<core::Date>& day) {
    return day ? q(day->iso()) : QStringLiteral("—");
}

/// One project's page of the site sheets, drawn part by part down the page.
class ProjectPage {
public:
    ProjectPage(PageWriter& writer, MapRenderer& map_renderer, const core::Portfolio& engine,
                const core::ProjectStatus& project_status, const ThemeData& symbols,
                const SheetRequest& sheet)
        : page(writer), painter(writer.painter()), renderer(map_renderer), portfolio(engine),
          status(project_status), project(*project_status.project), theme(symbols), request(sheet),
          day(sheet.day) {}

    void draw(int number_of_page, int pages) {
        draw_header(number_of_page, pages);
        // The status block on the left, the map on the right.
        const double top = page.y() + 8;
        const QRectF map_box(page_w - margin - 380, top, 380, 285);
        page.move_to(top);
        draw_status(map_box.left() - margin - 16);
        draw_map(map_box);
        page.move_to(std::max(page.y(), map_box.bottom()) + 6);
        draw_milestones();
        draw_reports();
        draw_problems();
        draw_notes();
    }

private:
    template <typename E> QString label(E value) const {
        const auto& term = core::term(value);
        return page.tr(term.label_zh, term.label_en);
    }

    /// What the sheet is, for whom, which day, which page; the project's name and kind.
    void draw_header(int number_of_page, int pages) {
        page.text(page.tr("项目日现场记录单", "Project-day site sheet") + "  ·  " +
                      q(request.county),
                  12, false, QColor(90, 90, 90));
        page.move_to(margin);
        const QString right = page.tr("分包领导：", "Leader: ") + q(request.leader) + "   " +
                              q(day.iso()) + "   " + QString::number(number_of_page) + " / " +
                              QString::number(pages);
        const QFontMetricsF small(sheet_font(12), painter.device());
        page.text(right, 12, false, QColor(90, 90, 90),
                  page_w - margin - small.horizontalAdvance(right) - 2);
        page.move_to(page.y() + 6);
        page.text(q(project.name), 22, true);
        page.text(q(project.id) + "  ·  " + label(project.type) + "  ·  " + label(project.stage) +
                      "  ·  " + q(project.responsible_unit),
                  13, false, QColor(60, 60, 60));
    }

    /// The project's status, figures and dates, in a column `left_w` wide.
    void draw_status(double left_w) {
        const QColor status_colour = detail::qt_colour(render::status_colour(status.status));
        painter.setPen(Qt::NoPen);
        painter.setBrush(status_colour);
        painter.drawRoundedRect(QRectF(margin, page.y(), 120, 30), 5, 5);
        painter.setPen(Qt::white);
        painter.setFont(sheet_font(16, true));
        painter.drawText(QRectF(margin, page.y(), 120, 30), Qt::AlignCenter, label(status.status));
        page.move_to(page.y() + 38);
        const auto line = [&](std::string_view zh, std::string_view en, const QString& value) {
            page.text(page.tr(zh, en) + value, 13, false, QColor(25, 25, 25), margin, left_w);
        };
        line("完成：", "Done: ",
             number(status.percent_done, 1) + "%" +
                 (status.done_quantity && !project.unit.empty()
                      ? "（" + q(core::quantity_text(*status.done_quantity, project.unit)) + "）"
                      : QString()));
        line("计划：", "Planned: ",
             status.planned_percent ? number(*status.planned_percent, 1) + "%"
                                    : QStringLiteral("—"));
        line("偏差：", "Variance: ",
             status.schedule_variance
                 ? number(*status.schedule_variance, 1) + page.tr(" 个百分点", " points")
                 : QStringLiteral("—"));
        line("计划工期：", "Planned: ",
             date_text(project.planned_start) + " → " + date_text(project.planned_finish));
        line("预计完工：", "Forecast finish: ", date_text(status.forecast_finish));
        line("最近填报：", "Last report: ",
             date_text(status.last_report_date) +
                 (status.days_since_report
                      ? page.tr("（", " (") + QString::number(*status.days_since_report) +
                            page.tr(" 天前）", " days ago)")
                      : QString()));
        line("最近督导：", "Last visit: ", date_text(status.last_visit_date));
        line("投资：", "Budget: ",
             status.budget_wan
                 ? q(core::wan_text(*status.budget_wan)) + page.tr("，已拨付 ", ", paid ") +
                       q(core::wan_text(status.disbursed_wan))
                 : QStringLiteral("—"));
        line("问题：", "Problems: ",
             page.tr("未结 ", "open ") + QString::number(status.open_problems) +
                 page.tr("，逾期 ", ", overdue ") + QString::number(status.overdue_problems));
        if (status.stage_finding != core::StageFinding::consistent) {
            page.text(page.tr("核查：", "Check: ") + label(status.stage_finding), 13, true,
                      QColor(213, 94, 0), margin, left_w);
        }
    }

    /// The site in its villages, coloured by status, the project marked.
    void draw_map(const QRectF& map_box) {
        const MapView view = site_map_view(renderer, project.id, static_cast<int>(map_box.width()),
                                           static_cast<int>(map_box.height()));
        if (!view.box.empty()) {
            RenderOptions options;
            options.layers = all_layers & ~static_cast<unsigned>(MapLayer::basemap);
            options.legend = false;
            options.scale = 0.8;
            options.english = request.english;
            options.highlight_project = project.id;
            painter.save();
            painter.translate(map_box.topLeft());
            renderer.render(painter, view, theme, options);
            painter.restore();
        } else {
            painter.setPen(QColor(120, 120, 120));
            painter.setFont(sheet_font(13));
            painter.drawText(map_box, Qt::AlignCenter, page.tr("（项目无位置）", "(no site)"));
        }
        painter.setPen(QPen(QColor(80, 80, 80), 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(map_box);
    }

    void draw_milestones() {
        page.heading(page.tr("节点计划", "Milestones"));
        std::vector<std::vector<QString>> rows;
        std::vector<QColor> colours;
        const int due_soon = portfolio.settings().due_soon_days;
        for (const core::Milestone& m : portfolio.milestones(status.index)) {
            QString state;
            QColor colour(20, 20, 20);
            const auto reached_on = portfolio.reached_on(m); // a start may be inferred
            if (reached_on && *reached_on <= day) {
                state = page.tr("已完成", "reached");
                colour = QColor(0, 114, 178);
            } else if (m.planned_date < day) {
                state = page.tr("逾期 ", "overdue ") +
                        QString::number(days_between(m.planned_date, day)) +
                        page.tr(" 天", " days");
                colour = QColor(213, 94, 0);
            } else if (days_between(day, m.planned_date) <= due_soon) {
                state = QString::number(days_between(day, m.planned_date)) +
                        page.tr(" 天内到期", " days left");
                colour = QColor(180, 120, 0);
            } else {
                state = page.tr("未到期", "not due");
            }
            rows.push_back(
                {QString::number(m.seq), q(m.name), q(m.planned_date.iso()),
                 reached_on && *reached_on <= day
                     ? q(reached_on->iso()) +
                           (m.actual_date ? QString() : page.tr("（推定）", " (inferred)"))
                     : QStringLiteral("—"),
                 number(m.weight, 2), state});
            colours.push_back(colour);
        }
        page.table({page.tr("序号", "#"), page.tr("节点", "milestone"),
                    page.tr("计划日期", "planned"), page.tr("实际日期", "reached"),
                    page.tr("权重", "weight"), page.tr("状态", "state")},
                   {0.6, 3.4, 1.4, 1.4, 0.8, 1.6}, rows, page_h - 420, colours);
    }

    /// The last reports, newest first.
    void draw_reports() {
        page.heading(page.tr("最近填报", "Last reports"));
        std::vector<std::vector<QString>> rows;
        const auto reports = portfolio.reports(status.index);
        for (auto it = reports.rbegin(); it != reports.rend() && rows.size() < 4; ++it) {
            if (it->report_date > day) {
                continue;
            }
            rows.push_back({q(it->report_date.iso()),
                            it->cumulative_quantity
                                ? q(core::quantity_text(*it->cumulative_quantity, project.unit))
                                : QStringLiteral("—"),
                            it->percent ? number(*it->percent, 1) + "%" : QStringLiteral("—"),
                            q(it->reported_by), q(it->note)});
        }
        page.table({page.tr("日期", "date"), page.tr("累计完成量", "quantity"),
                    page.tr("完成%", "percent"), page.tr("填报人", "by"), page.tr("备注", "note")},
                   {1.3, 1.5, 1.0, 1.2, 4.0}, rows, page_h - 300);
    }

    /// Open problems with owners and deadlines.
    void draw_problems() {
        page.heading(page.tr("未销号问题", "Open problems"));
        std::vector<std::vector<QString>> rows;
        std::vector<QColor> colours;
        for (const core::Problem& problem : portfolio.problems(status.index)) {
            if (!problem.open_on(day)) {
                continue;
            }
            const bool overdue = problem.deadline && *problem.deadline < day;
            rows.push_back({q(problem.id), q(problem.description), q(problem.owner),
                            date_text(problem.deadline),
                            overdue ? page.tr("逾期", "overdue") : QString()});
            colours.push_back(overdue ? QColor(213, 94, 0) : QColor(20, 20, 20));
        }
        page.table({page.tr("编号", "id"), page.tr("问题", "problem"), page.tr("责任人", "owner"),
                    page.tr("整改期限", "deadline"), QString()},
                   {1.3, 4.2, 1.6, 1.3, 0.7}, rows, page_h - 190, colours);
    }

    /// Lines to write on, down to the signature.
    void draw_notes() {
        page.heading(page.tr("现场记录", "Notes on site"));
        const double signature_y = page_h - margin - 24;
        painter.setPen(QPen(QColor(170, 170, 170), 0.7));
        for (double y = page.y() + 26; y < signature_y - 12; y += 26) {
            painter.drawLine(QPointF(margin, y), QPointF(page_w - margin, y));
        }
        page.move_to(signature_y);
        page.text(page.tr("检查人签字：________________    日期：____________",
                          "Checked by: ________________    Date: ____________"),
                  13, false, QColor(40, 40, 40));
    }

    PageWriter& page;
    QPainter& painter;
    MapRenderer& renderer;
    const core::Portfolio& portfolio;
    const core::ProjectStatus& status;
    const core::Project& project;
    const ThemeData& theme;
    const SheetRequest& request;
    const core::Date day;
};

} // namespace

MapView site_map_view(const MapRenderer& renderer, const std::string& project_id, int width,
                      int height) {
    const render::Box extent = renderer.project_extent(project_id);
    if (extent.empty()) {
        return MapView{};
    }
    // The villages around show; the site keeps clear of the frame by a tenth of its size, and
    // by 24 units (a marker and its halo) whatever its size.
    const render::Box around = surroundings(extent, 3600.0, 1.2);
    const double edge = 24.0 / std::max(1, std::min(width, height));
    return MapView::fit(around, width, height, edge);
}

int write_site_sheets(const std::string& path, MapRenderer& renderer,
                      const core::Portfolio& portfolio, const core::Evaluation& evaluation,
                      const SheetRequest& request) {
    if (map_format(path) != MapFormat::pdf) {
        throw Error(path + text("：现场记录单只输出为 PDF（.pdf）",
                                ": site sheets are written as PDF (.pdf)"));
    }
    const ThemeData theme = theme_data(portfolio, evaluation, Theme::status);
    const int pages = static_cast<int>(request.projects.size());
    write_atomically(path, [&](const std::string& temporary) {
        QPdfWriter pdf(QString::fromStdString(temporary));
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setCreator(QStringLiteral("Xiangjian"));
        pdf.setTitle(q((request.english ? "Site sheets " : "项目日现场记录单 ") + request.leader +
                       " " + request.day.iso()));
        QPainter painter;
        if (!painter.begin(&pdf)) {
            return false;
        }
        painter.setRenderHint(QPainter::Antialiasing);
        PageWriter page(painter, request.english);
        for (int i = 0; i < pages; ++i) {
            if (i > 0) {
                pdf.newPage();
            }
            page.move_to(margin);
            ProjectPage(page, renderer, portfolio, *request.projects[static_cast<std::size_t>(i)],
                        theme, request)
                .draw(i + 1, pages);
        }
        return painter.end();
    });
    return pages;
}

} // namespace xj::render
