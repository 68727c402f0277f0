//! A sheet's table rows → classes. Every candidate row ends as exactly one
//! [`RowOutcome`]; every reason for rejecting one is a diagnostic naming its cell.

use chrono::{Datelike, NaiveDate};

use super::headers::Field;
use super::table::{RowKind, Table, find_table, row_kind};
use crate::classes::{ClassRow, Source};
use crate::diagnostics::{CountFault, Diagnostic, Problem};
use crate::input::grid::{CellValue, Grid, SheetGrid};
use crate::normalise::dates::{self, DateError};
use crate::normalise::numbers::{self, CountError};
use crate::normalise::subcommittee::{SubCommitteeMatch, match_subcommittee};
use crate::normalise::text::clean;
use crate::plan::Plan;

/// What the rows of a sheet need to know from outside the sheet.
pub struct SheetContext<'a> {
    pub plan: &'a Plan,
    /// Folded sub-committee aliases of the plan.
    pub aliases: &'a [(String, usize)],
    /// Relative path of the file.
    pub file: &'a str,
    /// The sub-committee the file name names, if it names exactly one.
    pub file_subcommittee: Option<usize>,
    pub as_of: NaiveDate,
}

/// One candidate row's fate.
#[derive(Debug, Clone, PartialEq)]
pub enum RowOutcome {
    Accepted(Box<ClassRow>),
    Rejected,
}

/// A sheet's result: None for `table` when it has no class table.
#[derive(Debug, Default)]
pub struct SheetResult {
    pub table_found: bool,
    pub rows: Vec<RowOutcome>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Recognises and reads the class table of one sheet.
pub fn read_sheet(ctx: &SheetContext, sheet: &SheetGrid) -> SheetResult {
    let mut out = SheetResult::default();
    let Some(table) = find_table(&sheet.grid) else {
        return out;
    };
    out.table_found = true;
    let sheet_sub = sheet_subcommittee(ctx, sheet, &table);
    for r in table.data_start..sheet.grid.height() {
        match row_kind(&sheet.grid, &table, r) {
            RowKind::Blank | RowKind::Total => {}
            RowKind::Footer => break,
            RowKind::Candidate => {
                let mut reader = RowReader {
                    ctx,
                    sheet,
                    table: &table,
                    r,
                    diagnostics: &mut out.diagnostics,
                };
                let outcome = match reader.read(sheet_sub) {
                    Some(class) => RowOutcome::Accepted(Box::new(class)),
                    None => RowOutcome::Rejected,
                };
                out.rows.push(outcome);
            }
        }
    }
    out
}

/// The sub-committee named above the table, else by the sheet's name, else by the file's.
fn sheet_subcommittee(ctx: &SheetContext, sheet: &SheetGrid, table: &Table) -> Option<usize> {
    let mut found: Option<usize> = None;
    for r in 0..table.header_row {
        for v in sheet.grid.rows.get(r).into_iter().flatten() {
            if let Some(s) = v.as_text()
                && let SubCommitteeMatch::One(i) = match_subcommittee(ctx.aliases, s)
            {
                if found.is_some_and(|j| j != i) {
                    found = None;
                    break;
                }
                found = Some(i);
            }
        }
    }
    found
        .or_else(|| match match_subcommittee(ctx.aliases, &sheet.name) {
            SubCommitteeMatch::One(i) => Some(i),
            _ => None,
        })
        .or(ctx.file_subcommittee)
}

struct RowReader<'a, 'b> {
    ctx: &'a SheetContext<'a>,
    sheet: &'a SheetGrid,
    table: &'a Table,
    r: usize,
    diagnostics: &'b mut Vec<Diagnostic>,
}

impl RowReader<'_, '_> {
    fn grid(&self) -> &Grid {
        &self.sheet.grid
    }

    fn cell(&self, f: Field) -> Option<(&CellValue, String)> {
        let c = self.table.column(f)?;
        Some((self.grid().get(self.r, c), self.grid().a1(self.r, c)))
    }

    fn filled(&self, f: Field) -> Option<(&CellValue, String)> {
        self.cell(f).filter(|(v, _)| !v.is_blank())
    }

    fn text(&self, f: Field) -> String {
        self.filled(f)
            .map(|(v, _)| clean(&v.display()))
            .unwrap_or_default()
    }

    /// Address of a field's cell, or of the row's first column when the field has none.
    fn addr(&self, f: Field) -> String {
        self.cell(f).map(|(_, a)| a).unwrap_or_else(|| {
            let c = self.table.column(Field::Topic).unwrap_or(0);
            self.grid().a1(self.r, c)
        })
    }

    fn report(&mut self, problem: Problem, cell: String) {
        self.diagnostics.push(Diagnostic {
            problem,
            file: Some(self.ctx.file.to_string()),
            sheet: Some(self.sheet.name.clone()),
            cell: Some(cell),
        });
    }

    /// Reads the row; reports every problem found (not only the first) and returns the
    /// class when none of them is an error.
    fn read(&mut self, sheet_sub: Option<usize>) -> Option<ClassRow> {
        let topic = self.text(Field::Topic);
        if topic.is_empty() {
            self.report(Problem::TopicMissing, self.addr(Field::Topic));
        }
        let sub = self.subcommittee(sheet_sub);
        let date = self.date();
        let learners = self.learners();
        let (sub, date, (learners, male, female)) = (sub?, date?, learners?);
        if topic.is_empty() {
            return None;
        }
        Some(ClassRow {
            subcommittee: sub,
            topic,
            date,
            village: self.text(Field::Village),
            learners,
            male,
            female,
            teacher: self.text(Field::Teacher),
            note: self.text(Field::Note),
            source: Source {
                file: self.ctx.file.to_string(),
                sheet: self.sheet.name.clone(),
                row: self.grid().row_number(self.r),
                cell: self.addr(Field::Topic),
            },
        })
    }

    fn known(&self) -> Vec<String> {
        self.ctx
            .plan
            .subcommittees
            .iter()
            .map(|s| s.name.clone())
            .collect()
    }

    fn subcommittee(&mut self, sheet_sub: Option<usize>) -> Option<usize> {
        let Some((v, addr)) = self.filled(Field::SubCommittee) else {
            if sheet_sub.is_none() {
                let known = self.known();
                self.report(
                    Problem::SubCommitteeMissing { known },
                    self.addr(Field::Topic),
                );
            }
            return sheet_sub;
        };
        let raw = clean(&v.display());
        match match_subcommittee(self.ctx.aliases, &raw) {
            SubCommitteeMatch::One(i) => Some(i),
            SubCommitteeMatch::None => {
                let known = self.known();
                self.report(Problem::SubCommitteeUnknown { raw, known }, addr);
                None
            }
            SubCommitteeMatch::Ambiguous(ids) => {
                let candidates = ids
                    .iter()
                    .filter_map(|i| self.ctx.plan.subcommittees.get(*i))
                    .map(|s| s.name.clone())
                    .collect();
                self.report(Problem::SubCommitteeAmbiguous { raw, candidates }, addr);
                None
            }
        }
    }

    fn date(&mut self) -> Option<NaiveDate> {
        if !self.table.has(Field::Date) {
            self.report(Problem::DateColumnMissing, self.addr(Field::Topic));
            return None;
        }
        let Some((v, addr)) = self.filled(Field::Date) else {
            self.report(Problem::DateMissing, self.addr(Field::Date));
            return None;
        };
        let raw = v.display();
        let parsed = match v {
            CellValue::Date(d) => Ok(*d),
            CellValue::Number(n) => dates::from_serial(*n),
            CellValue::Text(s) => dates::from_text(s),
            _ => Err(DateError::Unreadable),
        };
        let date = match parsed {
            Ok(d) => d,
            Err(DateError::Impossible) => {
                self.report(Problem::DateImpossible { raw }, addr);
                return None;
            }
            Err(DateError::Unreadable) => {
                self.report(Problem::DateUnreadable { raw }, addr);
                return None;
            }
        };
        let shown = date.format("%d/%m/%Y").to_string();
        if date.year() != self.ctx.plan.year {
            self.report(
                Problem::DateOutOfYear {
                    date: shown,
                    year: self.ctx.plan.year,
                },
                addr,
            );
            return None;
        }
        if date > self.ctx.as_of {
            let as_of = self.ctx.as_of.format("%d/%m/%Y").to_string();
            self.report(Problem::DateAfterAsOf { date: shown, as_of }, addr);
        }
        Some(date)
    }

    /// A count cell: Ok(None) when blank, Err after reporting when invalid.
    fn count(&mut self, f: Field) -> Result<Option<u32>, ()> {
        let Some((v, addr)) = self.filled(f) else {
            return Ok(None);
        };
        let raw = v.display();
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
                self.report(Problem::LearnersInvalid { raw, fault }, addr);
                Err(())
            }
        }
    }

    /// Learners = the total column, else Nam + Nữ. Returns (learners, male, female).
    fn learners(&mut self) -> Option<(u32, Option<u32>, Option<u32>)> {
        let total = self.count(Field::Learners);
        let male = self.count(Field::Male);
        let female = self.count(Field::Female);
        let (total, male, female) = (total.ok()?, male.ok()?, female.ok()?);
        match (total, male, female) {
            (Some(t), Some(m), Some(f)) => {
                if m + f != t {
                    let addr = self.addr(Field::Learners);
                    self.report(
                        Problem::LearnersMismatch {
                            total: t,
                            male: m,
                            female: f,
                        },
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
                self.report(Problem::GenderPartlyBlank, addr);
                Some((m, Some(m), Some(0)))
            }
            (None, None, Some(f))
                if !self.table.has(Field::Learners) && self.table.has(Field::Male) =>
            {
                let addr = self.addr(Field::Male);
                self.report(Problem::GenderPartlyBlank, addr);
                Some((f, Some(0), Some(f)))
            }
            _ => {
                let addr = self.addr(Field::Learners);
                self.report(Problem::LearnersMissing, addr);
                None
            }
        }
    }
}
