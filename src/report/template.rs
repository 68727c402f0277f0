//! Blank fill-in workbooks made from the plan: a monthly class report and a
//! registration form for each sub-committee, with the canonical headings (so they are
//! read back with no guessing), drop-down lists, a date rule limited to the plan year,
//! whole numbers for learners, an input hint on each column, the heading rows protected
//! and the page set up for A4.

use rust_xlsxwriter::{
    ColNum, DataValidation, DataValidationRule, ExcelDateTime, Format, Formula, RowNum, Workbook,
    Worksheet, XlsxError,
};

use super::formats::Formats;
use crate::labels::{Lang, sheet as s, template as t};
use crate::plan::Plan;

/// How many blank rows a form offers.
pub const FORM_ROWS: u32 = 40;
const HEADER: RowNum = 6;

/// Which form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The monthly report of classes opened.
    Report,
    /// The registration of planned classes for the appendix.
    Registration,
}

/// A form's workbook: its creation time fixed to the plan year's first day, so the
/// forms are the same bytes every time they are made.
pub(super) fn form_workbook(plan: &Plan) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let props = rust_xlsxwriter::DocProperties::new()
        .set_author("tthtcd")
        .set_company(plan.centre.as_str())
        .set_creation_datetime(&ExcelDateTime::from_ymd(
            plan.year.clamp(1900, 9999) as u16,
            1,
            1,
        )?);
    wb.set_properties(&props);
    Ok(wb)
}

/// The administrative heading of a form: issuing body left, national motto right, the
/// title and the line under it across columns 0 to `last`.
fn form_heading(
    ws: &mut Worksheet,
    plan: &Plan,
    last: ColNum,
    title: &str,
    subtitle: &str,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let unit = format!(
        "{} {}",
        s::PEOPLES_COMMITTEE.get(lang),
        plan.unit.to_uppercase()
    );
    ws.merge_range(0, 0, 0, 2, &unit, &f.unit)?;
    ws.merge_range(1, 0, 1, 2, s::CENTRE.get(lang), &f.unit)?;
    ws.merge_range(0, 4, 0, last, s::NATION.get(lang), &f.nation)?;
    ws.merge_range(1, 4, 1, last, s::MOTTO.get(lang), &f.motto)?;
    ws.merge_range(3, 0, 3, last, title, &f.title)?;
    ws.merge_range(4, 0, 4, last, subtitle, &f.subtitle)?;
    Ok(())
}

/// What a column of a form holds, which decides its rule and width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Stt,
    SubCommittee,
    Topic,
    Date,
    Month,
    Village,
    Count,
    Text,
}

/// One form as bytes: for one sub-committee (index into the plan, named in the title),
/// or with `None`, a shared form with a Tiểu ban column and its drop-down list.
pub fn form_bytes(
    plan: &Plan,
    sub: Option<usize>,
    form: Form,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut wb = form_workbook(plan)?;
    let ws = wb.add_worksheet();
    ws.set_name(match form {
        Form::Report => t::SHEET_REPORT.get(lang),
        Form::Registration => t::SHEET_REGISTRATION.get(lang),
    })?;
    let lines = help_lines(plan, form, lang);
    // The help sheet's title, a blank row, the lines: the row under them is free.
    let mut spill = Spill::new(t::SHEET_HELP.get(lang), 2 + lines.len() as RowNum);
    form_sheet(ws, plan, sub, form, lang, &f, &mut spill)?;
    let help = wb.add_worksheet();
    help_sheet(help, &lines, lang, &f)?;
    spill.write(help, &f)?;
    wb.save_to_buffer()
}

fn columns(form: Form, shared: bool, lang: Lang) -> Vec<(&'static str, &'static str, Kind)> {
    let mut v = vec![(s::STT.get(lang), t::HINT_STT.get(lang), Kind::Stt)];
    if shared {
        v.push((
            s::SUBCOMMITTEE.get(lang),
            t::HINT_SUBCOMMITTEE.get(lang),
            Kind::SubCommittee,
        ));
    }
    v.push((s::TOPIC.get(lang), t::HINT_TOPIC.get(lang), Kind::Topic));
    match form {
        Form::Report => v.extend([
            (s::DATE.get(lang), t::HINT_DATE.get(lang), Kind::Date),
            (
                s::VILLAGE.get(lang),
                t::HINT_VILLAGE.get(lang),
                Kind::Village,
            ),
            (
                t::LEARNERS.get(lang),
                t::HINT_LEARNERS.get(lang),
                Kind::Count,
            ),
            (
                t::OF_WHICH_WOMEN.get(lang),
                t::HINT_WOMEN.get(lang),
                Kind::Count,
            ),
            (s::TEACHER.get(lang), t::HINT_TEACHER.get(lang), Kind::Text),
        ]),
        Form::Registration => v.extend([
            (
                t::PLANNED_MONTH.get(lang),
                t::HINT_MONTH.get(lang),
                Kind::Month,
            ),
            (
                s::VILLAGE.get(lang),
                t::HINT_VILLAGE.get(lang),
                Kind::Village,
            ),
            (
                t::EXPECTED_LEARNERS.get(lang),
                t::HINT_LEARNERS.get(lang),
                Kind::Count,
            ),
            (
                t::RESPONSIBLE.get(lang),
                t::HINT_RESPONSIBLE.get(lang),
                Kind::Text,
            ),
            (t::PARTNER.get(lang), t::HINT_PARTNER.get(lang), Kind::Text),
        ]),
    }
    v.push((s::NOTE.get(lang), t::HINT_NOTE.get(lang), Kind::Text));
    v
}

fn width(k: Kind) -> f64 {
    match k {
        Kind::Stt => 6.0,
        Kind::SubCommittee => 30.0,
        Kind::Topic => 40.0,
        Kind::Date | Kind::Month => 14.0,
        Kind::Village | Kind::Text => 20.0,
        Kind::Count => 12.0,
    }
}

/// A form's sheet: the heading naming who fills it in, one column a field with its
/// rule and hint over [`FORM_ROWS`] blank rows, a total row, and the signatures.
fn form_sheet(
    ws: &mut Worksheet,
    plan: &Plan,
    sub: Option<usize>,
    form: Form,
    lang: Lang,
    f: &Formats,
    spill: &mut Spill,
) -> Result<(), XlsxError> {
    let cols = columns(form, sub.is_none(), lang);
    let last = cols.len().saturating_sub(1) as ColNum;
    for (c, (_, _, kind)) in cols.iter().enumerate() {
        ws.set_column_width(c as ColNum, width(*kind))?;
    }
    let title = match form {
        Form::Report => format!("{} {}", t::TITLE_REPORT.get(lang), plan.year),
        Form::Registration => format!("{} {}", t::TITLE_REGISTRATION.get(lang), plan.year),
    };
    let who = who(plan, sub, lang);
    form_heading(ws, plan, last, &title, &who, lang, f)?;
    ws.set_row_height(HEADER, 32)?;
    let sums = input_columns(ws, plan, &cols, (lang, f), spill)?;
    let total = HEADER + FORM_ROWS + 1;
    total_row(ws, total, &sums, lang, f)?;
    form_signature(ws, plan, total + 2, last, lang, f)?;
    ws.set_freeze_panes(HEADER + 1, 0)?;
    ws.protect();
    super::formats::page_setup(
        ws,
        (HEADER, HEADER),
        &format!("{} — {}", plan.centre, who),
        s::PAGE.get(lang),
    )?;
    Ok(())
}

/// Who fills the form in, under its title: the sub-committee, or the centre for the
/// shared form.
fn who(plan: &Plan, sub: Option<usize>, lang: Lang) -> String {
    // "Tiểu ban pháp luật" names itself; "Các chương trình khác" needs the word.
    let name = sub
        .and_then(|i| plan.subcommittees.get(i))
        .map(|sc| sc.name.as_str());
    match name {
        Some(n) if crate::text::fold(n).starts_with("tieu ban") => n.to_string(),
        Some(n) => format!("{}: {n}", s::SUBCOMMITTEE.get(lang)),
        None => plan.centre.clone(),
    }
}

/// The cells a form's user types into: bordered, and unlocked in the protected sheet.
fn input_format() -> Format {
    Format::new()
        .set_font_name("Times New Roman")
        .set_font_size(12)
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_unlocked()
}

/// Each column's heading, its blank input cells with their rule and hint; returns the
/// columns of counts, which the total row adds up.
fn input_columns(
    ws: &mut Worksheet,
    plan: &Plan,
    cols: &[(&str, &str, Kind)],
    (lang, f): (Lang, &Formats),
    spill: &mut Spill,
) -> Result<Vec<ColNum>, XlsxError> {
    let (first, end) = (HEADER + 1, HEADER + FORM_ROWS);
    let input = input_format();
    let input_date = input.clone().set_num_format("dd/mm/yyyy");
    let mut sums = Vec::new();
    for (c, (heading, hint, kind)) in cols.iter().enumerate() {
        let c = c as ColNum;
        ws.write_string_with_format(HEADER, c, *heading, &f.header)?;
        let format = if *kind == Kind::Date {
            &input_date
        } else {
            &input
        };
        for r in first..=end {
            ws.write_blank(r, c, format)?;
        }
        // A hint's example date is in the plan's year.
        let hint = hint.replace("{year}", &plan.year.to_string());
        let dv = validation(plan, *kind, lang, spill)?
            .set_input_title(*heading)?
            .set_input_message(hint)?;
        ws.add_data_validation(first, c, end, c, &dv)?;
        if *kind == Kind::Count {
            sums.push(c);
        }
    }
    Ok(sums)
}

/// The total row at `row`: a sum over the input rows of each column in `sums`, with
/// the empty form's result.
fn total_row(
    ws: &mut Worksheet,
    row: RowNum,
    sums: &[ColNum],
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let (first, end) = (HEADER + 1, HEADER + FORM_ROWS);
    ws.write_string_with_format(row, 1, t::TOTAL.get(lang), &f.total_text)?;
    for &c in sums {
        let col = crate::input::grid::column_letters(u64::from(c));
        let formula =
            Formula::new(format!("=SUM({col}{}:{col}{})", first + 1, end + 1)).set_result("0");
        ws.write_formula_with_format(row, c, formula, &f.total_int)?;
    }
    Ok(())
}

/// Place and date, then who prepares (columns 0 to 2) and the head who signs
/// (columns 4 to `last`), from `row`.
fn form_signature(
    ws: &mut Worksheet,
    plan: &Plan,
    row: RowNum,
    last: ColNum,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let place_date = format!("{}, {}", place(&plan.unit), s::SIGN_PLACE_DATE.get(lang));
    ws.merge_range(row, 4, row, last, &place_date, &f.sign_italic)?;
    ws.merge_range(
        row + 1,
        0,
        row + 1,
        2,
        s::SIGN_PREPARER.get(lang),
        &f.sign_bold,
    )?;
    ws.merge_range(
        row + 1,
        4,
        row + 1,
        last,
        t::SIGN_HEAD.get(lang),
        &f.sign_bold,
    )?;
    ws.merge_range(
        row + 2,
        0,
        row + 2,
        2,
        s::SIGN_HINT.get(lang),
        &f.sign_italic,
    )?;
    ws.merge_range(
        row + 2,
        4,
        row + 2,
        last,
        s::SIGN_HINT.get(lang),
        &f.sign_italic,
    )?;
    Ok(())
}

/// The rule of a column.
fn validation(
    plan: &Plan,
    kind: Kind,
    lang: Lang,
    spill: &mut Spill,
) -> Result<DataValidation, XlsxError> {
    let year = plan.year.clamp(1900, 9999) as u16;
    Ok(match kind {
        Kind::Date => DataValidation::new()
            .allow_date(DataValidationRule::Between(
                ExcelDateTime::from_ymd(year, 1, 1)?,
                ExcelDateTime::from_ymd(year, 12, 31)?,
            ))
            .set_error_message(t::ERROR_DATE.get(lang))?,
        Kind::Month => {
            let months: Vec<String> = (1..=12)
                .map(|m| format!("{} {m}", t::MONTH.get(lang)))
                .collect();
            DataValidation::new().allow_list_strings(&months)?
        }
        Kind::SubCommittee => {
            let names: Vec<String> = plan
                .subcommittees
                .iter()
                .map(|sc| sc.name.clone())
                .collect();
            spill.choices(t::LIST_SUBCOMMITTEES.get(lang), &names)?
        }
        Kind::Village if !plan.villages.is_empty() => {
            spill.choices(t::LIST_VILLAGES.get(lang), &plan.villages)?
        }
        Kind::Count => DataValidation::new()
            .allow_whole_number(DataValidationRule::Between(0, 100_000))
            .set_error_message(t::ERROR_COUNT.get(lang))?,
        _ => DataValidation::new().allow_any_value(),
    })
}

fn place(unit: &str) -> &str {
    ["Xã ", "Phường ", "Thị trấn "]
        .iter()
        .find_map(|p| unit.strip_prefix(p))
        .unwrap_or(unit)
}

/// The lines of the instruction sheet of a report or registration form; "{year}" in
/// them is the plan's year, "{day}" its report deadline (a plan's own, not the 5th of
/// the 2019 plan).
fn help_lines(plan: &Plan, form: Form, lang: Lang) -> Vec<String> {
    let help: &[crate::labels::Label] = match form {
        Form::Report => &t::HELP_REPORT,
        Form::Registration => &t::HELP_REGISTRATION,
    };
    let (year, day) = (plan.year.to_string(), plan.report_deadline_day.to_string());
    help.iter()
        .map(|l| l.get(lang).replace("{year}", &year).replace("{day}", &day))
        .collect()
}

/// Drop-down choices that cannot be written into the rule itself. Excel keeps at most
/// 255 characters there and splits a choice at every comma, so the names of a plan with
/// many or long sub-committees (or villages), or with a comma in a name, are listed on
/// the instructions sheet under its lines, and the rule points at that range. Choices
/// that fit stay in the rule, as before.
struct Spill {
    /// The instructions sheet's name, which the rules point at.
    sheet: &'static str,
    /// The first row of the instructions sheet nothing is written in yet.
    next: RowNum,
    /// The lists to write there: the row of the heading, the heading and the choices.
    lists: Vec<(RowNum, &'static str, Vec<String>)>,
}

impl Spill {
    fn new(sheet: &'static str, next: RowNum) -> Spill {
        Spill {
            sheet,
            next,
            lists: Vec::new(),
        }
    }

    /// A drop-down rule offering `items`: in the rule when they fit, else over a list
    /// headed `heading` (after a blank row) on the instructions sheet.
    fn choices(
        &mut self,
        heading: &'static str,
        items: &[String],
    ) -> Result<DataValidation, XlsxError> {
        if fits_in_rule(items) {
            return DataValidation::new().allow_list_strings(items);
        }
        let at = self.next + 1;
        let (first, last) = (at + 1, at + items.len() as RowNum);
        self.next = last + 1;
        self.lists.push((at, heading, items.to_vec()));
        let sheet = self.sheet.replace('\'', "''");
        let range = format!("='{sheet}'!$A${}:$A${}", first + 1, last + 1);
        Ok(DataValidation::new().allow_list_formula(Formula::new(range)))
    }

    /// Writes the lists the rules point at on the instructions sheet `ws`.
    fn write(&self, ws: &mut Worksheet, f: &Formats) -> Result<(), XlsxError> {
        for (at, heading, items) in &self.lists {
            ws.write_string_with_format(*at, 0, *heading, &f.unit)?;
            for (i, item) in items.iter().enumerate() {
                ws.write_string_with_format(at + 1 + i as RowNum, 0, item, &f.label)?;
            }
        }
        Ok(())
    }
}

/// Whether `items` can be the choices written into a drop-down rule: no comma in any
/// (Excel would split it) and at most 255 characters (UTF-16 units, quotes doubled)
/// joined by commas.
fn fits_in_rule(items: &[String]) -> bool {
    let length: usize = items
        .iter()
        .map(|s| s.encode_utf16().count() + s.matches('"').count())
        .sum::<usize>()
        + items.len().saturating_sub(1);
    length <= 255 && !items.iter().any(|s| s.contains(','))
}

/// An instruction sheet: a title and a few plain lines.
fn help_sheet(
    ws: &mut Worksheet,
    lines: &[String],
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(t::SHEET_HELP.get(lang))?;
    ws.set_column_width(0, 110)?;
    ws.write_string_with_format(0, 0, t::HELP_TITLE.get(lang), &f.title)?;
    for (i, line) in lines.iter().enumerate() {
        ws.write_string_with_format(2 + i as RowNum, 0, line, &f.label)?;
    }
    Ok(())
}

/// The criteria form: one row per indicator of the plan, under a heading row per
/// criterion, for the centre to fill in each quarter.
pub fn criteria_form_bytes(plan: &Plan, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut wb = form_workbook(plan)?;
    criteria_sheet(wb.add_worksheet(), plan, lang, &f)?;
    let lines: Vec<String> = crate::labels::criteria::HELP
        .iter()
        .map(|l| l.get(lang).to_string())
        .collect();
    help_sheet(wb.add_worksheet(), &lines, lang, &f)?;
    wb.save_to_buffer()
}

/// The criteria form's sheet: heading, the row of headings, the criteria with their
/// indicators, and the rules on the evidence and count columns.
fn criteria_sheet(
    ws: &mut Worksheet,
    plan: &Plan,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    use crate::labels::criteria as k;
    ws.set_name(k::SHEET.get(lang))?;
    let last: ColNum = 7;
    for (c, w) in [8.0, 56.0, 12.0, 11.0, 10.0, 10.0, 14.0, 24.0]
        .iter()
        .enumerate()
    {
        ws.set_column_width(c as ColNum, *w)?;
    }
    let title = format!("{} {}", k::TITLE.get(lang), plan.year);
    form_heading(ws, plan, last, &title, &plan.centre, lang, f)?;
    let headings = [
        k::NUMBER,
        k::INDICATOR,
        k::THRESHOLD,
        k::VALUE,
        k::NUMERATOR,
        k::DENOMINATOR,
        k::EVIDENCE,
        k::SOURCE,
    ];
    for (c, h) in headings.iter().enumerate() {
        ws.write_string_with_format(HEADER, c as ColNum, h.get(lang), &f.header)?;
    }
    ws.set_row_height(HEADER, 32)?;
    let first = HEADER + 1;
    if plan.criteria.is_empty() {
        // A plan of class targets only: the form says so rather than show bare headings.
        ws.merge_range(first, 0, first, last, k::NONE_IN_PLAN.get(lang), &f.label)?;
    } else {
        let next = indicator_rows(ws, plan, last, lang, f)?;
        criteria_rules(ws, (first, next - 1), lang)?;
    }
    ws.set_freeze_panes(first, 0)?;
    ws.protect();
    super::formats::page_setup(ws, (HEADER, HEADER), &plan.centre, s::PAGE.get(lang))
}

/// Under the headings, each criterion's heading row and its indicators, with the
/// threshold filled in and the cells to fill blank; returns the row under the last.
/// The rules of the indicator rows `first` to `last`: evidence from a drop-down,
/// numerator and denominator not negative.
fn criteria_rules(
    ws: &mut Worksheet,
    (first, last): (RowNum, RowNum),
    lang: Lang,
) -> Result<(), XlsxError> {
    use crate::labels::criteria as k;
    let evidence = [k::HAS_EVIDENCE.get(lang), k::NO_EVIDENCE.get(lang)];
    let dv = DataValidation::new()
        .allow_list_strings(&evidence)?
        .set_input_message(k::EVIDENCE.get(lang))?;
    ws.add_data_validation(first, 6, last, 6, &dv)?;
    let counts = DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_error_message(t::ERROR_COUNT.get(lang))?;
    ws.add_data_validation(first, 4, last, 5, &counts)?;
    Ok(())
}

fn indicator_rows(
    ws: &mut Worksheet,
    plan: &Plan,
    last: ColNum,
    lang: Lang,
    f: &Formats,
) -> Result<RowNum, XlsxError> {
    use crate::labels::criteria as k;
    let input = input_format();
    let mut row = HEADER + 1;
    for cr in &plan.criteria {
        let heading = format!("{} {}: {}", k::NUMBER.get(lang), cr.number, cr.name);
        ws.merge_range(row, 0, row, last, &heading, &f.total_text_left)?;
        row += 1;
        for ind in &cr.indicators {
            ws.write_number_with_format(row, 0, f64::from(cr.number), &f.text_center)?;
            ws.write_string_with_format(row, 1, &ind.name, &f.text)?;
            let threshold = match ind.kind {
                crate::plan::IndicatorKind::Percent { op, threshold } => {
                    format!("{} {threshold} %", op.symbol())
                }
                crate::plan::IndicatorKind::YesNo => k::YES_NO.get(lang).to_string(),
            };
            ws.write_string_with_format(row, 2, &threshold, &f.text_center)?;
            for c in 3..=last {
                ws.write_blank(row, c, &input)?;
            }
            row += 1;
        }
    }
    Ok(row)
}
