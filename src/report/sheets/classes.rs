//! Danh sách lớp: every class counted, with where it was read, so any figure can be
//! traced to its row.

use chrono::Datelike;
use rust_xlsxwriter::{
    ColNum, ConditionalFormatFormula, ExcelDateTime, Format, RowNum, Worksheet, XlsxError,
};

use rayon::prelude::*;

use super::{Ctx, List};
use super::{lines_needed, set_lines};
use crate::classes::ClassRow;
use crate::labels::{Label, l, sheet as s};
use crate::normalise::dates::quarter_of;
use crate::report::formats::{Formats, cell_text};

/// The columns of Danh sách lớp, in order: the one definition the writer and the
/// summaries' formulas over the list (see [`super::list_range`]) both use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListCol {
    Stt,
    SubCommittee,
    Topic,
    Date,
    Quarter,
    Village,
    /// How many classes the row stands for (its "Số lớp"): what every class count sums.
    Classes,
    Learners,
    Male,
    Female,
    Teacher,
    Note,
    SourceFile,
    SourceSheet,
    SourceRow,
}

impl ListCol {
    pub const ALL: [ListCol; 15] = [
        ListCol::Stt,
        ListCol::SubCommittee,
        ListCol::Topic,
        ListCol::Date,
        ListCol::Quarter,
        ListCol::Village,
        ListCol::Classes,
        ListCol::Learners,
        ListCol::Male,
        ListCol::Female,
        ListCol::Teacher,
        ListCol::Note,
        ListCol::SourceFile,
        ListCol::SourceSheet,
        ListCol::SourceRow,
    ];

    /// The 0-based column.
    pub const fn col(self) -> ColNum {
        self as ColNum
    }

    fn heading(self) -> Label {
        match self {
            ListCol::Stt => s::STT,
            ListCol::SubCommittee => s::SUBCOMMITTEE,
            ListCol::Topic => s::TOPIC,
            ListCol::Date => s::DATE,
            ListCol::Quarter => s::QUARTER,
            ListCol::Village => s::VILLAGE,
            ListCol::Classes => s::CLASSES,
            ListCol::Learners => s::LEARNERS,
            ListCol::Male => s::MALE,
            ListCol::Female => s::FEMALE,
            ListCol::Teacher => s::TEACHER,
            ListCol::Note => s::NOTE,
            ListCol::SourceFile => s::SOURCE_FILE,
            ListCol::SourceSheet => s::SOURCE_SHEET,
            ListCol::SourceRow => s::SOURCE_ROW,
        }
    }

    /// Width in characters.
    fn width(self) -> f64 {
        match self {
            ListCol::Stt => 6.0,
            ListCol::SubCommittee => 30.0,
            ListCol::Topic => 34.0,
            ListCol::Date => 12.0,
            ListCol::Quarter => 6.0,
            ListCol::Village => 16.0,
            ListCol::Classes => 7.0,
            ListCol::Learners => 10.0,
            ListCol::Male | ListCol::Female => 7.0,
            ListCol::Teacher => 18.0,
            ListCol::Note => 14.0,
            ListCol::SourceFile => 28.0,
            ListCol::SourceSheet => 10.0,
            ListCol::SourceRow => 7.0,
        }
    }

    fn format(self, f: &Formats) -> &Format {
        match self {
            ListCol::Stt | ListCol::Quarter | ListCol::SourceRow => &f.list_center,
            ListCol::Date => &f.list_date,
            ListCol::Classes | ListCol::Learners | ListCol::Male | ListCol::Female => &f.list_int,
            ListCol::SubCommittee
            | ListCol::Topic
            | ListCol::Village
            | ListCol::Teacher
            | ListCol::Note
            | ListCol::SourceFile
            | ListCol::SourceSheet => &f.list_text,
        }
    }
}

const LAST: ColNum = ListCol::SourceRow.col();

/// The row of the list's headings (0-based), under the title and the as-of line; the
/// classes follow it. The summaries' formulas count from the row after it.
pub const HEADING_ROW: RowNum = super::BELOW_TITLE;

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let f = &ctx.f;
    let headings = ListCol::ALL.map(|c| ctx.t(c.heading()));
    let list = List {
        name: ctx.t(l::SHEET_CLASSES),
        widths: &ListCol::ALL.map(ListCol::width),
        title: ctx.yearly_title(s::TITLE_CLASSES),
        headings: &headings,
        tall_headings: true,
    };
    let header = list.top(ws, ctx)?;
    debug_assert_eq!(
        header, HEADING_ROW,
        "the summaries' formulas count from HEADING_ROW"
    );
    for c in ListCol::ALL {
        ws.set_column_format(c.col(), c.format(f))?;
    }
    let classes = filing_order(ctx);
    // How tall each row must be, worked out on every core before the rows are
    // written one by one.
    let lines: Vec<u32> = classes
        .par_iter()
        .map(|class| lines_needed(&wrapped(ctx, class)))
        .collect();
    let mut row = header + 1;
    for (i, class) in classes.into_iter().enumerate() {
        class_row(ws, ctx, row, i, class)?;
        set_lines(ws, row, lines.get(i).copied().unwrap_or(1))?;
        row += 1;
    }
    if row > header + 1 {
        let borders = ConditionalFormatFormula::new()
            .set_rule("=TRUE")
            .set_format(&f.list_border);
        ws.add_conditional_format(header + 1, 0, row - 1, LAST, &borders)?;
    }
    list.end(ws, ctx, header, row)
}

/// The classes in plan order, then by date, as a secretary would file them; the source
/// columns still lead back to where each was read.
fn filing_order<'a>(ctx: &Ctx<'a>) -> Vec<&'a ClassRow> {
    let mut classes: Vec<&ClassRow> = ctx.c.classes.iter().collect();
    classes.sort_by(|a, b| {
        (a.subcommittee, a.date, &a.source.file, a.source.row).cmp(&(
            b.subcommittee,
            b.date,
            &b.source.file,
            b.source.row,
        ))
    });
    classes
}

/// The `i`th class's row, its cells unformatted: each takes its column's format (see
/// `Formats::list_text`).
fn class_row(
    ws: &mut Worksheet,
    ctx: &Ctx,
    row: RowNum,
    i: usize,
    class: &ClassRow,
) -> Result<(), XlsxError> {
    use ListCol as C;
    let d = class.date;
    // The date as its serial number: written with a date format, `write_datetime`
    // would look up a default format for every row first.
    let date = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?.to_excel();
    ws.write_number(row, C::Stt.col(), (i + 1) as f64)?;
    ws.write_string(row, C::SubCommittee.col(), subcommittee_name(ctx, class))?;
    ws.write_string(row, C::Topic.col(), cell_text(&class.topic))?;
    ws.write_number(row, C::Date.col(), date)?;
    ws.write_number(row, C::Quarter.col(), f64::from(quarter_of(d)))?;
    ws.write_string(row, C::Village.col(), cell_text(&class.village))?;
    ws.write_number(row, C::Classes.col(), f64::from(class.classes))?;
    ws.write_number(row, C::Learners.col(), f64::from(class.learners))?;
    for (at, v) in [(C::Male, class.male), (C::Female, class.female)] {
        if let Some(n) = v {
            ws.write_number(row, at.col(), f64::from(n))?;
        }
    }
    ws.write_string(row, C::Teacher.col(), cell_text(&class.teacher))?;
    ws.write_string(row, C::Note.col(), cell_text(&class.note))?;
    ws.write_string(row, C::SourceFile.col(), cell_text(&class.source.file))?;
    ws.write_string(row, C::SourceSheet.col(), cell_text(&class.source.sheet))?;
    ws.write_number(row, C::SourceRow.col(), f64::from(class.source.row))?;
    Ok(())
}

/// The wrapped cells of a class's row, with their column widths.
fn wrapped<'a>(ctx: &'a Ctx, class: &'a ClassRow) -> [(&'a str, f64); 6] {
    [
        (subcommittee_name(ctx, class), ListCol::SubCommittee.width()),
        (class.topic.as_str(), ListCol::Topic.width()),
        (class.village.as_str(), ListCol::Village.width()),
        (class.teacher.as_str(), ListCol::Teacher.width()),
        (class.note.as_str(), ListCol::Note.width()),
        (class.source.file.as_str(), ListCol::SourceFile.width()),
    ]
}

/// The plan's name of the class's sub-committee.
fn subcommittee_name<'a>(ctx: &'a Ctx, class: &ClassRow) -> &'a str {
    ctx.c
        .plan
        .subcommittees
        .get(class.subcommittee)
        .map_or("", |sc| sc.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_of_the_list_sits_where_its_table_lists_it() {
        // The writer places a cell by `col()`, the formulas name a column by it, and the
        // widths, headings and formats follow `ALL`: the two orders must be one.
        for (i, c) in ListCol::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(c.col()), i, "{c:?}");
        }
        assert_eq!(LAST, 14);
        assert_eq!(super::super::col(ListCol::Classes.col()), "G");
    }
}
