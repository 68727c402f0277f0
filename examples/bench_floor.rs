//! The floor for the benchmark: what any Rust tool must at least do with the corpus —
//! open every workbook with calamine, read every cell of every sheet, and write the
//! collected rows with rust_xlsxwriter. `cargo run --release --example bench_floor -- DIR OUT.xlsx`

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::Workbook;

fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
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

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().ok_or("usage: bench_floor DIR OUT.xlsx")?);
    let out = args.next().ok_or("usage: bench_floor DIR OUT.xlsx")?;
    let mut list = Vec::new();
    files(&dir, &mut list);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory()?;
    let mut row = 0u32;
    for path in &list {
        let mut book = open_workbook_auto(path)?;
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name)?;
            for cells in range.rows() {
                for (c, v) in cells.iter().enumerate() {
                    match v {
                        Data::String(s) => drop(ws.write(row, c as u16, s.as_str())?),
                        Data::Float(f) => drop(ws.write(row, c as u16, *f)?),
                        Data::Int(i) => drop(ws.write(row, c as u16, *i as f64)?),
                        Data::DateTime(d) => drop(ws.write(row, c as u16, d.as_f64())?),
                        _ => {}
                    }
                }
                row += 1;
            }
        }
    }
    wb.save(&out)?;
    println!("{} files, {row} rows", list.len());
    Ok(())
}
