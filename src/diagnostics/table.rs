//! What a readable workbook holds, or lacks: its sheets, tables and columns.

use crate::labels::Lang;

/// About a workbook's sheets, tables or columns.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum TableProblem {
    /// The workbook yields nothing the tool reads: no class table, or tables with no
    /// row filled in. The file is skipped.
    NoClassTable {
        looks: WorkbookLooks,
    },
    /// A web page (HTML) saved under a spreadsheet name, read table by table.
    WebPage {
        tables: usize,
    },
    /// Sheets of a file that was read, passed over: without a class table, or hidden.
    SheetsSkipped {
        without_table: Vec<String>,
        hidden: Vec<String>,
    },
    ColumnsIgnored {
        names: Vec<String>,
    },
    /// Cells typed with a legacy font were converted to Unicode.
    LegacyConverted {
        encoding: crate::text::Legacy,
        cells: u32,
    },
    DateColumnMissing,
    /// The class table has a topic and a date but no column of learners.
    LearnersColumnMissing,
    /// A column of text dates that only reads month first (US order): read so, once
    /// for the column; `example` is one date that proved it.
    DatesMonthFirst {
        example: String,
    },
    /// Two columns name the same field; the better heading is used.
    ColumnsCompete {
        field: crate::classes::Field,
        used: String,
        used_cell: String,
        other: String,
        other_cell: String,
    },
}

impl TableProblem {
    /// Short, stable code for scripts; never translated.
    pub fn code(&self) -> &'static str {
        use TableProblem::*;
        match self {
            NoClassTable { .. } => "no-class-table",
            WebPage { .. } => "web-page",
            SheetsSkipped { .. } => "sheets-skipped",
            ColumnsIgnored { .. } => "columns-ignored",
            LegacyConverted { .. } => "legacy-encoding-converted",
            DateColumnMissing => "date-column-missing",
            LearnersColumnMissing => "learners-column-missing",
            DatesMonthFirst { .. } => "dates-month-first",
            ColumnsCompete { .. } => "columns-compete",
        }
    }

    pub fn severity(&self) -> super::Severity {
        use super::Severity;
        use TableProblem::*;
        match self {
            NoClassTable { looks } => looks.severity(),
            WebPage { .. }
            | SheetsSkipped { .. }
            | ColumnsIgnored { .. }
            | LegacyConverted { .. } => Severity::Info,
            DatesMonthFirst { .. } | ColumnsCompete { .. } => Severity::Warning,
            DateColumnMissing | LearnersColumnMissing => Severity::Error,
        }
    }

    /// The sentence a secretary reads (without the cell): the words live in
    /// `labels::problem`; this hands each message its data.
    pub fn message(&self, lang: Lang) -> String {
        use crate::labels::problem as w;
        use TableProblem::*;
        match self {
            NoClassTable { looks } => looks.words(lang),
            WebPage { tables } => w::web_page(*tables, lang),
            SheetsSkipped {
                without_table,
                hidden,
            } => w::sheets_skipped(without_table, hidden, lang),
            ColumnsIgnored { names } => w::columns_ignored(names, lang),
            LegacyConverted { encoding, cells } => {
                w::legacy_converted(encoding.name(), *cells, lang)
            }
            DateColumnMissing => w::DATE_COLUMN_MISSING.get(lang).into(),
            LearnersColumnMissing => w::LEARNERS_COLUMN_MISSING.get(lang).into(),
            DatesMonthFirst { example } => w::dates_month_first(example, lang),
            ColumnsCompete {
                field,
                used,
                used_cell,
                other,
                other_cell,
            } => w::columns_compete(field.words(), (used, used_cell), (other, other_cell), lang),
        }
    }
}

/// What a workbook that holds nothing the tool reads looks like (`input::looks`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum WorkbookLooks {
    /// No cell holds anything.
    Empty,
    /// A list of people: the headings that say so ("Họ và tên", "Năm sinh").
    PeopleList { headings: Vec<String> },
    /// A statistics form ("Biểu 01": Chỉ tiêu, Mã số, Đơn vị tính, (A) (B) (1) (2)).
    StatisticsForm,
    /// A timetable or schedule: the headings that say so ("Thứ", "Ca", "Phòng").
    Timetable { headings: Vec<String> },
    /// A header row with nothing filled in under it.
    BlankTemplate { headings: Vec<String> },
    /// Anything else: the headings of its most table-like row, if it has one.
    Other { headings: Vec<String> },
}

impl WorkbookLooks {
    /// A form nobody filled in, or an empty workbook, left in the folder: nothing to
    /// look at. Any other workbook without a class table may be a report sent in the
    /// wrong shape.
    fn severity(&self) -> super::Severity {
        match self {
            WorkbookLooks::BlankTemplate { .. } | WorkbookLooks::Empty => super::Severity::Info,
            WorkbookLooks::PeopleList { .. }
            | WorkbookLooks::StatisticsForm
            | WorkbookLooks::Timetable { .. }
            | WorkbookLooks::Other { .. } => super::Severity::Warning,
        }
    }

    fn words(&self, lang: Lang) -> String {
        use crate::labels::problem as w;
        match self {
            WorkbookLooks::Other { headings } if headings.is_empty() => {
                w::NO_CLASS_TABLE.get(lang).into()
            }
            WorkbookLooks::Other { headings } => w::looks_other(headings, lang),
            WorkbookLooks::Empty => w::LOOKS_EMPTY.get(lang).into(),
            WorkbookLooks::PeopleList { headings } => w::looks_people_list(headings, lang),
            WorkbookLooks::StatisticsForm => w::LOOKS_STATISTICS_FORM.get(lang).into(),
            WorkbookLooks::Timetable { headings } => w::looks_timetable(headings, lang),
            WorkbookLooks::BlankTemplate { headings } => w::looks_blank_template(headings, lang),
        }
    }
}
