//! The words of the district workbook (`report::district`), Vietnamese and English side
//! by side. The words it shares with a commune's workbook (headings of figures, the
//! class list, problems, files) stay in `sheet` and `l`.

use super::{Label, Lang};

// Sheet names (at most 31 characters, no []:*?/\).
pub const SHEET_SUMMARY: Label = Label::new("Tổng hợp huyện", "District summary");
pub const SHEET_BY_SUBCOMMITTEE: Label = Label::new("Theo tiểu ban", "By sub-committee");
pub const SHEET_REPORTING: Label = Label::new("Nộp báo cáo", "Reporting");

pub const OFFICE: Label = Label::new(
    "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
    "OFFICE OF EDUCATION AND TRAINING",
);
pub const SIGNER: Label = Label::new("TRƯỞNG PHÒNG", "HEAD OF OFFICE");

pub const TITLE_SUMMARY: Label = Label::new(
    "BÁO CÁO TỔNG HỢP KẾT QUẢ MỞ LỚP CỦA CÁC TRUNG TÂM HỌC TẬP CỘNG ĐỒNG NĂM",
    "CLASSES OPENED BY THE COMMUNITY LEARNING CENTRES IN",
);
pub const TITLE_BY_SUBCOMMITTEE: Label = Label::new(
    "KẾT QUẢ MỞ LỚP THEO TIỂU BAN CỦA CÁC XÃ NĂM",
    "CLASSES BY SUB-COMMITTEE AND COMMUNE,",
);
pub const TITLE_QUARTERS: Label = Label::new(
    "KẾT QUẢ MỞ LỚP THEO QUÝ CỦA CÁC XÃ NĂM",
    "CLASSES BY QUARTER AND COMMUNE,",
);
pub const TITLE_REPORTING: Label = Label::new(
    "TÌNH HÌNH NỘP BÁO CÁO THÁNG CỦA CÁC XÃ NĂM",
    "MONTHLY REPORTS OF THE COMMUNES,",
);

pub const COMMUNE: Label = Label::new("Xã, phường, thị trấn", "Commune");
pub const FOLDER: Label = Label::new("Thư mục", "Folder");
pub const REPORTS: Label = Label::new("Báo cáo tháng", "Monthly reports");
pub const REPORTS_RECEIVED: Label = Label::new("Đã nộp", "Received");
pub const REPORTS_DUE: Label = Label::new("Đến hạn", "Due");
pub const REPORTS_ON_TIME: Label = Label::new("Đúng hạn", "On time");
pub const REPORTS_SHARE: Label = Label::new("Tỷ lệ đã nộp", "Share received");
pub const ERRORS: Label = Label::new("Số lỗi", "Errors");
pub const CLASSES_TARGET: Label = Label::new("Số lớp chỉ tiêu", "Classes: target");
pub const CLASSES_DONE: Label = Label::new("Số lớp thực hiện", "Classes: done");
pub const LEARNERS_TARGET: Label = Label::new("Học viên chỉ tiêu", "Learners: target");
pub const LEARNERS_DONE: Label = Label::new("Học viên thực hiện", "Learners: done");

pub const STATUS_NOTE: Label = Label::new(
    "Đánh giá của xã: mức thấp nhất trong các tiểu ban của xã (Không đạt, Chậm tiến độ, \
     Đúng tiến độ, Đạt); xã có tiểu ban chậm tiến độ hoặc không đạt tô đỏ.",
    "A commune's status: the worst of its sub-committees' (Short, Behind, On track, \
     Met); a commune with a sub-committee behind or short is in red.",
);
pub const BY_SUBCOMMITTEE_NOTE: Label = Label::new(
    "Mỗi cột gộp các tiểu ban của các xã có cùng tên hoặc tên khác; ô tô đỏ: tiểu ban chậm \
     tiến độ hoặc không đạt; ô trống: xã không có tiểu ban đó.",
    "Each column joins the communes' sub-committees that share a name or another name; a \
     red cell: a sub-committee behind or short; an empty cell: the commune has no such \
     sub-committee.",
);
pub const QUARTERS_NOTE: Label = Label::new(
    "Ô tô đỏ: quý chậm tiến độ hoặc không đạt.",
    "A red cell: a quarter behind or short.",
);
pub const REPORTING_NOTE: Label = Label::new(
    "Mỗi ô: số báo cáo đã nộp / số báo cáo đến hạn của tháng; ô tô đỏ: còn thiếu, chữ đỏ: có \
     báo cáo nộp muộn.",
    "Each cell: the month's reports received / due; a red cell: some missing; red text: \
     some late.",
);

/// Code of the line Cảnh báo gives a commune that could not be consolidated.
pub const FAILED_CODE: &str = "commune-failed";

/// The code of a file standing outside every commune folder (not read).
pub const LOOSE_CODE: &str = "not-in-commune";

/// A file in the district's folder itself, outside every commune folder.
pub fn loose(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "tệp '{file}' nằm ngoài mọi thư mục xã nên không được đọc: hãy chuyển vào thư mục của xã gửi nó"
        ),
        Lang::En => format!(
            "the file '{file}' stands outside every commune folder, so it was not read: move it into the folder of the commune that sent it"
        ),
    }
}

/// The people's committee of the district, top left of the heading: "UBND HUYỆN ĐÔNG
/// TRIỀU", or a line to fill in when the district's name is not known.
pub fn committee(name: Option<&str>, lang: Lang) -> String {
    let name = name.map_or_else(|| "…………………".to_string(), str::to_uppercase);
    match lang {
        Lang::Vi => format!("UBND HUYỆN {name}"),
        Lang::En => format!("PEOPLE'S COMMITTEE OF {name} DISTRICT"),
    }
}

/// A title's end naming the district: " — HUYỆN ĐÔNG TRIỀU"; empty without a name.
pub fn of_district(name: Option<&str>, lang: Lang) -> String {
    match (name, lang) {
        (None, _) => String::new(),
        (Some(n), Lang::Vi) => format!(" — HUYỆN {}", n.to_uppercase()),
        (Some(n), Lang::En) => format!(" — {} DISTRICT", n.to_uppercase()),
    }
}

/// The reason a commune has no figures: "Không tổng hợp được: …".
pub fn failed(reason: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Không tổng hợp được: {reason}"),
        Lang::En => format!("Not consolidated: {reason}"),
    }
}
