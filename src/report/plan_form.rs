//! The plan form (`ke-hoach.xlsx`): the yearly [`Plan`] as a workbook the commune's
//! secretary fills in, and which a run reads back as its plan. Its sheets, headings and
//! row labels are the contract in [`crate::labels::plan_form`]; this module adds what
//! helps a person fill it in and that the reader passes over: a note on each heading, a
//! rule and a hint on each cell to type into, the heading rows locked, the totals beside
//! the tables (as formulas with their values stored), an instruction sheet, and the page
//! set up for A4.
//!
//! Every value is written exactly as the plan holds it (numbers as numbers, text as
//! given), so that plan → form → plan gives the same plan.

use rust_xlsxwriter::{
    ColNum, DataValidation, DataValidationRule, Format, FormatAlign, FormatBorder, Formula, Note,
    ProtectionOptions, RowNum, Worksheet, XlsxError,
};

use super::formats::{Formats, cell_text};
use super::sheets::fit_height;
use crate::labels::plan_form::{self as pf, words as w};
use crate::labels::{Label, Lang, sheet as s};
use crate::plan::Plan;

/// The headings' row; the items start on the row below.
const HEAD: RowNum = 0;
const FIRST: RowNum = 1;

/// The form as bytes: Kế hoạch, Tiểu ban, Theo quý, Tiêu chí, Thôn, then the
/// instructions last, so the workbook opens on the plan itself.
pub fn form_bytes(plan: &Plan, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let look = Look::new(lang);
    let mut wb = super::template::form_workbook(plan)?;
    plan_sheet(wb.add_worksheet(), plan, lang, &look)?;
    subcommittee_sheet(wb.add_worksheet(), plan, lang, &look)?;
    quarter_sheet(wb.add_worksheet(), plan, lang, &look)?;
    criteria_sheet(wb.add_worksheet(), plan, lang, &look)?;
    village_sheet(wb.add_worksheet(), plan, lang, &look)?;
    instructions(wb.add_worksheet(), plan, lang, &look)?;
    wb.save_to_buffer()
}

/// The formats of the form: the house's, and the cells to type into (bordered and
/// unlocked in the protected sheets).
struct Look {
    f: Formats,
    text: Format,
    whole: Format,
    year: Format,
    percent: Format,
    number: Format,
    center: Format,
    /// A line of the instructions: wrapped, no border.
    line: Format,
    /// The totals beside the tables: "54 lớp", "4.350 học viên" (numbers all the same).
    classes: Format,
    learners: Format,
}

impl Look {
    fn new(lang: Lang) -> Look {
        let input = Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(12)
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter)
            .set_unlocked();
        let f = Formats::new();
        Look {
            text: input.clone().set_text_wrap(),
            whole: input.clone().set_num_format("#,##0"),
            year: input.clone().set_num_format("0"),
            percent: input.clone().set_num_format("0.0%"),
            number: input.clone().set_num_format("General"),
            center: input.set_align(FormatAlign::Center),
            line: Format::new()
                .set_font_name("Times New Roman")
                .set_font_size(12)
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            classes: f
                .total_int
                .clone()
                .set_num_format(w::CLASSES_FORMAT.get(lang)),
            learners: f
                .total_int
                .clone()
                .set_num_format(w::LEARNERS_FORMAT.get(lang)),
            f,
        }
    }
}

/// One column of a table: its heading (the contract's words), the note on it, its
/// width in characters and whether its text wraps.
struct Column {
    heading: &'static str,
    note: Label,
    width: f64,
}

/// A column as wide as its widest text (heading included), between `min` and `max`:
/// longer text wraps.
fn fitted<'a>(texts: impl IntoIterator<Item = &'a str>, min: f64, max: f64) -> f64 {
    texts
        .into_iter()
        .map(super::fit::width)
        .fold(min, f64::max)
        .min(max)
}

/// The headings in row 1, each with its note, and the columns' widths.
fn headings(
    ws: &mut Worksheet,
    columns: &[Column],
    lang: Lang,
    look: &Look,
) -> Result<(), XlsxError> {
    for (c, col) in columns.iter().enumerate() {
        let c = c as ColNum;
        ws.set_column_width(c, col.width)?;
        ws.write_string_with_format(HEAD, c, col.heading, &look.f.header)?;
        ws.insert_note(HEAD, c, &note(col.note.get(lang)))?;
    }
    let cells: Vec<(&str, f64)> = columns.iter().map(|c| (c.heading, c.width)).collect();
    fit_height(ws, HEAD, &cells)
}

/// A note as wide as a column of 40 characters and as tall as its text needs.
fn note(text: &str) -> Note {
    let lines = super::fit::lines(text, 40.0);
    Note::new(text)
        .add_author_prefix(false)
        .set_author("tthtcd")
        .set_width(320)
        .set_height(12 + 20 * lines)
}

/// The rows offered for typing: the plan's own, and at least `room`.
fn last_row(items: usize, room: usize) -> RowNum {
    FIRST + items.max(room).max(1) as RowNum - 1
}

/// How the cells of a column are checked as they are typed.
enum Rule {
    Any,
    Whole(DataValidationRule<i32>, Label),
    Decimal(DataValidationRule<f64>, Label),
    List(&'static [&'static str], Label),
}

/// The validation of `rule`, with its hint (titled `title`, at most 32 characters, or
/// none) and its refusal in `lang`.
fn validation(
    rule: Rule,
    title: Option<&str>,
    hint: &str,
    lang: Lang,
) -> Result<DataValidation, XlsxError> {
    let (dv, error) = match rule {
        Rule::Any => (DataValidation::new().allow_any_value(), None),
        Rule::Whole(r, e) => (DataValidation::new().allow_whole_number(r), Some(e)),
        Rule::Decimal(r, e) => (DataValidation::new().allow_decimal_number(r), Some(e)),
        Rule::List(items, e) => (DataValidation::new().allow_list_strings(items)?, Some(e)),
    };
    let mut dv = dv.set_input_message(hint)?;
    if let Some(title) = title {
        dv = dv.set_input_title(title)?;
    }
    match error {
        Some(e) => dv
            .set_error_title(w::ERROR_TITLE.get(lang))?
            .set_error_message(e.get(lang)),
        None => Ok(dv),
    }
}

/// A table column's input cells from row 2 to `last`: blank (formatted to type into)
/// below the plan's `filled` rows, and checked by `rule`, its heading as the hint's title.
fn input_column(
    ws: &mut Worksheet,
    c: ColNum,
    (filled, last): (RowNum, RowNum),
    format: &Format,
    rule: Rule,
    column: &Column,
    lang: Lang,
) -> Result<(), XlsxError> {
    for r in (FIRST + filled)..=last {
        ws.write_blank(r, c, format)?;
    }
    let dv = validation(rule, Some(column.heading), column.note.get(lang), lang)?;
    ws.add_data_validation(FIRST, c, last, c, &dv)?;
    Ok(())
}

/// The sheet's finish: the headings frozen, the sheet protected (rows may still be
/// inserted and columns resized), and the page set up — landscape when `wide`.
fn finish(
    ws: &mut Worksheet,
    plan: &Plan,
    name: &str,
    wide: bool,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_freeze_panes(FIRST, 0)?;
    // Inserted rows take the format of the row above: unlocked, and inside the rules'
    // and the totals' ranges, which grow with them.
    let options = ProtectionOptions {
        insert_rows: true,
        delete_rows: true,
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&options);
    super::formats::page_setup(
        ws,
        (HEAD, HEAD),
        &format!("{} — {name}", plan.centre),
        s::PAGE.get(lang),
    )?;
    if !wide {
        ws.set_portrait();
    }
    Ok(())
}

/// A formula with its stored value, in `format`.
fn formula(
    ws: &mut Worksheet,
    (r, c): (RowNum, ColNum),
    text: &str,
    value: impl ToString,
    format: &Format,
) -> Result<(), XlsxError> {
    let f = Formula::new(text).set_result(value.to_string());
    ws.write_formula_with_format(r, c, f, format)?;
    Ok(())
}

/// A cell's A1 name: `E6` for (5, 4).
fn a1(r: RowNum, c: ColNum) -> String {
    format!(
        "{}{}",
        crate::input::grid::column_letters(u64::from(c)),
        r + 1
    )
}

/// A range of a sheet for a formula on another: `'Tiểu ban'!D2:D21`.
fn range(sheet: &str, c: ColNum, (first, last): (RowNum, RowNum)) -> String {
    let l = crate::input::grid::column_letters(u64::from(c));
    format!("'{sheet}'!{l}{}:{l}{}", first + 1, last + 1)
}

/// The columns of the counts, in Tiểu ban and in Theo quý (the contract's headings'
/// order; a test holds them to it).
const SUB_CLASSES: ColNum = 3;
const SUB_LEARNERS: ColNum = 4;
const QUARTER_CLASSES: ColNum = 1;
const QUARTER_LEARNERS: ColNum = 2;

/// Where each table's counts are, for the totals on the other sheets.
struct Ranges {
    /// Tiểu ban: rows 2 to the last offered.
    subcommittees: (RowNum, RowNum),
    quarters: (RowNum, RowNum),
}

impl Ranges {
    fn of(plan: &Plan) -> Ranges {
        Ranges {
            subcommittees: (
                FIRST,
                last_row(plan.subcommittees.len(), pf::MAX_SUBCOMMITTEES),
            ),
            quarters: (FIRST, FIRST + 3),
        }
    }
}

mod plan_sheet;
mod tables;

use plan_sheet::plan_sheet;
use tables::{criteria_sheet, instructions, quarter_sheet, subcommittee_sheet, village_sheet};

#[cfg(test)]
mod tests;
