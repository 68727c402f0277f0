//! The look of the output workbook in one place: fonts, borders, number formats, and
//! the page set-up every sheet shares.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

/// Vietnamese administrative documents are set in Times New Roman.
const FONT: &str = "Times New Roman";
const HEADER_FILL: u32 = 0xDDEBF7;
const TOTAL_FILL: u32 = 0xF2F2F2;
/// Red: the fill and the text of what falls short.
const SHORT_FILL: u32 = 0xFFC7CE;
const WARN_FONT: u32 = 0x9C0006;

/// Every cell format the sheets use.
pub struct Formats {
    pub unit: Format,
    pub nation: Format,
    pub motto: Format,
    pub title: Format,
    pub subtitle: Format,
    pub header: Format,
    pub text: Format,
    pub text_center: Format,
    pub int: Format,
    pub pct: Format,
    pub date: Format,
    /// SHA-256 digests: small monospace, one line.
    pub hash: Format,
    pub total_text: Format,
    /// Bold, left-aligned: group headings and subtotal labels.
    pub total_text_left: Format,
    /// A subtotal that differs from the plan.
    pub gap_text: Format,
    pub gap_int: Format,
    pub total_int: Format,
    pub total_pct: Format,
    pub label: Format,
    pub plain_int: Format,
    pub plain_pct: Format,
    pub sign_bold: Format,
    pub sign_italic: Format,
    /// A note that needs attention (the plan's own findings).
    pub warn: Format,
    pub warn_bold: Format,
    pub warn_wrap: Format,
    /// Conditional format for rows that fall short.
    pub short: Format,
    /// Cells written red rather than by a rule: a figure that falls short, a text with
    /// a gap, a text with something late, a reason why there are no figures.
    pub short_int: Format,
    pub short_center: Format,
    pub late_center: Format,
    pub warn_cell: Format,
    /// Column formats of the class list: `text`, `text_center`, `int` and `date`
    /// without borders. Its cells are written unformatted and take their column's
    /// format, and one conditional format draws the borders over the filled rows
    /// only — looking a format up for every cell of a province's 260,000 classes
    /// took a third of the time spent filling the sheets.
    pub list_text: Format,
    pub list_center: Format,
    pub list_int: Format,
    pub list_date: Format,
    /// The conditional format that borders every cell of the class list.
    pub list_border: Format,
}

fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(12)
}

/// A cell of a column formatted as a whole: as [`cell`], without the borders.
fn column() -> Format {
    base().set_align(FormatAlign::VerticalCenter)
}

/// `f` in red: what falls short.
fn red(f: Format) -> Format {
    f.set_background_color(Color::RGB(SHORT_FILL))
        .set_font_color(Color::RGB(WARN_FONT))
}

/// `f` with red text: what needs attention.
fn warned(f: Format) -> Format {
    f.set_font_color(Color::RGB(WARN_FONT))
}

fn cell() -> Format {
    base()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
}

impl Formats {
    pub fn new() -> Formats {
        let total = cell()
            .set_bold()
            .set_background_color(Color::RGB(TOTAL_FILL));
        Formats {
            unit: base().set_bold().set_align(FormatAlign::Center),
            nation: base().set_bold().set_align(FormatAlign::Center),
            motto: base().set_bold().set_align(FormatAlign::Center),
            title: base()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center),
            subtitle: base().set_italic().set_align(FormatAlign::Center),
            header: cell()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(HEADER_FILL)),
            text: cell().set_text_wrap(),
            text_center: cell().set_align(FormatAlign::Center),
            int: cell().set_num_format("#,##0"),
            pct: cell().set_num_format("0.0%"),
            date: cell()
                .set_num_format("dd/mm/yyyy")
                .set_align(FormatAlign::Center),
            hash: cell().set_font_name("Courier New").set_font_size(8),
            total_text: total.clone().set_align(FormatAlign::Center),
            total_text_left: total.clone().set_align(FormatAlign::Left),
            gap_text: total
                .clone()
                .set_align(FormatAlign::Left)
                .set_background_color(Color::RGB(SHORT_FILL)),
            gap_int: total
                .clone()
                .set_num_format("#,##0")
                .set_background_color(Color::RGB(SHORT_FILL)),
            total_int: total.clone().set_num_format("#,##0"),
            total_pct: total.set_num_format("0.0%"),
            label: base(),
            plain_int: base().set_num_format("#,##0"),
            plain_pct: base().set_num_format("0.0%"),
            sign_bold: base().set_bold().set_align(FormatAlign::Center),
            sign_italic: base().set_italic().set_align(FormatAlign::Center),
            warn: warned(base()),
            warn_bold: warned(base().set_bold()),
            warn_wrap: warned(base().set_text_wrap().set_align(FormatAlign::Top)),
            short: red(Format::new()),
            short_int: red(cell().set_num_format("#,##0")),
            short_center: red(cell().set_align(FormatAlign::Center)),
            late_center: warned(cell().set_align(FormatAlign::Center)),
            warn_cell: warned(cell().set_text_wrap()),
            list_text: column().set_text_wrap(),
            list_center: column().set_align(FormatAlign::Center),
            list_int: column().set_num_format("#,##0"),
            list_date: column()
                .set_num_format("dd/mm/yyyy")
                .set_align(FormatAlign::Center),
            list_border: Format::new().set_border(FormatBorder::Thin),
        }
    }
}

impl Default for Formats {
    fn default() -> Self {
        Formats::new()
    }
}

/// A4 landscape, fitted to the page width, header rows repeated, page numbers below.
pub fn page_setup(
    ws: &mut Worksheet,
    repeat_rows: (u32, u32),
    header: &str,
    page_word: &str,
) -> Result<(), XlsxError> {
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    ws.set_repeat_rows(repeat_rows.0, repeat_rows.1)?;
    ws.set_header(format!("&L&\"Times New Roman\"&9{}", escape(header)));
    ws.set_footer(format!(
        "&C&\"Times New Roman\"&9{} &P / &N",
        escape(page_word)
    ));
    Ok(())
}

/// "&" starts a code in Excel headers and footers.
fn escape(s: &str) -> String {
    s.replace('&', "&&")
}

/// Longest text a cell holds; longer user text is cut rather than failing the workbook.
const MAX_CELL_CHARS: usize = 32_000;

/// User text made safe for a cell.
pub fn cell_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() <= MAX_CELL_CHARS {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.chars().take(MAX_CELL_CHARS).collect())
    }
}
