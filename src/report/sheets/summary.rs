//! Tổng hợp: the page the director signs. The administrative heading, one line a
//! sub-committee against its targets, the totals, participation, what was read, two
//! charts, and the signature block.

use rust_xlsxwriter::{
    Chart, ChartFont, ChartLegendPosition, ChartType, ColNum, Formula, RowNum, Worksheet, XlsxError,
};

use super::{Ctx, Page};
use super::{
    admin_heading, figures_header, figures_row, figures_totals, highlight_short, name_criterion,
    signature, widths,
};
use crate::labels::{appendix as a, completeness as k, l, sheet as s};

/// Last column (K): STT, name, 4 class figures, 4 learner figures, status.
const LAST: ColNum = 10;
const STATUS_COL: ColNum = 10;

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    ws.set_name(ctx.t(l::SHEET_SUMMARY))?;
    widths(
        ws,
        &[6.0, 38.0, 9.0, 11.0, 9.0, 10.0, 9.0, 11.0, 9.0, 10.0, 15.0],
    )?;
    let title = format!("{} {}", ctx.t(s::TITLE_SUMMARY), ctx.c.plan.year);
    let sub = format!("({} {})", ctx.t(s::AS_OF), ctx.as_of());
    let below_heading = admin_heading(ws, ctx, LAST, &title, &sub)?;
    // What does not add up in the plan itself comes first, so nobody files it unaware;
    // then who still owes a monthly report.
    let h1 = plan_findings(ws, ctx, below_heading)?;
    let h1 = missing_reports(ws, ctx, h1)?;
    // Two header rows: groups, then the figures.
    let h2 = figures_header(ws, ctx, h1, ctx.t(s::SUBCOMMITTEE))?;
    let first = h2 + 1;
    let total = subcommittee_rows(ws, ctx, first)?;
    let last = total - 1;
    let s_ = &ctx.c.summary;
    figures_totals(ws, ctx, total, (first, last), (&s_.classes, &s_.learners))?;
    highlight_short(ws, ctx, first, last)?;
    ws.set_freeze_panes(first, 2)?;
    let below = participation(ws, ctx, total + 2)?;
    ws.write_string_with_format(below, 1, read_line(ctx), &ctx.f.label)?;
    ws.write_string_with_format(below + 1, 1, month_line(ctx), &ctx.f.label)?;
    let chart_row = below + 2;
    let sheet = ctx.t(l::SHEET_SUMMARY);
    charts(
        ws,
        ctx,
        (sheet, first, last),
        chart_row,
        ([1, 5], (460, 220)),
    )?;
    // Signature block under the charts (220 px is about 11 rows of 20 px).
    let sign = chart_row + 12;
    signature(ws, ctx, sign, LAST)?;
    ws.set_print_area(0, 0, sign + 6, LAST)?;
    ctx.page_setup(ws, (h1, h2))?;
    // The page the director signs is one page, whatever notes head it.
    ws.set_print_fit_to_pages(1, 1);
    Ok(())
}

/// The plan's own findings from `row`, if any, under a heading; returns the row where
/// the next block starts.
fn plan_findings(ws: &mut Worksheet, ctx: &Ctx, row: RowNum) -> Result<RowNum, XlsxError> {
    let f = &ctx.f;
    let findings = crate::check::plan_check::check(&ctx.c.plan);
    if findings.is_empty() {
        return Ok(row);
    }
    ws.merge_range(row, 0, row, LAST, ctx.t(s::PLAN_FINDINGS), &f.warn_bold)?;
    let mut row = row;
    for finding in &findings {
        row += 1;
        let line = format!("- {}", finding.message(ctx.lang));
        ws.merge_range(row, 0, row, LAST, &line, &f.warn)?;
    }
    Ok(row + 2)
}

/// The monthly reports still missing, in one line at `row` so the director sees who
/// owes one; returns the row where the next block starts.
fn missing_reports(ws: &mut Worksheet, ctx: &Ctx, row: RowNum) -> Result<RowNum, XlsxError> {
    let missing = &ctx.c.completeness.missing;
    if missing.is_empty() {
        return Ok(row);
    }
    // One entry per sub-committee with its months: "Tiểu ban pháp luật (tháng 5–11)".
    let list: Vec<String> = ctx
        .c
        .completeness
        .missing_by_subcommittee()
        .iter()
        .filter_map(|(sub, months)| {
            let sc = ctx.c.plan.subcommittees.get(*sub)?;
            Some(format!("{} ({})", sc.name, k::months(months, ctx.lang)))
        })
        .collect();
    let line = format!(
        "{} ({}): {}",
        ctx.t(k::MISSING_LIST),
        missing.len(),
        list.join("; ")
    );
    ws.merge_range(row, 0, row, LAST, &line, &ctx.f.warn_wrap)?;
    // The table is about 137 characters wide; a long list wraps rather than being cut.
    super::fit_height(ws, row, &[(&line, 137.0)])?;
    Ok(row + 2)
}

/// One row a sub-committee from `first`; returns the row under the last.
fn subcommittee_rows(ws: &mut Worksheet, ctx: &Ctx, first: RowNum) -> Result<RowNum, XlsxError> {
    let f = &ctx.f;
    let mut row = first;
    for (i, r) in ctx.c.summary.subcommittees.iter().enumerate() {
        ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text_center)?;
        ws.write_string_with_format(row, 1, &r.name, &f.text)?;
        let criteria = name_criterion(ctx, row, &r.name);
        figures_row(ws, ctx, row, (&r.classes, &r.learners), criteria.as_deref())?;
        ws.write_string_with_format(row, STATUS_COL, ctx.t(r.status.label()), &f.text_center)?;
        row += 1;
    }
    Ok(row)
}

/// Participation from `row`: learner attendances against the population aged 15 and
/// over, the rate as a formula over the two, and the plan's rate; returns the next row.
fn participation(ws: &mut Worksheet, ctx: &Ctx, row: RowNum) -> Result<RowNum, XlsxError> {
    let f = &ctx.f;
    let p = &ctx.c.summary.participation;
    ws.merge_range(row, 0, row, LAST, ctx.t(s::PARTICIPATION), &f.unit)?;
    let learners_row = row + 1;
    let r = learners_row;
    ws.write_string_with_format(r, 1, ctx.t(s::PARTICIPATION_LEARNERS), &f.label)?;
    ws.write_number_with_format(r, 2, p.learners as f64, &f.plain_int)?;
    let r = r + 1;
    ws.write_string_with_format(r, 1, ctx.t(s::PARTICIPATION_POPULATION), &f.label)?;
    ws.write_number_with_format(r, 2, f64::from(p.population_15_plus), &f.plain_int)?;
    let r = r + 1;
    ws.write_string_with_format(r, 1, ctx.t(s::PARTICIPATION_RATE), &f.label)?;
    let formula = Formula::new(format!(
        "=IF(C{0}>0,C{1}/C{0},0)",
        learners_row + 2,
        learners_row + 1
    ))
    .set_result(p.rate.to_string());
    ws.write_formula_with_format(r, 2, formula, &f.plain_pct)?;
    let r = r + 1;
    ws.write_string_with_format(r, 1, ctx.t(s::PARTICIPATION_TARGET), &f.label)?;
    ws.write_number_with_format(r, 2, p.target_rate, &f.plain_pct)?;
    Ok(r + 1)
}

/// What was read: files, and rows read, accepted (and counted later), rejected and
/// repeated.
fn read_line(ctx: &Ctx) -> String {
    let c = ctx.c;
    let t = c.totals();
    format!(
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
    )
}

/// The month of the as-of date: its new classes beside the running total.
fn month_line(ctx: &Ctx) -> String {
    let s_ = &ctx.c.summary;
    let m = {
        use chrono::Datelike;
        s_.as_of.date.month0() as usize
    };
    let (month_classes, month_learners) = s_
        .months
        .iter()
        .filter_map(|row| row.get(m))
        .fold((0u64, 0u64), |(a, b), cell| {
            (a + cell.classes, b + cell.learners)
        });
    format!(
        "{} {}: {month_classes} {}, {month_learners} {}; {}: {} {}, {} {}.",
        ctx.t(s::THIS_MONTH),
        m + 1,
        ctx.t(s::NEW_CLASSES),
        ctx.t(a::LEARNERS_WORD),
        ctx.t(s::CUMULATIVE),
        s_.classes.actual,
        ctx.t(a::CLASSES_WORD),
        s_.learners.actual,
        ctx.t(a::LEARNERS_WORD),
    )
}

/// Two column charts, classes and learners, each target against done by row of the
/// figures table (rows `first` to `last` of the sheet named `sheet`, names in column
/// B), side by side at `row`: from the columns `at`, each (width, height) pixels.
pub fn charts(
    ws: &mut Worksheet,
    ctx: &Page,
    (sheet, first, last): (&str, RowNum, RowNum),
    row: RowNum,
    (at, (width, height)): ([ColNum; 2], (u32, u32)),
) -> Result<(), XlsxError> {
    let which = [(2, 4, s::CHART_CLASSES), (6, 8, s::CHART_LEARNERS)];
    for ((target_col, done_col, title), at) in which.into_iter().zip(at) {
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
        chart.set_width(width).set_height(height);
        ws.insert_chart(row, at, &chart)?;
    }
    Ok(())
}
