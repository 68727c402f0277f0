//! Turning raw cell values into the values the plan is checked with: clean text, dates
//! read day-first, whole counts, and sub-committees matched through the plan's aliases.
//! Each normaliser is a pure function returning a typed error that the row builder turns
//! into a diagnostic naming the cell.

pub mod dates;
pub mod legacy;
pub mod numbers;
pub mod period;
pub mod subcommittee;
