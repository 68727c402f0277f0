//! Finding the class table in a sheet and turning its rows into classes: the header row
//! (wherever it is, over one or two rows), which column holds which field, which rows
//! are classes and which are blanks, totals or the signature block.

pub mod headers;
pub mod rows;
pub mod table;
pub mod vocabulary;

pub use rows::{RowOutcome, SheetContext, SheetResult, read_sheet};
pub use vocabulary::{Recognised, Vocabulary, recognise_sheet};
