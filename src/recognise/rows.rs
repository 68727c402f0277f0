//! A sheet's table rows → classes. Every candidate row ends as exactly one
//! [`RowOutcome`]; every reason for rejecting one is a diagnostic naming its cell.

use chrono::{Datelike, NaiveDate};

use super::headers::Field;
use super::table::{RowKind, Table, TableKind, find_tables, has_figures, is_header_row, row_kind};
use super::vocabulary::Vocabulary;
use crate::classes::{ClassRow, CriterionEntry, EntryValue, PlannedClass, Source};
use crate::diagnostics::{CountFault, Diagnostic, Problem, RowProblem, TableProblem};
use crate::input::grid::{CellValue, Grid, SheetGrid};
use crate::normalise::dates::{self, DateError};
use crate::normalise::numbers::{self, CountError};
use crate::normalise::period::{Period, Planned, period_in_name, planned};
use crate::normalise::subcommittee::{SubCommitteeMatch, match_subcommittee};
use crate::plan::Criterion;
use crate::text::{clean, fold};

/// What the rows of a sheet need to know from outside the sheet.
pub struct SheetContext<'a> {
    /// What is known of the commune: year, sub-committees, criteria, limits.
    pub vocabulary: &'a Vocabulary,
    /// Relative path of the file.
    pub file: &'a str,
    /// The sub-committee the file name names, if it names exactly one.
    pub file_subcommittee: Option<usize>,
}

/// One candidate row's fate.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum RowOutcome {
    Accepted(Box<ClassRow>),
    /// A class registered for the plan (a row of a registration form).
    Planned(Box<PlannedClass>),
    /// A figure for an indicator of a criterion (a row of a criteria form).
    Criterion(Box<CriterionEntry>),
    Rejected,
}

/// A sheet's result: None for `table` when it has no class table.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct SheetResult {
    pub table_found: bool,
    pub kind: Option<TableKind>,
    /// The sub-committee the sheet as a whole belongs to (title, sheet or file name).
    pub subcommittee: Option<usize>,
    /// The month or quarter the sheet or file name announces.
    pub period: Option<Period>,
    /// The date written under the table ("…, ngày 30 tháng 3 năm 2019"), when there is one.
    pub signed_on: Option<NaiveDate>,
    /// The table's first header row (relative); the lines above it are its title.
    pub header_row: Option<usize>,
    /// Headings of the columns the table has but the tool does not use.
    pub ignored_columns: Vec<String>,
    pub rows: Vec<RowOutcome>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Recognises and reads the tables of one sheet: one under another, or side by side.
pub fn read_sheet(ctx: &SheetContext, sheet: &SheetGrid) -> SheetResult {
    let mut out = SheetResult::default();
    let file_name = ctx.file.rsplit('/').next().unwrap_or(ctx.file);
    let period = [sheet.name.as_str(), file_name]
        .into_iter()
        .find_map(|name| period_in_name(name).map(|p| (p, name.to_string())));
    out.period = period.as_ref().map(|(p, _)| *p);
    // Titles of a table lie between the end of the one above it and its heading.
    let mut from = 0;
    loop {
        let tables = find_tables(&sheet.grid, from);
        let Some(first) = tables.first() else { break };
        let mut next = first.data_start;
        for table in &tables {
            let end = read_table(ctx, sheet, table, from, period.as_ref(), &mut out);
            next = next.max(end);
        }
        from = next;
    }
    out
}

/// Reads one table's rows into `out`; returns the row after the table.
fn read_table(
    ctx: &SheetContext,
    sheet: &SheetGrid,
    table: &Table,
    titles_from: usize,
    period: Option<&(Period, String)>,
    out: &mut SheetResult,
) -> usize {
    let grid = &sheet.grid;
    let mut sheet_sub = sheet_subcommittee(ctx, sheet, table, titles_from);
    if !out.table_found {
        out.table_found = true;
        out.header_row = Some(table.header_row);
        out.kind = Some(table.kind);
        out.subcommittee = sheet_sub;
    }
    out.ignored_columns.extend(table.ignored.iter().cloned());
    out.diagnostics.extend(competing_columns(ctx, sheet, table));
    let (rows, end) = table_rows(grid, table, &mut out.signed_on);
    let order = date_order(ctx, sheet, table, &rows, &mut out.diagnostics);
    let mut current_criterion: Option<u32> = None;
    for r in rows {
        match heading(ctx, grid, table, r) {
            Some(Heading::Criterion(n)) => current_criterion = Some(n),
            Some(Heading::Period) => {}
            Some(Heading::Group(i)) => sheet_sub = Some(i),
            None => {
                let mut reader = RowReader {
                    ctx,
                    sheet,
                    table,
                    r,
                    order,
                    diagnostics: &mut out.diagnostics,
                };
                let outcome = reader.outcome(sheet_sub, period, current_criterion);
                out.rows.push(outcome);
            }
        }
    }
    end
}

/// A note for each field two columns of the table could hold: the one used, the other
/// at its heading.
fn competing_columns<'a>(
    ctx: &'a SheetContext,
    sheet: &'a SheetGrid,
    table: &'a Table,
) -> impl Iterator<Item = Diagnostic> + 'a {
    let grid = &sheet.grid;
    table.competing.iter().map(move |c| Diagnostic {
        problem: Problem::Table(TableProblem::ColumnsCompete {
            field: c.field,
            used: c.used.1.clone(),
            used_cell: grid.a1(table.header_row, c.used.0),
            other: c.other.1.clone(),
            other_cell: grid.a1(table.header_row, c.other.0),
        }),
        file: Some(ctx.file.to_string()),
        sheet: Some(sheet.name.clone()),
        cell: Some(grid.a1(table.header_row, c.other.0)),
    })
}

/// A row that heads the rows below it rather than being read.
enum Heading {
    /// "Tiêu chí 5: …" above its indicators in a criteria form.
    Criterion(u32),
    /// "Tháng 1", "Quý I" heading the classes of a period: not a class.
    Period,
    /// "II | TIỂU BAN PHÁP LUẬT" inside a table that groups several sub-committees:
    /// the rows below belong to it.
    Group(usize),
}

/// What row `r` heads, if it is a heading.
fn heading(ctx: &SheetContext, grid: &Grid, table: &Table, r: usize) -> Option<Heading> {
    if table.kind == TableKind::Criteria
        && let Some(n) = criterion_heading(grid, table, r)
    {
        return Some(Heading::Criterion(n));
    }
    if period_heading(grid, table, r) {
        return Some(Heading::Period);
    }
    group_heading(ctx, grid, table, r).map(Heading::Group)
}

/// The rows of a table that hold something to read, and the row after the table. The
/// table ends at its signature block — unless figures follow it before the next
/// table's heading: words of a signature block with classes still below them are a
/// class row after all (a topic such as "Ghi chú …" with its figures missing), read
/// rather than drop what follows — or at the heading of the next table.
fn table_rows(
    grid: &Grid,
    table: &Table,
    signed_on: &mut Option<NaiveDate>,
) -> (Vec<usize>, usize) {
    // One pass finds where the next table starts and the last row with figures before it.
    let mut boundary = grid.height();
    let mut last_figures = None;
    for r in table.data_start..grid.height() {
        if has_figures(grid, table, r) {
            last_figures = Some(r);
        } else if is_header_row(grid, r) {
            boundary = r;
            break;
        }
    }
    let mut rows = Vec::new();
    for r in table.data_start..boundary {
        match row_kind(grid, table, r) {
            RowKind::Blank | RowKind::Total => {}
            RowKind::Footer if last_figures.is_none_or(|l| l < r) => {
                if signed_on.is_none() {
                    *signed_on = signature_date(grid, r);
                }
                return (rows, r + 1);
            }
            RowKind::Footer | RowKind::Candidate => rows.push(r),
        }
    }
    (rows, boundary)
}

/// How the text dates of a table's date column are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateOrder {
    /// Every numeric text date in this order.
    All(dates::Order),
    /// The column holds dates valid only day first and others valid only month first:
    /// each is read the one way it is valid, and one that reads both ways is refused.
    Mixed,
}

/// The order the column proves: month first when some text dates read only month first
/// and none only day first (a US-locale export), with one note for the column; mixed
/// when both kinds occur; day first otherwise. Date cells are not affected.
fn date_order(
    ctx: &SheetContext,
    sheet: &SheetGrid,
    table: &Table,
    rows: &[usize],
    diagnostics: &mut Vec<Diagnostic>,
) -> DateOrder {
    let Some(c) = table.column(Field::Date) else {
        return DateOrder::All(dates::Order::DayFirst);
    };
    let mut day_only = 0;
    let mut example: Option<(usize, &str)> = None;
    for r in rows {
        let Some(text) = sheet.grid.get(*r, c).as_text() else {
            continue;
        };
        match dates::orders(text) {
            Some((true, false)) => day_only += 1,
            Some((false, true)) => example = example.or(Some((*r, text))),
            _ => {}
        }
    }
    match (day_only, example) {
        (0, Some((r, text))) => {
            diagnostics.push(Diagnostic {
                problem: Problem::Table(TableProblem::DatesMonthFirst {
                    example: clean(text),
                }),
                file: Some(ctx.file.to_string()),
                sheet: Some(sheet.name.clone()),
                cell: Some(sheet.grid.a1(r, c)),
            });
            DateOrder::All(dates::Order::MonthFirst)
        }
        (_, Some(_)) => DateOrder::Mixed,
        _ => DateOrder::All(dates::Order::DayFirst),
    }
}

/// A row with no figures whose only text names one sub-committee is a group heading.
fn group_heading(ctx: &SheetContext, grid: &Grid, table: &Table, r: usize) -> Option<usize> {
    let figures = [
        Field::PlannedPeriod,
        Field::Date,
        Field::Learners,
        Field::Male,
        Field::Female,
        Field::Village,
        Field::Teacher,
    ];
    if figures
        .iter()
        .any(|f| table.column(*f).is_some_and(|c| !grid.get(r, c).is_blank()))
    {
        return None;
    }
    let label_columns = [
        table.column(Field::Topic),
        table.column(Field::SubCommittee),
    ];
    let mut named = None;
    for c in label_columns.into_iter().flatten() {
        let Some(text) = grid.get(r, c).as_text().filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        // The whole label must be the name, so a class titled "Pháp luật về đất đai"
        // that lacks its figures is still reported, not taken for a heading.
        let bare = heading_name(text);
        match ctx.vocabulary.aliases.iter().find(|(a, _)| *a == bare) {
            Some((_, i)) if named.is_none_or(|j| j == *i) => named = Some(*i),
            _ => return None,
        }
    }
    named
}

/// The first spelled-out date at or below row `from` ("Hồng Thái Tây, ngày 30 tháng 3
/// năm 2019"): when the report was signed.
fn signature_date(grid: &Grid, from: usize) -> Option<NaiveDate> {
    (from..grid.height().min(from + 12))
        .flat_map(|r| grid.rows.get(r).into_iter().flatten())
        .filter_map(|v| v.as_text())
        .filter(|t| fold(t).contains("thang"))
        .find_map(|t| dates::from_text(t).ok())
}

/// "Tiêu chí 5: Kết quả phổ cập …" with no figures: the criterion of the rows below.
fn criterion_heading(grid: &Grid, table: &Table, r: usize) -> Option<u32> {
    let filled = |f: Field| table.column(f).is_some_and(|c| !grid.get(r, c).is_blank());
    if filled(Field::Value) || filled(Field::Numerator) || filled(Field::Denominator) {
        return None;
    }
    let text = [Field::Indicator, Field::CriterionNo, Field::Stt]
        .iter()
        .filter_map(|f| table.column(*f))
        .find_map(|c| grid.get(r, c).as_text().map(fold))?;
    let rest = text.strip_prefix("tieu chi ")?;
    rest.split(' ').next()?.parse().ok()
}

/// A row with no figures whose text is only a period's name ("Tháng 1", "Quý I", "I.
/// Quý I năm 2019"), as tables grouped by month or quarter have.
fn period_heading(grid: &Grid, table: &Table, r: usize) -> bool {
    if has_figures(grid, table, r) {
        return false;
    }
    let texts: Vec<String> = grid
        .rows
        .get(r)
        .into_iter()
        .flatten()
        .filter(|v| !v.is_blank())
        .map(|v| fold(&v.display()))
        .collect();
    !texts.is_empty()
        && texts.iter().all(|t| {
            let words: Vec<&str> = t
                .split(' ')
                .filter(|w| {
                    !matches!(*w, "i" | "ii" | "iii" | "iv" | "nam")
                        && w.parse::<u32>().map_or(true, |n| n < 1900)
                })
                .collect();
            let roman_or_number = |w: &str| {
                w.chars().all(|c| c.is_ascii_digit()) || matches!(w, "i" | "ii" | "iii" | "iv")
            };
            words.iter().all(|w| roman_or_number(w))
                || (period_in_name(t).is_some() && words.len() <= 2)
        })
}

/// A heading's label without its numbering ("II.", "A -") and the words "tiểu ban", folded.
fn heading_name(text: &str) -> String {
    const NUMBERING: &[&str] = &[
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "a", "b", "c", "d", "e", "g",
    ];
    let folded = fold(text);
    let mut words: Vec<&str> = folded.split(' ').collect();
    while words
        .first()
        .is_some_and(|w| NUMBERING.contains(w) || w.chars().all(|c| c.is_ascii_digit()))
    {
        words.remove(0);
    }
    let joined = words.join(" ");
    joined
        .strip_prefix("tieu ban ")
        .map(str::to_string)
        .unwrap_or(joined)
}

/// "48", "48%", "48,5 %": a percentage.
fn percent_text(t: &str) -> Option<f64> {
    let body = t.trim().trim_end_matches('%').trim().replace(',', ".");
    body.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
}

/// "có", "đạt", "x", TRUE / "không", "chưa", "chưa có", FALSE.
fn yes_no(v: &CellValue) -> Option<bool> {
    match v {
        CellValue::Bool(b) => Some(*b),
        CellValue::Text(t) => match fold(t).as_str() {
            "co" | "dat" | "da dat" | "x" | "yes" | "roi" | "da co" | "true" => Some(true),
            "khong" | "chua" | "chua co" | "chua dat" | "khong dat" | "no" | "false" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// The plan's indicator a form row names: by its name within the numbered criterion,
/// else the most similar name of all (at least half the words in common).
fn match_indicator(
    criteria: &[Criterion],
    number: Option<u32>,
    name: &str,
) -> Option<(usize, usize)> {
    use crate::text::{ALIKE, similarity};
    if name.trim().is_empty() {
        return None;
    }
    criteria
        .iter()
        .enumerate()
        .filter(|(_, c)| number.is_none_or(|n| n == c.number))
        .flat_map(|(ci, c)| {
            c.indicators
                .iter()
                .enumerate()
                .map(move |(ii, ind)| (ci, ii, similarity(name, &ind.name)))
        })
        .filter(|(.., s)| *s >= ALIKE)
        .max_by(|a, b| a.2.total_cmp(&b.2))
        .map(|(ci, ii, _)| (ci, ii))
}

/// The sub-committee named above the table, else by the sheet's name, else by the file's.
/// A title over the table's own columns comes first, so two tables side by side may
/// belong to two sub-committees; a title named twice differently names none.
fn sheet_subcommittee(
    ctx: &SheetContext,
    sheet: &SheetGrid,
    table: &Table,
    titles_from: usize,
) -> Option<usize> {
    let titled = |columns: std::ops::Range<usize>| -> Option<usize> {
        let mut found: Option<usize> = None;
        for r in titles_from..table.header_row {
            let Some(row) = sheet.grid.rows.get(r) else {
                continue;
            };
            let cells = row.get(columns.start.min(row.len())..columns.end.min(row.len()));
            for v in cells.into_iter().flatten() {
                if let Some(s) = v.as_text()
                    && let SubCommitteeMatch::One(i) =
                        match_subcommittee(&ctx.vocabulary.aliases, s)
                {
                    if found.is_some_and(|j| j != i) {
                        return None;
                    }
                    found = Some(i);
                }
            }
        }
        found
    };
    titled(table.span.clone())
        .or_else(|| titled(0..usize::MAX))
        .or_else(
            || match match_subcommittee(&ctx.vocabulary.aliases, &sheet.name) {
                SubCommitteeMatch::One(i) => Some(i),
                _ => None,
            },
        )
        .or(ctx.file_subcommittee)
}

/// A column of the row being read: its address is written out ("C12") only when a
/// message or a source needs it, not for every cell looked at.
#[derive(Debug, Clone, Copy)]
struct At(usize);

struct RowReader<'a, 'b> {
    ctx: &'a SheetContext<'a>,
    sheet: &'a SheetGrid,
    table: &'a Table,
    r: usize,
    order: DateOrder,
    diagnostics: &'b mut Vec<Diagnostic>,
}

impl RowReader<'_, '_> {
    fn grid(&self) -> &Grid {
        &self.sheet.grid
    }

    fn cell(&self, f: Field) -> Option<(&CellValue, At)> {
        let c = self.table.column(f)?;
        Some((self.grid().get(self.r, c), At(c)))
    }

    fn filled(&self, f: Field) -> Option<(&CellValue, At)> {
        self.cell(f).filter(|(v, _)| !v.is_blank())
    }

    fn text(&self, f: Field) -> String {
        match self.filled(f) {
            Some((CellValue::Text(t), _)) => clean(t),
            Some((v, _)) => clean(&v.display()),
            None => String::new(),
        }
    }

    /// Where a field's cell is, or the row's first column when the field has none.
    fn addr(&self, f: Field) -> At {
        self.cell(f).map_or_else(
            || At(self.table.column(Field::Topic).unwrap_or(0)),
            |(_, at)| at,
        )
    }

    /// "C12": the A1 address of a cell of this row.
    fn a1(&self, at: At) -> String {
        self.grid().a1(self.r, at.0)
    }

    fn report(&mut self, problem: Problem, at: At) {
        let cell = self.a1(at);
        self.diagnostics.push(Diagnostic {
            problem,
            file: Some(self.ctx.file.to_string()),
            sheet: Some(self.sheet.name.clone()),
            cell: Some(cell),
        });
    }

    /// Reads the row as its table's kind says: a class, a registration or a criteria
    /// figure, or rejected.
    fn outcome(
        &mut self,
        sheet_sub: Option<usize>,
        period: Option<&(Period, String)>,
        criterion: Option<u32>,
    ) -> RowOutcome {
        match self.table.kind {
            TableKind::Report => match self.read(sheet_sub, period) {
                Some(class) => RowOutcome::Accepted(Box::new(class)),
                None => RowOutcome::Rejected,
            },
            TableKind::Registration => match self.read_planned(sheet_sub) {
                Some(class) => RowOutcome::Planned(Box::new(class)),
                None => RowOutcome::Rejected,
            },
            TableKind::Criteria => match self.read_criterion(criterion) {
                Some(entry) => RowOutcome::Criterion(Box::new(entry)),
                None => RowOutcome::Rejected,
            },
        }
    }

    /// Reads the row; reports every problem found (not only the first) and returns the
    /// class when none of them is an error.
    fn read(
        &mut self,
        sheet_sub: Option<usize>,
        period: Option<&(Period, String)>,
    ) -> Option<ClassRow> {
        let topic = self.text(Field::Topic);
        if topic.is_empty() {
            self.report(
                Problem::Row(RowProblem::TopicMissing),
                self.addr(Field::Topic),
            );
        }
        let sub = self.subcommittee(sheet_sub);
        let date = self.date(period);
        let classes = self.class_count();
        let learners = self.learners(classes.unwrap_or(1));
        let (sub, date, classes, (learners, male, female)) = (sub?, date?, classes?, learners?);
        if topic.is_empty() {
            return None;
        }
        Some(ClassRow {
            subcommittee: sub,
            topic,
            date,
            village: self.text(Field::Village),
            classes,
            learners,
            male,
            female,
            teacher: self.text(Field::Teacher),
            note: self.text(Field::Note),
            source: self.source(),
        })
    }

    fn source(&self) -> Source {
        Source {
            file: self.ctx.file.to_string(),
            sheet: self.sheet.name.clone(),
            row: self.grid().row_number(self.r),
            cell: self.a1(self.addr(Field::Topic)),
        }
    }

    /// A row of a registration form: topic, sub-committee, planned month or quarter and
    /// expected learners are required.
    fn read_planned(&mut self, sheet_sub: Option<usize>) -> Option<PlannedClass> {
        let topic = self.text(Field::Topic);
        if topic.is_empty() {
            self.report(
                Problem::Row(RowProblem::TopicMissing),
                self.addr(Field::Topic),
            );
        }
        let sub = self.subcommittee(sheet_sub);
        let when = self.planned_period();
        let learners = self.learners(1);
        let (sub, when, (learners, ..)) = (sub?, when?, learners?);
        if topic.is_empty() {
            return None;
        }
        Some(PlannedClass {
            subcommittee: sub,
            topic,
            month: when.month,
            quarter: when.quarter,
            village: self.text(Field::Village),
            learners,
            responsible: self.text(Field::Responsible),
            partner: self.text(Field::Partner),
            note: self.text(Field::Note),
            source: self.source(),
        })
    }

    fn planned_period(&mut self) -> Option<Planned> {
        let Some((v, addr)) = self.filled(Field::PlannedPeriod) else {
            self.report(
                Problem::Row(RowProblem::PlannedPeriodMissing),
                self.addr(Field::PlannedPeriod),
            );
            return None;
        };
        let heading = self
            .table
            .column(Field::PlannedPeriod)
            .and_then(|c| self.grid().get(self.table.header_row, c).as_text());
        let quarter_column = heading.is_some_and(|h| fold(h).starts_with("quy"));
        let parsed = planned(v, quarter_column);
        if parsed.is_none() {
            let raw = v.display();
            self.report(
                Problem::Row(RowProblem::PlannedPeriodUnreadable { raw }),
                addr,
            );
        }
        parsed
    }

    /// A row of a criteria form: the indicator (matched by name to the plan's, within
    /// its criterion when the number is given) and its value; a blank value is kept as
    /// missing, an unreadable one rejects the row.
    fn read_criterion(&mut self, current: Option<u32>) -> Option<CriterionEntry> {
        let name = self.text(Field::Indicator);
        let number = self
            .filled(Field::CriterionNo)
            .and_then(|(v, _)| match v {
                CellValue::Number(n) if n.fract() == 0.0 && *n >= 0.0 => Some(*n as u32),
                CellValue::Text(t) => fold(t).split(' ').find_map(|w| w.parse().ok()),
                _ => None,
            })
            .or(current);
        let Some((criterion, indicator)) =
            match_indicator(&self.ctx.vocabulary.criteria, number, &name)
        else {
            self.report(
                Problem::Row(RowProblem::IndicatorUnknown { name }),
                self.addr(Field::Indicator),
            );
            return None;
        };
        let value = self.criterion_value()?;
        let evidence = self.filled(Field::Evidence).and_then(|(v, _)| yes_no(v));
        Some(CriterionEntry {
            criterion,
            indicator,
            value,
            figure_source: self.text(Field::FigureSource),
            evidence,
            source: Source {
                file: self.ctx.file.to_string(),
                sheet: self.sheet.name.clone(),
                row: self.grid().row_number(self.r),
                cell: self.a1(self.addr(Field::Indicator)),
            },
        })
    }

    /// Some(None) for a blank value; None (after reporting) for an unreadable one.
    fn criterion_value(&mut self) -> Option<Option<EntryValue>> {
        let number = |v: &CellValue| match v {
            CellValue::Number(n) if n.is_finite() => Some(*n),
            CellValue::Text(t) => numbers::count_from_text(t).ok().map(f64::from),
            _ => None,
        };
        if let (Some((n, _)), Some((d, addr))) = (
            self.filled(Field::Numerator),
            self.filled(Field::Denominator),
        ) {
            return match (number(n), number(d)) {
                (Some(numerator), Some(denominator)) if denominator > 0.0 && numerator >= 0.0 => {
                    Some(Some(EntryValue::Fraction {
                        numerator,
                        denominator,
                    }))
                }
                _ => {
                    let raw = format!("{} / {}", n.display(), d.display());
                    self.report(
                        Problem::Row(RowProblem::CriterionValueUnreadable { raw }),
                        addr,
                    );
                    None
                }
            };
        }
        let Some((v, addr)) = self.filled(Field::Value) else {
            return Some(None);
        };
        let parsed = match v {
            CellValue::Bool(b) => Some(EntryValue::YesNo(*b)),
            // A cell formatted as a percentage holds a fraction: 0.48 is 48 %.
            CellValue::Number(n) if *n > 0.0 && *n <= 1.0 => Some(EntryValue::Percent(n * 100.0)),
            CellValue::Number(n) if n.is_finite() && *n >= 0.0 => Some(EntryValue::Percent(*n)),
            CellValue::Text(t) => percent_text(t)
                .map(EntryValue::Percent)
                .or_else(|| yes_no(v).map(EntryValue::YesNo)),
            _ => None,
        };
        if parsed.is_none() {
            let raw = v.display();
            self.report(
                Problem::Row(RowProblem::CriterionValueUnreadable { raw }),
                addr,
            );
            return None;
        }
        Some(parsed)
    }

    fn known(&self) -> Vec<String> {
        self.ctx.vocabulary.subcommittees.clone()
    }

    fn subcommittee(&mut self, sheet_sub: Option<usize>) -> Option<usize> {
        let Some((v, addr)) = self.filled(Field::SubCommittee) else {
            if sheet_sub.is_none() {
                let known = self.known();
                self.report(
                    Problem::Row(RowProblem::SubCommitteeMissing { known }),
                    self.addr(Field::Topic),
                );
            }
            return sheet_sub;
        };
        let raw = clean(&v.display());
        match match_subcommittee(&self.ctx.vocabulary.aliases, &raw) {
            SubCommitteeMatch::One(i) => Some(i),
            SubCommitteeMatch::None => {
                let known = self.known();
                self.report(
                    Problem::Row(RowProblem::SubCommitteeUnknown { raw, known }),
                    addr,
                );
                None
            }
            SubCommitteeMatch::Ambiguous(ids) => {
                let candidates = ids
                    .iter()
                    .filter_map(|i| self.ctx.vocabulary.subcommittees.get(*i))
                    .cloned()
                    .collect();
                self.report(
                    Problem::Row(RowProblem::SubCommitteeAmbiguous { raw, candidates }),
                    addr,
                );
                None
            }
        }
    }

    fn date(&mut self, period: Option<&(Period, String)>) -> Option<NaiveDate> {
        if !self.table.has(Field::Date) {
            self.report(
                Problem::Table(TableProblem::DateColumnMissing),
                self.addr(Field::Topic),
            );
            return None;
        }
        let Some((v, addr)) = self.filled(Field::Date) else {
            self.report(
                Problem::Row(RowProblem::DateMissing),
                self.addr(Field::Date),
            );
            return None;
        };
        let date = match self.parse_date(v) {
            Ok(date) => date,
            Err(problem) => {
                self.report(problem, addr);
                return None;
            }
        };
        let shown = || date.format("%d/%m/%Y").to_string();
        if date.year() != self.ctx.vocabulary.year {
            self.report(
                Problem::Row(RowProblem::DateOutOfYear {
                    date: shown(),
                    year: self.ctx.vocabulary.year,
                }),
                addr,
            );
            return None;
        }
        if let Some((p, name)) = period.filter(|(p, _)| !p.contains(date)) {
            let problem = Problem::Row(RowProblem::DatePeriodMismatch {
                date: shown(),
                period: *p,
                name: name.clone(),
            });
            self.report(problem, addr);
        }
        Some(date)
    }

    /// The date a filled date cell holds, or what is wrong with it. A text date is read
    /// in the column's order; in a mixed column, one that reads both ways is ambiguous.
    fn parse_date(&self, v: &CellValue) -> Result<NaiveDate, Problem> {
        let parsed = match v {
            CellValue::Date(d) => Ok(*d),
            CellValue::Number(n) => dates::from_serial(*n),
            CellValue::Text(s) => match self.order {
                DateOrder::All(order) => dates::from_text_in(s, order),
                DateOrder::Mixed => match dates::orders(s) {
                    Some((true, true))
                        if dates::from_text_in(s, dates::Order::DayFirst)
                            != dates::from_text_in(s, dates::Order::MonthFirst) =>
                    {
                        return Err(Problem::Row(RowProblem::DateAmbiguous { raw: clean(s) }));
                    }
                    Some((false, true)) => dates::from_text_in(s, dates::Order::MonthFirst),
                    _ => dates::from_text(s),
                },
            },
            _ => Err(DateError::Unreadable),
        };
        parsed.map_err(|e| {
            let raw = v.display();
            match e {
                DateError::Impossible => Problem::Row(RowProblem::DateImpossible { raw }),
                DateError::Unreadable => Problem::Row(RowProblem::DateUnreadable { raw }),
            }
        })
    }

    /// A count cell: Ok(None) when blank, Err after reporting when invalid.
    fn count(&mut self, f: Field) -> Result<Option<u32>, ()> {
        let Some((v, addr)) = self.filled(f) else {
            return Ok(None);
        };
        let parsed = match v {
            CellValue::Number(n) => numbers::count_from_number(*n),
            CellValue::Text(s) => numbers::count_from_text(s),
            _ => Err(CountError::NotANumber),
        };
        match parsed {
            Ok(n) => Ok(Some(n)),
            Err(e) => {
                let fault = match e {
                    CountError::NotANumber => CountFault::NotANumber,
                    CountError::Negative => CountFault::Negative,
                    CountError::Fraction => CountFault::Fraction,
                    CountError::TooLarge => CountFault::TooLarge,
                };
                let raw = v.display();
                self.report(
                    Problem::Row(RowProblem::LearnersInvalid { raw, fault }),
                    addr,
                );
                Err(())
            }
        }
    }

    /// How many classes the row stands for: its "Số lớp" cell, 1 when blank or absent;
    /// None (after reporting) for anything but a whole number from 1 to 50.
    fn class_count(&mut self) -> Option<u32> {
        let Some((v, addr)) = self.filled(Field::ClassCount) else {
            return Some(1);
        };
        let parsed = match v {
            CellValue::Number(n) => numbers::count_from_number(*n).ok(),
            CellValue::Text(s) => numbers::count_from_text(s).ok(),
            _ => None,
        };
        match parsed {
            Some(n) if (1..=crate::diagnostics::MAX_CLASS_COUNT).contains(&n) => Some(n),
            _ => {
                let raw = v.display();
                self.report(Problem::Row(RowProblem::ClassCountInvalid { raw }), addr);
                None
            }
        }
    }

    /// Learners of the row's `classes` classes, read and checked for sense: more than
    /// the commune's people aged 15+ is refused, more than the plan's usual largest
    /// class (per class) is counted with a warning.
    fn learners(&mut self, classes: u32) -> Option<(u32, Option<u32>, Option<u32>)> {
        if !self.table.has_learners() {
            self.report(
                Problem::Table(TableProblem::LearnersColumnMissing),
                self.addr(Field::Topic),
            );
            return None;
        }
        let (learners, male, female) = self.learner_cells()?;
        let known = self.ctx.vocabulary;
        let addr = self.addr(Field::Learners);
        if known.population_15_plus > 0 && learners > known.population_15_plus {
            let population = known.population_15_plus;
            self.report(
                Problem::Row(RowProblem::LearnersAbovePopulation {
                    learners,
                    population,
                }),
                addr,
            );
            return None;
        }
        let limit = known.max_learners_per_class;
        if u64::from(learners) > u64::from(limit) * u64::from(classes) {
            self.report(
                Problem::Row(RowProblem::LearnersUnusual {
                    learners,
                    classes,
                    limit,
                }),
                addr,
            );
        }
        Some((learners, male, female))
    }

    /// Learners = the total column, else Nam + Nữ. Returns (learners, male, female).
    fn learner_cells(&mut self) -> Option<(u32, Option<u32>, Option<u32>)> {
        let total = self.count(Field::Learners);
        let male = self.count(Field::Male);
        let female = self.count(Field::Female);
        let (total, male, female) = (total.ok()?, male.ok()?, female.ok()?);
        match (total, male, female) {
            (Some(t), Some(m), Some(f)) => {
                if m + f != t {
                    let addr = self.addr(Field::Learners);
                    self.report(
                        Problem::Row(RowProblem::LearnersMismatch {
                            total: t,
                            male: m,
                            female: f,
                        }),
                        addr,
                    );
                }
                Some((t, Some(m), Some(f)))
            }
            (Some(t), m, f) => Some((t, m, f)),
            (None, Some(m), Some(f)) => Some((m + f, Some(m), Some(f))),
            // Without a total column, Nam and Nữ are the total's two parts.
            (None, Some(m), None)
                if !self.table.has(Field::Learners) && self.table.has(Field::Female) =>
            {
                let addr = self.addr(Field::Female);
                self.report(Problem::Row(RowProblem::GenderPartlyBlank), addr);
                Some((m, Some(m), Some(0)))
            }
            (None, None, Some(f))
                if !self.table.has(Field::Learners) && self.table.has(Field::Male) =>
            {
                let addr = self.addr(Field::Male);
                self.report(Problem::Row(RowProblem::GenderPartlyBlank), addr);
                Some((f, Some(0), Some(f)))
            }
            _ => {
                let addr = self.addr(Field::Learners);
                self.report(Problem::Row(RowProblem::LearnersMissing), addr);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::grid::CellValue::{Empty as E, Number as N};

    fn t(s: &str) -> CellValue {
        CellValue::Text(s.into())
    }

    fn run(rows: Vec<Vec<CellValue>>, sheet_name: &str, file: &str) -> SheetResult {
        let vocabulary = Vocabulary::from(&crate::plan::Plan::embedded());
        let ctx = SheetContext {
            vocabulary: &vocabulary,
            file,
            file_subcommittee: None,
        };
        let sheet = SheetGrid {
            name: sheet_name.into(),
            hidden: false,
            grid: Grid {
                top: 0,
                left: 0,
                folds: Default::default(),
                rows,
            },
        };
        read_sheet(&ctx, &sheet)
    }

    fn accepted(r: &SheetResult) -> Vec<(usize, String, u32)> {
        r.rows
            .iter()
            .filter_map(|o| match o {
                RowOutcome::Accepted(c) => Some((c.subcommittee, c.topic.clone(), c.learners)),
                RowOutcome::Rejected | RowOutcome::Planned(_) | RowOutcome::Criterion(_) => None,
            })
            .collect()
    }

    #[test]
    fn group_headings_set_the_subcommittee_of_the_rows_below() {
        let r = run(
            vec![
                vec![t("STT"), t("Tên lớp"), t("Ngày mở lớp"), t("Số học viên")],
                vec![t("I"), t("TIỂU BAN PHÁP LUẬT")],
                vec![N(1.0), t("Luật Đất đai"), t("05/03/2019"), N(40.0)],
                vec![t("II"), t("Tiểu ban Y tế")],
                vec![
                    N(1.0),
                    t("Phòng chống sốt xuất huyết"),
                    t("06/03/2019"),
                    N(30.0),
                ],
                vec![N(2.0), t("Pháp luật về đất đai")],
            ],
            "Sheet1",
            "tong-hop.xlsx",
        );
        // Two classes: pháp luật (index 1) 40, sức khỏe (index 3) 30. The last row names a
        // topic, not just a sub-committee, so it is a candidate rejected for its missing
        // date and learners — not a heading.
        assert_eq!(
            accepted(&r),
            vec![
                (1, "Luật Đất đai".into(), 40),
                (3, "Phòng chống sốt xuất huyết".into(), 30)
            ]
        );
        assert_eq!(r.rows.len(), 3);
        let codes: Vec<_> = r
            .diagnostics
            .iter()
            .map(|d| (d.code(), d.cell.clone().unwrap()))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("date-missing", "C6".to_string()),
                ("learners-missing", "D6".to_string())
            ]
        );
    }

    #[test]
    fn every_problem_of_a_row_is_reported_with_its_cell() {
        let r = run(
            vec![
                vec![t("UBND XÃ HỒNG THÁI TÂY")],
                vec![t("Tiểu ban: Pháp luật")],
                vec![t("TT"), t("Nội dung"), t("Thời gian"), t("Nam"), t("Nữ")],
                vec![
                    N(1.0),
                    t("Luật Giao thông"),
                    t("31/02/2019"),
                    t("12,5"),
                    N(3.0),
                ],
                vec![N(2.0), E, t("01/03/2019"), N(10.0), N(12.0)],
                vec![
                    N(3.0),
                    t("Luật Hôn nhân"),
                    t("2019-03-08"),
                    N(10.0),
                    N(12.0),
                ],
            ],
            "T3",
            "x.xlsx",
        );
        // Row 5: 10 + 12 = 22 learners from Nam + Nữ; the title names Pháp luật (index 1).
        assert_eq!(accepted(&r), vec![(1, "Luật Hôn nhân".into(), 22)]);
        let codes: Vec<_> = r
            .diagnostics
            .iter()
            .map(|d| (d.code(), d.cell.clone().unwrap()))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("date-impossible", "C4".to_string()),
                ("learners-invalid", "D4".to_string()),
                ("topic-missing", "B5".to_string()),
            ]
        );
    }

    #[test]
    fn rows_without_any_subcommittee_are_rejected_with_the_known_list() {
        let r = run(
            vec![
                vec![t("Tên lớp"), t("Ngày"), t("Số HV")],
                vec![t("Tin học"), t("1/4/2019"), N(20.0)],
            ],
            "Sheet1",
            "bao-cao.xlsx",
        );
        assert_eq!(r.rows, vec![RowOutcome::Rejected]);
        assert_eq!(r.diagnostics[0].code(), "subcommittee-missing");
        assert!(
            r.diagnostics[0]
                .message(crate::labels::Lang::Vi)
                .contains("Các chương trình khác")
        );
    }

    #[test]
    fn a_date_outside_the_month_of_the_sheet_name_is_counted_with_a_warning() {
        let r = run(
            vec![
                vec![t("Tiểu ban: Kinh tế")],
                vec![t("Tên lớp"), t("Ngày"), t("Số HV")],
                vec![t("Trồng lúa"), t("05/03/2019"), N(20.0)],
                vec![t("Nuôi cá"), t("05/04/2019"), N(25.0)],
            ],
            "Tháng 3",
            "bao-cao.xlsx",
        );
        // Both counted by their own dates; only the April one is flagged.
        assert_eq!(
            accepted(&r),
            vec![(0, "Trồng lúa".into(), 20), (0, "Nuôi cá".into(), 25)]
        );
        let codes: Vec<_> = r
            .diagnostics
            .iter()
            .map(|d| (d.code(), d.cell.clone().unwrap()))
            .collect();
        assert_eq!(codes, vec![("date-period-mismatch", "B4".to_string())]);
        let msg = r
            .diagnostics
            .iter()
            .find(|d| d.code() == "date-period-mismatch")
            .unwrap()
            .message(crate::labels::Lang::Vi);
        assert_eq!(
            msg,
            "Ô B4: ngày mở lớp 05/04/2019 không thuộc tháng 3 ghi ở tên 'Tháng 3'; vẫn được tính theo ngày, hãy kiểm tra lại"
        );
    }

    #[test]
    fn month_and_quarter_headings_are_not_classes() {
        let r = run(
            vec![
                vec![t("Tiểu ban: Pháp luật")],
                vec![t("STT"), t("Tên lớp"), t("Ngày"), t("Số HV")],
                vec![t("I"), t("Quý I năm 2019")],
                vec![E, t("Tháng 1")],
                vec![N(1.0), t("Luật Trẻ em"), t("05/01/2019"), N(40.0)],
                vec![E, t("Tháng 2")],
                vec![N(2.0), t("Luật Đất đai"), t("12/02/2019"), N(38.0)],
            ],
            "Sheet1",
            "x.xlsx",
        );
        // Two classes, no rejected row, no problem.
        assert_eq!(r.rows.len(), 2);
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    }

    #[test]
    fn words_of_a_signature_block_with_classes_below_do_not_end_the_table() {
        let r = run(
            vec![
                vec![t("Tiểu ban: Pháp luật")],
                vec![t("Tên lớp"), t("Ngày"), t("Số HV"), t("Báo cáo viên")],
                vec![t("Luật Trẻ em"), E, E, t("Thư ký Hội Nông dân")],
                vec![
                    t("Luật Đất đai"),
                    t("12/03/2019"),
                    t("38"),
                    t("Trưởng ban Tư pháp"),
                ],
            ],
            "T3",
            "x.xlsx",
        );
        // Row 3 looks like a signature line but a class follows: it is read (and rejected
        // for its missing date and learners), and row 4 is counted.
        assert_eq!(accepted(&r), vec![(1, "Luật Đất đai".into(), 38)]);
        assert_eq!(r.rows.len(), 2);
    }
}
