//! The words of a start with no arguments (`commands::double_click`): on Windows, a
//! double-click on tthtcd.exe in the reports folder. Always in Vietnamese: no argument
//! can ask for another language, and the secretary reads Vietnamese.

use super::{Label, Lang};

/// The sub-folder read instead of the program's own, folded ("Báo cáo", "BAO CAO").
pub const REPORTS_FOLDER: &str = "bao cao";

pub fn reading(folder: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Tổng hợp các báo cáo trong thư mục: {folder}"),
        Lang::En => format!("Consolidating the reports in the folder: {folder}"),
    }
}

/// Which plan the classes were checked against: the `file` it came from, or None for
/// the plan built into the tool, with how to use the commune's own.
pub fn plan_used(file: Option<&str>, (unit, year): (&str, i32), lang: Lang) -> String {
    match (file, lang) {
        (Some(file), Lang::Vi) => format!("Kế hoạch: {file} ({unit}, năm {year})"),
        (Some(file), Lang::En) => format!("Plan: {file} ({unit}, {year})"),
        (None, Lang::Vi) => format!(
            "Kế hoạch: kế hoạch có sẵn trong công cụ ({unit}, năm {year}), vì không thấy mẫu \
             kế hoạch ke-hoach.xlsx; để đối chiếu với kế hoạch của xã mình, hãy đặt mẫu kế \
             hoạch đã điền cạnh tthtcd"
        ),
        (None, Lang::En) => format!(
            "Plan: the plan built into the tool ({unit}, {year}), as no plan form \
             ke-hoach.xlsx was found; to check against your commune's plan, put its filled \
             plan form beside tthtcd"
        ),
    }
}

/// Nothing to read where the program stands: most likely it was started where it was
/// downloaded, not in the reports folder.
pub fn no_workbooks(folder: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "không thấy bảng tính nào trong thư mục {folder}: hãy chép tthtcd vào thư mục \
             chứa các báo cáo tháng (hoặc đặt cạnh thư mục \"Báo cáo\" chứa chúng) rồi chạy \
             lại; chưa ghi tong-hop.xlsx"
        ),
        Lang::En => format!(
            "no workbook in the folder {folder}: copy tthtcd into the folder of the monthly \
             reports (or beside a \"Bao cao\" folder holding them) and run it again; \
             tong-hop.xlsx was not written"
        ),
    }
}

pub const PRESS_ENTER: Label = Label::new(
    "Nhấn Enter để đóng cửa sổ này.",
    "Press Enter to close this window.",
);
