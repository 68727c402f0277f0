//! Theo tiểu ban and Theo quý: a row a commune, columns in groups (a sub-committee
//! matched across communes, a quarter), each group a few figures; done figures are
//! SUMIFS over Danh sách lớp by the commune's folder (last column) and the group; the
//! district's totals below.

use rust_xlsxwriter::{ColNum, RowNum, Worksheet, XlsxError};

use super::{DCtx, failed_row, groups, note};
use crate::consolidation::Consolidation;
use crate::district::{CommuneOutcome, SubGroup};
use crate::labels::{Label, district as k, roman, sheet as s};
use crate::report::formats::cell_text;
use crate::report::sheets::{
    ListCol, ListPlace, counted, equals_text, fit_height, sum, sumifs, title, widths,
};

/// A figure of a grid: its value, the formula that counts it (None: the plain value),
/// and whether it falls short (red).
struct Figure {
    value: u64,
    formula: Option<String>,
    short: bool,
}

/// A commune's figures, given its index, its consolidation and the cell of its folder:
/// one a column, None for a column the commune has nothing in.
type Figures<'a> = dyn Fn(usize, &Consolidation, &str) -> Vec<Option<Figure>> + 'a;

/// A grid sheet's words and shape.
struct Grid<'a> {
    name: Label,
    title: String,
    /// Each group's heading and the headings of its figures.
    groups: Vec<(String, &'a [Label])>,
    /// Width of a figure's column.
    width: f64,
    note: Label,
}

impl Grid<'_> {
    /// Figure columns (at least one, so a commune's reason has a place).
    fn columns(&self) -> ColNum {
        let n: usize = self.groups.iter().map(|(_, f)| f.len()).sum();
        n.max(1) as ColNum
    }

    fn folder(&self) -> ColNum {
        2 + self.columns()
    }
}

const FOLDER_WIDTH: f64 = 14.0;
/// The share of a column bold text fills as plain text would.
const BOLD: f64 = 0.9;

/// Theo tiểu ban: each commune's classes and learners done per sub-committee column.
pub fn by_subcommittee(ws: &mut Worksheet, dc: &DCtx) -> Result<(), XlsxError> {
    const FIGURES: [Label; 2] = [s::CLASSES, s::LEARNERS];
    let columns = groups(dc);
    let grid = Grid {
        name: k::SHEET_BY_SUBCOMMITTEE,
        title: dc.title(k::TITLE_BY_SUBCOMMITTEE),
        groups: columns
            .iter()
            .map(|g| (g.name.clone(), &FIGURES[..]))
            .collect(),
        width: 10.0,
        note: k::BY_SUBCOMMITTEE_NOTE,
    };
    let list = dc.list();
    let figures = |i: usize, c: &Consolidation, folder: &str| {
        let commune = dc.folder_criterion(i, folder);
        columns
            .iter()
            .flat_map(|g| sub_figures(c, member(g, i), commune.as_deref(), &list))
            .collect()
    };
    write_grid(ws, dc, &grid, &figures)
}

/// Commune `i`'s sub-committee in column `g`, if it has one there.
fn member(g: &SubGroup, i: usize) -> Option<usize> {
    g.members.iter().find(|(c, _)| *c == i).map(|(_, sub)| *sub)
}

/// Classes and learners done of sub-committee `sub` of `c`, counted by the commune's
/// criterion and the sub-committee's name (unless another of its sub-committees has the
/// name but for case, which SUMIFS cannot tell apart).
fn sub_figures(
    c: &Consolidation,
    sub: Option<usize>,
    commune: Option<&str>,
    list: &ListPlace,
) -> [Option<Figure>; 2] {
    let found = sub.and_then(|k| {
        Some((
            c.plan.subcommittees.get(k)?,
            c.summary.subcommittees.get(k)?,
        ))
    });
    let Some((sc, r)) = found else {
        return [None, None];
    };
    let lower = sc.name.to_lowercase();
    let alike = c
        .plan
        .subcommittees
        .iter()
        .filter(|s| s.name.to_lowercase() == lower);
    let criteria = match (commune, alike.count()) {
        (Some(commune), 1) => list
            .range(ListCol::SubCommittee)
            .map(|names| format!("{commune},{}", equals_text(&names, &sc.name))),
        _ => None,
    };
    let short = r.status.falls_short();
    [
        (ListCol::Classes, r.classes.actual),
        (ListCol::Learners, r.learners.actual),
    ]
    .map(|(what, value)| {
        Some(Figure {
            value,
            formula: criteria.as_deref().and_then(|c| sumifs(list, what, c)),
            short,
        })
    })
}

/// Theo quý: each commune's quarters, classes and learners, target and done.
pub fn by_quarter(ws: &mut Worksheet, dc: &DCtx) -> Result<(), XlsxError> {
    const FIGURES: [Label; 4] = [
        k::CLASSES_TARGET,
        k::CLASSES_DONE,
        k::LEARNERS_TARGET,
        k::LEARNERS_DONE,
    ];
    let grid = Grid {
        name: crate::labels::l::SHEET_QUARTERS,
        title: dc.title(k::TITLE_QUARTERS),
        groups: (1..=4)
            .map(|q| (format!("{} {}", dc.t(s::QUARTER), roman(q)), &FIGURES[..]))
            .collect(),
        width: 9.0,
        note: k::QUARTERS_NOTE,
    };
    let list = dc.list();
    let figures = |i: usize, c: &Consolidation, folder: &str| {
        let commune = dc.folder_criterion(i, folder);
        let quarters = list.range(ListCol::Quarter);
        (0..4)
            .flat_map(|q| {
                let criteria = commune
                    .as_deref()
                    .zip(quarters.as_deref())
                    .map(|(commune, quarters)| format!("{commune},{quarters},{}", q + 1));
                quarter_figures(c, q, criteria.as_deref(), &list)
            })
            .collect()
    };
    write_grid(ws, dc, &grid, &figures)
}

/// Quarter `q` (0-based) of `c`: classes target and done, learners target and done.
fn quarter_figures(
    c: &Consolidation,
    q: usize,
    criteria: Option<&str>,
    list: &ListPlace,
) -> [Option<Figure>; 4] {
    let Some(r) = c.summary.quarters.get(q) else {
        return [None, None, None, None];
    };
    let short = r.status.falls_short();
    let target = |value| {
        Some(Figure {
            value,
            formula: None,
            short: false,
        })
    };
    let done = |what, value| {
        Some(Figure {
            value,
            formula: criteria.and_then(|c| sumifs(list, what, c)),
            short,
        })
    };
    [
        target(r.classes.target),
        done(ListCol::Classes, r.classes.actual),
        target(r.learners.target),
        done(ListCol::Learners, r.learners.actual),
    ]
}

/// Writes `grid`: the title, the two heading rows, a row a commune with `figures`, the
/// totals and the note.
fn write_grid(
    ws: &mut Worksheet,
    dc: &DCtx,
    grid: &Grid,
    figures: &Figures,
) -> Result<(), XlsxError> {
    let (n, folder) = (grid.columns(), grid.folder());
    ws.set_name(dc.t(grid.name))?;
    let mut w = vec![5.0, 24.0];
    w.extend(std::iter::repeat_n(grid.width, usize::from(n)));
    w.push(FOLDER_WIDTH);
    widths(ws, &w)?;
    let h1 = title(ws, dc, &grid.title, folder)?;
    let h2 = headings(ws, dc, h1, grid)?;
    let first = h2 + 1;
    let mut totals = vec![0u64; usize::from(n)];
    let mut row = first;
    for (i, commune) in dc.d.communes.iter().enumerate() {
        let f = &dc.f;
        ws.write_string_with_format(row, folder, cell_text(&commune.folder), &f.text)?;
        match &commune.outcome {
            CommuneOutcome::Done(c) => {
                let cell = format!("${}{}", crate::report::sheets::col(folder), row + 1);
                let values = figures(i, c, &cell);
                commune_row(ws, dc, (row, i), c, &values)?;
                for (t, v) in totals.iter_mut().zip(&values) {
                    *t += v.as_ref().map_or(0, |v| v.value);
                }
            }
            CommuneOutcome::Failed(reason) => {
                let what = (i, commune.folder.as_str(), reason.as_str());
                let width = grid.width * f64::from(n);
                failed_row(ws, dc, (row, folder - 1), what, width)?;
            }
        }
        row += 1;
    }
    total_row(ws, dc, (row, first), &totals, folder)?;
    ws.set_freeze_panes(first, 2)?;
    let width = w.iter().sum();
    note(ws, dc, row + 2, folder, (grid.note, width))?;
    dc.page_setup(ws, (h1, h2))
}

/// STT, the commune's name spanning both heading rows, each group over its figures, the
/// folder; returns the second heading row.
fn headings(ws: &mut Worksheet, dc: &DCtx, h1: RowNum, grid: &Grid) -> Result<RowNum, XlsxError> {
    let (f, h2, folder) = (&dc.f, h1 + 1, grid.folder());
    ws.merge_range(h1, 0, h2, 0, dc.t(s::STT), &f.header)?;
    ws.merge_range(h1, 1, h2, 1, dc.t(k::COMMUNE), &f.header)?;
    ws.merge_range(h1, folder, h2, folder, dc.t(k::FOLDER), &f.header)?;
    let mut at: ColNum = 2;
    let (mut tall, mut low) = (Vec::new(), Vec::new());
    for (name, figures) in &grid.groups {
        let span = figures.len() as ColNum;
        let name = cell_text(name);
        if span > 1 {
            ws.merge_range(h1, at, h1, at + span - 1, &name, &f.header)?;
        } else {
            ws.write_string_with_format(h1, at, name.as_ref(), &f.header)?;
        }
        // Bold headings take a little more room than the estimate's plain text.
        tall.push((name.into_owned(), BOLD * grid.width * f64::from(span)));
        for (j, label) in figures.iter().enumerate() {
            ws.write_string_with_format(h2, at + j as ColNum, dc.t(*label), &f.header)?;
            low.push((dc.t(*label), BOLD * grid.width));
        }
        at += span;
    }
    let tall: Vec<(&str, f64)> = tall.iter().map(|(t, w)| (t.as_str(), *w)).collect();
    fit_height(ws, h1, &tall)?;
    fit_height(ws, h2, &low)?;
    Ok(h2)
}

/// A consolidated commune's row: its number, name and `values` from column 2.
fn commune_row(
    ws: &mut Worksheet,
    dc: &DCtx,
    (row, i): (RowNum, usize),
    c: &Consolidation,
    values: &[Option<Figure>],
) -> Result<(), XlsxError> {
    let f = &dc.f;
    ws.write_number_with_format(row, 0, (i + 1) as f64, &f.text_center)?;
    ws.write_string_with_format(row, 1, cell_text(&c.plan.unit), &f.text)?;
    for (j, v) in values.iter().enumerate() {
        let at = 2 + j as ColNum;
        match v {
            Some(v) => {
                let format = if v.short { &f.short_int } else { &f.int };
                counted(ws, row, at, v.formula.clone(), v.value, format)?;
            }
            None => {
                ws.write_blank(row, at, &f.text)?;
            }
        }
    }
    fit_height(ws, row, &[(&c.plan.unit, 24.0)])
}

/// The totals at `row` of the communes' rows from `first`: a SUM a column, `totals`
/// its stored values.
fn total_row(
    ws: &mut Worksheet,
    dc: &DCtx,
    (row, first): (RowNum, RowNum),
    totals: &[u64],
    folder: ColNum,
) -> Result<(), XlsxError> {
    let f = &dc.f;
    ws.merge_range(row, 0, row, 1, dc.t(s::TOTAL), &f.total_text)?;
    let last = row.saturating_sub(1);
    for (j, total) in totals.iter().enumerate() {
        sum(ws, row, 2 + j as ColNum, first, last, *total, &f.total_int)?;
    }
    ws.write_blank(row, folder, &f.total_text)?;
    Ok(())
}
