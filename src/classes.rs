//! A class as the tool counts it: one accepted row of a sub-committee's report, with
//! the place it came from so every figure can be traced back to a cell.

use chrono::NaiveDate;

/// Where a row was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Relative to the input folder, `/`-separated.
    pub file: String,
    pub sheet: String,
    /// 1-based row number as Excel shows it.
    pub row: u32,
    /// A1 address of the row's topic cell, where a duplicate is pointed at.
    pub cell: String,
}

impl Source {
    /// "kinh-te/thang-03.xlsx, trang T3, dòng 12" — for messages.
    pub fn describe(&self, lang: crate::labels::Lang) -> String {
        match lang {
            crate::labels::Lang::Vi => {
                format!("{}, trang '{}', dòng {}", self.file, self.sheet, self.row)
            }
            crate::labels::Lang::En => {
                format!("{}, sheet '{}', row {}", self.file, self.sheet, self.row)
            }
        }
    }
}

/// One class that was opened, normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassRow {
    /// Index into the plan's sub-committees.
    pub subcommittee: usize,
    pub topic: String,
    pub date: NaiveDate,
    pub village: String,
    pub learners: u32,
    pub male: Option<u32>,
    pub female: Option<u32>,
    pub teacher: String,
    pub note: String,
    pub source: Source,
}

/// One class a sub-committee registered for the plan's appendix.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedClass {
    /// Index into the plan's sub-committees.
    pub subcommittee: usize,
    pub topic: String,
    /// The month, when the form gives one.
    pub month: Option<u32>,
    /// 1–4, from the month or given directly.
    pub quarter: u32,
    pub village: String,
    pub learners: u32,
    pub responsible: String,
    pub partner: String,
    pub note: String,
    pub source: Source,
}
