//! The data sheet: what a commune's consolidated workbook needs to be judged again
//! exactly (the plan and the run's [`Inputs`](crate::consolidation::Inputs)), for a
//! district run given only that workbook. Very hidden (only a program unhides it), and
//! the last sheet, so the sheets a person reads are those of every workbook.
//!
//! Layout: A1 the sheet's own name (what it is), B1 the schema
//! ([`STORED_SCHEMA`]), C1 how many chunks follow; from A2 down, one chunk a cell, the
//! JSON text `{"schema", "tool", "as_of", "plan" (the plan file's TOML), "inputs"}` in
//! pieces under Excel's limit for a cell.

use rust_xlsxwriter::{Worksheet, XlsxError};
use serde::Serialize;

use super::Ctx;
use crate::consolidation::{InputsView, STORED_SCHEMA};
use crate::labels::sheet::DATA_SHEET;

/// Most UTF-16 units a chunk holds: Excel allows 32,767 in a cell.
pub const CHUNK_UNITS: usize = 32_000;

#[derive(Serialize)]
struct Stored<'a> {
    schema: u32,
    tool: &'static str,
    as_of: chrono::NaiveDate,
    plan: String,
    inputs: InputsView<'a>,
}

/// Writes the data sheet.
pub fn write(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    let c = ctx.c;
    let stored = Stored {
        schema: STORED_SCHEMA,
        tool: concat!("tthtcd ", env!("CARGO_PKG_VERSION")),
        as_of: c.summary.as_of.date,
        plan: c.plan.to_toml(),
        inputs: c.inputs(),
    };
    let json = serde_json::to_string(&stored)
        .map_err(|e| XlsxError::ParameterError(format!("{DATA_SHEET}: {e}")))?;
    let chunks = chunks(&json, CHUNK_UNITS);
    ws.set_name(DATA_SHEET)?.set_very_hidden(true);
    ws.write(0, 0, DATA_SHEET)?;
    ws.write(0, 1, STORED_SCHEMA)?;
    ws.write(0, 2, chunks.len() as u32)?;
    for (row, chunk) in (1u32..).zip(&chunks) {
        ws.write(row, 0, *chunk)?;
    }
    Ok(())
}

/// `text` cut into pieces of at most `units` UTF-16 units, at character boundaries.
pub fn chunks(text: &str, units: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut used) = (0, 0);
    for (at, ch) in text.char_indices() {
        if used + ch.len_utf16() > units {
            out.push(&text[start..at]);
            (start, used) = (at, 0);
        }
        used += ch.len_utf16();
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_stay_under_the_limit_and_join_back() {
        // "ệ" is one unit, "😀" two: 3 units a piece at most.
        let text = "aệ😀b😀";
        let pieces = chunks(text, 3);
        assert_eq!(pieces, ["aệ", "😀b", "😀"]);
        assert_eq!(pieces.concat(), text);
        assert!(chunks("", 3).is_empty());
    }
}
