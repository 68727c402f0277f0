//! Fuzzes a whole workbook file: the container (zip for xlsx/xlsm/ods, compound file for
//! xls), the guards in front of the format readers, the readers, then recognition of
//! every sheet. The first byte chooses the format the file name would claim; the rest
//! is the file. Seed the corpus with real workbooks (see fuzz/README.md) so the fuzzer
//! mutates containers rather than random bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tthtcd::input::discover::Format;
use tthtcd::input::workbook::{self, Outcome};
use tthtcd::normalise::legacy;
use tthtcd::recognise::{SheetContext, read_sheet};
use tthtcd::{Plan, Vocabulary};

const CLAIMS: [Format; 5] = [Format::Xlsx, Format::Xlsm, Format::Xlsb, Format::Xls, Format::Ods];

fuzz_target!(|data: &[u8]| {
    let Some((&claim, bytes)) = data.split_first() else {
        return;
    };
    let format = CLAIMS[usize::from(claim) % CLAIMS.len()];
    let sheets = match workbook::read(bytes, format) {
        Outcome::Sheets(s) | Outcome::WebPage(s) => s,
        Outcome::OwnOutput | Outcome::Failed(_) => return,
    };
    let vocabulary = Vocabulary::from(&Plan::embedded());
    let ctx = SheetContext {
        vocabulary: &vocabulary,
        file: "fuzz.xlsx",
        file_subcommittee: None,
    };
    for mut sheet in sheets {
        legacy::repair(&mut sheet.grid);
        let _ = read_sheet(&ctx, &sheet);
    }
});
