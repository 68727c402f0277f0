//! Checking the accepted classes against the plan: per sub-committee, per quarter and per
//! month, as of a date, with the statuses that docs/json-summary.md defines.

pub mod asof;
pub mod completeness;
pub mod criteria;
pub mod plan_check;
pub mod plan_vs_held;
pub mod registration;
pub mod summary;

pub use asof::AsOf;
pub use summary::{
    Measure, MonthCell, Participation, QuarterResult, Status, SubCommitteeResult, Summary,
};
