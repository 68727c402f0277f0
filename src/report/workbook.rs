//! The consolidated workbook: its sheets built from a [`Consolidation`], in Vietnamese
//! by default. The same inputs and as-of date give the same bytes (the document's
//! creation time is the as-of date, not the clock), and a custom document property
//! marks the file as this tool's own so it is never read back as a report.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};
use thiserror::Error;

use super::sheets::{self, Ctx};
use crate::consolidation::Consolidation;
use crate::input::workbook::OWN_OUTPUT_PROPERTY;
use crate::labels::{Lang, sheet as s};
use chrono::NaiveDate;

/// The writer could not build a workbook; worded by [`WorkbookError::message`]
/// (Vietnamese when displayed).
#[derive(Debug, Error)]
#[error("{}", self.message(Lang::Vi))]
pub struct WorkbookError(#[from] XlsxError);

impl WorkbookError {
    /// The reason in the user's language (the words are in `labels::command`).
    pub fn message(&self, lang: Lang) -> String {
        crate::labels::command::workbook_not_made(&self.0.to_string(), lang)
    }
}

/// A workbook with the document properties every output of the tool carries: the
/// creation time is the as-of date (so the same inputs give the same bytes), and the
/// custom property that marks it as the tool's own.
pub fn base_workbook(ctx: &Ctx) -> Result<Workbook, XlsxError> {
    let c = ctx.c;
    let title = format!("{} {}", s::TITLE_SUMMARY.get(ctx.lang), c.plan.year);
    workbook_with(&title, &c.plan.centre, c.summary.as_of.date)
}

/// A workbook titled `title` for `company`, created on `date` (never the clock), marked
/// as the tool's own.
pub fn workbook_with(title: &str, company: &str, date: NaiveDate) -> Result<Workbook, XlsxError> {
    use chrono::Datelike;
    let mut wb = Workbook::new();
    // Excel's own level: a third of the time of the default 6 for a file a fifth larger.
    wb.set_zip_compression_level(3);
    let d = date;
    let created = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
    let props = DocProperties::new()
        .set_title(title)
        .set_company(company)
        .set_author("tthtcd")
        .set_creation_datetime(&created)
        .set_custom_property(OWN_OUTPUT_PROPERTY, env!("CARGO_PKG_VERSION"));
    wb.set_properties(&props);
    Ok(wb)
}

/// The workbook as bytes.
///
/// The class list, by far the largest sheet, is filled on its own thread while this
/// one fills the others. The bytes do not depend on which finishes first: only the
/// list (a low-memory sheet) touches the workbook's shared string and format tables
/// while filling; the other sheets join those tables when the workbook is saved, in
/// sheet order.
pub fn workbook_bytes(c: &Consolidation, lang: Lang) -> Result<Vec<u8>, WorkbookError> {
    let ctx = Ctx::new(c, lang);
    let filling = std::time::Instant::now();
    let mut wb = base_workbook(&ctx)?;
    for _ in 0..3 {
        wb.add_worksheet();
    }
    wb.add_worksheet_with_low_memory()?;
    // The data sheet last and filled after the others, its text joining the shared
    // strings after theirs: the sheets a person reads are byte for byte the same.
    for _ in 0..6 {
        wb.add_worksheet();
    }
    let [
        summary,
        quarters,
        months,
        list,
        plan_vs_held,
        criteria,
        completeness,
        warnings,
        sources,
        data,
    ] = wb.worksheets_mut().as_mut_slice()
    else {
        unreachable!("ten sheets were just added");
    };
    let (list_done, others_done) = rayon::join(
        || sheets::classes::write(list, &ctx),
        || -> Result<(), XlsxError> {
            sheets::summary::write(summary, &ctx)?;
            sheets::quarters::write(quarters, &ctx)?;
            sheets::months::write(months, &ctx)?;
            sheets::plan_vs_held::write(plan_vs_held, &ctx)?;
            sheets::criteria::write(criteria, &ctx)?;
            sheets::completeness::write(completeness, &ctx)?;
            sheets::warnings::write(warnings, &ctx)?;
            sheets::sources::write(sources, &ctx)
        },
    );
    list_done?;
    others_done?;
    sheets::data::write(data, &ctx)?;
    crate::profile::add(crate::profile::Stage::Sheets, filling.elapsed());
    Ok(crate::profile::time(crate::profile::Stage::Save, || {
        wb.save_to_buffer()
    })?)
}
