//! The district workbook: every commune of a [`District`] side by side, for the
//! district's education office. Built from the communes' own consolidations with the
//! commune workbook's pieces (`sheets`): its formats, headings, figures tables, class
//! list, problem and file rows. Its sheets:
//!
//! - **Tổng hợp huyện**: a row a commune — classes and learners against target and
//!   due, participation against the commune's planned rate, its status, its monthly
//!   reports received of due, its errors — a commune that could not be consolidated
//!   with its reason and no figures, the district's totals, two charts, the signature.
//! - **Theo tiểu ban**: communes × the sub-committees matched across communes
//!   ([`sub_groups`]).
//! - **Theo quý**: communes × quarters, target and done.
//! - **Nộp báo cáo**: communes × months, monthly reports received of due.
//! - **Danh sách lớp**: every class, its commune first.
//! - **Cảnh báo**: every problem with its commune, and each commune not consolidated.
//! - **Nguồn**: every file read, with its commune.
//!
//! A commune's done figures are SUMIFS over Danh sách lớp on its folder (the folder,
//! not the commune's name: two communes' plans may name one unit), the totals SUMs,
//! every formula with its value stored. A commune's status is the worst of its
//! sub-committees' (short, behind, on track, met): the one that makes the commune's own
//! run report a shortfall (`Consolidation::falls_short`). The same district gives the
//! same bytes: the document's creation time is the as-of date.

mod grids;
mod lists;
mod reporting;
mod streamed;
mod summary;

pub use streamed::Streamed;

use chrono::NaiveDate;
use rust_xlsxwriter::{ColNum, RowNum, Worksheet, XlsxError};

use super::formats::{Formats, cell_text};
use super::sheets::{ListPlace, Page, equals_cell, fit_height};
use super::workbook::{WorkbookError, workbook_with};
use crate::consolidation::Consolidation;
use crate::district::{District, sub_groups};
use crate::labels::{Label, Lang, district as k, l, sheet as s};

/// The column of a class's folder in the district's Danh sách lớp (after STT and the
/// commune's name): what the figures' SUMIFS pick a commune by.
const FOLDER_IN_LIST: ColNum = 2;

/// The district workbook as bytes.
pub fn district_bytes(d: &District, lang: Lang) -> Result<Vec<u8>, WorkbookError> {
    let dc = DCtx::new(d, lang);
    let mut wb = workbook_of(d.name.as_deref(), &dc.dates, lang)?;
    let mut classes = wb.new_worksheet_with_low_memory()?;
    lists::classes(&mut classes, &dc)?;
    sheets_around(wb, classes, &dc)
}

/// The district's workbook before its sheets: titled with its communes' years, created
/// on their date.
fn workbook_of(
    name: Option<&str>,
    dates: &Dates,
    lang: Lang,
) -> Result<rust_xlsxwriter::Workbook, XlsxError> {
    let title = format!("{} {}", k::TITLE_SUMMARY.get(lang), dates.year);
    workbook_with(&title, name.unwrap_or(""), dates.created)
}

/// The sheets of the district workbook, its Danh sách lớp (`classes`) filled, and the
/// workbook's bytes.
fn sheets_around(
    mut wb: rust_xlsxwriter::Workbook,
    classes: Worksheet,
    dc: &DCtx,
) -> Result<Vec<u8>, WorkbookError> {
    summary::write(wb.add_worksheet(), dc)?;
    grids::by_subcommittee(wb.add_worksheet(), dc)?;
    grids::by_quarter(wb.add_worksheet(), dc)?;
    reporting::write(wb.add_worksheet(), dc)?;
    wb.push_worksheet(classes);
    lists::warnings(wb.add_worksheet(), dc)?;
    lists::sources(wb.add_worksheet(), dc)?;
    Ok(wb.save_to_buffer()?)
}

/// A sheet's title with the communes' `year` and the district `name`.
fn titled(words: Label, year: &str, name: Option<&str>, lang: Lang) -> String {
    format!("{} {year}{}", words.get(lang), k::of_district(name, lang))
}

/// The dates and years the district's headings carry, from the communes consolidated:
/// each one's plan year and as-of date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dates {
    /// The communes' plan years: "2019" (or "2019, 2020").
    year: String,
    /// The date every commune is judged on, when there is one: the district's, or the
    /// one the communes share.
    as_of: Option<NaiveDate>,
    /// The document's creation date: that date, else the latest of the communes' (never
    /// the clock).
    created: NaiveDate,
}

impl Dates {
    fn new(district_as_of: Option<NaiveDate>, done: &[(i32, NaiveDate)]) -> Dates {
        let mut years: Vec<i32> = done.iter().map(|(y, _)| *y).collect();
        years.sort_unstable();
        years.dedup();
        let year = years
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let shared = done
            .first()
            .map(|(_, first)| *first)
            .filter(|first| done.iter().all(|(_, d)| d == first));
        let as_of = district_as_of.or(shared);
        let latest = done.iter().map(|(_, d)| *d).max().unwrap_or_default();
        Dates {
            year,
            as_of,
            created: as_of.unwrap_or(latest),
        }
    }

    /// The page of every sheet of the district `name`.
    fn page(&self, name: Option<&str>, lang: Lang) -> Page {
        let date = self
            .as_of
            .map_or_else(|| "…".to_string(), |d| d.format("%d/%m/%Y").to_string());
        let committee = k::committee(name, lang);
        Page {
            lang,
            f: Formats::new(),
            page_header: format!(
                "{committee} — {} — {} {date}",
                self.year,
                s::AS_OF.get(lang)
            ),
            as_of: date,
            issuer: (committee, k::OFFICE),
            place: name.map_or_else(|| "……………".to_string(), str::to_string),
            signer: k::SIGNER,
        }
    }
}

/// What the district's sheets share: the district, its consolidated communes, the page
/// (which a `DCtx` derefs to).
pub(crate) struct DCtx<'a> {
    pub d: &'a District,
    pub page: Page,
    /// The communes consolidated, with their index in `d.communes`.
    pub done: Vec<(usize, &'a Consolidation)>,
    /// The communes' years and dates.
    pub dates: Dates,
}

impl std::ops::Deref for DCtx<'_> {
    type Target = Page;
    fn deref(&self) -> &Page {
        &self.page
    }
}

impl<'a> DCtx<'a> {
    fn new(d: &'a District, lang: Lang) -> DCtx<'a> {
        let done: Vec<_> = d.done().collect();
        let dated: Vec<(i32, NaiveDate)> = done
            .iter()
            .map(|(_, c)| (c.plan.year, c.summary.as_of.date))
            .collect();
        let dates = Dates::new(d.as_of, &dated);
        DCtx {
            d,
            page: dates.page(d.name.as_deref(), lang),
            done,
            dates,
        }
    }

    /// A sheet's title with the year and the district: "KẾT QUẢ MỞ LỚP THEO QUÝ CỦA CÁC
    /// XÃ NĂM 2019 — HUYỆN ĐÔNG TRIỀU".
    fn title(&self, words: Label) -> String {
        titled(words, &self.dates.year, self.d.name.as_deref(), self.lang)
    }

    /// A sheet's title with the district: "CÁC TỆP ĐÃ ĐỌC — HUYỆN ĐÔNG TRIỀU".
    fn plain_title(&self, words: Label) -> String {
        format!("{}{}", self.t(words), self.of_district())
    }

    fn of_district(&self) -> String {
        k::of_district(self.d.name.as_deref(), self.lang)
    }

    /// Where the district's Danh sách lớp sits: the commune's name and folder between
    /// STT and the class's own columns.
    fn list(&self) -> ListPlace<'static> {
        ListPlace {
            sheet: l::SHEET_CLASSES.get(self.lang),
            rows: self.done.iter().map(|(_, c)| c.classes.len()).sum(),
            shift: 2,
        }
    }

    /// The criteria (range, condition) of a SUMIFS that pick commune `i`'s classes of
    /// the list by its folder, written in `cell`. None when the list is empty, or when
    /// another commune's folder differs from this one's only in case (SUMIFS ignores
    /// case): its figures stay plain numbers.
    fn folder_criterion(&self, i: usize, cell: &str) -> Option<String> {
        let folder = &self.d.communes.get(i)?.folder;
        let lower = folder.to_lowercase();
        let alike = self.done.iter().filter(|(j, _)| {
            self.d
                .communes
                .get(*j)
                .is_some_and(|c| c.folder.to_lowercase() == lower)
        });
        if alike.count() > 1 {
            return None;
        }
        Some(equals_cell(
            &self.list().range_at(FOLDER_IN_LIST)?,
            cell,
            folder,
        ))
    }
}

/// A commune not consolidated, at `row` of a table: its number and folder, and its
/// reason in red across columns 2 to `last` (`width` characters together).
fn failed_row(
    ws: &mut Worksheet,
    page: &Page,
    (row, last): (RowNum, ColNum),
    (i, folder, reason): (usize, &str, &str),
    width: f64,
) -> Result<(), XlsxError> {
    let f = &page.f;
    let text = k::failed(reason, page.lang);
    ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text_center)?;
    ws.write_string_with_format(row, 1, cell_text(folder), &f.text)?;
    if last > 2 {
        ws.merge_range(row, 2, row, last, &cell_text(&text), &f.warn_cell)?;
    } else {
        ws.write_string_with_format(row, 2, cell_text(&text), &f.warn_cell)?;
    }
    fit_height(ws, row, &[(&text, width)])
}

/// A note across columns 0 to `last` at `row`, wrapped over `width` characters.
fn note(
    ws: &mut Worksheet,
    page: &Page,
    row: RowNum,
    last: ColNum,
    (words, width): (Label, f64),
) -> Result<(), XlsxError> {
    let text = page.t(words);
    let wrap = page.f.label.clone().set_text_wrap();
    ws.merge_range(row, 0, row, last, text, &wrap)?;
    fit_height(ws, row, &[(text, width)])
}

/// The sub-committee columns of the district: [`sub_groups`] over the communes' plans.
fn groups(dc: &DCtx) -> Vec<crate::district::SubGroup> {
    let plans: Vec<_> = dc.done.iter().map(|(i, c)| (*i, &c.plan)).collect();
    sub_groups(&plans)
}
