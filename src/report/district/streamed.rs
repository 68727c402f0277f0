//! The district workbook written while the communes are read. Its Danh sách lớp, by far
//! its largest sheet (a province's list holds hundreds of thousands of classes), is
//! filled on a thread of its own, commune by commune as each is consolidated, so the
//! filling overlaps the reading of the communes after; the sheets that compare the
//! communes are filled once every commune is known. The bytes are those of
//! [`district_bytes`] for the same district.

use std::sync::Arc;
use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;

use chrono::NaiveDate;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::lists::{class_list, commune_items};
use super::{DCtx, Dates, district_bytes, sheets_around, workbook_of};
use crate::consolidation::Consolidation;
use crate::district::{Commune, CommuneOutcome, CommuneSink, District};
use crate::labels::Lang;
use crate::report::sheets::classes::ListRows;
use crate::report::workbook::WorkbookError;

/// A district workbook being written: give it to
/// `district_run::run_district_into`, then
/// [`Streamed::finish`] with the district it gave.
pub struct Streamed {
    name: Option<String>,
    as_of: Option<NaiveDate>,
    lang: Lang,
    open: Option<Open>,
}

/// The workbook once the communes' dates are known, and the thread filling its list.
struct Open {
    wb: Workbook,
    dates: Dates,
    /// Each consolidated commune's folder and consolidation, to the filling thread.
    to_list: Sender<(String, Arc<Consolidation>)>,
    filler: JoinHandle<Result<(Worksheet, ListRows), XlsxError>>,
}

impl Streamed {
    /// The workbook of the district `name` (for its headings), every commune judged as
    /// of `as_of` (None: each one's plan year's end).
    pub fn new(name: Option<String>, as_of: Option<NaiveDate>, lang: Lang) -> Streamed {
        Streamed {
            name,
            as_of,
            lang,
            open: None,
        }
    }

    /// True once the class list is being filled (from the moment the communes' dates
    /// are known); else the whole workbook is written by [`Streamed::finish`].
    pub fn is_filling(&self) -> bool {
        self.open.is_some()
    }

    /// The workbook's bytes, its other sheets filled from `d` (the district the run
    /// gave).
    pub fn finish(self, d: &District) -> Result<Vec<u8>, WorkbookError> {
        let Some(open) = self.open else {
            return district_bytes(d, self.lang);
        };
        drop(open.to_list);
        let filled = open
            .filler
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        let dc = DCtx::new(d, self.lang);
        // The list's heading was written with the dates known before the reading; the
        // communes consolidated are those that were then to be, so they agree. Should
        // they not, the list is written again rather than carry another heading.
        debug_assert_eq!(dc.dates, open.dates, "the district's dates changed");
        if dc.dates != open.dates {
            return district_bytes(d, self.lang);
        }
        let (mut classes, rows) = filled?;
        rows.end(
            &mut classes,
            &dc,
            &class_list(&dc.dates, d.name.as_deref(), self.lang),
        )?;
        sheets_around(open.wb, classes, &dc)
    }

    /// Opens the workbook and starts the thread that fills the list.
    fn open(&self, dates: Dates) -> Result<Open, XlsxError> {
        let mut wb = workbook_of(self.name.as_deref(), &dates, self.lang)?;
        let mut ws = wb.new_worksheet_with_low_memory()?;
        let page = dates.page(self.name.as_deref(), self.lang);
        let list = class_list(&dates, self.name.as_deref(), self.lang);
        let mut rows = ListRows::start(&mut ws, &page, &list)?;
        let (to_list, communes) = channel::<(String, Arc<Consolidation>)>();
        let filler = std::thread::spawn(move || {
            for (folder, c) in communes {
                rows.add(&mut ws, &list, &commune_items(&c, &folder))?;
            }
            Ok((ws, rows))
        });
        Ok(Open {
            wb,
            dates,
            to_list,
            filler,
        })
    }
}

impl CommuneSink for Streamed {
    fn known(&mut self, communes: &[Option<(i32, NaiveDate)>]) {
        let done: Vec<(i32, NaiveDate)> = communes.iter().flatten().copied().collect();
        // A workbook that cannot be opened here is written whole at the end, where its
        // error is reported.
        self.open = self.open(Dates::new(self.as_of, &done)).ok();
    }

    fn commune(&mut self, _: usize, commune: &Commune) {
        if let (Some(open), CommuneOutcome::Done(c)) = (&self.open, &commune.outcome) {
            // A filler that stopped on an error says so when joined.
            let _ = open.to_list.send((commune.folder.clone(), Arc::clone(c)));
        }
    }
}
