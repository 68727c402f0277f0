//! Where a run's time goes, stage by stage, for the benchmark's profile
//! (BENCHMARKS.md). Always counted — a clock read per file and per stage costs nothing
//! next to opening a workbook — and printed to standard error only when the
//! environment variable `TTHTCD_TIMINGS` is set, so the numbers come from the real
//! binary on the real corpus rather than from a separate profiling build.
//!
//! Stages that run on several threads at once (opening and recognising files) add up
//! the time of every thread: their sum can exceed the wall time of the reading phase.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A stage of the pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Walking the folder.
    Discover,
    /// Reading the file's bytes and its SHA-256.
    Bytes,
    /// calamine: unzip, parse the XML, build the cell grids.
    Parse,
    /// Finding and repairing TCVN3 / VNI text.
    Legacy,
    /// Finding the table and normalising its rows.
    Recognise,
    /// Merging files in folder order: copies, repeated classes, ledgers (a batch
    /// at a time, while the next batch is read).
    Merge,
    /// Reading and merging all files, wall time (the stages above on every core,
    /// and the merging alongside).
    Reading,
    /// Checking against the plan: summaries, registrations, criteria, completeness.
    Check,
    /// Filling the output workbook's sheets.
    Sheets,
    /// Compressing and writing the workbook file.
    Save,
}

/// Every stage, in the order of the enum (its index) and of the printed table.
const STAGES: [Stage; 10] = [
    Stage::Discover,
    Stage::Bytes,
    Stage::Parse,
    Stage::Legacy,
    Stage::Recognise,
    Stage::Merge,
    Stage::Reading,
    Stage::Check,
    Stage::Sheets,
    Stage::Save,
];

static NANOS: [AtomicU64; STAGES.len()] = [const { AtomicU64::new(0) }; STAGES.len()];

impl Stage {
    fn index(self) -> usize {
        self as usize
    }

    fn name(self) -> &'static str {
        match self {
            Stage::Discover => "discover",
            Stage::Bytes => "  bytes + sha256 (all threads)",
            Stage::Parse => "  calamine parse (all threads)",
            Stage::Legacy => "  legacy encodings (all threads)",
            Stage::Recognise => "  recognise + normalise (all threads)",
            Stage::Merge => "  merge (alongside the reading)",
            Stage::Reading => "read + merge files (wall)",
            Stage::Check => "check",
            Stage::Sheets => "fill sheets",
            Stage::Save => "compress + write",
        }
    }
}

/// Runs `f`, adding its duration to `stage`.
pub fn time<T>(stage: Stage, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    add(stage, start.elapsed());
    out
}

/// Adds `d` to `stage`.
pub fn add(stage: Stage, d: Duration) {
    let nanos = u64::try_from(d.as_nanos()).unwrap_or(u64::MAX);
    NANOS[stage.index()].fetch_add(nanos, Ordering::Relaxed);
}

/// The table of stages and seconds, one per line.
pub fn table() -> String {
    let mut out = String::new();
    for stage in STAGES {
        let secs = NANOS[stage.index()].load(Ordering::Relaxed) as f64 / 1e9;
        out.push_str(&format!("{:<40} {secs:>8.3} s\n", stage.name()));
    }
    out
}

/// Prints the table to standard error when `TTHTCD_TIMINGS` is set.
pub fn print_if_asked() {
    if std::env::var_os("TTHTCD_TIMINGS").is_some() {
        eprint!("{}", table());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_add_up_per_stage() {
        let before = NANOS[Stage::Save.index()].load(Ordering::Relaxed);
        add(Stage::Save, Duration::from_millis(3));
        add(Stage::Save, Duration::from_millis(4));
        let after = NANOS[Stage::Save.index()].load(Ordering::Relaxed);
        // Other tests may add to the same stage concurrently, never subtract.
        assert!(after - before >= 7_000_000);
        assert!(table().contains("compress + write"));
    }
}
