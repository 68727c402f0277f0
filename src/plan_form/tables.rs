//! The form's list sheets — Tiểu ban, Theo quý, Tiêu chí, Thôn — each a heading row and
//! one item a row, read with every fault kept at its cell.

use crate::input::grid::{CellValue, SheetGrid};
use crate::labels::plan_form::{
    MAX_SUBCOMMITTEES, NAME_SEPARATOR, criterion as crit, quarter as qh, sheet, subcommittee as sh,
    village,
};
use crate::plan::{
    Comparison, Criterion, FormError, FormFault, Indicator, IndicatorKind, SubCommittee, Target,
};
use crate::text::fold;

use super::cells;

/// The faults found so far, in the order of the sheets and rows.
#[derive(Default)]
pub(super) struct Faults(Vec<FormError>);

impl Faults {
    pub(super) fn push(&mut self, e: FormError) {
        self.0.push(e);
    }

    pub(super) fn into_errors(self) -> Vec<FormError> {
        self.0
    }

    /// A fault in the cell of `table`'s row `r`, column `c` (its heading's index).
    pub(super) fn at(&mut self, table: &Table, r: usize, c: usize, fault: FormFault) {
        self.push(FormError {
            sheet: Some(table.name().to_string()),
            cell: Some(table.a1(r, c)),
            fault,
        });
    }
}

/// The sheet whose name folds to the form's (case, diacritics and spaces aside).
pub(super) fn find_sheet<'a>(sheets: &'a [SheetGrid], name: &str) -> Option<&'a SheetGrid> {
    let name = fold(name);
    sheets.iter().find(|s| fold(&s.name) == name)
}

/// How far down a sheet the heading row is looked for (a title may sit above it).
const HEADING_ROWS: usize = 10;

/// A sheet's table: its heading row and the column of each heading.
pub(super) struct Table<'a> {
    sheet: &'a SheetGrid,
    heading_row: usize,
    columns: Vec<usize>,
}

impl<'a> Table<'a> {
    /// The table of the form's sheet `name` with `headings`; a missing sheet or heading
    /// is a fault (None).
    pub(super) fn find(
        sheets: &'a [SheetGrid],
        name: &'static str,
        headings: &[&'static str],
        faults: &mut Faults,
    ) -> Option<Table<'a>> {
        let Some(sheet) = find_sheet(sheets, name) else {
            faults.push(FormError {
                sheet: None,
                cell: None,
                fault: FormFault::SheetMissing { sheet: name },
            });
            return None;
        };
        let grid = &sheet.grid;
        let column = |r: usize, h: &str| {
            let h = fold(h);
            (0..grid.width()).find(|&c| fold(&grid.get(r, c).display()) == h)
        };
        let heading_row = (0..grid.height().min(HEADING_ROWS))
            .find(|&r| column(r, headings[0]).is_some())
            .unwrap_or(0);
        let mut columns = Vec::new();
        for h in headings {
            match column(heading_row, h) {
                Some(c) => columns.push(c),
                None => {
                    let fault = FormFault::HeadingMissing { heading: h };
                    faults.push(FormError {
                        sheet: Some(sheet.name.clone()),
                        cell: None,
                        fault,
                    });
                }
            }
        }
        (columns.len() == headings.len()).then_some(Table {
            sheet,
            heading_row,
            columns,
        })
    }

    pub(super) fn name(&self) -> &'a str {
        &self.sheet.name
    }

    /// The rows below the headings with something in the table's columns.
    pub(super) fn rows(&self) -> impl Iterator<Item = usize> + '_ {
        (self.heading_row + 1..self.sheet.grid.height())
            .filter(|&r| (0..self.columns.len()).any(|c| !self.cell(r, c).is_blank()))
    }

    /// Row `r`'s cell under heading `c`.
    pub(super) fn cell(&self, r: usize, c: usize) -> &'a CellValue {
        self.sheet.grid.get(r, self.columns[c])
    }

    pub(super) fn a1(&self, r: usize, c: usize) -> String {
        self.sheet.grid.a1(r, self.columns[c])
    }

    /// A whole number under heading `c`; blank is a fault too (a target is written,
    /// even as 0).
    fn whole(&self, r: usize, c: usize, what: &'static str, faults: &mut Faults) -> Option<u32> {
        let v = self.cell(r, c);
        let n = if v.is_blank() {
            Err(FormFault::ItemMissing { item: what })
        } else {
            cells::whole(v, what)
        };
        n.map_err(|f| faults.at(self, r, c, f)).ok()
    }
}

/// Tiểu ban: 1 to 20 sub-committees, each named, codes and names distinct.
pub(super) fn subcommittees(
    sheets: &[SheetGrid],
    faults: &mut Faults,
) -> Option<Vec<SubCommittee>> {
    let table = Table::find(sheets, sheet::SUBCOMMITTEES, &sh::HEADINGS, faults)?;
    let before = faults.0.len();
    let mut subs: Vec<(SubCommittee, usize)> = Vec::new();
    for r in table.rows() {
        let s = subcommittee(&table, r, &subs, faults);
        subs.push((s, r));
    }
    let count = subs.len();
    if count == 0 || count > MAX_SUBCOMMITTEES {
        let fault = if count == 0 {
            FormFault::NoSubcommittee
        } else {
            FormFault::TooManySubcommittees {
                count,
                most: MAX_SUBCOMMITTEES,
            }
        };
        faults.push(FormError {
            sheet: Some(table.name().to_string()),
            cell: None,
            fault,
        });
    }
    shared_names(&table, &subs, faults);
    (faults.0.len() == before).then(|| subs.into_iter().map(|(s, _)| s).collect())
}

/// Row `r` of Tiểu ban; a fault in it is noted (the row is still returned, so later
/// rows are checked against it).
fn subcommittee(
    table: &Table,
    r: usize,
    earlier: &[(SubCommittee, usize)],
    faults: &mut Faults,
) -> SubCommittee {
    let name = cells::text(table.cell(r, 1));
    let written = cells::text(table.cell(r, 0));
    let id = if written.is_empty() {
        fold(&name).replace(' ', "-")
    } else {
        written
    };
    if name.is_empty() || id.is_empty() {
        faults.at(table, r, 1, FormFault::SubcommitteeUnnamed);
    } else if let Some((_, first)) = earlier.iter().find(|(s, _)| s.id == id) {
        let first = table.a1(*first, 0);
        let code = id.clone();
        faults.at(table, r, 0, FormFault::CodeTwice { code, first });
    }
    let aliases = cells::text(table.cell(r, 2))
        .split(NAME_SEPARATOR)
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(String::from)
        .collect();
    let classes = table.whole(r, 3, sh::CLASSES, faults);
    let learners = table.whole(r, 4, sh::LEARNERS, faults);
    let target = Target {
        classes: classes.unwrap_or(0),
        learners: learners.unwrap_or(0),
    };
    SubCommittee {
        id,
        name,
        aliases,
        target,
    }
}

/// Two sub-committees answering to one name would make matching a coin toss: each name
/// (code, name, other names, folded) that an earlier sub-committee already has is a
/// fault in its cell.
fn shared_names(table: &Table, subs: &[(SubCommittee, usize)], faults: &mut Faults) {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (i, (s, r)) in subs.iter().enumerate() {
        let names = [(0, s.id.as_str()), (1, s.name.as_str())]
            .into_iter()
            .chain(s.aliases.iter().map(|a| (2, a.as_str())));
        let mut own: Vec<String> = Vec::new();
        for (c, n) in names {
            let f = fold(n);
            // A code used twice is reported as such, not again as a name.
            let code_twice = c == 0 && subs[..i].iter().any(|(o, _)| o.id == s.id);
            if f.is_empty() || own.contains(&f) || code_twice {
                continue;
            }
            if let Some((_, j)) = seen.iter().find(|(g, _)| *g == f) {
                let other = subs[*j].0.name.clone();
                let name = n.to_string();
                faults.at(table, *r, c, FormFault::NameShared { name, other });
            }
            own.push(f);
        }
        seen.extend(own.into_iter().map(|f| (f, i)));
    }
}

/// Theo quý: quarters 1 to 4, each once.
pub(super) fn quarters(sheets: &[SheetGrid], faults: &mut Faults) -> Option<[Target; 4]> {
    let table = Table::find(sheets, sheet::QUARTERS, &qh::HEADINGS, faults)?;
    let mut found: [Option<(Target, usize)>; 4] = [None; 4];
    for r in table.rows() {
        let Some(q) = quarter_number(table.cell(r, 0)) else {
            let text = cells::text(table.cell(r, 0));
            faults.at(&table, r, 0, FormFault::QuarterUnknown { text });
            continue;
        };
        let classes = table.whole(r, 1, qh::CLASSES, faults);
        let learners = table.whole(r, 2, qh::LEARNERS, faults);
        let slot = &mut found[usize::from(q - 1)];
        if let Some((_, first)) = slot {
            let first = table.a1(*first, 0);
            faults.at(&table, r, 0, FormFault::QuarterTwice { quarter: q, first });
        } else if let (Some(classes), Some(learners)) = (classes, learners) {
            *slot = Some((Target { classes, learners }, r));
        }
    }
    for (q, slot) in (1u8..).zip(&found) {
        if slot.is_none() {
            let fault = FormFault::QuarterMissing { quarter: q };
            faults.push(FormError {
                sheet: Some(table.name().to_string()),
                cell: None,
                fault,
            });
        }
    }
    super::four(found.map(|s| s.map(|(t, _)| t)))
}

/// 1 to 4, as a number or "Quý 2", "Q2", "II".
fn quarter_number(v: &CellValue) -> Option<u8> {
    if let CellValue::Number(n) = v {
        return [1.0, 2.0, 3.0, 4.0]
            .iter()
            .position(|q| q == n)
            .map(|i| i as u8 + 1);
    }
    let f = fold(&v.display());
    let f = f
        .strip_prefix("quy")
        .or_else(|| f.strip_prefix('q'))
        .unwrap_or(&f)
        .trim();
    match f {
        "1" | "i" => Some(1),
        "2" | "ii" => Some(2),
        "3" | "iii" => Some(3),
        "4" | "iv" => Some(4),
        _ => None,
    }
}

/// Thôn: the villages' names in order; the sheet may be left out.
pub(super) fn villages(sheets: &[SheetGrid], faults: &mut Faults) -> Vec<String> {
    if find_sheet(sheets, sheet::VILLAGES).is_none() {
        return Vec::new();
    }
    let Some(table) = Table::find(sheets, sheet::VILLAGES, &village::HEADINGS, faults) else {
        return Vec::new();
    };
    table
        .rows()
        .map(|r| cells::text(table.cell(r, 0)))
        .collect()
}

/// Tiêu chí: a criterion's row names it; its further indicators follow with Tiêu chí
/// blank. The sheet may be left out (a plan without criteria).
pub(super) fn criteria(sheets: &[SheetGrid], faults: &mut Faults) -> Vec<Criterion> {
    if find_sheet(sheets, sheet::CRITERIA).is_none() {
        return Vec::new();
    }
    let Some(table) = Table::find(sheets, sheet::CRITERIA, &crit::HEADINGS, faults) else {
        return Vec::new();
    };
    // Each criterion with its row and how many indicator rows it has (read or faulted).
    let mut out: Vec<(Criterion, usize, usize)> = Vec::new();
    for r in table.rows() {
        let head = table.cell(r, 0);
        if !head.is_blank() {
            let previous = out.last().map_or(0, |(c, ..)| c.number);
            let (number, name) = criterion_head(head, previous);
            out.push((
                Criterion {
                    number,
                    name,
                    indicators: Vec::new(),
                },
                r,
                0,
            ));
        }
        let indicator_cells = (1..4).any(|c| !table.cell(r, c).is_blank());
        match out.last_mut() {
            _ if !indicator_cells => {}
            None => faults.at(&table, r, 1, FormFault::IndicatorWithoutCriterion),
            Some((c, _, rows)) => {
                *rows += 1;
                if let Some(i) = indicator(&table, r, faults) {
                    c.indicators.push(i);
                }
            }
        }
    }
    for (_, r, rows) in &out {
        if *rows == 0 {
            faults.at(&table, *r, 0, FormFault::CriterionWithoutIndicator);
        }
    }
    out.into_iter().map(|(c, ..)| c).collect()
}

/// "5. Huy động trẻ …" → (5, "Huy động trẻ …"); a name without its number takes the
/// one after `previous`.
fn criterion_head(v: &CellValue, previous: u32) -> (u32, String) {
    if let CellValue::Number(n) = v
        && n.fract() == 0.0
        && *n >= 1.0
        && *n <= f64::from(u32::MAX)
    {
        return (*n as u32, String::new());
    }
    let text = cells::text(v);
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    match digits.parse::<u32>() {
        Ok(n) => {
            let rest = text[digits.len()..].trim_start();
            let rest = rest.strip_prefix(['.', ':', ')', '-']).unwrap_or(rest);
            (n, rest.trim().to_string())
        }
        Err(_) => (previous.saturating_add(1), text),
    }
}

/// One indicator row: its name, comparison and threshold.
fn indicator(table: &Table, r: usize, faults: &mut Faults) -> Option<Indicator> {
    let name = cells::text(table.cell(r, 1));
    let op_text = cells::text(table.cell(r, 2));
    let threshold = table.cell(r, 3);
    let yes_no = matches!(fold(&op_text).as_str(), "co khong" | "yes no");
    let kind = if op_text.is_empty() {
        Err((
            2,
            FormFault::ItemMissing {
                item: crit::COMPARISON,
            },
        ))
    } else if yes_no && !threshold.is_blank() {
        let text = threshold.display();
        Err((3, FormFault::ThresholdWithYesNo { text }))
    } else if yes_no {
        Ok(IndicatorKind::YesNo)
    } else if let Some(op) = Comparison::parse(&op_text) {
        if threshold.is_blank() {
            Err((3, FormFault::ThresholdMissing { op: op_text }))
        } else {
            cells::decimal(threshold, crit::THRESHOLD)
                .map(|(threshold, _)| IndicatorKind::Percent { op, threshold })
                .map_err(|f| (3, f))
        }
    } else {
        Err((2, FormFault::ComparisonUnknown { text: op_text }))
    };
    kind.map(|kind| Indicator { name, kind })
        .map_err(|(c, f)| faults.at(table, r, c, f))
        .ok()
}
