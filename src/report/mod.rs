//! The outputs of a run: the consolidated workbook, the JSON summary and the terminal
//! table. Each reads a [`crate::Consolidation`] and never the input files.

pub mod appendix;
pub mod district;
pub mod district_json;
pub mod fit;
pub mod formats;
pub mod json;
pub mod output;
pub mod plan_form;
pub mod sheets;
pub mod template;
pub mod terminal;
pub mod workbook;
