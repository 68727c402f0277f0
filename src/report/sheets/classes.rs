//! Danh sách lớp: every class counted, with where it was read, so any figure can be
//! traced to its row.

use chrono::Datelike;
use rust_xlsxwriter::{
    ColNum, ConditionalFormatFormula, ExcelDateTime, Format, RowNum, Worksheet, XlsxError,
};

use rayon::prelude::*;

use super::{Ctx, List, Page};
use super::{lines_needed, set_lines};
use crate::classes::ClassRow;
use crate::consolidation::Consolidation;
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

/// The row of the list's headings (0-based), under the title and the as-of line; the
/// classes follow it. The summaries' formulas count from the row after it.
pub const HEADING_ROW: RowNum = super::BELOW_TITLE;

/// Where a list of classes sits, for the formulas that count over it: its sheet, how
/// many classes it lists, and how many columns stand between STT and the others (the
/// district's list puts each class's commune there).
pub struct ListPlace<'a> {
    pub sheet: &'a str,
    pub rows: usize,
    pub shift: ColNum,
}

impl ListPlace<'_> {
    /// The 0-based column of `c` in this list.
    pub fn col(&self, c: ListCol) -> ColNum {
        match c {
            ListCol::Stt => 0,
            c => c.col() + self.shift,
        }
    }

    /// The column of `c` as an absolute range ("'Danh sách lớp'!$H$5:$H$35"), or None
    /// when the list is empty.
    pub fn range(&self, c: ListCol) -> Option<String> {
        self.range_at(self.col(c))
    }

    /// The 0-based column `at` as an absolute range over the list's rows.
    pub fn range_at(&self, at: ColNum) -> Option<String> {
        // 1-based: the first class is on the row after the heading's.
        let first = HEADING_ROW + 2;
        (self.rows > 0).then(|| {
            let sheet = self.sheet.replace('\'', "''");
            let l = super::col(at);
            format!(
                "'{sheet}'!${l}${first}:${l}${}",
                first + self.rows as u32 - 1
            )
        })
    }
}

/// A class as a list shows it: the class, its sub-committee's name, and for the
/// district's list its commune (unit and folder).
pub struct Listed<'a> {
    pub class: &'a ClassRow,
    pub subcommittee: &'a str,
    pub commune: Option<(&'a str, &'a str)>,
}

/// A list of classes to write: where it sits, its title, and the headings and widths of
/// the columns between STT and the class's own (`place.shift` of them).
pub struct ClassList<'a> {
    pub place: ListPlace<'a>,
    pub title: String,
    pub between: &'a [(Label, f64)],
}

pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let items = listed(ctx.c, None);
    let list = ClassList {
        place: ctx.list(),
        title: ctx.yearly_title(s::TITLE_CLASSES),
        between: &[],
    };
    write_list(ws, ctx, &list, &items)
}

/// The list's columns in sheet order: (heading, width).
fn columns(page: &Page, list: &ClassList) -> Vec<(&'static str, f64)> {
    let mut columns = vec![(page.t(s::STT), ListCol::Stt.width())];
    columns.extend(list.between.iter().map(|(h, w)| (page.t(*h), *w)));
    columns.extend(
        ListCol::ALL[1..]
            .iter()
            .map(|c| (page.t(c.heading()), c.width())),
    );
    columns
}

/// Writes `items` as the list `list`: the title, the headings, a row a class.
pub fn write_list(
    ws: &mut Worksheet,
    page: &Page,
    list: &ClassList,
    items: &[Listed],
) -> Result<(), XlsxError> {
    let mut rows = ListRows::start(ws, page, list)?;
    rows.add(ws, list, items)?;
    rows.end(ws, page, list)
}

/// A class list being written: its heading row and the next row free. The list may
/// be filled in pieces (a district's, commune by commune as each is consolidated);
/// the rows are the same as those of one [`write_list`] of all the pieces.
pub struct ListRows {
    header: RowNum,
    next: RowNum,
    /// Classes written so far (the STT of the next is one more).
    count: usize,
}

impl ListRows {
    /// The title, the headings and the columns' formats.
    pub fn start(ws: &mut Worksheet, page: &Page, list: &ClassList) -> Result<ListRows, XlsxError> {
        let f = &page.f;
        let top = list_top(page, list);
        let header = top.list().top(ws, page)?;
        debug_assert_eq!(
            header, HEADING_ROW,
            "the summaries' formulas count from HEADING_ROW"
        );
        for at in 1..=list.place.shift {
            ws.set_column_format(at, &f.list_text)?;
        }
        for c in ListCol::ALL {
            ws.set_column_format(list.place.col(c), c.format(f))?;
        }
        Ok(ListRows {
            header,
            next: header + 1,
            count: 0,
        })
    }

    /// The classes `items`, after those written so far.
    pub fn add(
        &mut self,
        ws: &mut Worksheet,
        list: &ClassList,
        items: &[Listed],
    ) -> Result<(), XlsxError> {
        // How tall each row must be, worked out on every core before the rows are
        // written one by one.
        let lines: Vec<u32> = items
            .par_iter()
            .map(|item| lines_needed(&wrapped(list, item)))
            .collect();
        for (item, lines) in items.iter().zip(lines) {
            class_row(ws, &list.place, self.next, self.count, item)?;
            set_lines(ws, self.next, lines)?;
            (self.next, self.count) = (self.next + 1, self.count + 1);
        }
        Ok(())
    }

    /// The borders over the rows written, the filter, the frozen headings, the page.
    pub fn end(self, ws: &mut Worksheet, page: &Page, list: &ClassList) -> Result<(), XlsxError> {
        let (header, row) = (self.header, self.next);
        if row > header + 1 {
            let borders = ConditionalFormatFormula::new()
                .set_rule("=TRUE")
                .set_format(&page.f.list_border);
            let last = list.place.col(ListCol::SourceRow);
            ws.add_conditional_format(header + 1, 0, row - 1, last, &borders)?;
        }
        list_top(page, list).list().end(ws, page, header, row)
    }
}

/// The headings and widths of a class list's columns.
struct ListTop<'a> {
    name: &'static str,
    title: &'a str,
    headings: Vec<&'static str>,
    widths: Vec<f64>,
}

impl ListTop<'_> {
    fn list(&self) -> List<'_> {
        List {
            name: self.name,
            widths: &self.widths,
            title: self.title.to_string(),
            headings: &self.headings,
            tall_headings: true,
        }
    }
}

fn list_top<'a>(page: &Page, list: &'a ClassList) -> ListTop<'a> {
    let (headings, widths) = columns(page, list).into_iter().unzip();
    ListTop {
        name: page.t(l::SHEET_CLASSES),
        title: &list.title,
        headings,
        widths,
    }
}

/// The classes of `c` as its list shows them, in filing order (see [`filing_order`]),
/// each with `commune` (the district's list) or none.
pub fn listed<'a>(c: &'a Consolidation, commune: Option<(&'a str, &'a str)>) -> Vec<Listed<'a>> {
    filing_order(c)
        .into_iter()
        .map(|class| Listed {
            class,
            subcommittee: c
                .plan
                .subcommittees
                .get(class.subcommittee)
                .map_or("", |sc| sc.name.as_str()),
            commune,
        })
        .collect()
}

/// The classes in plan order, then by date, as a secretary would file them; the source
/// columns still lead back to where each was read.
fn filing_order(c: &Consolidation) -> Vec<&ClassRow> {
    let mut classes: Vec<&ClassRow> = c.classes.iter().collect();
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
    place: &ListPlace,
    row: RowNum,
    i: usize,
    item: &Listed,
) -> Result<(), XlsxError> {
    use ListCol as C;
    let (class, at) = (item.class, |c: ListCol| place.col(c));
    let d = class.date;
    // The date as its serial number: written with a date format, `write_datetime`
    // would look up a default format for every row first.
    let date = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?.to_excel();
    ws.write_number(row, at(C::Stt), (i + 1) as f64)?;
    if let Some((unit, folder)) = item.commune {
        ws.write_string(row, 1, cell_text(unit))?;
        ws.write_string(row, 2, cell_text(folder))?;
    }
    ws.write_string(row, at(C::SubCommittee), item.subcommittee)?;
    ws.write_string(row, at(C::Topic), cell_text(&class.topic))?;
    ws.write_number(row, at(C::Date), date)?;
    ws.write_number(row, at(C::Quarter), f64::from(quarter_of(d)))?;
    ws.write_string(row, at(C::Village), cell_text(&class.village))?;
    ws.write_number(row, at(C::Classes), f64::from(class.classes))?;
    ws.write_number(row, at(C::Learners), f64::from(class.learners))?;
    for (c, v) in [(C::Male, class.male), (C::Female, class.female)] {
        if let Some(n) = v {
            ws.write_number(row, at(c), f64::from(n))?;
        }
    }
    ws.write_string(row, at(C::Teacher), cell_text(&class.teacher))?;
    ws.write_string(row, at(C::Note), cell_text(&class.note))?;
    ws.write_string(row, at(C::SourceFile), cell_text(&class.source.file))?;
    ws.write_string(row, at(C::SourceSheet), cell_text(&class.source.sheet))?;
    ws.write_number(row, at(C::SourceRow), f64::from(class.source.row))?;
    Ok(())
}

/// The wrapped cells of a class's row, with their column widths.
fn wrapped<'a>(list: &ClassList, item: &Listed<'a>) -> [(&'a str, f64); 8] {
    let class = item.class;
    let width = |i: usize| list.between.get(i).map_or(1.0, |(_, w)| *w);
    let (unit, folder) = item.commune.unwrap_or(("", ""));
    [
        (unit, width(0)),
        (folder, width(1)),
        (item.subcommittee, ListCol::SubCommittee.width()),
        (class.topic.as_str(), ListCol::Topic.width()),
        (class.village.as_str(), ListCol::Village.width()),
        (class.teacher.as_str(), ListCol::Teacher.width()),
        (class.note.as_str(), ListCol::Note.width()),
        (class.source.file.as_str(), ListCol::SourceFile.width()),
    ]
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
        assert_eq!(ListCol::SourceRow.col(), 14);
        assert_eq!(super::super::col(ListCol::Classes.col()), "G");
    }
}
