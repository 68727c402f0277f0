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
const LAST: ColNum = 7;

/// Which form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The monthly report of classes opened.
    Report,
    /// The registration of planned classes for the appendix.
    Registration,
}

/// One form for one sub-committee (index into the plan), as bytes.
pub fn form_bytes(plan: &Plan, sub: usize, form: Form, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
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
    let name = plan
        .subcommittees
        .get(sub)
        .map_or("", |sc| sc.name.as_str());
    let ws = wb.add_worksheet();
    ws.set_name(match form {
        Form::Report => t::SHEET_REPORT.get(lang),
        Form::Registration => t::SHEET_REGISTRATION.get(lang),
    })?;
    form_sheet(ws, plan, name, form, lang, &f)?;
    let help = wb.add_worksheet();
    instructions(help, plan, form, lang, &f)?;
    wb.save_to_buffer()
}

fn form_sheet(
    ws: &mut Worksheet,
    plan: &Plan,
    name: &str,
    form: Form,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let widths = [6.0, 40.0, 14.0, 20.0, 12.0, 20.0, 20.0, 16.0];
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as ColNum, *w)?;
    }
    let unit = format!(
        "{} {}",
        s::PEOPLES_COMMITTEE.get(lang),
        plan.unit.to_uppercase()
    );
    ws.merge_range(0, 0, 0, 2, &unit, &f.unit)?;
    ws.merge_range(1, 0, 1, 2, s::CENTRE.get(lang), &f.unit)?;
    ws.merge_range(0, 4, 0, LAST, s::NATION.get(lang), &f.nation)?;
    ws.merge_range(1, 4, 1, LAST, s::MOTTO.get(lang), &f.motto)?;
    let title = match form {
        Form::Report => format!("{} {}", t::TITLE_REPORT.get(lang), plan.year),
        Form::Registration => format!("{} {}", t::TITLE_REGISTRATION.get(lang), plan.year),
    };
    ws.merge_range(3, 0, 3, LAST, &title, &f.title)?;
    // "Tiểu ban pháp luật" names itself; "Các chương trình khác" needs the word.
    let who = if crate::normalise::text::fold(name).starts_with("tieu ban") {
        name.to_string()
    } else {
        format!("{}: {name}", s::SUBCOMMITTEE.get(lang))
    };
    ws.merge_range(4, 0, 4, LAST, &who, &f.subtitle)?;
    let headings: [(&str, &str); 8] = match form {
        Form::Report => [
            (s::STT.get(lang), t::HINT_STT.get(lang)),
            (s::TOPIC.get(lang), t::HINT_TOPIC.get(lang)),
            (s::DATE.get(lang), t::HINT_DATE.get(lang)),
            (s::VILLAGE.get(lang), t::HINT_VILLAGE.get(lang)),
            (t::LEARNERS.get(lang), t::HINT_LEARNERS.get(lang)),
            (t::OF_WHICH_WOMEN.get(lang), t::HINT_WOMEN.get(lang)),
            (s::TEACHER.get(lang), t::HINT_TEACHER.get(lang)),
            (s::NOTE.get(lang), t::HINT_NOTE.get(lang)),
        ],
        Form::Registration => [
            (s::STT.get(lang), t::HINT_STT.get(lang)),
            (s::TOPIC.get(lang), t::HINT_TOPIC.get(lang)),
            (t::PLANNED_MONTH.get(lang), t::HINT_MONTH.get(lang)),
            (s::VILLAGE.get(lang), t::HINT_VILLAGE.get(lang)),
            (t::EXPECTED_LEARNERS.get(lang), t::HINT_LEARNERS.get(lang)),
            (t::RESPONSIBLE.get(lang), t::HINT_RESPONSIBLE.get(lang)),
            (t::PARTNER.get(lang), t::HINT_PARTNER.get(lang)),
            (s::NOTE.get(lang), t::HINT_NOTE.get(lang)),
        ],
    };
    ws.set_row_height(HEADER, 32)?;
    let (first, last) = (HEADER + 1, HEADER + FORM_ROWS);
    let input = Format::new()
        .set_font_name("Times New Roman")
        .set_font_size(12)
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_unlocked();
    let input_date = input.clone().set_num_format("dd/mm/yyyy");
    for (c, (heading, hint)) in headings.iter().enumerate() {
        let c = c as ColNum;
        ws.write_string_with_format(HEADER, c, *heading, &f.header)?;
        let format = if form == Form::Report && c == 2 {
            &input_date
        } else {
            &input
        };
        for r in first..=last {
            ws.write_blank(r, c, format)?;
        }
        let dv = validation(plan, form, c, lang)?
            .set_input_title(*heading)?
            .set_input_message(*hint)?;
        ws.add_data_validation(first, c, last, c, &dv)?;
    }
    // The total row: formulas with their (empty form) result.
    let total = last + 1;
    ws.write_string_with_format(total, 1, t::TOTAL.get(lang), &f.total_text)?;
    let sums: &[ColNum] = match form {
        Form::Report => &[4, 5],
        Form::Registration => &[4],
    };
    for c in sums {
        let col = crate::input::grid::column_letters(u64::from(*c));
        let formula =
            Formula::new(format!("=SUM({col}{}:{col}{})", first + 1, last + 1)).set_result("0");
        ws.write_formula_with_format(total, *c, formula, &f.total_int)?;
    }
    let sign = total + 2;
    ws.merge_range(
        sign,
        4,
        sign,
        LAST,
        &format!("{}, {}", place(&plan.unit), s::SIGN_PLACE_DATE.get(lang)),
        &f.sign_italic,
    )?;
    ws.merge_range(
        sign + 1,
        0,
        sign + 1,
        2,
        s::SIGN_PREPARER.get(lang),
        &f.sign_bold,
    )?;
    ws.merge_range(
        sign + 1,
        4,
        sign + 1,
        LAST,
        t::SIGN_HEAD.get(lang),
        &f.sign_bold,
    )?;
    ws.merge_range(
        sign + 2,
        0,
        sign + 2,
        2,
        s::SIGN_HINT.get(lang),
        &f.sign_italic,
    )?;
    ws.merge_range(
        sign + 2,
        4,
        sign + 2,
        LAST,
        s::SIGN_HINT.get(lang),
        &f.sign_italic,
    )?;
    ws.set_freeze_panes(first, 0)?;
    ws.protect();
    super::formats::page_setup(
        ws,
        (HEADER, HEADER),
        &format!("{} — {}", plan.centre, name),
        s::PAGE.get(lang),
    )?;
    Ok(())
}

/// The rule of column `c`.
fn validation(plan: &Plan, form: Form, c: ColNum, lang: Lang) -> Result<DataValidation, XlsxError> {
    let year = plan.year.clamp(1900, 9999) as u16;
    Ok(match (form, c) {
        (Form::Report, 2) => DataValidation::new()
            .allow_date(DataValidationRule::Between(
                ExcelDateTime::from_ymd(year, 1, 1)?,
                ExcelDateTime::from_ymd(year, 12, 31)?,
            ))
            .set_error_message(t::ERROR_DATE.get(lang))?,
        (Form::Registration, 2) => {
            let months: Vec<String> = (1..=12)
                .map(|m| format!("{} {m}", t::MONTH.get(lang)))
                .collect();
            DataValidation::new().allow_list_strings(&months)?
        }
        (_, 3) if !plan.villages.is_empty() => {
            DataValidation::new().allow_list_strings(&plan.villages)?
        }
        (_, 4) | (Form::Report, 5) => DataValidation::new()
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

/// The instruction sheet: a few plain lines.
fn instructions(
    ws: &mut Worksheet,
    plan: &Plan,
    form: Form,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(t::SHEET_HELP.get(lang))?;
    ws.set_column_width(0, 110)?;
    ws.write_string_with_format(0, 0, t::HELP_TITLE.get(lang), &f.title)?;
    let lines: Vec<String> = match form {
        Form::Report => t::HELP_REPORT
            .iter()
            .map(|l| l.get(lang).to_string())
            .collect(),
        Form::Registration => t::HELP_REGISTRATION
            .iter()
            .map(|l| l.get(lang).to_string())
            .collect(),
    };
    for (i, line) in lines.iter().enumerate() {
        ws.write_string_with_format(
            2 + i as RowNum,
            0,
            line.replace("{year}", &plan.year.to_string()),
            &f.label,
        )?;
    }
    Ok(())
}
