//! Getting at what is in the folder: which files there are (discovery), and each
//! workbook's sheets as plain grids of cell values (the reader). Nothing here knows
//! about class tables or output sheets.

pub mod bytes;
pub mod cfb_guard;
pub mod discover;
pub mod file;
pub mod grid;
pub mod held;
pub mod html;
pub mod looks;
pub mod ods_fold;
pub mod ods_guard;
pub mod workbook;
pub mod xls_guard;
pub mod zip_guard;
