//! Every word the user reads, in one place: sheet names, column headings, status words
//! and problem messages, in Vietnamese (the default) and English. Adding a language is
//! adding a column here, not editing the report code.

pub mod district;
pub mod double_click;
pub mod help;
pub mod plan;
pub mod plan_form;
pub mod problem;

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
    /// The plan form the run took its plan from.
    pub const FILE_PLAN: Label = Label::new("Kế hoạch", "Plan");

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

    /// The very hidden sheet of the consolidated workbook that carries the plan and the
    /// run's inputs, and the word in its first cell. Data, not words: the same in every
    /// language, so a workbook written in English reads back like one in Vietnamese.
    pub const DATA_SHEET: &str = "tthtcd-data";

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
        "Ngày mở lớp, ghi ngày/tháng/năm, ví dụ 15/03/{year}",
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
    /// Headings of the choices a drop-down takes from the instructions sheet, when
    /// they are too long (or hold a comma) to be written into the rule itself.
    pub const LIST_SUBCOMMITTEES: Label = Label::new(
        "Danh sách tiểu ban (dùng cho ô chọn tiểu ban)",
        "Sub-committees (the choices of the sub-committee cells)",
    );
    pub const LIST_VILLAGES: Label = Label::new(
        "Danh sách thôn (dùng cho ô chọn thôn)",
        "Villages (the choices of the village cells)",
    );
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
            "5. Gửi tệp cho thư ký trung tâm trước ngày {day} tháng sau.",
            "5. Send the file to the centre's secretary by day {day} of the next month.",
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
    use super::{Label, Lang};

    /// How far a figure is from its indicator's threshold (check::criteria decides).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Margin {
        /// Met, by `points` above a "at least" or "more than" threshold.
        Above,
        /// Met, by `points` below a "at most" or "less than" threshold.
        Below,
        /// Met, equal to the threshold it must equal.
        Exactly,
        /// Not met: on a threshold it must exceed.
        MustExceed,
        /// Not met: on a threshold it must stay under.
        MustBeBelow,
        /// Not met: `points` short of the threshold.
        Short,
        /// Not met: `points` over the threshold.
        Over,
    }

    /// "đạt, vượt 1 điểm" / "met, 1 points above"; `points` is written in the language.
    pub fn margin(m: Margin, points: &str, lang: Lang) -> String {
        match (m, lang) {
            (Margin::Above, Lang::Vi) => format!("đạt, vượt {points} điểm"),
            (Margin::Above, Lang::En) => format!("met, {points} points above"),
            (Margin::Below, Lang::Vi) => format!("đạt, dưới ngưỡng {points} điểm"),
            (Margin::Below, Lang::En) => format!("met, {points} points below"),
            (Margin::Exactly, Lang::Vi) => "đạt".into(),
            (Margin::Exactly, Lang::En) => "met".into(),
            (Margin::MustExceed, Lang::Vi) => "chưa đạt, phải vượt ngưỡng".into(),
            (Margin::MustExceed, Lang::En) => "not met, must exceed the threshold".into(),
            (Margin::MustBeBelow, Lang::Vi) => "chưa đạt, phải dưới ngưỡng".into(),
            (Margin::MustBeBelow, Lang::En) => "not met, must be below the threshold".into(),
            (Margin::Short, Lang::Vi) => format!("chưa đạt, thiếu {points} điểm"),
            (Margin::Short, Lang::En) => format!("not met, {points} points short"),
            (Margin::Over, Lang::Vi) => format!("chưa đạt, vượt ngưỡng {points} điểm"),
            (Margin::Over, Lang::En) => format!("not met, {points} points over"),
        }
    }

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
    /// A plan may name no criteria (only class targets): said where they would be.
    pub const NONE_IN_PLAN: Label = Label::new(
        "Kế hoạch không nêu tiêu chí nào.",
        "The plan names no criteria.",
    );
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
    pub const MONTHS_WORD: Label = Label::new("tháng", "months");

    /// Months as a secretary writes them, after the word: "tháng 5", "tháng 1, 3,
    /// 5–11". Three or more in a row are a range; `months` ascending.
    pub fn months(months: &[u32], lang: super::Lang) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut i = 0;
        while i < months.len() {
            let mut j = i;
            while j + 1 < months.len() && months[j + 1] == months[j] + 1 {
                j += 1;
            }
            match j - i {
                0 => parts.push(months[i].to_string()),
                1 => parts.extend([months[i].to_string(), months[j].to_string()]),
                _ => parts.push(format!("{}–{}", months[i], months[j])),
            }
            i = j + 1;
        }
        let word = if months.len() == 1 {
            MONTH_WORD
        } else {
            MONTHS_WORD
        };
        format!("{} {}", word.get(lang), parts.join(", "))
    }
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
    /// The names' column of the district's table.
    pub const COMMUNE: Label = Label::new("Xã", "Commune");
    /// Before a commune the district run could not consolidate.
    pub const COMMUNE_FAILED: Label =
        Label::new("Không tổng hợp được xã", "Commune not consolidated:");
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

    /// `plan new`: a target raised to what the year achieved.
    pub fn target_raised(
        name: &str,
        old: (u32, u32),
        new: (u32, u32),
        lang: super::Lang,
    ) -> String {
        use super::Lang;
        match lang {
            Lang::Vi => format!(
                "{name}: chỉ tiêu {} lớp, {} học viên nâng lên {} lớp, {} học viên (số đã đạt)",
                old.0, old.1, new.0, new.1
            ),
            Lang::En => format!(
                "{name}: target of {} classes, {} learners raised to {} classes, {} learners (as achieved)",
                old.0, old.1, new.0, new.1
            ),
        }
    }
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
    /// When watch cannot take Ctrl-C for itself (it would have no way to stop cleanly).
    pub const WATCH_NO_CTRL_C: Label = Label::new(
        "không dành được phím Ctrl-C để dừng theo dõi",
        "cannot take Ctrl-C to stop watching",
    );
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

    /// A commune folder of a district run with no plan in it, nor a consolidated
    /// workbook of the tool's to read back.
    pub fn commune_without_plan(lang: Lang) -> String {
        match lang {
            Lang::Vi => "thư mục xã không có kế hoạch: hãy đặt mẫu kế hoạch ke-hoach.xlsx (hoặc \
                         tệp kế hoạch .toml) của xã vào thư mục, hoặc chỉ bảng tổng hợp \
                         tong-hop.xlsx nguyên vẹn do công cụ ghi cho xã"
                .to_string(),
            Lang::En => "the commune folder holds no plan: put the commune's plan form \
                         ke-hoach.xlsx (or a .toml plan file) in it, or only the commune's \
                         consolidated workbook tong-hop.xlsx, whole, as the tool wrote it"
                .to_string(),
        }
    }

    pub fn two_own_workbooks(a: &str, b: &str, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "thư mục xã không có kế hoạch mà có hai bảng tổng hợp do công cụ ghi ('{a}' và \
                 '{b}'): không biết lấy bảng nào, hãy chỉ để lại một"
            ),
            Lang::En => format!(
                "the commune folder holds no plan but two consolidated workbooks written by \
                 the tool ('{a}' and '{b}'): which one to take is unclear, leave only one"
            ),
        }
    }

    pub fn read_back_not_own(file: &str, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("'{file}' không phải bảng tổng hợp do công cụ ghi"),
            Lang::En => format!("'{file}' is not a consolidated workbook written by the tool"),
        }
    }

    pub fn read_back_no_data(file: &str, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "'{file}' là bảng tổng hợp của công cụ nhưng không mang dữ liệu để đọc lại (do \
                 phiên bản cũ ghi): hãy tổng hợp lại từ báo cáo của xã bằng phiên bản này"
            ),
            Lang::En => format!(
                "'{file}' is a workbook of the tool's but carries no data to read back (an \
                 older version wrote it): consolidate the commune's reports again with this \
                 version"
            ),
        }
    }

    pub fn read_back_schema(file: &str, found: &str, known: u32, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "dữ liệu trong '{file}' được ghi theo dạng {found}, phiên bản này chỉ đọc dạng \
                 {known}: hãy dùng phiên bản công cụ mới hơn"
            ),
            Lang::En => format!(
                "the data in '{file}' is of version {found}; this version reads only version \
                 {known}: use a newer version of the tool"
            ),
        }
    }

    /// The data sheet of a consolidated workbook could not be read back: `what` says how.
    pub fn read_back_damaged(file: &str, what: &str, lang: Lang) -> String {
        let sheet = super::sheet::DATA_SHEET;
        match lang {
            Lang::Vi => format!(
                "dữ liệu lưu kèm trong '{file}' (trang ẩn {sheet}) bị hỏng: {what}; hãy gửi lại \
                 bảng tổng hợp đúng như công cụ đã ghi"
            ),
            Lang::En => format!(
                "the data stored in '{file}' (hidden sheet {sheet}) is damaged: {what}; send \
                 the consolidated workbook again as the tool wrote it"
            ),
        }
    }

    pub fn data_header_wrong(lang: Lang) -> String {
        match lang {
            Lang::Vi => "dòng đầu không như công cụ ghi".to_string(),
            Lang::En => "its first row is not as the tool writes it".to_string(),
        }
    }

    pub fn data_chunk_missing(at: u32, of: u32, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("thiếu đoạn {at} trong {of} đoạn"),
            Lang::En => format!("piece {at} of {of} is missing"),
        }
    }

    pub fn data_json(line: usize, column: usize, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("đoạn dữ liệu bị cắt hoặc sai ở dòng {line}, cột {column}"),
            Lang::En => format!("the data is cut short or wrong at line {line}, column {column}"),
        }
    }

    /// A stored row names what the stored plan does not have; `list` is the data's own
    /// field name (classes, planned, entries, received, note_at).
    pub fn data_out_of_plan(list: &str, index: usize, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!("mục {index} của '{list}' không khớp với kế hoạch lưu kèm"),
            Lang::En => format!("item {index} of '{list}' does not fit the stored plan"),
        }
    }

    pub fn two_plan_forms(a: &str, b: &str, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "thư mục có hai mẫu kế hoạch, '{a}' và '{b}': hãy để lại một, hoặc chọn một bằng --plan"
            ),
            Lang::En => format!(
                "the folder holds two plan forms, '{a}' and '{b}': keep one, or choose one with --plan"
            ),
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

    /// `plan export` never replaces a file unasked: it may be a plan someone edited.
    pub fn plan_output_exists(path: &Path, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "'{}' đã có; đó có thể là một kế hoạch đã sửa. Dùng --force để ghi đè hoặc chọn tên khác",
                path.display()
            ),
            Lang::En => format!(
                "'{}' exists; it may be a plan someone edited. Use --force to overwrite it, or choose another name",
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

    /// A form written to a file the user named (`plan template -o FILE`).
    pub fn form_file_exists(path: &Path, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "'{}' đã có; tệp cũ có thể đã được điền. Dùng --force để ghi đè hoặc chọn tên khác",
                path.display()
            ),
            Lang::En => format!(
                "'{}' exists; it may have been filled in. Use --force to overwrite it, or choose another name",
                path.display()
            ),
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

/// A number as the numbered sections of a document write it: 1 → "I", 14 → "XIV"
/// (the sub-committee groups of the appendix, as many as the plan has).
pub fn roman_numeral(n: u32) -> String {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = n;
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while rest >= value {
            out.push_str(digits);
            rest -= value;
        }
    }
    out
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

    pub fn held_open(path: &Path, lang: Lang) -> String {
        match lang {
            Lang::Vi => format!(
                "không ghi được '{}': tệp đang mở trong Excel (hoặc chương trình khác), hãy đóng lại rồi chạy lại",
                path.display()
            ),
            Lang::En => format!(
                "cannot write '{}': the file is open in Excel (or another program); close it and run again",
                path.display()
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

/// The terminal line when the workbook at `output` was open in another program, and
/// the new one was written to `instead`.
pub fn instead_message(output: &std::path::Path, instead: &std::path::Path, lang: Lang) -> String {
    let name = |p: &std::path::Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let (output, instead) = (name(output), name(instead));
    match lang {
        Lang::Vi => format!(
            "'{output}' đang mở trong Excel (hoặc chương trình khác) nên không ghi đè được: bảng tổng hợp mới được ghi vào '{instead}'. Muốn có nó ở '{output}' thì đóng tệp đó lại rồi chạy lại"
        ),
        Lang::En => format!(
            "'{output}' is open in Excel (or another program), so it could not be replaced: the new workbook was written to '{instead}'. To have it in '{output}', close that file and run again"
        ),
    }
}

/// For the tests that check each message is in its language: the message's own words
/// and the letters only Vietnamese writes.
#[cfg(test)]
pub(crate) mod language {
    /// The message's own words: what it quotes between any of `quotes` taken out.
    pub(crate) fn own_words(message: &str, quotes: &[char]) -> String {
        let mut rest = message.to_string();
        for quote in quotes {
            rest = rest.split(*quote).step_by(2).collect::<Vec<_>>().join(" ");
        }
        rest
    }

    pub(crate) fn vietnamese_letters(text: &str) -> Vec<char> {
        text.chars()
            .filter(|c| c.is_alphabetic() && !c.is_ascii())
            .collect()
    }

    /// One message in both languages, each in its own: the English has no Vietnamese
    /// letter outside what it quotes between `quotes`, the Vietnamese has Vietnamese
    /// words of its own, the two differ. `what` names the message in a failure.
    pub(crate) fn assert_in_their_languages(vi: &str, en: &str, quotes: &[char], what: &str) {
        assert!(
            vietnamese_letters(&own_words(en, quotes)).is_empty(),
            "{what}: English message with Vietnamese letters: {en}"
        );
        assert!(
            !vietnamese_letters(&own_words(vi, quotes)).is_empty(),
            "{what}: Vietnamese message without a Vietnamese word: {vi}"
        );
        assert_ne!(vi, en, "{what}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_for_a_file_open_in_excel_are_in_their_languages() {
        use language::assert_in_their_languages;
        let (out, instead) = (
            std::path::Path::new("báo cáo/tổng-hợp.xlsx"),
            std::path::Path::new("báo cáo/tổng-hợp (2).xlsx"),
        );
        let vi = instead_message(out, instead, Lang::Vi);
        let en = instead_message(out, instead, Lang::En);
        assert_in_their_languages(&vi, &en, &['\''], "instead");
        // The names as the secretary sees them in the folder, without the folder.
        assert!(vi.contains("'tổng-hợp (2).xlsx'") && !vi.contains("báo cáo/"));
        let p = std::path::Path::new("tổng-hợp.json");
        let (vi, en) = (
            output::held_open(p, Lang::Vi),
            output::held_open(p, Lang::En),
        );
        assert_in_their_languages(&vi, &en, &['\''], "held open");
        assert!(vi.contains("đang mở trong Excel") && vi.contains("hãy đóng lại rồi chạy lại"));
    }

    #[test]
    fn months_in_a_row_are_a_range_from_three_on() {
        use completeness::months;
        assert_eq!(months(&[5], Lang::Vi), "tháng 5");
        assert_eq!(months(&[5, 6], Lang::Vi), "tháng 5, 6");
        assert_eq!(months(&[5, 6, 7, 8, 9, 10, 11], Lang::Vi), "tháng 5–11");
        assert_eq!(
            months(&[1, 3, 5, 6, 7, 9, 10], Lang::Vi),
            "tháng 1, 3, 5–7, 9, 10"
        );
        assert_eq!(months(&[1, 2, 3, 12], Lang::En), "months 1–3, 12");
        assert_eq!(months(&[12], Lang::En), "month 12");
    }

    #[test]
    fn roman_numerals_go_past_the_ten_a_fixed_list_would_hold() {
        let got: Vec<String> = [1, 4, 6, 9, 10, 11, 14, 19, 40, 99]
            .map(roman_numeral)
            .to_vec();
        let want = ["I", "IV", "VI", "IX", "X", "XI", "XIV", "XIX", "XL", "XCIX"];
        assert_eq!(got, want);
    }

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
}
