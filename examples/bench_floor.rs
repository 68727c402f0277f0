//! The floors of the benchmark: what any Rust tool must at least do with the corpus —
//! open every workbook with calamine, read every cell of every sheet, and write the
//! collected rows with rust_xlsxwriter (constant-memory mode, one thread).
//!
//! `cargo run --release --example bench_floor -- [--all-cores] DIR OUT.xlsx`
//!
//! - by default, everything on one thread: each file read, then its rows written (the
//!   floor of issue 8);
//! - `--all-cores`: the reading on every core (rayon over the files, 64 at a time) while
//!   the writer writes the previous batch on its own thread — the real limit of the
//!   machine for a tool that reads in parallel and writes one workbook.

use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader, open_workbook_auto};
use rayon::prelude::*;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

type Error = Box<dyn std::error::Error + Send + Sync>;

/// Files read in parallel before the writer takes them, in folder order: small enough
/// that the writer starts early and the last batch leaves little to write alone, large
/// enough that a fork-join a batch costs nothing next to reading 64 files.
const BATCH: usize = 64;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "xlsx") {
            out.push(p);
        }
    }
}

/// Every cell of every sheet of one workbook, a range a sheet.
fn read(path: &Path) -> Result<Vec<Range<Data>>, Error> {
    let mut book = open_workbook_auto(path)?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        sheets.push(book.worksheet_range(&name)?);
    }
    Ok(sheets)
}

fn write_row(ws: &mut Worksheet, row: u32, cells: &[Data]) -> Result<(), XlsxError> {
    for (c, v) in cells.iter().enumerate() {
        match v {
            Data::String(s) => drop(ws.write(row, c as u16, s.as_str())?),
            Data::Float(f) => drop(ws.write(row, c as u16, *f)?),
            Data::Int(i) => drop(ws.write(row, c as u16, *i as f64)?),
            Data::DateTime(d) => drop(ws.write(row, c as u16, d.as_f64())?),
            _ => {}
        }
    }
    Ok(())
}

/// One thread: a file read, its rows written, the next file. Returns the rows written.
fn one_thread(list: &[PathBuf], ws: &mut Worksheet) -> Result<u32, Error> {
    let mut row = 0u32;
    for path in list {
        for cells in read(path)?.iter().flat_map(Range::rows) {
            write_row(ws, row, cells)?;
            row += 1;
        }
    }
    Ok(row)
}

/// Every core reads a batch of files (rayon) while this thread writes the batch before.
fn all_cores(list: &[PathBuf], ws: &mut Worksheet) -> Result<u32, Error> {
    let (send, batches) = std::sync::mpsc::sync_channel::<Result<Vec<_>, Error>>(1);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for batch in list.chunks(BATCH) {
                let read: Result<Vec<_>, Error> = batch.par_iter().map(|p| read(p)).collect();
                if send.send(read).is_err() {
                    return;
                }
            }
        });
        let mut row = 0u32;
        for batch in batches {
            for cells in batch?.iter().flatten().flat_map(Range::rows) {
                write_row(ws, row, cells)?;
                row += 1;
            }
        }
        Ok(row)
    })
}

fn main() -> Result<(), Error> {
    let usage = "usage: bench_floor [--all-cores] DIR OUT.xlsx";
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let parallel = args.first().is_some_and(|a| a == "--all-cores");
    if parallel {
        args.remove(0);
    }
    let [dir, out] = <[String; 2]>::try_from(args).map_err(|_| usage)?;
    let mut list = Vec::new();
    files(Path::new(&dir), &mut list);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory()?;
    let rows = if parallel {
        all_cores(&list, ws)?
    } else {
        one_thread(&list, ws)?
    };
    wb.save(&out)?;
    println!("{} files, {rows} rows", list.len());
    Ok(())
}
