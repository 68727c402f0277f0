//! Tổng hợp: the page the director signs. The administrative heading, one line a
//! sub-committee against its targets, the totals, participation, what was read, two
//! charts, and the signature block.

use rust_xlsxwriter::{
    Chart, ChartFont, ChartLegendPosition, ChartType, ColNum, ConditionalFormatFormula, Formula,
    RowNum, Worksheet, XlsxError,
};

use super::Ctx;
use super::{
    ListCol, admin_heading, classes_formula, col, counted, figures_header, learners_formula,
    list_range, ratio, signature, sum, widths,
};
use crate::check::Measure;
use crate::labels::{l, sheet as s};
use crate::report::formats::page_setup;

/// Last column (K): STT, name, 4 class figures, 4 learner figures, status.
const LAST: ColNum = 10;
const STATUS_COL: ColNum = 10;

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let c = ctx.c;
    let f = &ctx.f;
    ws.set_name(ctx.t(l::SHEET_SUMMARY))?;
    widths(
        ws,
        &[6.0, 38.0, 9.0, 11.0, 9.0, 10.0, 9.0, 11.0, 9.0, 10.0, 15.0],
    )?;

    let title = format!("{} {}", ctx.t(s::TITLE_SUMMARY), c.plan.year);
    let sub = format!("({} {})", ctx.t(s::AS_OF), ctx.as_of());
    admin_heading(ws, ctx, LAST, &title, &sub)?;

    // What does not add up in the plan itself comes first, so nobody files it unaware.
    let findings = crate::check::plan_check::check(&c.plan);
    let mut h1 = 6;
    if !findings.is_empty() {
        ws.merge_range(h1, 0, h1, LAST, ctx.t(s::PLAN_FINDINGS), &f.warn_bold)?;
        for finding in &findings {
            h1 += 1;
            let line = format!("- {}", finding.message(ctx.lang));
            ws.merge_range(h1, 0, h1, LAST, &line, &f.warn)?;
        }
        h1 += 2;
    }
    // Then the monthly reports still missing, one line, so the director sees who owes one.
    let missing = &c.completeness.missing;
    if !missing.is_empty() {
        use crate::labels::completeness as k;
        // One entry per sub-committee with its months: "Tiểu ban pháp luật (tháng 5, 6)".
        let mut list: Vec<String> = Vec::new();
        for (i, sc) in c.plan.subcommittees.iter().enumerate() {
            let months: Vec<String> = missing
                .iter()
                .filter(|(s, _)| *s == i)
                .map(|(_, m)| m.to_string())
                .collect();
            if !months.is_empty() {
                list.push(format!(
                    "{} ({} {})",
                    sc.name,
                    ctx.t(k::MONTH_WORD),
                    months.join(", ")
                ));
            }
        }
        let line = format!(
            "{} ({}): {}",
            ctx.t(k::MISSING_LIST),
            missing.len(),
            list.join("; ")
        );
        ws.merge_range(h1, 0, h1, LAST, &line, &f.warn_wrap)?;
        // The table is about 137 characters wide; a long list wraps rather than being cut.
        super::fit_height(ws, h1, &[(&line, 137.0)])?;
        h1 += 2;
    }
    // Two header rows: groups, then the figures.
    let h2 = figures_header(ws, ctx, h1, ctx.t(s::SUBCOMMITTEE))?;

    let first = h2 + 1;
    let mut row = first;
    for (i, r) in c.summary.subcommittees.iter().enumerate() {
        ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text_center)?;
        ws.write_string_with_format(row, 1, &r.name, &f.text)?;
        figures(ws, row, 2, &r.classes, ctx)?;
        figures(ws, row, 6, &r.learners, ctx)?;
        // What was done is counted from Danh sách lớp, so a corrected row there shows here.
        let criteria = list_range(ctx, ListCol::SubCommittee)
            .map(|names| format!("{names},$B{}", row + 1))
            .unwrap_or_default();
        let (count, sum) = (
            classes_formula(ctx, &criteria),
            learners_formula(ctx, &criteria),
        );
        counted(ws, row, 4, count, r.classes.actual, &f.int)?;
        counted(ws, row, 8, sum, r.learners.actual, &f.int)?;
        ws.write_string_with_format(row, STATUS_COL, ctx.t(r.status.label()), &f.text_center)?;
        row += 1;
    }
    let last = row - 1;
    let total = row;
    ws.merge_range(total, 0, total, 1, ctx.t(s::TOTAL), &f.total_text)?;
    let s_ = &c.summary;
    for (col_, m) in [(2, &s_.classes), (6, &s_.learners)] {
        sum(ws, total, col_, first, last, m.target, &f.total_int)?;
        sum(ws, total, col_ + 1, first, last, m.expected, &f.total_int)?;
        sum(ws, total, col_ + 2, first, last, m.actual, &f.total_int)?;
        ratio(
            ws,
            total,
            col_ + 3,
            (col_ + 2, m.actual),
            (col_, m.target),
            &f.total_pct,
        )?;
    }
    ws.write_blank(total, STATUS_COL, &f.total_text)?;
    highlight_short(ws, ctx, first, last)?;
    ws.set_freeze_panes(first, 2)?;

    // Participation: learner attendances against the population aged 15 and over.
    let mut r = total + 2;
    let p = &s_.participation;
    ws.merge_range(r, 0, r, LAST, ctx.t(s::PARTICIPATION), &f.unit)?;
    r += 1;
    let learners_row = r;
    ws.write_string_with_format(r, 1, ctx.t(s::PARTICIPATION_LEARNERS), &f.label)?;
    ws.write_number_with_format(r, 2, p.learners as f64, &f.plain_int)?;
    r += 1;
    ws.write_string_with_format(r, 1, ctx.t(s::PARTICIPATION_POPULATION), &f.label)?;
    ws.write_number_with_format(r, 2, f64::from(p.population_15_plus), &f.plain_int)?;
    r += 1;
    ws.write_string_with_format(r, 1, ctx.t(s::PARTICIPATION_RATE), &f.label)?;
    let formula = Formula::new(format!(
        "=IF(C{0}>0,C{1}/C{0},0)",
        learners_row + 2,
        learners_row + 1
    ))
    .set_result(p.rate.to_string());
    ws.write_formula_with_format(r, 2, formula, &f.plain_pct)?;
    r += 1;
    ws.write_string_with_format(r, 1, ctx.t(s::PARTICIPATION_TARGET), &f.label)?;
    ws.write_number_with_format(r, 2, p.target_rate, &f.plain_pct)?;
    r += 1;
    let t = c.totals();
    let read = format!(
        "{}: {} {}; {} {}, {} {}{}, {} {}, {} {}.",
        ctx.t(s::READ_SUMMARY),
        c.files.len(),
        ctx.t(s::FILE).to_lowercase(),
        t.read,
        ctx.t(s::ROWS_READ).to_lowercase(),
        t.accepted,
        ctx.t(s::ROWS_ACCEPTED).to_lowercase(),
        crate::labels::later_rows(c.later.len(), ctx.lang),
        t.rejected,
        ctx.t(s::ROWS_REJECTED).to_lowercase(),
        t.duplicate,
        ctx.t(s::ROWS_DUPLICATE).to_lowercase(),
    );
    ws.write_string_with_format(r, 1, &read, &f.label)?;
    // The month of the as-of date: its new classes beside the running total.
    r += 1;
    let m = {
        use chrono::Datelike;
        c.summary.as_of.date.month0() as usize
    };
    let (month_classes, month_learners) = c
        .summary
        .months
        .iter()
        .filter_map(|row| row.get(m))
        .fold((0u64, 0u64), |(a, b), cell| {
            (a + cell.classes, b + cell.learners)
        });
    let month_line = format!(
        "{} {}: {month_classes} {}, {month_learners} {}; {}: {} {}, {} {}.",
        ctx.t(s::THIS_MONTH),
        m + 1,
        ctx.t(s::NEW_CLASSES),
        ctx.t(crate::labels::appendix::LEARNERS_WORD),
        ctx.t(s::CUMULATIVE),
        s_.classes.actual,
        ctx.t(crate::labels::appendix::CLASSES_WORD),
        s_.learners.actual,
        ctx.t(crate::labels::appendix::LEARNERS_WORD),
    );
    ws.write_string_with_format(r, 1, &month_line, &f.label)?;

    // Charts below, side by side, each over about half the table's width.
    let chart_row = r + 1;
    let sheet = ctx.t(l::SHEET_SUMMARY);
    for (i, (target_col, done_col, title)) in [(2, 4, s::CHART_CLASSES), (6, 8, s::CHART_LEARNERS)]
        .into_iter()
        .enumerate()
    {
        let mut chart = Chart::new(ChartType::Column);
        chart
            .title()
            .set_name(ctx.t(title))
            .set_font(ChartFont::new().set_size(11).set_bold());
        chart.legend().set_position(ChartLegendPosition::Bottom);
        for (name, column) in [(ctx.t(s::TARGET), target_col), (ctx.t(s::DONE), done_col)] {
            chart
                .add_series()
                .set_name(name)
                .set_categories((sheet, first, 1, last, 1))
                .set_values((sheet, first, column, last, column));
        }
        chart.set_width(460).set_height(220);
        let at: ColNum = if i == 0 { 1 } else { 5 };
        ws.insert_chart(chart_row, at, &chart)?;
    }

    // Signature block under the charts (220 px is about 11 rows of 20 px).
    let sign = chart_row + 12;
    signature(ws, ctx, sign, LAST)?;
    ws.set_print_area(0, 0, sign + 6, LAST)?;
    page_setup(ws, (h1, h2), &ctx.page_header, ctx.t(s::PAGE))?;
    // The page the director signs is one page, whatever notes head it.
    ws.set_print_fit_to_pages(1, 1);
    Ok(())
}

/// Target, due, done, share in four columns from `at`.
fn figures(
    ws: &mut Worksheet,
    row: RowNum,
    at: ColNum,
    m: &Measure,
    ctx: &Ctx,
) -> Result<(), XlsxError> {
    let f = &ctx.f;
    ws.write_number_with_format(row, at, m.target as f64, &f.int)?;
    ws.write_number_with_format(row, at + 1, m.expected as f64, &f.int)?;
    ws.write_number_with_format(row, at + 2, m.actual as f64, &f.int)?;
    ratio(ws, row, at + 3, (at + 2, m.actual), (at, m.target), &f.pct)
}

/// Rows whose status is behind or short turn red, by a rule on the status column, so
/// the flag follows if someone edits the sheet.
pub fn highlight_short(
    ws: &mut Worksheet,
    ctx: &Ctx,
    first: RowNum,
    last: RowNum,
) -> Result<(), XlsxError> {
    if last < first {
        return Ok(());
    }
    let status = format!("${}{}", col(STATUS_COL), first + 1);
    let rule = format!(
        "=OR({status}=\"{}\",{status}=\"{}\")",
        ctx.t(l::STATUS_BEHIND),
        ctx.t(l::STATUS_SHORT)
    );
    let cf = ConditionalFormatFormula::new()
        .set_rule(rule.as_str())
        .set_format(&ctx.f.short);
    ws.add_conditional_format(first, 0, last, LAST, &cf)?;
    Ok(())
}
