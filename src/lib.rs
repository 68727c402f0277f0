//! tthtcd — consolidates the monthly class reports of a commune Community Learning
//! Centre (Trung tâm học tập cộng đồng) and checks them against the yearly plan.
//!
//! The pipeline, one module a stage:
//! [`input`] finds the files and reads each sheet into a cell grid →
//! [`recognise`] finds the class table in a grid and turns its rows into classes
//! (with [`normalise`] for text, dates, counts and sub-committees) →
//! [`check`] compares the classes with the [`plan`] →
//! [`report`] writes the workbook, the JSON and the terminal table.
//! [`read`] takes one file through the first stages on its own; [`pipeline`] runs the
//! whole folder through them, merges the files and checks the result.
//! Problems travel as [`diagnostics::Diagnostic`] values to every output.

// No function longer than a screen (the threshold is in clippy.toml): a long one is a
// sequence of named steps waiting to be written.
#![warn(clippy::too_many_lines)]

pub mod check;
pub mod classes;
pub mod consolidation;
pub mod diagnostics;
pub mod input;
pub mod labels;
pub mod normalise;
pub mod pipeline;
pub mod plan;
pub mod profile;
pub mod read;
pub mod recognise;
pub mod repeats;
pub mod report;
pub mod sandbox;
pub mod text;

pub use consolidation::{Consolidation, FileReport, FileStatus};
pub use input::grid::{CellValue, Grid, SheetGrid};
pub use pipeline::{Config, RunError, run};
pub use plan::Plan;
pub use read::{ReadError, read_workbook};
pub use recognise::{Recognised, Vocabulary, recognise_sheet};
