//! Placeholder until the formatted writer lands: one sheet listing the classes.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};
use thiserror::Error;

use crate::consolidation::Consolidation;
use crate::input::workbook::OWN_OUTPUT_PROPERTY;
use crate::labels::Lang;

#[derive(Debug, Error)]
#[error("không tạo được bảng tổng hợp: {0}")]
pub struct WorkbookError(#[from] XlsxError);

pub fn workbook_bytes(c: &Consolidation, _lang: Lang) -> Result<Vec<u8>, WorkbookError> {
    let mut wb = Workbook::new();
    let props = DocProperties::new()
        .set_creation_datetime(&ExcelDateTime::from_ymd(2019, 12, 31)?)
        .set_custom_property(OWN_OUTPUT_PROPERTY, "1");
    wb.set_properties(&props);
    let ws = wb.add_worksheet();
    for (i, class) in c.classes.iter().enumerate() {
        ws.write(i as u32, 0, class.topic.as_str())?;
        ws.write(i as u32, 1, class.learners)?;
    }
    Ok(wb.save_to_buffer()?)
}
