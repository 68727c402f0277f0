//! Writes `samples/`: a month-by-month folder of class reports from the six
//! sub-committees of Hồng Thái Tây commune, January to April 2019, laid out the way
//! offices lay them out (and, from May, as they sometimes arrive). Run `cargo run --example make_samples` to regenerate; the
//! files are byte-for-byte the same each time.
//!
//! What a careful person counts from these files (tests/samples.rs checks the tool
//! against these figures):
//!
//! | sub-committee  | classes | learners                                |
//! |----------------|--------:|-----------------------------------------|
//! | kinh-te        | 8       | 110+95+105+90+100+120+98+102 = 820      |
//! | phap-luat      | 5       | 85+70+64+58+76 = 353                    |
//! | van-hoa-xa-hoi | 5       | 45+60+52+66+38 = 261                    |
//! | suc-khoe       | 7       | 80+72+65+58+90 = 365, May 48+62 = 110: 475 |
//! | moi-truong     | 3       | 110+95+88 = 293 (one row rejected)      |
//! | khac           | 3       | (18+12)+(20+25)+(15+20) = 110           |
//! | total          | 31      | 2312                                    |
//!
//! Quarter I: 21 classes, 1609 learners; quarter II (April and May): 10 classes, 703.
//! 33 candidate rows: 31 accepted, 1 rejected ("bốn mươi" learners), 1 duplicate (a
//! February class of kinh-te reported again in its March file). Health's May report is
//! typed in TCVN3 (.VnTime); kinh-te's April report is also there as a byte-identical
//! copy "thang-04 (1).xlsx"; a note huong-dan.txt is not a spreadsheet. 24 files: 22
//! read, 1 duplicate, 1 skipped.

mod common;
use common::VILLAGES;

use std::path::Path;

use tthtcd::normalise::legacy::{Legacy, encode};

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};

/// One class as a sub-committee reports it.
struct Class {
    topic: &'static str,
    day: u8,
    village: &'static str,
    /// Total learners as typed: a number, or text for the deliberate mistake.
    learners: Learners,
    /// Women among them (or, for the Nam/Nữ layout, the women of male + female).
    female: u32,
    teacher: &'static str,
}

enum Learners {
    Count(u32),
    Typed(&'static str),
}

use Learners::{Count, Typed};

/// How a sub-committee lays out its sheet.
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// STT | Tên chuyên đề | Ngày mở lớp | Địa điểm | Số học viên | Báo cáo viên | Ghi chú
    Plain,
    /// "Số học viên" merged over "Tổng số | Nữ", then a row "(1) (2) …".
    TwoRowHeader,
    /// Dates typed as text "15/03/2019".
    TextDates,
    /// Nam | Nữ instead of a total.
    MaleFemale,
}

struct SubCommittee {
    folder: &'static str,
    /// Typed with a legacy font (text cells stored in its codes), or None for Unicode.
    font: Option<Legacy>,
    title: &'static str,
    layout: Layout,
    /// One sheet per month in one workbook instead of one file per month.
    one_workbook: bool,
    /// Classes of January, February, March, April.
    months: [Vec<Class>; 4],
}

fn c(
    topic: &'static str,
    day: u8,
    village: &'static str,
    learners: u32,
    female: u32,
    teacher: &'static str,
) -> Class {
    Class {
        topic,
        day,
        village,
        learners: Count(learners),
        female,
        teacher,
    }
}

fn data() -> Vec<SubCommittee> {
    vec![
        SubCommittee {
            font: None,
            folder: "kinh-te",
            title: "Tiểu ban: Phát triển kinh tế",
            layout: Layout::Plain,
            one_workbook: false,
            months: [
                vec![
                    c(
                        "Kỹ thuật trồng lúa lai",
                        10,
                        "Thôn Đông Sơn",
                        110,
                        52,
                        "Nguyễn Văn Hùng",
                    ),
                    c(
                        "Chăn nuôi lợn an toàn sinh học",
                        24,
                        "Thôn Tây Sơn",
                        95,
                        40,
                        "Trần Văn Bình",
                    ),
                ],
                vec![
                    c(
                        "Trồng và chăm sóc cây vải thiều",
                        14,
                        "Thôn Bắc Sơn",
                        105,
                        50,
                        "Nguyễn Văn Hùng",
                    ),
                    c(
                        "Phòng bệnh cho đàn gà",
                        26,
                        "Thôn Nam Sơn",
                        90,
                        47,
                        "Lê Thị Mai",
                    ),
                ],
                vec![
                    c(
                        "Kỹ thuật nuôi cá nước ngọt",
                        7,
                        "Thôn Khe Sú",
                        100,
                        38,
                        "Trần Văn Bình",
                    ),
                    c(
                        "Sản xuất rau an toàn theo VietGAP",
                        21,
                        "Thôn Tân Yên",
                        120,
                        71,
                        "Lê Thị Mai",
                    ),
                ],
                vec![
                    c(
                        "Trồng nấm rơm",
                        11,
                        "Thôn Đồng Bống",
                        98,
                        55,
                        "Nguyễn Văn Hùng",
                    ),
                    c(
                        "Ủ phân hữu cơ vi sinh",
                        25,
                        "Thôn Hồng Hà",
                        102,
                        44,
                        "Trần Văn Bình",
                    ),
                ],
            ],
        },
        SubCommittee {
            font: None,
            folder: "phap-luat",
            title: "Tiểu ban: Pháp luật",
            layout: Layout::TwoRowHeader,
            one_workbook: false,
            months: [
                vec![c(
                    "Luật Giao thông đường bộ",
                    15,
                    "Thôn Đông Sơn",
                    85,
                    40,
                    "Phạm Văn Toàn",
                )],
                vec![c(
                    "Luật Hôn nhân và gia đình",
                    19,
                    "Thôn Tây Sơn",
                    70,
                    45,
                    "Đỗ Thị Hằng",
                )],
                vec![
                    c(
                        "Luật Đất đai năm 2013",
                        12,
                        "Thôn Bắc Sơn",
                        64,
                        28,
                        "Phạm Văn Toàn",
                    ),
                    c(
                        "Phòng chống bạo lực gia đình",
                        27,
                        "Thôn Nam Sơn",
                        58,
                        40,
                        "Đỗ Thị Hằng",
                    ),
                ],
                vec![c(
                    "Luật Phòng, chống ma túy",
                    16,
                    "Thôn Khe Sú",
                    76,
                    30,
                    "Phạm Văn Toàn",
                )],
            ],
        },
        SubCommittee {
            font: None,
            folder: "van-hoa-xa-hoi",
            title: "Tiểu ban: Văn hóa - Xã hội",
            layout: Layout::Plain,
            one_workbook: true,
            months: [
                vec![c(
                    "Hát dân ca, hát chèo",
                    8,
                    "Thôn Tân Yên",
                    45,
                    30,
                    "Vũ Thị Lan",
                )],
                vec![c(
                    "Xây dựng gia đình văn hóa",
                    20,
                    "Thôn Đồng Bống",
                    60,
                    36,
                    "Hoàng Văn Nam",
                )],
                vec![c(
                    "Giữ gìn bản sắc văn hóa dân tộc",
                    14,
                    "Thôn Hồng Hà",
                    52,
                    27,
                    "Vũ Thị Lan",
                )],
                vec![
                    c(
                        "Phòng chống tệ nạn xã hội",
                        9,
                        "Thôn Đông Sơn",
                        66,
                        25,
                        "Hoàng Văn Nam",
                    ),
                    c(
                        "Câu lạc bộ đọc sách",
                        23,
                        "Thôn Tây Sơn",
                        38,
                        24,
                        "Vũ Thị Lan",
                    ),
                ],
            ],
        },
        SubCommittee {
            font: None,
            folder: "suc-khoe",
            title: "Tiểu ban: Chăm sóc sức khỏe",
            layout: Layout::TextDates,
            one_workbook: false,
            months: [
                vec![c(
                    "Phòng chống sốt xuất huyết",
                    17,
                    "Thôn Bắc Sơn",
                    80,
                    46,
                    "BS. Ngô Thị Thu",
                )],
                vec![c(
                    "Chăm sóc sức khỏe bà mẹ và trẻ em",
                    21,
                    "Thôn Nam Sơn",
                    72,
                    60,
                    "BS. Ngô Thị Thu",
                )],
                vec![
                    c(
                        "Dinh dưỡng cho trẻ dưới 5 tuổi",
                        6,
                        "Thôn Khe Sú",
                        65,
                        58,
                        "YS. Đinh Văn Long",
                    ),
                    c(
                        "Phòng chống bệnh tay chân miệng",
                        20,
                        "Thôn Tân Yên",
                        58,
                        41,
                        "YS. Đinh Văn Long",
                    ),
                ],
                vec![c(
                    "An toàn vệ sinh thực phẩm",
                    18,
                    "Thôn Đồng Bống",
                    90,
                    52,
                    "BS. Ngô Thị Thu",
                )],
            ],
        },
        SubCommittee {
            font: None,
            folder: "moi-truong",
            title: "Tiểu ban: Giáo dục bảo vệ môi trường",
            layout: Layout::Plain,
            one_workbook: false,
            months: [
                vec![],
                vec![c(
                    "Phân loại rác thải tại nguồn",
                    28,
                    "Thôn Hồng Hà",
                    110,
                    63,
                    "Bùi Văn Quang",
                )],
                vec![
                    c(
                        "Sử dụng nước sạch và vệ sinh môi trường",
                        13,
                        "Thôn Đông Sơn",
                        95,
                        50,
                        "Bùi Văn Quang",
                    ),
                    Class {
                        topic: "Trồng cây xanh bảo vệ môi trường",
                        day: 29,
                        village: "Thôn Tây Sơn",
                        learners: Typed("bốn mươi"),
                        female: 20,
                        teacher: "Bùi Văn Quang",
                    },
                ],
                vec![c(
                    "Xử lý rác thải nhựa",
                    24,
                    "Thôn Bắc Sơn",
                    88,
                    45,
                    "Bùi Văn Quang",
                )],
            ],
        },
        SubCommittee {
            font: None,
            folder: "khac",
            title: "Các chương trình khác",
            layout: Layout::MaleFemale,
            one_workbook: false,
            months: [
                vec![c(
                    "Tin học cơ bản cho người lớn",
                    22,
                    "Thôn Nam Sơn",
                    30,
                    12,
                    "Trịnh Văn Đức",
                )],
                vec![c(
                    "Kỹ năng sử dụng điện thoại thông minh",
                    25,
                    "Thôn Khe Sú",
                    45,
                    25,
                    "Trịnh Văn Đức",
                )],
                vec![],
                vec![c(
                    "Tiếng Anh giao tiếp cơ bản",
                    12,
                    "Thôn Tân Yên",
                    35,
                    20,
                    "Cao Thị Yến",
                )],
            ],
        },
    ]
}

/// Formats of a report sheet.
struct Looks {
    bold: Format,
    title: Format,
    italic: Format,
    header: Format,
    cell: Format,
    date: Format,
    total: Format,
}

fn looks() -> Looks {
    let base = Format::new()
        .set_font_name("Times New Roman")
        .set_font_size(12);
    let cell = base.clone().set_border(FormatBorder::Thin);
    Looks {
        bold: base.clone().set_bold().set_align(FormatAlign::Center),
        title: base
            .clone()
            .set_bold()
            .set_font_size(14)
            .set_align(FormatAlign::Center),
        italic: base.clone().set_italic().set_align(FormatAlign::Center),
        header: cell
            .clone()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        date: cell.clone().set_num_format("dd/mm/yyyy"),
        total: cell.clone().set_bold(),
        cell,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    if root.exists() {
        std::fs::remove_dir_all(&root)?;
    }
    let looks = looks();
    for sc in data() {
        let dir = root.join(sc.folder);
        std::fs::create_dir_all(&dir)?;
        if sc.one_workbook {
            let mut wb = workbook()?;
            for (m, classes) in sc.months.iter().enumerate() {
                let ws = wb.add_worksheet();
                ws.set_name(format!("T{}", m + 1))?;
                sheet(ws, &sc, m as u8 + 1, classes, &looks)?;
            }
            wb.save(dir.join("bao-cao-nam-2019.xlsx"))?;
        } else {
            for (m, classes) in sc.months.iter().enumerate() {
                let mut wb = workbook()?;
                let ws = wb.add_worksheet();
                ws.set_name(format!("Tháng {}", m + 1))?;
                let mut rows: Vec<&Class> = classes.iter().collect();
                // The kinh-te March file repeats a February class: a mistake offices make.
                let data = data();
                let repeat = data.first().and_then(|k| k.months[1].get(1));
                if sc.folder == "kinh-te" && m == 2 {
                    rows.extend(repeat);
                }
                sheet_rows(
                    ws,
                    &sc,
                    m as u8 + 1,
                    &rows,
                    &looks,
                    if sc.folder == "kinh-te" && m == 2 {
                        Some(2)
                    } else {
                        None
                    },
                )?;
                wb.save(dir.join(format!("thang-{:02}.xlsx", m + 1)))?;
            }
        }
    }
    legacy_report(&root.join("suc-khoe").join("thang-05.xlsx"), &looks)?;
    std::fs::create_dir_all(root.join("tieu-chi"))?;
    criteria_form(&root.join("tieu-chi").join("tieu-chi-quy-2.xlsx"), &looks)?;
    let reg_dir = root.join("dang-ky");
    std::fs::create_dir_all(&reg_dir)?;
    for (id, title, by_quarter, regs) in registrations() {
        registration_form(
            &reg_dir.join(format!("dang-ky-{id}.xlsx")),
            title,
            by_quarter,
            &regs,
            &looks,
        )?;
    }
    // The secretary saved kinh-te's April report twice under another name.
    std::fs::copy(
        root.join("kinh-te/thang-04.xlsx"),
        root.join("kinh-te/thang-04 (1).xlsx"),
    )?;
    std::fs::write(
        root.join("huong-dan.txt"),
        "Chép các tệp báo cáo hằng tháng của các tiểu ban vào thư mục này rồi chạy:\n\
         tthtcd consolidate <thư mục> -o tong-hop.xlsx\n",
    )?;
    println!("samples written to {}", root.display());
    Ok(())
}

/// One registered class: month (or quarter, for a "Quý" form), topic, expected learners.
type Reg = (u32, &'static str, u32);

/// The registration forms for the plan's appendix (samples/dang-ky/). Sums per quarter
/// are worked out in tests/appendix.rs.
fn registrations() -> Vec<(&'static str, &'static str, bool, Vec<Reg>)> {
    vec![
        (
            "kinh-te",
            "Tiểu ban phát triển kinh tế",
            false,
            vec![
                (1, "Kỹ thuật trồng lúa lai", 100),
                (1, "Chăn nuôi lợn an toàn sinh học", 100),
                (2, "Trồng và chăm sóc cây vải thiều", 100),
                (2, "Phòng bệnh cho đàn gà", 100),
                (3, "Kỹ thuật nuôi cá nước ngọt", 100),
                (3, "Sản xuất rau an toàn", 100),
                (7, "Trồng nấm rơm", 100),
                (10, "Ủ phân hữu cơ vi sinh", 100),
            ],
        ),
        (
            "phap-luat",
            "Tiểu ban pháp luật",
            false,
            vec![
                (1, "Luật Giao thông đường bộ", 125),
                (2, "Luật Hôn nhân và gia đình", 125),
                (3, "Luật Đất đai", 125),
                (3, "Phòng chống bạo lực gia đình", 125),
                (4, "Luật Phòng, chống ma túy", 125),
                (6, "Luật Trẻ em", 125),
            ],
        ),
        (
            "van-hoa-xa-hoi",
            "Tiểu ban văn hóa xã hội",
            true,
            vec![
                (1, "Hát dân ca, hát chèo", 60),
                (1, "Xây dựng gia đình văn hóa", 60),
                (1, "Giữ gìn bản sắc văn hóa dân tộc", 60),
                (2, "Phòng chống tệ nạn xã hội", 60),
                (2, "Câu lạc bộ đọc sách", 60),
                (2, "Nếp sống văn minh nơi công cộng", 60),
                (3, "Lễ hội truyền thống của địa phương", 60),
                (3, "Văn nghệ quần chúng", 60),
                (3, "Thể dục dưỡng sinh cho người cao tuổi", 60),
                (4, "Gia đình hạnh phúc", 80),
                (4, "Tổng kết phong trào văn hóa cơ sở", 80),
            ],
        ),
        (
            "suc-khoe",
            "Tiểu ban chăm sóc sức khỏe",
            false,
            vec![
                (1, "Phòng chống sốt xuất huyết", 65),
                (2, "Chăm sóc sức khỏe bà mẹ và trẻ em", 65),
                (3, "Dinh dưỡng cho trẻ dưới 5 tuổi", 65),
                (3, "Phòng chống bệnh tay chân miệng", 65),
                (4, "An toàn vệ sinh thực phẩm", 65),
                (5, "Sơ cứu ban đầu tại gia đình", 70),
                (5, "Phòng chống tăng huyết áp", 65),
                (6, "Phòng chống đuối nước cho trẻ em", 65),
                (7, "Tiêm chủng mở rộng", 65),
                (8, "Chăm sóc người cao tuổi", 65),
                (9, "Phòng chống bệnh tiểu đường", 65),
                (10, "Sức khỏe sinh sản vị thành niên", 65),
                (11, "Phòng chống cúm mùa", 65),
            ],
        ),
        (
            "moi-truong",
            "Tiểu ban giáo dục bảo vệ môi trường",
            false,
            vec![
                (2, "Phân loại rác thải tại nguồn", 100),
                (3, "Sử dụng nước sạch và vệ sinh môi trường", 100),
                (3, "Trồng cây xanh bảo vệ môi trường", 100),
                (4, "Xử lý rác thải nhựa", 100),
                (6, "Bảo vệ nguồn nước sinh hoạt", 100),
                (9, "Ứng phó với biến đổi khí hậu", 100),
                (11, "Vệ sinh chuồng trại chăn nuôi", 100),
            ],
        ),
        (
            "khac",
            "Các chương trình khác",
            false,
            vec![
                (1, "Tin học cơ bản cho người lớn", 90),
                (2, "Kỹ năng sử dụng điện thoại thông minh", 90),
                (4, "Tiếng Anh giao tiếp cơ bản", 90),
                (8, "Kỹ năng sống cho thanh thiếu niên", 90),
                (12, "Khởi nghiệp cho thanh niên", 90),
            ],
        ),
    ]
}

/// A registration form: "PHIẾU ĐĂNG KÝ MỞ LỚP NĂM 2019", a planned month (or quarter)
/// column instead of a date.
fn registration_form(
    path: &Path,
    title: &str,
    by_quarter: bool,
    regs: &[Reg],
    looks: &Looks,
) -> Result<(), XlsxError> {
    let mut wb = workbook()?;
    let ws = wb.add_worksheet();
    ws.set_name("Đăng ký")?;
    for (i, w) in [6.0, 40.0, 13.0, 18.0, 12.0, 20.0, 20.0, 12.0]
        .iter()
        .enumerate()
    {
        ws.set_column_width(i as u16, *w)?;
    }
    ws.merge_range(0, 0, 0, 2, "TRUNG TÂM HỌC TẬP CỘNG ĐỒNG", &looks.bold)?;
    ws.merge_range(1, 0, 1, 2, &title.to_uppercase(), &looks.bold)?;
    ws.merge_range(3, 0, 3, 7, "PHIẾU ĐĂNG KÝ MỞ LỚP NĂM 2019", &looks.title)?;
    let when = if by_quarter {
        "Quý"
    } else {
        "Tháng dự kiến"
    };
    let headings = [
        "STT",
        "Tên lớp / chuyên đề",
        when,
        "Địa điểm",
        "Số học viên dự kiến",
        "Người phụ trách",
        "Đơn vị phối hợp",
        "Ghi chú",
    ];
    for (c, h) in headings.iter().enumerate() {
        ws.write_string_with_format(5, c as u16, *h, &looks.header)?;
    }
    for (i, (when, topic, learners)) in regs.iter().enumerate() {
        let r = 6 + i as u32;
        ws.write_number_with_format(r, 0, (i + 1) as f64, &looks.cell)?;
        ws.write_string_with_format(r, 1, *topic, &looks.cell)?;
        let period = if by_quarter {
            format!("Quý {}", ["I", "II", "III", "IV"][*when as usize - 1])
        } else {
            format!("Tháng {when}")
        };
        ws.write_string_with_format(r, 2, period, &looks.cell)?;
        ws.write_string_with_format(r, 3, VILLAGES[i % VILLAGES.len()], &looks.cell)?;
        ws.write_number_with_format(r, 4, f64::from(*learners), &looks.cell)?;
        ws.write_string_with_format(r, 5, "", &looks.cell)?;
        ws.write_string_with_format(
            r,
            6,
            if i % 3 == 0 {
                "Hội Nông dân xã"
            } else {
                "Hội Phụ nữ xã"
            },
            &looks.cell,
        )?;
        ws.write_blank(r, 7, &looks.cell)?;
    }
    let r = 6 + regs.len() as u32;
    ws.write_string_with_format(r, 1, "Cộng", &looks.total)?;
    let sum: u32 = regs.iter().map(|x| x.2).sum();
    ws.write_formula_with_format(
        r,
        4,
        Formula::new(format!("=SUM(E7:E{r})")).set_result(sum.to_string()),
        &looks.total,
    )?;
    ws.merge_range(
        r + 2,
        4,
        r + 2,
        7,
        "Hồng Thái Tây, ngày 15 tháng 12 năm 2018",
        &looks.italic,
    )?;
    ws.merge_range(r + 3, 4, r + 3, 7, "TRƯỞNG TIỂU BAN", &looks.bold)?;
    wb.save(path)
}

/// A criterion figure as the centre enters it.
enum Fig {
    Pct(f64),
    Frac(u32, u32),
    Yes,
    Blank,
}

/// The centre's criteria figures for the second quarter (samples/tieu-chi/), in the
/// plan's order of criteria and indicators. Expected: criteria 5 (84.5 % < 86 %), 9
/// (12 / 30 = 40 %, not > 40 %) and 10 (6 / 8 = 75 % < 80 %) not met; 14 incomplete
/// (immunisation left blank); the other 11 met.
fn criteria_figures() -> Vec<Vec<Fig>> {
    use Fig::*;
    vec![
        vec![Yes],
        vec![Yes],
        vec![Yes],
        vec![Frac(3, 3), Frac(8, 8)],
        vec![Pct(48.0), Pct(84.5), Pct(100.0), Pct(100.0)],
        vec![Pct(100.0)],
        vec![Pct(96.0), Pct(100.0)],
        vec![Pct(72.0)],
        vec![Frac(1530, 1760), Frac(12, 30), Frac(5, 8)],
        vec![Frac(6, 8)],
        vec![Yes],
        vec![Pct(85.0)],
        vec![Yes],
        vec![Yes, Pct(15.0), Blank],
        vec![Yes],
    ]
}

fn criteria_form(path: &Path, looks: &Looks) -> Result<(), XlsxError> {
    let plan = tthtcd::Plan::embedded();
    let mut wb = workbook()?;
    let ws = wb.add_worksheet();
    ws.set_name("Quý II")?;
    for (i, w) in [8.0, 56.0, 12.0, 10.0, 10.0, 14.0, 24.0].iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    ws.merge_range(
        0,
        0,
        0,
        6,
        "BAN CHỈ ĐẠO XÂY DỰNG XÃ HỘI HỌC TẬP XÃ HỒNG THÁI TÂY",
        &looks.bold,
    )?;
    ws.merge_range(
        2,
        0,
        2,
        6,
        "TỰ ĐÁNH GIÁ CÁC TIÊU CHÍ XÃ HỘI HỌC TẬP - QUÝ II NĂM 2019",
        &looks.title,
    )?;
    let headings = [
        "Tiêu chí",
        "Chỉ số",
        "Giá trị (%)",
        "Tử số",
        "Mẫu số",
        "Hồ sơ minh chứng",
        "Nguồn số liệu",
    ];
    for (c, h) in headings.iter().enumerate() {
        ws.write_string_with_format(4, c as u16, *h, &looks.header)?;
    }
    let mut r = 5;
    for (criterion, figures) in plan.criteria.iter().zip(criteria_figures()) {
        for (indicator, fig) in criterion.indicators.iter().zip(figures) {
            ws.write_number_with_format(r, 0, f64::from(criterion.number), &looks.cell)?;
            ws.write_string_with_format(r, 1, &indicator.name, &looks.cell)?;
            match fig {
                Fig::Pct(p) => drop(ws.write_number_with_format(r, 2, p, &looks.cell)?),
                Fig::Frac(n, d) => {
                    ws.write_number_with_format(r, 3, f64::from(n), &looks.cell)?;
                    ws.write_number_with_format(r, 4, f64::from(d), &looks.cell)?;
                }
                Fig::Yes => drop(ws.write_string_with_format(r, 2, "Có", &looks.cell)?),
                Fig::Blank => {}
            }
            let evidence = if matches!(fig, Fig::Blank) {
                "Chưa có"
            } else {
                "Có"
            };
            ws.write_string_with_format(r, 5, evidence, &looks.cell)?;
            ws.write_string_with_format(r, 6, "Báo cáo của các ngành", &looks.cell)?;
            r += 1;
        }
    }
    wb.save(path)
}

/// Text as the sub-committee's font stores it.
fn txt(sc: &SubCommittee, s: &str) -> String {
    match sc.font {
        Some(f) => encode(s, f),
        None => s.to_string(),
    }
}

/// Health's May report, typed with the old .VnTime font (TCVN3).
fn legacy_report(path: &Path, looks: &Looks) -> Result<(), XlsxError> {
    let sc = SubCommittee {
        folder: "suc-khoe",
        font: Some(Legacy::Tcvn3),
        title: "Tiểu ban: Chăm sóc sức khỏe",
        layout: Layout::Plain,
        one_workbook: false,
        months: [vec![], vec![], vec![], vec![]],
    };
    let classes = [
        c(
            "Sơ cứu ban đầu tại gia đình",
            8,
            "Thôn Đông Sơn",
            48,
            30,
            "YS. Đinh Văn Long",
        ),
        c(
            "Phòng chống tăng huyết áp",
            22,
            "Thôn Hồng Hà",
            62,
            35,
            "BS. Ngô Thị Thu",
        ),
    ];
    let rows: Vec<&Class> = classes.iter().collect();
    let mut wb = workbook()?;
    let ws = wb.add_worksheet();
    ws.set_name("Tháng 5")?;
    sheet_rows(ws, &sc, 5, &rows, looks, None)?;
    wb.save(path)
}

fn workbook() -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let props = DocProperties::new()
        .set_author("TTHTCĐ xã Hồng Thái Tây")
        .set_creation_datetime(&ExcelDateTime::from_ymd(2019, 4, 30)?);
    wb.set_properties(&props);
    Ok(wb)
}

fn sheet(
    ws: &mut Worksheet,
    sc: &SubCommittee,
    month: u8,
    classes: &[Class],
    looks: &Looks,
) -> Result<(), XlsxError> {
    let rows: Vec<&Class> = classes.iter().collect();
    sheet_rows(ws, sc, month, &rows, looks, None)
}

/// Lays out one month's report. `repeat_month` is the month of a class repeated from
/// an earlier report (the last row), so its date stays that month's.
fn sheet_rows(
    ws: &mut Worksheet,
    sc: &SubCommittee,
    month: u8,
    classes: &[&Class],
    looks: &Looks,
    repeat_month: Option<u8>,
) -> Result<(), XlsxError> {
    let widths = [6.0, 38.0, 13.0, 18.0, 10.0, 10.0, 22.0, 12.0];
    for (i, w) in widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    ws.merge_range(0, 0, 0, 2, &txt(sc, "UBND XÃ HỒNG THÁI TÂY"), &looks.bold)?;
    ws.merge_range(
        1,
        0,
        1,
        2,
        &txt(sc, "TRUNG TÂM HỌC TẬP CỘNG ĐỒNG"),
        &looks.bold,
    )?;
    ws.merge_range(
        0,
        3,
        0,
        7,
        &txt(sc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        &looks.bold,
    )?;
    ws.merge_range(
        1,
        3,
        1,
        7,
        &txt(sc, "Độc lập - Tự do - Hạnh phúc"),
        &looks.bold,
    )?;
    ws.merge_range(
        3,
        0,
        3,
        7,
        &txt(sc, &format!("BÁO CÁO CÁC LỚP ĐÃ MỞ THÁNG {month} NĂM 2019")),
        &looks.title,
    )?;
    ws.merge_range(4, 0, 4, 7, &txt(sc, sc.title), &looks.italic)?;

    let h = 6;
    let (learners_col, female_col) = (4u16, 5u16);
    let headings: [&str; 8] = match sc.layout {
        Layout::MaleFemale => [
            "STT",
            "Tên chuyên đề",
            "Ngày mở lớp",
            "Địa điểm",
            "Nam",
            "Nữ",
            "Báo cáo viên",
            "Ghi chú",
        ],
        _ => [
            "STT",
            "Tên chuyên đề",
            "Ngày mở lớp",
            "Địa điểm",
            "Số học viên",
            "Trong đó nữ",
            "Báo cáo viên",
            "Ghi chú",
        ],
    };
    let headings: Vec<String> = headings.iter().map(|h| txt(sc, h)).collect();
    let mut first = h + 1;
    if sc.layout == Layout::TwoRowHeader {
        for (c, text) in headings.iter().enumerate() {
            let c = c as u16;
            if c == learners_col {
                ws.merge_range(
                    h,
                    learners_col,
                    h,
                    female_col,
                    &txt(sc, "Số học viên"),
                    &looks.header,
                )?;
            } else if c != female_col {
                ws.merge_range(h, c, h + 1, c, text, &looks.header)?;
            }
        }
        ws.write_string_with_format(h + 1, learners_col, txt(sc, "Tổng số"), &looks.header)?;
        ws.write_string_with_format(h + 1, female_col, txt(sc, "Nữ"), &looks.header)?;
        for c in 0..8u16 {
            ws.write_string_with_format(h + 2, c, format!("({})", c + 1), &looks.header)?;
        }
        first = h + 3;
    } else {
        for (c, text) in headings.iter().enumerate() {
            ws.write_string_with_format(h, c as u16, text, &looks.header)?;
        }
    }

    let mut row = first;
    let mut total = 0u32;
    let mut total_female = 0u32;
    for (i, class) in classes.iter().enumerate() {
        let class_month = if i + 1 == classes.len() {
            repeat_month.unwrap_or(month)
        } else {
            month
        };
        ws.write_number_with_format(row, 0, (i + 1) as f64, &looks.cell)?;
        ws.write_string_with_format(row, 1, txt(sc, class.topic), &looks.cell)?;
        if sc.layout == Layout::TextDates {
            ws.write_string_with_format(
                row,
                2,
                format!("{:02}/{:02}/2019", class.day, class_month),
                &looks.cell,
            )?;
        } else {
            ws.write_datetime_with_format(
                row,
                2,
                ExcelDateTime::from_ymd(2019, class_month, class.day)?,
                &looks.date,
            )?;
        }
        ws.write_string_with_format(row, 3, txt(sc, class.village), &looks.cell)?;
        match (&class.learners, sc.layout) {
            (Count(n), Layout::MaleFemale) => {
                ws.write_number_with_format(
                    row,
                    learners_col,
                    f64::from(n - class.female),
                    &looks.cell,
                )?;
                total += n - class.female;
            }
            (Count(n), _) => {
                ws.write_number_with_format(row, learners_col, f64::from(*n), &looks.cell)?;
                total += n;
            }
            (Typed(text), _) => {
                ws.write_string_with_format(row, learners_col, *text, &looks.cell)?;
            }
        }
        ws.write_number_with_format(row, female_col, f64::from(class.female), &looks.cell)?;
        total_female += class.female;
        ws.write_string_with_format(row, 6, txt(sc, class.teacher), &looks.cell)?;
        ws.write_blank(row, 7, &looks.cell)?;
        row += 1;
    }
    // The total row: "Cộng" with SUM formulas that carry their values.
    ws.write_blank(row, 0, &looks.total)?;
    ws.write_string_with_format(row, 1, txt(sc, "Cộng"), &looks.total)?;
    for c in [2u16, 3, 6, 7] {
        ws.write_blank(row, c, &looks.total)?;
    }
    for (c, value) in [(learners_col, total), (female_col, total_female)] {
        let letter = (b'A' + c as u8) as char;
        let formula = if classes.is_empty() {
            Formula::new("=0").set_result("0")
        } else {
            Formula::new(format!("=SUM({letter}{}:{letter}{})", first + 1, row))
                .set_result(value.to_string())
        };
        ws.write_formula_with_format(row, c, formula, &looks.total)?;
    }
    // The signature block.
    let s = row + 2;
    let last_day = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][usize::from(month - 1)];
    ws.merge_range(
        s,
        4,
        s,
        7,
        &txt(
            sc,
            &format!("Hồng Thái Tây, ngày {last_day} tháng {month} năm 2019"),
        ),
        &looks.italic,
    )?;
    ws.merge_range(s + 1, 0, s + 1, 2, &txt(sc, "NGƯỜI LẬP BIỂU"), &looks.bold)?;
    ws.merge_range(s + 1, 4, s + 1, 7, &txt(sc, "TRƯỞNG TIỂU BAN"), &looks.bold)?;
    ws.merge_range(
        s + 2,
        0,
        s + 2,
        2,
        &txt(sc, "(Ký, ghi rõ họ tên)"),
        &looks.italic,
    )?;
    ws.merge_range(
        s + 2,
        4,
        s + 2,
        7,
        &txt(sc, "(Ký, ghi rõ họ tên)"),
        &looks.italic,
    )?;
    Ok(())
}
