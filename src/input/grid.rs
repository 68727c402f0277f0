//! A sheet as a rectangle of plain cell values with its absolute position, so that every
//! later stage can name a cell in A1 style exactly as the user sees it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One cell's value, independent of the file format it came from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub enum CellValue {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    /// A cell formatted as a date (the reader has applied the workbook's date system).
    Date(NaiveDate),
    Bool(bool),
    /// An error value such as #REF! or #DIV/0!.
    Error(String),
}

impl CellValue {
    /// True for empty cells and text that is only white space.
    pub fn is_blank(&self) -> bool {
        match self {
            CellValue::Empty => true,
            CellValue::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The text of a text cell.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            CellValue::Text(s) => Some(s),
            _ => None,
        }
    }

    /// How the value reads to a person, for messages and for text columns that hold a
    /// number (e.g. a village typed as 3).
    pub fn display(&self) -> String {
        match self {
            CellValue::Empty => String::new(),
            CellValue::Text(s) => s.clone(),
            CellValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            CellValue::Number(n) => n.to_string(),
            CellValue::Date(d) => d.format("%d/%m/%Y").to_string(),
            CellValue::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            CellValue::Error(e) => e.clone(),
        }
    }
}

/// A sheet's used area. `rows[r][c]` is the cell at absolute row `top + r`, column
/// `left + c` (both 0-based), plus whatever long empty stretches were folded away before
/// `r` or `c` (see [`Folds`]). Rows may be shorter than the widest row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Grid {
    pub top: u32,
    pub left: u32,
    pub rows: Vec<Vec<CellValue>>,
    /// Empty stretches left out; none for a sheet read as it is.
    pub folds: Folds,
}

/// Long runs of empty rows and columns that were not materialised: a stray value at
/// XFD1048576 beside a report costs one cell, not a million empty rows or sixteen
/// thousand empty cells in each row. What is left of a run ([`FOLD_KEEP`] empty rows or
/// columns) still parts the data the way the sheet does.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Folds {
    pub rows: Vec<Fold>,
    pub cols: Vec<Fold>,
}

/// `skipped` rows (or columns) of the sheet were left out just before relative index `at`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fold {
    pub at: u32,
    pub skipped: u32,
}

/// Empty rows or columns kept of a longer empty run: more than any layout needs to tell
/// two tables apart.
pub const FOLD_KEEP: u32 = 16;

/// Absolute offset of relative index `i` past `origin`, counting the folds before it.
fn unfold(origin: u32, folds: &[Fold], i: usize) -> u64 {
    let skipped: u64 = folds
        .iter()
        .take_while(|f| f.at as usize <= i)
        .map(|f| u64::from(f.skipped))
        .sum();
    u64::from(origin) + i as u64 + skipped
}

static EMPTY: CellValue = CellValue::Empty;

impl Grid {
    /// The cell at relative position, `Empty` when outside.
    pub fn get(&self, r: usize, c: usize) -> &CellValue {
        self.rows
            .get(r)
            .and_then(|row| row.get(c))
            .unwrap_or(&EMPTY)
    }

    pub fn height(&self) -> usize {
        self.rows.len()
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// A1 address of a relative position ("F12").
    pub fn a1(&self, r: usize, c: usize) -> String {
        a1(
            unfold(self.top, &self.folds.rows, r),
            unfold(self.left, &self.folds.cols, c),
        )
    }

    /// 1-based absolute row number of a relative row, as Excel shows it.
    pub fn row_number(&self, r: usize) -> u32 {
        u32::try_from(unfold(self.top, &self.folds.rows, r).saturating_add(1)).unwrap_or(u32::MAX)
    }
}

/// A1 address of an absolute 0-based position.
pub fn a1(row: u64, col: u64) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

/// Excel column letters of a 0-based column ("A", "Z", "AA").
pub fn column_letters(col: u64) -> String {
    let mut n = col + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// One sheet of a workbook. Serialisable: a plan form's sheets are read in a worker
/// process and sent to the run over a pipe.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetGrid {
    /// The sheet's name, as on its tab.
    pub name: String,
    /// Whether the workbook hides the sheet (a run does not read hidden sheets).
    pub hidden: bool,
    /// Its cells.
    pub grid: Grid,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_addresses() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(11, 5), "F12");
        assert_eq!(a1(0, 25), "Z1");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(0, 16383), "XFD1");
        let g = Grid {
            top: 4,
            left: 1,
            rows: vec![],
            folds: Folds::default(),
        };
        assert_eq!(g.a1(0, 0), "B5");
        assert_eq!(g.row_number(2), 7);
    }

    #[test]
    fn addresses_count_the_folded_stretches() {
        // Rows 1-3 kept, then 1,000 rows folded away before relative row 3; columns A-B
        // kept, then 16,381 folded before relative column 2: relative (3, 2) is absolute
        // row 3 + 1,000 = 1,003 (0-based), shown as 1,004, and column 2 + 16,381 =
        // 16,383 (0-based), the last one, XFD.
        let g = Grid {
            top: 0,
            left: 0,
            rows: vec![],
            folds: Folds {
                rows: vec![Fold {
                    at: 3,
                    skipped: 1000,
                }],
                cols: vec![Fold {
                    at: 2,
                    skipped: 16381,
                }],
            },
        };
        assert_eq!(g.a1(2, 1), "B3");
        assert_eq!(g.a1(3, 2), "XFD1004");
        assert_eq!(g.row_number(3), 1004);
    }

    #[test]
    fn a_sheet_crosses_the_workers_pipe_unchanged() {
        // Every kind of cell, folds, a hidden sheet: what a worker sends is what the
        // run gets, in postcard's form (the wire's; it does not describe itself, so a
        // field read back out of order would show here).
        let sheet = SheetGrid {
            name: "Kế hoạch".into(),
            hidden: true,
            grid: Grid {
                top: 3,
                left: 1,
                rows: vec![
                    vec![
                        CellValue::Text("Tiểu ban".into()),
                        CellValue::Number(4.5),
                        CellValue::Date(NaiveDate::from_ymd_opt(2024, 3, 5).unwrap()),
                    ],
                    vec![],
                    vec![
                        CellValue::Empty,
                        CellValue::Bool(true),
                        CellValue::Error("#REF!".into()),
                    ],
                ],
                folds: Folds {
                    rows: vec![Fold { at: 1, skipped: 9 }],
                    cols: vec![Fold {
                        at: 2,
                        skipped: 300,
                    }],
                },
            },
        };
        let bytes = postcard::to_stdvec(&vec![sheet.clone()]).unwrap();
        let back: Vec<SheetGrid> = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, [sheet]);
        // The folds came across too: relative (2, 2) is row 3 + 2 + 9 = 14 (0-based, so
        // 15) and column 1 + 2 + 300 = 303 (0-based: 11 × 26 + 17, so KR).
        assert_eq!(back[0].grid.a1(2, 2), "KR15");
    }

    #[test]
    fn display_of_whole_numbers_has_no_decimal_point() {
        assert_eq!(CellValue::Number(45.0).display(), "45");
        assert_eq!(CellValue::Number(4.5).display(), "4.5");
    }
}
