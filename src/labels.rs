//! Every word the user reads, in one place: sheet names, column headings, status words
//! and problem messages, in Vietnamese (the default) and English. Adding a language is
//! adding a column here, not editing the report code.

use crate::diagnostics::{CountFault, LooksLike, Problem, WorkbookLooks};

/// Output language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// A label in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub vi: &'static str,
    pub en: &'static str,
}

impl Label {
    pub const fn new(vi: &'static str, en: &'static str) -> Label {
        Label { vi, en }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }
}

/// The labels, grouped by where they appear.
pub mod l {
    use super::Label;

    // Sheet names (at most 31 characters, no []:*?/\).
    pub const SHEET_SUMMARY: Label = Label::new("Tổng hợp", "Summary");
    pub const SHEET_QUARTERS: Label = Label::new("Theo quý", "By quarter");
    pub const SHEET_MONTHS: Label = Label::new("Theo tháng", "By month");
    pub const SHEET_CLASSES: Label = Label::new("Danh sách lớp", "Classes");
    pub const SHEET_WARNINGS: Label = Label::new("Cảnh báo", "Warnings");
    pub const SHEET_SOURCES: Label = Label::new("Nguồn", "Sources");

    // Status words.
    pub const STATUS_MET: Label = Label::new("Đạt", "Met");
    pub const STATUS_ON_TRACK: Label = Label::new("Đúng tiến độ", "On track");
    pub const STATUS_BEHIND: Label = Label::new("Chậm tiến độ", "Behind");
    pub const STATUS_SHORT: Label = Label::new("Không đạt", "Short");
    pub const STATUS_UPCOMING: Label = Label::new("Chưa đến", "Upcoming");

    // File statuses.
    pub const FILE_READ: Label = Label::new("Đã đọc", "Read");
    pub const FILE_FAILED: Label = Label::new("Lỗi", "Failed");
    pub const FILE_SKIPPED: Label = Label::new("Bỏ qua", "Skipped");
    pub const FILE_DUPLICATE: Label = Label::new("Trùng tệp", "Duplicate");

    // A table of a web page read as a sheet: "Bảng 1". Sheet names are data, the same
    // whatever the output language, so readers use the Vietnamese word.
    pub const HTML_TABLE: Label = Label::new("Bảng", "Table");

    // Severities.
    pub const SEV_ERROR: Label = Label::new("Lỗi", "Error");
    pub const SEV_WARNING: Label = Label::new("Cảnh báo", "Warning");
    pub const SEV_INFO: Label = Label::new("Thông tin", "Info");
}

/// Titles, headings and fixed words of the output workbook.
pub mod sheet {
    use super::Label;

    pub const PEOPLES_COMMITTEE: Label = Label::new("UBND", "PEOPLE'S COMMITTEE OF");
    pub const CENTRE: Label =
        Label::new("TRUNG TÂM HỌC TẬP CỘNG ĐỒNG", "COMMUNITY LEARNING CENTRE");
    pub const NATION: Label = Label::new(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SOCIALIST REPUBLIC OF VIET NAM",
    );
    pub const MOTTO: Label = Label::new(
        "Độc lập - Tự do - Hạnh phúc",
        "Independence - Freedom - Happiness",
    );
    pub const TITLE_SUMMARY: Label = Label::new(
        "BÁO CÁO TỔNG HỢP CÁC LỚP ĐÃ MỞ NĂM",
        "SUMMARY OF CLASSES OPENED IN",
    );
    pub const TITLE_QUARTERS: Label =
        Label::new("KẾT QUẢ MỞ LỚP THEO QUÝ NĂM", "CLASSES BY QUARTER,");
    pub const TITLE_MONTHS: Label =
        Label::new("KẾT QUẢ MỞ LỚP THEO THÁNG NĂM", "CLASSES BY MONTH,");
    pub const TITLE_CLASSES: Label = Label::new("DANH SÁCH CÁC LỚP ĐÃ MỞ NĂM", "CLASSES OPENED IN");
    pub const TITLE_WARNINGS: Label = Label::new("CÁC VẤN ĐỀ CẦN XEM LẠI", "PROBLEMS TO LOOK AT");
    pub const TITLE_SOURCES: Label = Label::new("CÁC TỆP ĐÃ ĐỌC", "FILES READ");
    pub const AS_OF: Label = Label::new("Tính đến ngày", "As of");
    pub const PAGE: Label = Label::new("Trang", "Page");

    pub const STT: Label = Label::new("STT", "No.");
    pub const SUBCOMMITTEE: Label = Label::new("Tiểu ban", "Sub-committee");
    pub const CLASSES: Label = Label::new("Số lớp", "Classes");
    pub const LEARNERS: Label = Label::new("Số lượt học viên", "Learners (attendances)");
    pub const TARGET: Label = Label::new("Chỉ tiêu", "Target");
    pub const DUE: Label = Label::new("Phải đạt đến ngày báo cáo", "Due by the report date");
    pub const DONE: Label = Label::new("Thực hiện", "Done");
    pub const SHARE: Label = Label::new("Tỷ lệ so với chỉ tiêu", "Share of target");
    pub const STATUS: Label = Label::new("Đánh giá", "Status");
    pub const TOTAL: Label = Label::new("Tổng cộng", "Total");
    pub const QUARTER: Label = Label::new("Quý", "Quarter");
    pub const YEAR: Label = Label::new("Cả năm", "Year");
    pub const CUMULATIVE: Label = Label::new("Lũy kế", "Running total");
    pub const THIS_MONTH: Label = Label::new("Trong tháng", "In month");
    pub const NEW_CLASSES: Label = Label::new("lớp mới", "new classes");
    pub const MONTH_PREFIX: Label = Label::new("T", "M");

    pub const PARTICIPATION: Label = Label::new(
        "Tỷ lệ người học so với dân số từ 15 tuổi trở lên",
        "Learners against the population aged 15+",
    );
    pub const PARTICIPATION_LEARNERS: Label =
        Label::new("Số lượt người học", "Learner attendances");
    pub const PARTICIPATION_POPULATION: Label =
        Label::new("Dân số từ 15 tuổi trở lên", "Population aged 15+");
    pub const PARTICIPATION_RATE: Label = Label::new("Tỷ lệ thực hiện", "Rate achieved");
    pub const PARTICIPATION_TARGET: Label = Label::new("Tỷ lệ kế hoạch", "Planned rate");
    pub const PLAN_FINDINGS: Label = Label::new(
        "LƯU Ý: KẾ HOẠCH CÓ ĐIỂM CHƯA KHỚP",
        "NOTE: THE PLAN DOES NOT ADD UP",
    );
    pub const READ_SUMMARY: Label = Label::new("Tệp và dòng đã đọc", "Files and rows read");
    pub const CHART_CLASSES: Label = Label::new(
        "Số lớp: thực hiện so với chỉ tiêu",
        "Classes: done against target",
    );
    pub const CHART_LEARNERS: Label = Label::new(
        "Số lượt học viên: thực hiện so với chỉ tiêu",
        "Learners: done against target",
    );

    pub const TOPIC: Label = Label::new("Tên lớp / chuyên đề", "Class / topic");
    pub const DATE: Label = Label::new("Ngày mở lớp", "Opening date");
    pub const VILLAGE: Label = Label::new("Thôn / địa điểm", "Village / place");
    pub const MALE: Label = Label::new("Nam", "Male");
    pub const FEMALE: Label = Label::new("Nữ", "Female");
    pub const TEACHER: Label = Label::new("Báo cáo viên", "Speaker");
    pub const NOTE: Label = Label::new("Ghi chú", "Note");
    pub const SOURCE_FILE: Label = Label::new("Tệp nguồn", "Source file");
    pub const SOURCE_SHEET: Label = Label::new("Trang tính", "Sheet");
    pub const SOURCE_ROW: Label = Label::new("Dòng", "Row");

    pub const SEVERITY: Label = Label::new("Mức độ", "Severity");
    pub const CODE: Label = Label::new("Mã", "Code");
    pub const FILE: Label = Label::new("Tệp", "File");
    pub const CELL: Label = Label::new("Ô", "Cell");
    pub const MESSAGE: Label = Label::new("Nội dung cần xem lại", "What to look at");
    pub const NO_PROBLEMS: Label = Label::new("Không có vấn đề nào.", "No problems found.");

    pub const FILE_STATUS: Label = Label::new("Trạng thái", "Status");
    pub const REASON: Label = Label::new("Lý do", "Reason");
    pub const ROWS_READ: Label = Label::new("Dòng đã đọc", "Rows read");
    pub const ROWS_ACCEPTED: Label = Label::new("Được tính", "Accepted");
    pub const ROWS_REJECTED: Label = Label::new("Bị loại", "Rejected");
    pub const ROWS_DUPLICATE: Label = Label::new("Trùng", "Duplicate");
    pub const SHA256: Label = Label::new("Mã băm SHA-256", "SHA-256");

    pub const SIGN_PLACE_DATE: Label = Label::new(
        "ngày ...... tháng ...... năm ......",
        "date ..................",
    );
    pub const SIGN_PREPARER: Label = Label::new("NGƯỜI LẬP BIỂU", "PREPARED BY");
    pub const SIGN_DIRECTOR: Label = Label::new("GIÁM ĐỐC", "DIRECTOR");
    pub const SIGN_HINT: Label = Label::new("(Ký, ghi rõ họ tên)", "(Signature, full name)");
    pub const SIGN_HINT_SEAL: Label = Label::new("(Ký tên, đóng dấu)", "(Signature and seal)");
}

/// The plan's appendix and the planned-against-held sheet.
pub mod appendix {
    use super::Label;

    pub const SHEET_BY_SUBCOMMITTEE: Label = Label::new("Theo tiểu ban", "By sub-committee");
    pub const SHEET_BY_QUARTER: Label = Label::new("Theo quý", "By quarter");
    pub const SHEET_PLAN_VS_HELD: Label = Label::new("Kế hoạch – Thực hiện", "Planned – Held");
    pub const TITLE: Label = Label::new(
        "PHỤ LỤC: KẾ HOẠCH MỞ LỚP CHI TIẾT NĂM",
        "APPENDIX: DETAILED CLASS PLAN FOR",
    );
    pub const ATTACHED: Label = Label::new(
        "(Kèm theo Kế hoạch hoạt động năm",
        "(Attached to the activity plan for",
    );
    pub const OF: Label = Label::new("của", "of");
    pub const TITLE_PLAN_VS_HELD: Label = Label::new(
        "ĐỐI CHIẾU KẾ HOẠCH MỞ LỚP VỚI THỰC HIỆN NĂM",
        "PLANNED AGAINST HELD CLASSES,",
    );
    pub const WHEN: Label = Label::new("Thời gian dự kiến", "Planned for");
    pub const EXPECTED_LEARNERS: Label = Label::new("Số học viên dự kiến", "Expected learners");
    pub const RESPONSIBLE: Label = Label::new("Người phụ trách", "Responsible");
    pub const PARTNER: Label = Label::new("Đơn vị phối hợp", "Partner");
    pub const SUBTOTAL: Label = Label::new("Cộng", "Subtotal");
    pub const PLAN_TARGET: Label = Label::new("Kế hoạch", "Plan");
    pub const CLASSES_WORD: Label = Label::new("lớp", "classes");
    pub const LEARNERS_WORD: Label = Label::new("học viên", "learners");
    pub const MONTH_WORD: Label = Label::new("Tháng", "Month");
    pub const CHECK: Label = Label::new(
        "ĐỐI CHIẾU VỚI CHỈ TIÊU KẾ HOẠCH",
        "AGAINST THE PLAN'S TARGETS",
    );
    pub const NO_GAPS: Label = Label::new(
        "Các tiểu ban và các quý đã đăng ký đúng chỉ tiêu kế hoạch.",
        "Registrations match every target.",
    );
    pub const NO_REGISTRATIONS: Label = Label::new(
        "Chưa có phiếu đăng ký mở lớp nào trong thư mục (bảng có cột Tháng/Quý dự kiến).",
        "No registration forms in the folder (tables with a planned month or quarter column).",
    );
    pub const STATUS: Label = Label::new("Tình trạng", "Status");
    pub const HELD: Label = Label::new("Đã mở", "Held");
    pub const NOT_YET: Label = Label::new("Chưa đến hạn", "Not yet due");
    pub const OVERDUE: Label = Label::new("Quá hạn, chưa mở", "Overdue");
    pub const UNPLANNED: Label = Label::new("Mở ngoài kế hoạch", "Held, not planned");
    pub const HELD_ON: Label = Label::new("Ngày mở", "Held on");
    pub const HELD_AS: Label = Label::new("Lớp đã mở tương ứng", "Matching class held");
}

/// "Tiểu ban pháp luật đăng ký 6 lớp, kế hoạch 8 lớp": `who` registered against the
/// plan, in classes or in learners.
pub fn gap_words(who: &str, classes: bool, registered: u64, target: u64, lang: Lang) -> String {
    let unit = if classes {
        appendix::CLASSES_WORD.get(lang)
    } else {
        appendix::LEARNERS_WORD.get(lang)
    };
    match lang {
        Lang::Vi => format!("{who} đăng ký {registered} {unit}, kế hoạch {target} {unit}"),
        Lang::En => format!("{who} registered {registered} {unit}; the plan says {target} {unit}"),
    }
}

/// The fill-in templates.
pub mod template {
    use super::Label;

    pub const SHEET_REPORT: Label = Label::new("Báo cáo tháng", "Monthly report");
    pub const SHEET_REGISTRATION: Label = Label::new("Đăng ký", "Registration");
    pub const SHEET_HELP: Label = Label::new("Hướng dẫn", "Instructions");
    pub const TITLE_REPORT: Label = Label::new(
        "BÁO CÁO CÁC LỚP ĐÃ MỞ THÁNG ...... NĂM",
        "CLASSES OPENED IN MONTH ...... OF",
    );
    pub const TITLE_REGISTRATION: Label =
        Label::new("PHIẾU ĐĂNG KÝ MỞ LỚP NĂM", "CLASS REGISTRATION FOR");
    pub const LEARNERS: Label = Label::new("Số học viên", "Learners");
    pub const OF_WHICH_WOMEN: Label = Label::new("Trong đó nữ", "Of which women");
    pub const PLANNED_MONTH: Label = Label::new("Tháng dự kiến", "Planned month");
    pub const EXPECTED_LEARNERS: Label = Label::new("Số học viên dự kiến", "Expected learners");
    pub const RESPONSIBLE: Label = Label::new("Người phụ trách", "Responsible");
    pub const PARTNER: Label = Label::new("Đơn vị phối hợp", "Partner");
    pub const TOTAL: Label = Label::new("Cộng", "Total");
    pub const MONTH: Label = Label::new("Tháng", "Tháng");
    pub const SIGN_HEAD: Label = Label::new("TRƯỞNG TIỂU BAN", "HEAD OF SUB-COMMITTEE");
    pub const HINT_STT: Label = Label::new("Số thứ tự: 1, 2, 3 …", "Row number: 1, 2, 3 …");
    pub const HINT_SUBCOMMITTEE: Label =
        Label::new("Chọn tiểu ban trong danh sách", "Pick the sub-committee");
    pub const HINT_TOPIC: Label = Label::new(
        "Tên lớp hoặc chuyên đề, ví dụ: Luật Giao thông đường bộ",
        "Class or topic, e.g. Road traffic law",
    );
    pub const HINT_DATE: Label = Label::new(
        "Ngày mở lớp, ghi ngày/tháng/năm, ví dụ 15/03/2019",
        "Opening date, day/month/year",
    );
    pub const HINT_VILLAGE: Label = Label::new("Thôn hoặc nơi mở lớp", "Village or place");
    pub const HINT_LEARNERS: Label = Label::new(
        "Số học viên, ghi bằng chữ số, ví dụ 45",
        "Number of learners, in figures",
    );
    pub const HINT_WOMEN: Label = Label::new(
        "Số học viên nữ (nằm trong tổng số)",
        "Women among the learners",
    );
    pub const HINT_TEACHER: Label =
        Label::new("Người báo cáo hoặc giáo viên", "Speaker or teacher");
    pub const HINT_NOTE: Label = Label::new("Ghi chú nếu có", "Any note");
    pub const HINT_MONTH: Label = Label::new("Chọn tháng dự kiến mở lớp", "Pick the planned month");
    pub const HINT_RESPONSIBLE: Label =
        Label::new("Người chịu trách nhiệm mở lớp", "Who is responsible");
    pub const HINT_PARTNER: Label =
        Label::new("Cơ quan, đoàn thể phối hợp", "Partner organisation");
    pub const ERROR_DATE: Label = Label::new(
        "Ngày mở lớp phải thuộc năm kế hoạch.",
        "The date must be in the plan year.",
    );
    pub const ERROR_COUNT: Label = Label::new(
        "Số học viên phải là số nguyên, không âm.",
        "Learners must be a whole number, not negative.",
    );
    pub const HELP_TITLE: Label = Label::new("HƯỚNG DẪN ĐIỀN BIỂU MẪU", "HOW TO FILL IN THIS FORM");
    pub const HELP_REPORT: [Label; 5] = [
        Label::new(
            "1. Mỗi dòng là một lớp đã mở trong tháng; ghi tháng vào tiêu đề.",
            "1. One row per class opened in the month; write the month in the title.",
        ),
        Label::new(
            "2. Ngày mở lớp ghi theo ngày/tháng/năm và phải thuộc năm {year}.",
            "2. Dates day/month/year, within {year}.",
        ),
        Label::new(
            "3. Số học viên ghi bằng chữ số; cột \"Trong đó nữ\" là số nữ nằm trong tổng số.",
            "3. Learners in figures; women are counted within the total.",
        ),
        Label::new(
            "4. Không sửa các dòng tiêu đề; không gõ bằng phông chữ cũ (.VnTime, VNI).",
            "4. Do not change the heading rows; type in Unicode.",
        ),
        Label::new(
            "5. Gửi tệp cho thư ký trung tâm trước ngày 5 tháng sau.",
            "5. Send the file to the centre's secretary by the 5th of the next month.",
        ),
    ];
    pub const HELP_REGISTRATION: [Label; 4] = [
        Label::new(
            "1. Mỗi dòng là một lớp tiểu ban dự kiến mở trong năm {year}.",
            "1. One row per class planned for {year}.",
        ),
        Label::new(
            "2. Chọn tháng dự kiến trong danh sách; ghi số học viên dự kiến bằng chữ số.",
            "2. Pick the month from the list; expected learners in figures.",
        ),
        Label::new(
            "3. Không sửa các dòng tiêu đề.",
            "3. Do not change the heading rows.",
        ),
        Label::new(
            "4. Gửi phiếu cho thư ký trung tâm để lập phụ lục kế hoạch.",
            "4. Send the form to the centre's secretary for the plan's appendix.",
        ),
    ];
}

/// The findings of the plan's self-check (check::plan_check::Finding chooses).
pub mod plan_check {
    use super::{Lang, percent};

    /// The sub-committee targets and the quarter targets add up differently.
    pub fn quarters_disagree(
        learners: bool,
        by_subcommittee: u64,
        by_quarter: u64,
        lang: Lang,
    ) -> String {
        match lang {
            Lang::Vi => {
                let what = if learners { "học viên" } else { "lớp" };
                format!(
                    "Chỉ tiêu theo tiểu ban cộng lại {by_subcommittee} {what}, theo quý cộng lại {by_quarter} {what}: hai con số phải bằng nhau"
                )
            }
            Lang::En => {
                let what = if learners { "learners" } else { "classes" };
                format!(
                    "The sub-committee targets add up to {by_subcommittee} {what}, the quarter targets to {by_quarter} {what}"
                )
            }
        }
    }

    /// The stated participation rate is not learners / population.
    pub fn participation_disagrees(
        learners: u64,
        population: u32,
        stated: f64,
        lang: Lang,
    ) -> String {
        let computed = learners as f64 / f64::from(population);
        match lang {
            Lang::Vi => format!(
                "Tỷ lệ tham gia ghi trong kế hoạch là {}, nhưng {learners}/{population} = {}",
                percent(stated, lang),
                percent(computed, lang)
            ),
            Lang::En => format!(
                "The plan states a participation rate of {}, but {learners}/{population} = {}",
                percent(stated, lang),
                percent(computed, lang)
            ),
        }
    }

    /// A percentage threshold outside 0–100 %.
    pub fn threshold_out_of_range(
        criterion: u32,
        indicator: &str,
        threshold: f64,
        lang: Lang,
    ) -> String {
        match lang {
            Lang::Vi => format!(
                "Tiêu chí {criterion}, chỉ số '{indicator}': ngưỡng {threshold} % nằm ngoài 0–100 %"
            ),
            Lang::En => format!(
                "Criterion {criterion}, indicator '{indicator}': threshold {threshold} % is outside 0–100 %"
            ),
        }
    }
}

/// The criteria review.
pub mod criteria {
    use super::Label;

    pub const SHEET: Label = Label::new("Tiêu chí", "Criteria");
    pub const TITLE: Label = Label::new(
        "ĐÁNH GIÁ CÁC TIÊU CHÍ XÃ HỘI HỌC TẬP NĂM",
        "LEARNING-SOCIETY CRITERIA,",
    );
    pub const NUMBER: Label = Label::new("Tiêu chí", "Criterion");
    pub const NAME: Label = Label::new("Tiêu chí / chỉ số", "Criterion / indicator");
    pub const INDICATOR: Label = Label::new("Chỉ số", "Indicator");
    pub const THRESHOLD: Label = Label::new("Ngưỡng", "Threshold");
    pub const VALUE: Label = Label::new("Giá trị (%)", "Value (%)");
    pub const NUMERATOR: Label = Label::new("Tử số", "Numerator");
    pub const DENOMINATOR: Label = Label::new("Mẫu số", "Denominator");
    pub const STATUS: Label = Label::new("Đánh giá", "Status");
    pub const MARGIN: Label = Label::new("So với ngưỡng", "Against the threshold");
    pub const EVIDENCE: Label = Label::new("Hồ sơ minh chứng", "Evidence on file");
    pub const SOURCE: Label = Label::new("Nguồn số liệu", "Source of the figure");
    pub const YES_NO: Label = Label::new("Có / Không", "Yes / No");
    pub const YES: Label = Label::new("Có", "Yes");
    pub const NO: Label = Label::new("Không", "No");
    pub const HAS_EVIDENCE: Label = Label::new("Có", "Yes");
    pub const NO_EVIDENCE: Label = Label::new("Chưa có", "Not yet");
    pub const MET: Label = Label::new("Đạt", "Met");
    pub const NOT_MET: Label = Label::new("Chưa đạt", "Not met");
    pub const MISSING: Label = Label::new("Thiếu số liệu", "Missing");
    pub const INCOMPLETE: Label = Label::new("Chưa đủ số liệu", "Incomplete");
    pub const COMPUTED: Label = Label::new(
        "CHỈ SỐ TÍNH TỪ DANH SÁCH LỚP",
        "WORKED OUT FROM THE CLASSES",
    );
    pub const PARTICIPATION: Label = Label::new(
        "Tỷ lệ lượt người học / dân số từ 15 tuổi trở lên",
        "Learner attendances / population aged 15+",
    );
    pub const WOMEN: Label = Label::new(
        "Tỷ lệ nữ trong số học viên (lớp có ghi số nữ)",
        "Women among learners (classes that report it)",
    );
    pub const VILLAGES: Label =
        Label::new("Số thôn có lớp học", "Villages with at least one class");
    pub const NOT_REPORTED: Label =
        Label::new("chưa có lớp nào ghi số nữ", "no class reports women");
    pub const HELP: [Label; 4] = [
        Label::new(
            "1. Mỗi dòng là một chỉ số; ghi tỷ lệ phần trăm, hoặc tử số và mẫu số (ví dụ 1530 trên 1760 gia đình).",
            "1. One row per indicator: a percentage, or a numerator and denominator.",
        ),
        Label::new(
            "2. Chỉ số có/không: ghi Có hoặc Không vào cột Giá trị.",
            "2. Yes/no indicators: write Có or Không in the value column.",
        ),
        Label::new(
            "3. Ghi nguồn số liệu và hồ sơ minh chứng đã có hay chưa.",
            "3. Give the source of each figure and whether the evidence is on file.",
        ),
        Label::new(
            "4. Không sửa cột Tiêu chí và Chỉ số.",
            "4. Do not change the criterion and indicator columns.",
        ),
    ];
}

/// Reporting completeness.
pub mod completeness {
    use super::Label;

    pub const SHEET: Label = Label::new("Tình hình nộp báo cáo", "Reporting");
    pub const TITLE: Label = Label::new(
        "TÌNH HÌNH NỘP BÁO CÁO THÁNG CỦA CÁC TIỂU BAN NĂM",
        "MONTHLY REPORTS OF THE SUB-COMMITTEES,",
    );
    pub const ON_TIME: Label = Label::new("Đúng hạn", "On time");
    pub const LATE: Label = Label::new("Muộn", "Late");
    pub const MISSING: Label = Label::new("Chưa nộp", "Missing");
    pub const DEADLINE: Label = Label::new("Hạn nộp: ngày", "Due on day");
    pub const OF_NEXT_MONTH: Label = Label::new("của tháng sau", "of the next month");
    pub const SUMMARY: Label = Label::new("Báo cáo đến hạn", "Reports due");
    pub const RECEIVED: Label = Label::new("đã nộp", "received");
    pub const ON_TIME_WORD: Label = Label::new("đúng hạn", "on time");
    pub const MISSING_LIST: Label = Label::new("Còn thiếu báo cáo", "Reports missing");
    pub const MONTH_WORD: Label = Label::new("tháng", "month");
}

/// The words `check` and `consolidate` print on the terminal.
/// Said after the accepted rows when `n` of them are classes opened after the as-of
/// date (accepted, not counted yet); empty when there are none.
pub fn later_rows(n: usize, lang: Lang) -> String {
    match (n, lang) {
        (0, _) => String::new(),
        (n, Lang::Vi) => format!(" (trong đó {n} dòng là lớp mở sau ngày báo cáo, chưa tính)"),
        (n, Lang::En) => format!(" ({n} of them opened after the as-of date, not counted yet)"),
    }
}

pub mod cli {
    use super::Label;

    pub const PLAN_YEAR: Label = Label::new("kế hoạch năm", "plan year");
    /// Before the message of an error that stops the run: "Lỗi: …" / "Error: …".
    pub const ERROR: Label = Label::new("Lỗi", "Error");
    pub const SANDBOX_EXE: Label = Label::new(
        "không tìm được chương trình tthtcd để mở các tiến trình đọc tệp",
        "cannot find the tthtcd program to start the reading processes",
    );
    pub const AS_OF: Label = Label::new("tính đến ngày", "as of");
    pub const TABLE_HEAD: [Label; 8] = [
        Label::new("Tiểu ban", "Sub-committee"),
        Label::new("CT lớp", "Class target"),
        Label::new("Phải đạt", "Due"),
        Label::new("Đã mở", "Opened"),
        Label::new("CT học viên", "Learner target"),
        Label::new("Phải đạt", "Due"),
        Label::new("Đã học", "Learners"),
        Label::new("Đánh giá", "Status"),
    ];
    pub const TOTAL: Label = Label::new("Tổng cộng", "Total");
    pub const PARTICIPATION: Label = Label::new(
        "Tỷ lệ người học / dân số từ 15 tuổi",
        "Learners / population aged 15+",
    );
    pub const TARGET: Label = Label::new("kế hoạch", "plan");
    pub const FILES: Label = Label::new("Tệp", "Files");
    pub const ROWS: Label = Label::new("Dòng", "Rows");
    pub const READ: Label = Label::new("đã đọc", "read");
    pub const FAILED: Label = Label::new("lỗi", "failed");
    pub const SKIPPED: Label = Label::new("bỏ qua", "skipped");
    pub const DUPLICATE: Label = Label::new("trùng", "duplicate");
    pub const ACCEPTED: Label = Label::new("được tính", "accepted");
    pub const REJECTED: Label = Label::new("bị loại", "rejected");
    pub const PROBLEMS: Label = Label::new("Cần xem lại", "To look at");
    pub const MORE_PROBLEMS: Label = Label::new(
        "vấn đề khác: xem trang Cảnh báo hoặc tệp JSON",
        "more: see the Warnings sheet or the JSON",
    );
    pub const WROTE: Label = Label::new("Đã ghi", "Wrote");
    pub const WATCHING: Label = Label::new("Đang theo dõi thư mục", "Watching");
    pub const WATCH_STOP: Label = Label::new("(Ctrl-C để dừng)", "(Ctrl-C to stop)");
    pub const WATCH_LINE_FILES: Label = Label::new("tệp", "files");
    pub const WATCH_LINE_CLASSES: Label = Label::new("lớp", "classes");
    pub const WATCH_LINE_LEARNERS: Label = Label::new("học viên", "learners");
    pub const WATCH_LINE_BEHIND: Label =
        Label::new("tiểu ban chậm/không đạt", "sub-committees behind or short");
    pub const WATCH_LINE_NEW: Label = Label::new("vấn đề mới", "new problems");
    pub const WATCH_WRITE_FAILED: Label = Label::new(
        "chưa ghi được, sẽ thử lại ở lần thay đổi sau",
        "not written; will retry on the next change",
    );
    pub const WATCH_STOPPED: Label = Label::new("Đã dừng theo dõi.", "Stopped watching.");
    pub const PLAN_OK: Label = Label::new(
        "Kế hoạch nhất quán: không có điểm nào chưa khớp.",
        "The plan is consistent.",
    );
    pub const PLAN_FINDINGS: Label =
        Label::new("Kế hoạch có điểm chưa khớp", "The plan does not add up");
    /// The progress bar while files are read: "8.052/12.240 tệp  3.900 tệp/giây".
    pub const PROGRESS_FILES: Label = Label::new("tệp", "files");
    pub const PROGRESS_RATE: Label = Label::new("tệp/giây", "files/s");
    /// The line shown while a long run writes its workbook.
    pub const WRITING: Label = Label::new("Đang ghi", "Writing");
    /// Put in the name a corrected workbook of the tool's is kept under:
    /// "tong-hop (sửa tay 03-05-2019).xlsx".
    pub const CORRECTED_BY_HAND: Label = Label::new("sửa tay", "edited by hand");
}

/// The errors that stop a command before it runs, both languages side by side.
pub mod command {
    use std::path::Path;

    use super::Lang;

    pub fn plan_unreadable(path: &Path, reason: &str, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("không đọc được tệp kế hoạch '{}': {reason}", path.display()),
            Lang::En => format!("cannot read the plan file '{}': {reason}", path.display()),
        }
    }

    pub fn plan_invalid(path: &Path, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("tệp kế hoạch '{}' không hợp lệ", path.display()),
            Lang::En => format!("the plan file '{}' is not valid", path.display()),
        }
    }

    pub fn json_named_like_a_workbook(path: &Path, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "tệp JSON '{}' mang đuôi bảng tính; hãy đặt tên .json",
                path.display()
            ),
            Lang::En => format!(
                "the JSON file '{}' has a spreadsheet's extension; name it .json",
                path.display()
            ),
        }
    }

    pub fn folder_not_created(path: &Path, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("không tạo được thư mục '{}'", path.display()),
            Lang::En => format!("cannot create the folder '{}'", path.display()),
        }
    }

    pub fn form_exists(path: &Path, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "'{}' đã có; biểu mẫu cũ có thể đã được điền. Dùng --force để ghi đè hoặc chọn thư mục khác",
                path.display()
            ),
            Lang::En => format!(
                "'{}' exists; the old form may have been filled in. Use --force to overwrite it, or choose another folder",
                path.display()
            ),
        }
    }

    pub fn folder_not_opened(path: &str, reason: &str, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("không mở được thư mục '{path}': {reason}"),
            Lang::En => format!("cannot open the folder '{path}': {reason}"),
        }
    }

    pub fn readers_not_started(reason: &str, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("không khởi động được tiến trình đọc tệp: {reason}"),
            Lang::En => format!("cannot start the processes that read the files: {reason}"),
        }
    }

    pub fn as_of_outside_year(date: &str, year: i32, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("ngày báo cáo {date} không thuộc năm kế hoạch {year}"),
            Lang::En => format!("the as-of date {date} is not in the plan year {year}"),
        }
    }

    /// The writer failed to build the workbook (`detail` is its own, in English).
    pub fn workbook_not_made(detail: &str, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("không tạo được bảng tổng hợp: {detail}"),
            Lang::En => format!("cannot build the workbook: {detail}"),
        }
    }

    pub fn folder_not_watched(path: Option<&Path>, lang: Lang) -> String {
        let path = path
            .map(|p| format!(" '{}'", p.display()))
            .unwrap_or_default();
        match lang {
            Lang::Vi => format!("không theo dõi được thư mục{path}"),
            Lang::En => format!("cannot watch the folder{path}"),
        }
    }
}

/// A whole number with its thousands grouped as the language writes them: 12.240 in
/// Vietnamese, 12,240 in English.
pub fn count(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// A fraction as a percentage with one decimal, in the language's decimal mark
/// (Vietnamese writes 78,3 %).
pub fn percent(fraction: f64, lang: Lang) -> String {
    let s = format!("{:.1} %", fraction * 100.0);
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

/// An operating-system error kind in words.
pub fn io_kind(kind: std::io::ErrorKind, lang: Lang) -> String {
    use std::io::ErrorKind::*;
    if lang == Lang::En {
        return match kind {
            NotFound => "not found".into(),
            PermissionDenied => "permission denied".into(),
            _ => kind.to_string(),
        };
    }
    match kind {
        NotFound => "không tồn tại".into(),
        PermissionDenied => "không có quyền truy cập".into(),
        AlreadyExists => "đã tồn tại".into(),
        NotADirectory => "không phải thư mục".into(),
        IsADirectory => "là một thư mục".into(),
        StorageFull => "ổ đĩa đã đầy".into(),
        ReadOnlyFilesystem => "ổ đĩa chỉ cho phép đọc".into(),
        _ => kind.to_string(),
    }
}

/// Quarter 1–4 as Vietnamese documents write it: I, II, III, IV.
pub fn roman(q: u32) -> &'static str {
    match q {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => "?",
    }
}

/// "tháng 3" / "quý II"; "March" / "Q2".
fn period_words(p: crate::normalise::period::Period, lang: Lang) -> String {
    use crate::normalise::period::Period;
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
    match (p, lang) {
        (Period::Month(m), Lang::Vi) => format!("tháng {m}"),
        (Period::Quarter(q), Lang::Vi) => format!(
            "quý {}",
            (q as usize)
                .checked_sub(1)
                .and_then(|i| ROMAN.get(i))
                .unwrap_or(&"?")
        ),
        (Period::Month(m), Lang::En) => (m as usize)
            .checked_sub(1)
            .and_then(|i| MONTHS.get(i))
            .unwrap_or(&"?")
            .to_string(),
        (Period::Quarter(q), Lang::En) => format!("Q{q}"),
    }
}

/// What a column holds, for a message.
fn field_words(f: crate::recognise::headers::Field, lang: Lang) -> &'static str {
    use crate::recognise::headers::Field::*;
    let (vi, en) = match f {
        Stt => ("số thứ tự", "the row number"),
        SubCommittee => ("tiểu ban", "the sub-committee"),
        Topic => ("tên lớp", "the class topic"),
        Date => ("ngày mở lớp", "the opening date"),
        Village => ("địa điểm", "the place"),
        Learners => ("số học viên", "the number of learners"),
        Male => ("số học viên nam", "the male learners"),
        Female => ("số học viên nữ", "the female learners"),
        ClassCount => ("số lớp", "the number of classes"),
        Teacher => ("báo cáo viên", "the speaker"),
        Note => ("ghi chú", "the note"),
        PlannedPeriod => ("thời gian dự kiến", "the planned month or quarter"),
        Responsible => ("người phụ trách", "the person responsible"),
        Partner => ("đơn vị phối hợp", "the partner"),
        CriterionNo => ("số tiêu chí", "the criterion number"),
        Indicator => ("chỉ số", "the indicator"),
        Value => ("giá trị", "the value"),
        Numerator => ("tử số", "the numerator"),
        Denominator => ("mẫu số", "the denominator"),
        FigureSource => ("nguồn số liệu", "the source of the figure"),
        Evidence => ("hồ sơ minh chứng", "the evidence"),
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// Sheet names named in one message, at most.
const SHEETS_NAMED: usize = 5;

/// "A, B, C, D, E … và 152 trang khác".
fn sheet_names(names: &[String], lang: Lang) -> String {
    let shown = names
        .iter()
        .take(SHEETS_NAMED)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    match (names.len().saturating_sub(SHEETS_NAMED), lang) {
        (0, _) => shown,
        (more, Lang::Vi) => format!("{shown} … và {more} trang khác"),
        (more, Lang::En) => format!("{shown} … and {more} other sheets"),
    }
}

/// "bỏ qua các trang không có bảng danh sách lớp: A, B; các trang ẩn: C".
fn sheets_skipped(without_table: &[String], hidden: &[String], lang: Lang) -> String {
    let (skipped, no_table, hidden_words) = match lang {
        Lang::Vi => (
            "bỏ qua",
            "các trang không có bảng danh sách lớp",
            "các trang ẩn",
        ),
        Lang::En => ("skipped", "sheets without a class table", "hidden sheets"),
    };
    let mut parts = Vec::new();
    if !without_table.is_empty() {
        parts.push(format!("{no_table}: {}", sheet_names(without_table, lang)));
    }
    if !hidden.is_empty() {
        parts.push(format!("{hidden_words}: {}", sheet_names(hidden, lang)));
    }
    format!("{skipped} {}", parts.join("; "))
}

/// Why a workbook was skipped, from what it looks like (the generic "no class table"
/// with no headings to name is worded in the messages themselves).
fn looks_vi(looks: &WorkbookLooks) -> String {
    const NEEDS: &str = "cần có dòng tiêu đề với cột Tên lớp/Tên chuyên đề và Số học viên";
    match looks {
        WorkbookLooks::Empty => "bảng tính trống, không có dữ liệu".into(),
        WorkbookLooks::PeopleList { headings } => format!(
            "danh sách người ({}): hãy gửi báo cáo lớp, hoặc ghi lớp này thành một dòng với số học viên",
            headings.join(", ")
        ),
        WorkbookLooks::StatisticsForm => "biểu thống kê, không phải báo cáo lớp".into(),
        WorkbookLooks::Timetable { headings } => format!(
            "lịch học / thời khóa biểu ({}), không phải báo cáo lớp",
            headings.join(", ")
        ),
        WorkbookLooks::BlankTemplate { headings } => format!(
            "mẫu chưa điền: có dòng tiêu đề ({}) nhưng không có dòng nào được điền",
            headings.join(", ")
        ),
        WorkbookLooks::Other { headings } => format!(
            "không có bảng danh sách lớp; dòng giống tiêu đề bảng nhất: {} ({NEEDS})",
            headings.join(", ")
        ),
    }
}

fn looks_en(looks: &WorkbookLooks) -> String {
    const NEEDS: &str = "needs a header row with a class/topic column and a learners column";
    match looks {
        WorkbookLooks::Empty => "the workbook is empty".into(),
        WorkbookLooks::PeopleList { headings } => format!(
            "a list of people ({}): send the class report, or enter this class as one row with its number of learners",
            headings.join(", ")
        ),
        WorkbookLooks::StatisticsForm => "a statistics form, not a class report".into(),
        WorkbookLooks::Timetable { headings } => format!(
            "a timetable or schedule ({}), not a class report",
            headings.join(", ")
        ),
        WorkbookLooks::BlankTemplate { headings } => format!(
            "a blank form: a header row ({}) with no row filled in",
            headings.join(", ")
        ),
        WorkbookLooks::Other { headings } => format!(
            "no class table; the most table-like row: {} ({NEEDS})",
            headings.join(", ")
        ),
    }
}

/// Known sub-committees, listed for a message.
fn list(names: &[String]) -> String {
    names.join("; ")
}

fn count_fault(f: CountFault, lang: Lang) -> &'static str {
    match (f, lang) {
        (CountFault::NotANumber, Lang::Vi) => "không phải là số",
        (CountFault::Negative, Lang::Vi) => "là số âm",
        (CountFault::Fraction, Lang::Vi) => "không phải số nguyên",
        (CountFault::TooLarge, Lang::Vi) => "lớn bất thường",
        (CountFault::NotANumber, Lang::En) => "is not a number",
        (CountFault::Negative, Lang::En) => "is negative",
        (CountFault::Fraction, Lang::En) => "is not a whole number",
        (CountFault::TooLarge, Lang::En) => "is implausibly large",
    }
}

/// The sentence for a problem, starting with the cell when there is one.
pub fn problem_message(p: &Problem, cell: Option<&str>, lang: Lang) -> String {
    let body = match lang {
        Lang::Vi => message_vi(p),
        Lang::En => message_en(p),
    };
    match (cell, lang) {
        (Some(c), Lang::Vi) => format!("Ô {c}: {body}"),
        (Some(c), Lang::En) => format!("Cell {c}: {body}"),
        (None, _) => body,
    }
}

fn message_vi(p: &Problem) -> String {
    use Problem::*;
    match p {
        NotSpreadsheet { extension } if extension.is_empty() => {
            "không phải bảng tính (tệp không có phần mở rộng)".into()
        }
        NotSpreadsheet { extension } => format!("không phải bảng tính (tệp .{extension})"),
        LockFile => "tệp khóa tạm của Excel/LibreOffice, không phải báo cáo".into(),
        HiddenFile => "tệp ẩn".into(),
        OwnOutput => "bảng tổng hợp do chính công cụ này tạo ra, không tính lại".into(),
        DuplicateFile { original } => format!("giống hệt tệp '{original}', chỉ tính một lần"),
        PasswordProtected => "tệp có mật khẩu: hãy gỡ mật khẩu rồi chạy lại".into(),
        DamagedFile { detail } => format!("tệp bị hỏng hoặc không đọc được ({detail})"),
        EmptyFile => "tệp rỗng (0 byte)".into(),
        NotReallySpreadsheet { looks_like: LooksLike::Unknown } => {
            "tệp mang đuôi bảng tính nhưng không phải định dạng bảng tính nào".into()
        }
        NotReallySpreadsheet { looks_like } => {
            let what = match looks_like {
                LooksLike::Html => "một trang HTML (web)",
                LooksLike::Xml => "một tệp XML",
                LooksLike::Pdf => "một tệp PDF",
                LooksLike::Json => "dữ liệu JSON của một phần mềm web (không phải bảng tính)",
                LooksLike::Csv => "một tệp CSV (văn bản phân cách bằng dấu phẩy)",
                LooksLike::Text | LooksLike::Unknown => "một tệp văn bản",
            };
            format!("tệp mang đuôi bảng tính nhưng thực chất là {what}")
        }
        ReaderCrashed => "tệp bị hỏng: trình đọc bảng tính gặp lỗi bên trong".into(),
        ReaderOutOfMemory { megabytes } => format!(
            "tệp quá phức tạp hoặc hỏng: vượt giới hạn bộ nhớ khi đọc ({megabytes} MB); nếu đúng là báo cáo, hãy lưu lại bằng Excel rồi gửi lại, hoặc chạy với --max-memory lớn hơn"
        ),
        ReaderTimedOut { seconds } => format!(
            "tệp quá phức tạp hoặc hỏng: đọc quá {seconds} giây nên đã dừng; nếu đúng là báo cáo, hãy lưu lại bằng Excel rồi gửi lại, hoặc chạy với --max-seconds lớn hơn"
        ),
        ReaderAborted => "tệp quá phức tạp hoặc hỏng: trình đọc dừng bất thường khi đọc tệp này".into(),
        UnreadableFile { kind } => format!("không đọc được tệp: {}", io_kind(*kind, Lang::Vi)),
        FileTooLarge { bytes, limit } => format!(
            "tệp quá lớn ({} MB, giới hạn {} MB); một báo cáo tháng thường dưới 1 MB",
            bytes / (1024 * 1024),
            limit / (1024 * 1024)
        ),
        SheetTooLarge { sheet, limit } => {
            format!("trang '{sheet}' có hơn {limit} ô có dữ liệu, quá lớn để là một báo cáo; tệp không được đọc")
        }
        TooManyCells { requested } => format!(
            "tệp khai báo {requested} ô, quá nhiều để là một báo cáo (tệp hỏng hoặc cố ý gây treo máy); không đọc"
        ),
        StillBeingWritten => "tệp đang được chép hoặc lưu dở (thay đổi trong lúc đọc): hãy chạy lại".into(),
        NoClassTable { looks: WorkbookLooks::Other { headings } } if headings.is_empty() => "không tìm thấy bảng danh sách lớp (cần có dòng tiêu đề với cột Tên lớp/Tên chuyên đề và Số học viên)".into(),
        NoClassTable { looks } => looks_vi(looks),
        WebPage { tables } => format!("tệp là một trang web (HTML) lưu với đuôi bảng tính; đã đọc {tables} bảng của trang như các trang tính"),
        SheetsSkipped { without_table, hidden } => sheets_skipped(without_table, hidden, Lang::Vi),
        ColumnsIgnored { names } => format!("các cột không dùng đến: {}", list(names)),
        LegacyConverted { encoding, cells } => format!(
            "{cells} ô được gõ bằng phông chữ cũ {} đã được chuyển sang Unicode",
            encoding.name()
        ),
        TopicMissing => "dòng có số liệu nhưng thiếu tên lớp/chuyên đề".into(),
        SubCommitteeMissing { known } => format!(
            "không xác định được tiểu ban (không có cột Tiểu ban, tiêu đề hay tên tệp nào chỉ ra); các tiểu ban trong kế hoạch: {}",
            list(known)
        ),
        SubCommitteeUnknown { raw, known } => format!(
            "tiểu ban '{raw}' không có trong kế hoạch; các tiểu ban trong kế hoạch: {}",
            list(known)
        ),
        SubCommitteeAmbiguous { raw, candidates } => format!(
            "'{raw}' có thể là nhiều tiểu ban ({}); hãy ghi rõ một tiểu ban",
            list(candidates)
        ),
        DateColumnMissing => "bảng không có cột Ngày mở lớp, không xác định được lớp mở khi nào".into(),
        DateMissing => "thiếu ngày mở lớp".into(),
        DateUnreadable { raw } => {
            format!("ngày mở lớp '{raw}' không đọc được; hãy ghi theo dạng ngày/tháng/năm, ví dụ 15/03/2019")
        }
        DateImpossible { raw } => format!("ngày mở lớp '{raw}' không có thật trên lịch"),
        DateOutOfYear { date, year } => {
            format!("ngày mở lớp {date} không thuộc năm kế hoạch {year}")
        }
        DatePeriodMismatch { date, period, name } => format!(
            "ngày mở lớp {date} không thuộc {} ghi ở tên '{name}'; vẫn được tính theo ngày, hãy kiểm tra lại",
            period_words(*period, Lang::Vi)
        ),
        DateAfterAsOf { date, as_of } => {
            format!("lớp mở ngày {date}, sau ngày báo cáo {as_of}: chưa tính vào số liệu")
        }
        LearnersMissing => "thiếu số học viên".into(),
        PlannedPeriodMissing => "thiếu tháng hoặc quý dự kiến mở lớp".into(),
        CriterionValueUnreadable { raw } => format!(
            "giá trị '{raw}' không đọc được; ghi tỷ lệ phần trăm (ví dụ 48 hoặc 48%), tử số và mẫu số, hoặc có/không"
        ),
        IndicatorUnknown { name } => format!("chỉ số '{name}' không có trong các tiêu chí của kế hoạch"),
        PlannedPeriodUnreadable { raw } => {
            format!("thời gian dự kiến '{raw}' không đọc được; hãy ghi tháng (ví dụ 'Tháng 3') hoặc quý (ví dụ 'Quý II')")
        }
        LearnersInvalid { raw, fault } => {
            format!("số học viên '{raw}' {}", count_fault(*fault, Lang::Vi))
        }
        LearnersMismatch { total, male, female } => format!(
            "Nam ({male}) + Nữ ({female}) = {} khác Tổng số ({total}); lấy Tổng số",
            male + female
        ),
        GenderPartlyBlank => "chỉ ghi một trong hai cột Nam/Nữ, cột trống được coi là 0".into(),
        LearnersColumnMissing => "bảng không có cột số học viên: thêm cột 'Số học viên' (hoặc hai cột Nam, Nữ) và ghi số học viên của từng lớp".into(),
        LearnersAbovePopulation { learners, population } => format!(
            "số học viên {} nhiều hơn số dân từ 15 tuổi trở lên của xã ({}): hãy kiểm tra lại (dấu chấm ngăn hàng nghìn: '45.000' là bốn mươi lăm nghìn)",
            count(u64::from(*learners), Lang::Vi),
            count(u64::from(*population), Lang::Vi)
        ),
        LearnersUnusual { learners, classes, limit } if *classes > 1 => format!(
            "{} học viên cho {classes} lớp, hơn {} học viên một lớp: vẫn được tính, hãy kiểm tra lại",
            count(u64::from(*learners), Lang::Vi),
            count(u64::from(*limit), Lang::Vi)
        ),
        LearnersUnusual { learners, limit, .. } => format!(
            "{} học viên trong một lớp, hơn mức thường gặp ({}): vẫn được tính, hãy kiểm tra lại",
            count(u64::from(*learners), Lang::Vi),
            count(u64::from(*limit), Lang::Vi)
        ),
        ClassCountInvalid { raw } => format!(
            "số lớp '{raw}' phải là số nguyên từ 1 đến {}; để trống nếu dòng này là một lớp",
            crate::diagnostics::MAX_CLASS_COUNT
        ),
        DatesMonthFirst { example } => format!(
            "cột ngày ghi tháng trước ngày (như '{example}'), không có ngày nào chỉ đọc được theo ngày/tháng: cả cột được đọc theo tháng/ngày/năm, hãy kiểm tra lại"
        ),
        DateAmbiguous { raw } => format!(
            "ngày '{raw}' đọc được hai cách (ngày/tháng hoặc tháng/ngày) và cột này ghi lẫn cả hai kiểu: hãy ghi rõ, ví dụ 05/09/2019 là ngày 5 tháng 9"
        ),
        ColumnsCompete { field, used, used_cell, other, other_cell } => format!(
            "hai cột cùng có thể là {}: dùng cột '{used}' ({used_cell}), bỏ qua cột '{other}' ({other_cell}); hãy kiểm tra lại",
            field_words(*field, Lang::Vi)
        ),
        DuplicateRow { first } => {
            format!("lớp này đã được báo cáo ở {}; chỉ tính một lần", first.describe(Lang::Vi))
        }
        HiddenFolder => "thư mục ẩn, không đọc".into(),
        UnreadableFolder { kind } => format!(
            "không mở được thư mục: {}; các tệp trong đó chưa được đọc",
            io_kind(*kind, Lang::Vi)
        ),
        DanglingLink { target } => format!("liên kết tới '{target}', nơi không còn tồn tại"),
        LinkLoop { target } => format!(
            "liên kết vòng (tới '{target}', dẫn ngược về chính nó hoặc thư mục đang đọc); không đọc"
        ),
        LinkedFolderSeen { target } => format!(
            "liên kết tới thư mục '{target}', đã đọc ở chỗ khác; không đọc lại để không tính hai lần"
        ),
        SpecialFile { kind } => format!("{}, không phải tệp; không mở", special_words(*kind, Lang::Vi)),
        CorrectedOutputKept { output, kept } => format!(
            "bảng tổng hợp trước ('{output}') đã được sửa tay sau khi tạo: đã giữ lại thành '{kept}'; các chỗ sửa không có trong bảng này, hãy chép chúng vào báo cáo nguồn"
        ),
        DamagedContainer { fault } => format!("tệp bị hỏng, không đọc: {}", zip_fault(fault, Lang::Vi)),
        TextTooLarge { limit } => format!(
            "chữ trong các ô cộng lại hơn {} MB (một chuỗi dài dùng ở rất nhiều ô), quá lớn để là một báo cáo; không đọc",
            limit / (1024 * 1024)
        ),
    }
}

fn message_en(p: &Problem) -> String {
    use Problem::*;
    match p {
        NotSpreadsheet { extension } if extension.is_empty() => {
            "not a spreadsheet (file without extension)".into()
        }
        NotSpreadsheet { extension } => format!("not a spreadsheet (.{extension} file)"),
        LockFile => "a temporary lock file of Excel/LibreOffice, not a report".into(),
        HiddenFile => "hidden file".into(),
        OwnOutput => "a summary workbook written by this tool; not counted again".into(),
        DuplicateFile { original } => format!("identical to '{original}'; counted once"),
        PasswordProtected => "password-protected: remove the password and run again".into(),
        DamagedFile { detail } => format!("damaged or unreadable file ({detail})"),
        EmptyFile => "empty file (0 bytes)".into(),
        NotReallySpreadsheet { looks_like: LooksLike::Unknown } => {
            "has a spreadsheet name but is no spreadsheet format".into()
        }
        NotReallySpreadsheet { looks_like } => {
            let what = match looks_like {
                LooksLike::Html => "a web page (HTML)",
                LooksLike::Xml => "an XML file",
                LooksLike::Pdf => "a PDF file",
                LooksLike::Json => "JSON data from a web application (not a spreadsheet)",
                LooksLike::Csv => "a CSV file (comma-separated text)",
                LooksLike::Text | LooksLike::Unknown => "a text file",
            };
            format!("has a spreadsheet name but is really {what}")
        }
        ReaderCrashed => "damaged file: the spreadsheet reader failed inside".into(),
        ReaderOutOfMemory { megabytes } => format!(
            "file too complex or damaged: reading it passed the memory limit ({megabytes} MB); if it is a report, save it again in Excel and resend it, or run with a larger --max-memory"
        ),
        ReaderTimedOut { seconds } => format!(
            "file too complex or damaged: reading it took over {seconds} seconds and was stopped; if it is a report, save it again in Excel and resend it, or run with a larger --max-seconds"
        ),
        ReaderAborted => "file too complex or damaged: the reader stopped abnormally on this file".into(),
        UnreadableFile { kind } => format!("the file cannot be read: {}", io_kind(*kind, Lang::En)),
        FileTooLarge { bytes, limit } => format!(
            "file too large ({} MB, limit {} MB); a monthly report is usually under 1 MB",
            bytes / (1024 * 1024),
            limit / (1024 * 1024)
        ),
        SheetTooLarge { sheet, limit } => {
            format!("sheet '{sheet}' holds more than {limit} filled cells, too many for a report; file not read")
        }
        TooManyCells { requested } => format!(
            "the file declares {requested} cells, far too many for a report (damaged or hostile); not read"
        ),
        StillBeingWritten => "file still being written (it changed while being read): run again".into(),
        NoClassTable { looks: WorkbookLooks::Other { headings } } if headings.is_empty() => "no class table found (needs a header row with a class/topic column and a learners column)".into(),
        NoClassTable { looks } => looks_en(looks),
        WebPage { tables } => format!("the file is a web page (HTML) saved under a spreadsheet name; its {tables} table(s) were read as sheets"),
        SheetsSkipped { without_table, hidden } => sheets_skipped(without_table, hidden, Lang::En),
        ColumnsIgnored { names } => format!("columns not used: {}", list(names)),
        LegacyConverted { encoding, cells } => {
            format!("{cells} cells typed with the legacy {} font were converted to Unicode", encoding.name())
        }
        TopicMissing => "row has figures but no class name/topic".into(),
        SubCommitteeMissing { known } => format!(
            "sub-committee unknown (no column, title or file name names one); the plan's sub-committees: {}",
            list(known)
        ),
        SubCommitteeUnknown { raw, known } => format!(
            "sub-committee '{raw}' is not in the plan; the plan's sub-committees: {}",
            list(known)
        ),
        SubCommitteeAmbiguous { raw, candidates } => format!(
            "'{raw}' could be several sub-committees ({}); name one",
            list(candidates)
        ),
        DateColumnMissing => "the table has no opening-date column".into(),
        DateMissing => "opening date missing".into(),
        DateUnreadable { raw } => format!("opening date '{raw}' is unreadable; write it day/month/year, e.g. 15/03/2019"),
        DateImpossible { raw } => format!("opening date '{raw}' does not exist"),
        DateOutOfYear { date, year } => format!("opening date {date} is outside the plan year {year}"),
        DatePeriodMismatch { date, period, name } => format!(
            "opening date {date} is not in {} named by '{name}'; counted by its date, please check",
            period_words(*period, Lang::En)
        ),
        DateAfterAsOf { date, as_of } => {
            format!("class opened on {date}, after the as-of date {as_of}: not counted yet")
        }
        LearnersMissing => "number of learners missing".into(),
        PlannedPeriodMissing => "planned month or quarter missing".into(),
        CriterionValueUnreadable { raw } => {
            format!("value '{raw}' is unreadable; write a percentage (48 or 48%), a numerator and denominator, or yes/no")
        }
        IndicatorUnknown { name } => format!("indicator '{name}' is not among the plan's criteria"),
        PlannedPeriodUnreadable { raw } => {
            format!("planned time '{raw}' is unreadable; write a month ('Tháng 3') or a quarter ('Quý II')")
        }
        LearnersInvalid { raw, fault } => {
            format!("number of learners '{raw}' {}", count_fault(*fault, Lang::En))
        }
        LearnersMismatch { total, male, female } => format!(
            "male ({male}) + female ({female}) = {} differs from the total ({total}); the total is used",
            male + female
        ),
        GenderPartlyBlank => "only one of the male/female columns is filled; the blank one counts as 0".into(),
        LearnersColumnMissing => "the table has no learners column: add a 'Số học viên' column (or Nam and Nữ) and give each class its learners".into(),
        LearnersAbovePopulation { learners, population } => format!(
            "{} learners is more than the commune's population aged 15 and over ({}): please check (a dot groups thousands: '45.000' is forty-five thousand)",
            count(u64::from(*learners), Lang::En),
            count(u64::from(*population), Lang::En)
        ),
        LearnersUnusual { learners, classes, limit } if *classes > 1 => format!(
            "{} learners for {classes} classes, more than {} a class: counted, please check",
            count(u64::from(*learners), Lang::En),
            count(u64::from(*limit), Lang::En)
        ),
        LearnersUnusual { learners, limit, .. } => format!(
            "{} learners in one class, more than usual ({}): counted, please check",
            count(u64::from(*learners), Lang::En),
            count(u64::from(*limit), Lang::En)
        ),
        ClassCountInvalid { raw } => format!(
            "number of classes '{raw}' must be a whole number from 1 to {}; leave it blank when the row is one class",
            crate::diagnostics::MAX_CLASS_COUNT
        ),
        DatesMonthFirst { example } => format!(
            "the date column puts the month first (as in '{example}') and no date in it reads only day first: the whole column is read month/day/year, please check"
        ),
        DateAmbiguous { raw } => format!(
            "date '{raw}' reads two ways (day/month or month/day) and this column mixes both orders: write it unambiguously, e.g. 05/09/2019 for 5 September"
        ),
        ColumnsCompete { field, used, used_cell, other, other_cell } => format!(
            "two columns could be {}: '{used}' ({used_cell}) is used, '{other}' ({other_cell}) is left aside; please check",
            field_words(*field, Lang::En)
        ),
        DuplicateRow { first } => {
            format!("this class was already reported at {}; counted once", first.describe(Lang::En))
        }
        HiddenFolder => "a hidden folder; not read".into(),
        UnreadableFolder { kind } => format!(
            "the folder cannot be opened: {}; the files in it were not read",
            io_kind(*kind, Lang::En)
        ),
        DanglingLink { target } => format!("a link to '{target}', which no longer exists"),
        LinkLoop { target } => format!(
            "a link loop (to '{target}', leading back to itself or to the folder being read); not read"
        ),
        LinkedFolderSeen { target } => format!(
            "a link to the folder '{target}', read elsewhere; not read again, so nothing counts twice"
        ),
        SpecialFile { kind } => format!("{}, not a file; not opened", special_words(*kind, Lang::En)),
        CorrectedOutputKept { output, kept } => format!(
            "the earlier workbook ('{output}') was edited by hand after it was written: kept as '{kept}'; its corrections are not in this workbook, carry them into the source reports"
        ),
        DamagedContainer { fault } => format!("damaged file, not read: {}", zip_fault(fault, Lang::En)),
        TextTooLarge { limit } => format!(
            "the cells' text adds up to more than {} MB (one long string used by very many cells), too large for a report; not read",
            limit / (1024 * 1024)
        ),
    }
}

/// A pipe, socket or device, in words.
fn special_words(kind: crate::diagnostics::SpecialKind, lang: Lang) -> &'static str {
    use crate::diagnostics::SpecialKind::*;
    match (kind, lang) {
        (Fifo, Lang::Vi) => "một ống dẫn (FIFO)",
        (Fifo, Lang::En) => "a named pipe (FIFO)",
        (Socket, Lang::Vi) => "một socket",
        (Socket, Lang::En) => "a socket",
        (Device, Lang::Vi) => "một thiết bị",
        (Device, Lang::En) => "a device",
        (Other, Lang::Vi) => "một mục đặc biệt",
        (Other, Lang::En) => "a special entry",
    }
}

/// Why an output could not be written: one function a reason, both languages side by
/// side (report::output::OutputError chooses among them).
pub mod output {
    use std::path::Path;

    use super::{Lang, io_kind_or_text};

    pub fn would_overwrite(p: &Path, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "'{}' đã tồn tại và không phải tệp do tthtcd tạo ra (có thể là một báo cáo đầu vào); chọn tên tệp khác",
                p.display()
            ),
            Lang::En => format!(
                "'{}' exists and was not written by tthtcd (it may be an input report); choose another file name",
                p.display()
            ),
        }
    }

    pub fn unwritable(dir: &Path, err: &std::io::Error, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "không ghi được vào thư mục '{}': {}",
                dir.display(),
                io_kind_or_text(err, lang)
            ),
            Lang::En => format!(
                "cannot write into the folder '{}': {}",
                dir.display(),
                io_kind_or_text(err, lang)
            ),
        }
    }

    pub fn write(path: &Path, err: &std::io::Error, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "không ghi được '{}': {} (tệp có đang mở trong Excel/LibreOffice không?)",
                path.display(),
                io_kind_or_text(err, lang)
            ),
            Lang::En => format!(
                "cannot write '{}': {} (is it open in Excel/LibreOffice?)",
                path.display(),
                io_kind_or_text(err, lang)
            ),
        }
    }

    pub fn not_own_json(p: &Path, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "'{}' đã tồn tại và không phải bản tóm tắt JSON do tthtcd ghi (có thể là tệp kế hoạch hoặc một tệp đầu vào); không ghi đè, hãy chọn tên tệp khác cho --json",
                p.display()
            ),
            Lang::En => format!(
                "'{}' exists and is not a JSON summary written by tthtcd (it may be the plan or an input file); not overwritten, choose another name for --json",
                p.display()
            ),
        }
    }

    pub fn not_a_file(p: &Path, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "'{}' là một thư mục, liên kết hoặc tệp đặc biệt, không phải tệp thường; chọn tên tệp khác",
                p.display()
            ),
            Lang::En => format!(
                "'{}' is a folder, a link or a special file, not a regular file; choose another file name",
                p.display()
            ),
        }
    }

    pub fn appeared(p: &Path, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "trong lúc chạy, một tệp không do tthtcd tạo ra đã xuất hiện ở '{}'; không ghi đè nên kết quả chưa được ghi: hãy chạy lại hoặc chọn tên tệp khác",
                p.display()
            ),
            Lang::En => format!(
                "a file not written by tthtcd appeared at '{}' during the run; it was not replaced, so nothing was written: run again or choose another file name",
                p.display()
            ),
        }
    }

    pub fn keep(path: &Path, err: &std::io::Error, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "'{}' đã được sửa tay sau khi tạo nhưng không đổi tên để giữ lại được ({}); không ghi đè, kết quả chưa được ghi",
                path.display(),
                io_kind_or_text(err, lang)
            ),
            Lang::En => format!(
                "'{}' was edited by hand after it was written but could not be renamed to keep it ({}); not replaced, nothing was written",
                path.display(),
                io_kind_or_text(err, lang)
            ),
        }
    }
}

/// An operating-system error in words, in the language; its own text when it has no kind.
pub fn io_kind_or_text(e: &std::io::Error, lang: Lang) -> String {
    match e.kind() {
        std::io::ErrorKind::Other => e.to_string(),
        kind => io_kind(kind, lang),
    }
}

/// The terminal line when a corrected workbook of the tool's was kept.
pub fn kept_message(output: &std::path::Path, kept: &std::path::Path, lang: Lang) -> String {
    let name = kept
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match lang {
        Lang::Vi => format!(
            "'{}' đã được sửa tay sau khi tạo: đã giữ lại thành '{name}', bảng mới ghi vào '{}'. Hãy chép các chỗ sửa vào báo cáo nguồn để lần sau không mất",
            output.display(),
            output.display()
        ),
        Lang::En => format!(
            "'{}' was edited by hand after it was written: kept as '{name}', the new workbook written to '{}'. Carry the corrections into the source reports so that they last",
            output.display(),
            output.display()
        ),
    }
}

/// What is wrong inside a zip container, in words.
fn zip_fault(fault: &crate::diagnostics::ZipFault, lang: Lang) -> String {
    use crate::diagnostics::ZipFault::*;
    let mb = |b: &u64| b / (1024 * 1024);
    match (fault, lang) {
        (DuplicateEntry { name }, Lang::Vi) => format!(
            "có hai phần cùng tên '{name}' (Excel và LibreOffice hiện phần đầu, các trình đọc khác phần sau): hãy mở bằng Excel rồi lưu lại"
        ),
        (DuplicateEntry { name }, Lang::En) => format!(
            "two parts are named '{name}' (Excel and LibreOffice show the first, other readers the last): open it in Excel and save it again"
        ),
        (SheetsShareOnePart { part, sheets }, Lang::Vi) => {
            format!("{sheets} trang tính cùng trỏ vào một phần '{part}'")
        }
        (SheetsShareOnePart { part, sheets }, Lang::En) => {
            format!("{sheets} sheets point at one part '{part}'")
        }
        (PartTooLarge { part, bytes, limit }, Lang::Vi) => format!(
            "phần '{part}' giải nén ra {} MB, quá giới hạn {} MB",
            mb(bytes),
            mb(limit)
        ),
        (PartTooLarge { part, bytes, limit }, Lang::En) => format!(
            "part '{part}' unpacks to {} MB, past the limit of {} MB",
            mb(bytes),
            mb(limit)
        ),
        (UnpacksTooLarge { bytes, limit }, Lang::Vi) => format!(
            "giải nén ra {} MB, quá giới hạn {} MB cho một tệp",
            mb(bytes),
            mb(limit)
        ),
        (UnpacksTooLarge { bytes, limit }, Lang::En) => format!(
            "unpacks to {} MB, past the limit of {} MB a file",
            mb(bytes),
            mb(limit)
        ),
        (
            CountBeyondFile {
                what,
                declared,
                bound,
            },
            Lang::Vi,
        ) => format!("{what} khai báo {declared}, nhiều hơn tệp có thể chứa (tối đa {bound})"),
        (
            CountBeyondFile {
                what,
                declared,
                bound,
            },
            Lang::En,
        ) => format!("{what} declares {declared}, more than the file can hold (at most {bound})"),
        (
            PartTooCompressed {
                part,
                bytes,
                packed,
                limit,
            },
            Lang::Vi,
        ) => format!(
            "phần '{part}' giải nén ra {} MB từ {} byte nén, gấp hơn {} lần (như một \"bom nén\")",
            mb(bytes),
            packed,
            limit
        ),
        (
            PartTooCompressed {
                part,
                bytes,
                packed,
                limit,
            },
            Lang::En,
        ) => format!(
            "part '{part}' unpacks to {} MB from {} bytes packed, over {} times (a \"zip bomb\")",
            mb(bytes),
            packed,
            limit
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_thousands_as_each_language_writes_them() {
        assert_eq!(count(0, Lang::Vi), "0");
        assert_eq!(count(999, Lang::Vi), "999");
        assert_eq!(count(1_200, Lang::Vi), "1.200");
        assert_eq!(count(12_240, Lang::Vi), "12.240");
        assert_eq!(count(1_234_567, Lang::En), "1,234,567");
    }

    #[test]
    fn percentages_use_the_languages_decimal_mark() {
        assert_eq!(percent(0.783, Lang::Vi), "78,3 %");
        assert_eq!(percent(0.783, Lang::En), "78.3 %");
        assert_eq!(percent(1575.0 / 5550.0, Lang::Vi), "28,4 %");
    }

    #[test]
    fn long_lists_of_sheets_are_cut_after_five() {
        let names: Vec<String> = (1..=157).map(|i| format!("S{i}")).collect();
        let p = Problem::SheetsSkipped {
            without_table: names,
            hidden: vec!["DM".into()],
        };
        // 157 sheets: five named, 152 counted.
        assert_eq!(
            problem_message(&p, None, Lang::Vi),
            "bỏ qua các trang không có bảng danh sách lớp: S1, S2, S3, S4, S5 … và 152 trang khác; các trang ẩn: DM"
        );
        assert_eq!(
            problem_message(&p, None, Lang::En),
            "skipped sheets without a class table: S1, S2, S3, S4, S5 … and 152 other sheets; hidden sheets: DM"
        );
    }

    #[test]
    fn a_skipped_workbook_says_what_it_looks_like_in_both_languages() {
        let people = Problem::NoClassTable {
            looks: WorkbookLooks::PeopleList {
                headings: vec!["Họ và tên".into(), "Năm sinh".into()],
            },
        };
        assert_eq!(
            problem_message(&people, None, Lang::Vi),
            "danh sách người (Họ và tên, Năm sinh): hãy gửi báo cáo lớp, hoặc ghi lớp này thành một dòng với số học viên"
        );
        assert_eq!(
            problem_message(&people, None, Lang::En),
            "a list of people (Họ và tên, Năm sinh): send the class report, or enter this class as one row with its number of learners"
        );
        let form = Problem::NoClassTable {
            looks: WorkbookLooks::StatisticsForm,
        };
        assert_eq!(
            problem_message(&form, None, Lang::En),
            "a statistics form, not a class report"
        );
        // A blank form is for the record; a workbook in the wrong shape is a warning.
        let blank = Problem::NoClassTable {
            looks: WorkbookLooks::BlankTemplate { headings: vec![] },
        };
        assert_eq!(blank.severity(), crate::diagnostics::Severity::Info);
        assert_eq!(people.severity(), crate::diagnostics::Severity::Warning);
    }

    #[test]
    fn message_names_the_cell_and_the_raw_text() {
        let p = Problem::LearnersInvalid {
            raw: "bốn mươi".into(),
            fault: CountFault::NotANumber,
        };
        assert_eq!(
            problem_message(&p, Some("F12"), Lang::Vi),
            "Ô F12: số học viên 'bốn mươi' không phải là số"
        );
    }
}
