//! tthtcd — consolidates the monthly class reports of a commune Community Learning
//! Centre (Trung tâm học tập cộng đồng) and checks them against the yearly plan.
//!
//! # The library
//!
//! Three ways in, from the smallest:
//! - [`read_workbook`]: a workbook's sheets, each a [`SheetGrid`] (a name and a grid
//!   of [`CellValue`]s);
//! - [`recognise_sheet`]: a sheet's class table read into classes, registrations and
//!   criteria figures ([`Recognised`]), with what it knows of the commune given as a
//!   [`Vocabulary`] (built from a [`Plan`] or by hand: the year and the sub-committees);
//! - [`run`]: a whole folder consolidated and checked against a [`Plan`]
//!   ([`Config`] → [`Consolidation`]).
//!
//! Problems are [`diagnostics::Diagnostic`] values, worded in either [`Lang`]; the
//! rows are the types of [`classes`]. The other modules are public only for the
//! `tthtcd` binary and its tests, and are no stable API.
//!
//! # The pipeline
//!
//! One module a stage: `input` finds the files and reads each sheet into a cell grid →
//! `recognise` finds the class table in a grid and turns its rows into classes (with
//! `normalise` for text, dates, counts and sub-committees) → `check` compares the
//! classes with the [`plan`] → `report` writes the workbook, the JSON and the terminal
//! table. `read` takes one file through the first stages on its own; `pipeline` runs
//! the whole folder through them, merges the files and checks the result.

// No function longer than a screen (the threshold is in clippy.toml): a long one is a
// sequence of named steps waiting to be written.
#![warn(clippy::too_many_lines)]

// The library: the items re-exported below and the modules whose types they carry
// (classes, diagnostics, plan). Documented, each with a doctest.
pub mod classes;
pub mod diagnostics;
pub mod plan;
pub mod plan_form;

// Internal stages, reached only through the items re-exported below.
pub(crate) mod consolidation;
pub mod district;
pub mod district_run;
pub(crate) mod pipeline;
pub(crate) mod read;
pub mod readback;
pub(crate) mod repeats;
pub(crate) mod text;

// For the tthtcd binary and its tests (tests/, examples/, fuzz/), not a stable API.
#[doc(hidden)]
pub mod check;
#[doc(hidden)]
pub mod input;
#[doc(hidden)]
pub mod labels;
#[doc(hidden)]
pub mod normalise;
#[doc(hidden)]
pub mod profile;
#[doc(hidden)]
pub mod recognise;
#[doc(hidden)]
pub mod report;
#[doc(hidden)]
pub mod sandbox;

pub use consolidation::{Consolidation, FileReport, FileStatus};
pub use input::grid::{CellValue, Grid, SheetGrid};
pub use labels::Lang;
pub use pipeline::{Config, Prepared, RunError, run};
pub use plan::Plan;
pub use read::{PlanForms, ReadError, find_plan_form, read_workbook};
pub use recognise::{Recognised, Vocabulary, recognise_sheet};
