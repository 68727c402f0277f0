//! The plan's appendix (Phụ lục kế hoạch mở lớp chi tiết): the registered classes
//! grouped by sub-committee and by quarter, each group with its subtotal beside the
//! plan's target, a grand total, every gap stated, and the signature block — laid out
//! to be attached to the plan and signed.

use rust_xlsxwriter::{ColNum, Formula, RowNum, Workbook, Worksheet, XlsxError};

use super::formats::{Formats, cell_text};
use super::sheets::Ctx;
use super::sheets::{admin_heading, header_row, signature, widths};
use super::workbook::{WorkbookError, base_workbook};
use crate::classes::PlannedClass;
use crate::consolidation::Consolidation;
use crate::labels::{Lang, appendix as a, roman, roman_numeral, sheet as s};
use crate::plan::Target;

const LAST: ColNum = 7;
const WIDTHS: [f64; 8] = [6.0, 40.0, 13.0, 18.0, 12.0, 20.0, 20.0, 16.0];
/// The by-quarter sheet shows the sub-committee in the third column: wider, wrapped.
const WIDTHS_WITH_SUB: [f64; 8] = [6.0, 34.0, 26.0, 16.0, 12.0, 18.0, 18.0, 14.0];

/// The appendix workbook as bytes.
pub fn appendix_bytes(c: &Consolidation, lang: Lang) -> Result<Vec<u8>, WorkbookError> {
    let ctx = Ctx::new(c, lang);
    let mut wb: Workbook = base_workbook(&ctx)?;
    let plan = &c.plan;
    let by_sub: Vec<Group> = plan
        .subcommittees
        .iter()
        .enumerate()
        .map(|(i, sc)| Group {
            heading: format!("{}. {}", roman_numeral(i as u32 + 1), sc.name),
            classes: sorted(c.planned.iter().filter(|p| p.subcommittee == i).collect()),
            target: sc.target,
        })
        .collect();
    let by_quarter: Vec<Group> = (1..=4u32)
        .map(|q| Group {
            heading: format!("{} {}", ctx.t(s::QUARTER), roman(q)),
            classes: sorted(c.planned.iter().filter(|p| p.quarter == q).collect()),
            target: plan
                .quarters
                .get(q as usize - 1)
                .copied()
                .unwrap_or(Target {
                    classes: 0,
                    learners: 0,
                }),
        })
        .collect();
    grouped(
        wb.add_worksheet(),
        &ctx,
        ctx.t(a::SHEET_BY_SUBCOMMITTEE),
        &by_sub,
        false,
    )?;
    grouped(
        wb.add_worksheet(),
        &ctx,
        ctx.t(a::SHEET_BY_QUARTER),
        &by_quarter,
        true,
    )?;
    Ok(wb.save_to_buffer()?)
}

struct Group<'a> {
    heading: String,
    classes: Vec<&'a PlannedClass>,
    target: Target,
}

impl Group<'_> {
    /// The learners its classes expect.
    fn learners(&self) -> u64 {
        self.classes.iter().map(|p| u64::from(p.learners)).sum()
    }
}

fn sorted(mut v: Vec<&PlannedClass>) -> Vec<&PlannedClass> {
    v.sort_by(|x, y| {
        (x.quarter, x.month, x.subcommittee).cmp(&(y.quarter, y.month, y.subcommittee))
    });
    v
}

/// "Tháng 3" or "Quý II".
fn when(p: &PlannedClass, lang: Lang) -> String {
    match p.month {
        Some(m) => format!("{} {m}", a::MONTH_WORD.get(lang)),
        None => format!("{} {}", s::QUARTER.get(lang), roman(p.quarter)),
    }
}

/// One sheet of the appendix: the groups in turn, each with its subtotal against the
/// plan, the grand total, every gap in words, and the signature block.
fn grouped(
    ws: &mut Worksheet,
    ctx: &Ctx,
    name: &str,
    groups: &[Group],
    with_sub: bool,
) -> Result<(), XlsxError> {
    let header = top(ws, ctx, name, with_sub)?;
    let mut row: RowNum = header + 1;
    let mut subtotal_cells = Vec::new();
    let (mut all_classes, mut all_learners) = (0u64, 0u64);
    for g in groups {
        let subtotal = group(ws, ctx, row, g, with_sub)?;
        subtotal_cells.push(format!("E{}", subtotal + 1));
        all_classes += g.classes.len() as u64;
        all_learners += g.learners();
        row = subtotal + 1;
    }
    grand_total(
        ws,
        ctx,
        row,
        (all_classes, all_learners),
        &subtotal_cells,
        with_sub,
    )?;
    let row = gaps(ws, ctx, row + 2, with_sub)?;
    signature(ws, ctx, row + 1, LAST)?;
    ws.set_freeze_panes(header + 1, 0)?;
    ws.set_print_area(0, 0, row + 4, LAST)?;
    ctx.page_setup(ws, (header, header))
}

/// The sheet's name and widths, the administrative heading and the row of headings;
/// returns the heading row.
fn top(ws: &mut Worksheet, ctx: &Ctx, name: &str, with_sub: bool) -> Result<RowNum, XlsxError> {
    let plan = &ctx.c.plan;
    ws.set_name(name)?;
    widths(ws, if with_sub { &WIDTHS_WITH_SUB } else { &WIDTHS })?;
    let title = format!("{} {}", ctx.t(a::TITLE), plan.year);
    let sub = format!(
        "{} {} {} {})",
        ctx.t(a::ATTACHED),
        plan.year,
        ctx.t(a::OF),
        plan.centre
    );
    let header = admin_heading(ws, ctx, LAST, &title, &sub)?;
    let third = if with_sub { s::SUBCOMMITTEE } else { a::WHEN };
    let headings = [
        s::STT,
        s::TOPIC,
        third,
        s::VILLAGE,
        a::EXPECTED_LEARNERS,
        a::RESPONSIBLE,
        a::PARTNER,
        s::NOTE,
    ]
    .map(|h| ctx.t(h));
    header_row(ws, ctx, header, &headings)?;
    ws.set_row_height(header, 32)?;
    Ok(header)
}

/// A group from `row`: its heading, its classes and its subtotal; returns the
/// subtotal's row.
fn group(
    ws: &mut Worksheet,
    ctx: &Ctx,
    row: RowNum,
    g: &Group,
    with_sub: bool,
) -> Result<RowNum, XlsxError> {
    ws.merge_range(row, 0, row, LAST, &g.heading, &ctx.f.total_text_left)?;
    let first = row + 1;
    let mut row = first;
    for (i, p) in g.classes.iter().enumerate() {
        class_row(ws, ctx, row, i, p, with_sub)?;
        row += 1;
    }
    subtotal(ws, ctx, row, first, g)?;
    Ok(row)
}

/// The `i`th class of a group: topic, when (or its sub-committee), village, learners
/// expected, who is responsible, the partner and the note.
fn class_row(
    ws: &mut Worksheet,
    ctx: &Ctx,
    row: RowNum,
    i: usize,
    p: &PlannedClass,
    with_sub: bool,
) -> Result<(), XlsxError> {
    let f: &Formats = &ctx.f;
    let third = if with_sub {
        ctx.c
            .plan
            .subcommittees
            .get(p.subcommittee)
            .map_or(String::new(), |sc| sc.name.clone())
    } else {
        when(p, ctx.lang)
    };
    ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text_center)?;
    ws.write_string_with_format(row, 1, cell_text(&p.topic), &f.text)?;
    ws.write_string_with_format(
        row,
        2,
        cell_text(&third),
        if with_sub { &f.text } else { &f.text_center },
    )?;
    ws.write_string_with_format(row, 3, cell_text(&p.village), &f.text)?;
    ws.write_number_with_format(row, 4, f64::from(p.learners), &f.int)?;
    ws.write_string_with_format(row, 5, cell_text(&p.responsible), &f.text)?;
    ws.write_string_with_format(row, 6, cell_text(&p.partner), &f.text)?;
    ws.write_string_with_format(row, 7, cell_text(&p.note), &f.text)?;
    super::sheets::fit_height(
        ws,
        row,
        &[
            (&p.topic, WIDTHS[1]),
            (&third, WIDTHS[2]),
            (&p.partner, WIDTHS[6]),
        ],
    )
}

/// A group's subtotal at `row` beside the plan's target for it, under its classes
/// from `first`; red where the two differ.
fn subtotal(
    ws: &mut Worksheet,
    ctx: &Ctx,
    row: RowNum,
    first: RowNum,
    g: &Group,
) -> Result<(), XlsxError> {
    let f: &Formats = &ctx.f;
    let n = g.classes.len() as u64;
    let learners = g.learners();
    let label = format!(
        "{} {n} {} — {} {} {}, {} {}",
        ctx.t(a::SUBTOTAL),
        ctx.t(a::CLASSES_WORD),
        ctx.t(a::PLAN_TARGET).to_lowercase(),
        g.target.classes,
        ctx.t(a::CLASSES_WORD),
        g.target.learners,
        ctx.t(a::LEARNERS_WORD)
    );
    let short = n != u64::from(g.target.classes) || learners != u64::from(g.target.learners);
    let (tf, nf) = if short {
        (&f.gap_text, &f.gap_int)
    } else {
        (&f.total_text_left, &f.total_int)
    };
    ws.merge_range(row, 0, row, 3, &label, tf)?;
    super::sheets::sum(
        ws,
        row,
        4,
        first,
        row.saturating_sub(1).max(first),
        learners,
        nf,
    )?;
    if g.classes.is_empty() {
        ws.write_number_with_format(row, 4, 0.0, nf)?;
    }
    ws.merge_range(row, 5, row, LAST, "", tf)?;
    Ok(())
}

/// The grand total at `row`: the classes and learners of every group, the learners as
/// the sum of the `subtotal_cells`, beside the plan's total.
fn grand_total(
    ws: &mut Worksheet,
    ctx: &Ctx,
    row: RowNum,
    (classes, learners): (u64, u64),
    subtotal_cells: &[String],
    with_sub: bool,
) -> Result<(), XlsxError> {
    let (f, plan) = (&ctx.f, &ctx.c.plan);
    // The sub-committee sheet adds up to the sub-committee targets (54 classes in the
    // 2019 plan), the quarter sheet to the quarter targets (53): the plan's own slip
    // shows rather than being hidden.
    let plan_total = if !with_sub {
        plan.total_target()
    } else {
        plan.quarters_total()
    };
    let label = format!(
        "{} {classes} {} — {} {} {}, {} {}",
        ctx.t(s::TOTAL),
        ctx.t(a::CLASSES_WORD),
        ctx.t(a::PLAN_TARGET).to_lowercase(),
        plan_total.classes,
        ctx.t(a::CLASSES_WORD),
        plan_total.learners,
        ctx.t(a::LEARNERS_WORD)
    );
    ws.merge_range(row, 0, row, 3, &label, &f.total_text_left)?;
    let formula =
        Formula::new(format!("={}", subtotal_cells.join("+"))).set_result(learners.to_string());
    ws.write_formula_with_format(row, 4, formula, &f.total_int)?;
    ws.merge_range(row, 5, row, LAST, "", &f.total_text_left)?;
    Ok(())
}

/// Every gap against the plan in words, under a caption at `row`: the quarters' on the
/// by-quarter sheet, the sub-committees' on the other. Returns the row under the last.
fn gaps(ws: &mut Worksheet, ctx: &Ctx, row: RowNum, with_sub: bool) -> Result<RowNum, XlsxError> {
    let c = ctx.c;
    ws.merge_range(row, 0, row, LAST, ctx.t(a::CHECK), &ctx.f.unit)?;
    let gaps: Vec<_> = c
        .registration
        .gaps()
        .into_iter()
        .filter(|g| matches!(g.scope, crate::check::registration::Scope::Quarter(_)) == with_sub)
        .collect();
    let lines: Vec<String> = if c.planned.is_empty() {
        vec![ctx.t(a::NO_REGISTRATIONS).to_string()]
    } else if gaps.is_empty() {
        vec![ctx.t(a::NO_GAPS).to_string()]
    } else {
        gaps.iter()
            .map(|g| format!("- {}", g.message(&c.plan, ctx.lang)))
            .collect()
    };
    let mut row = row + 1;
    for line in lines {
        ws.merge_range(row, 0, row, LAST, &line, &ctx.f.label)?;
        row += 1;
    }
    Ok(row)
}
