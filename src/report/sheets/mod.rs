//! One module a sheet of the output workbook, plus the layout pieces and the context
//! they share (the workbook module above builds the context and calls each sheet).

pub mod classes;
pub mod completeness;
pub mod criteria;
pub mod data;
pub mod months;
pub mod plan_vs_held;
pub mod quarters;
pub mod sources;
pub mod summary;
pub mod warnings;

use rust_xlsxwriter::{
    ColNum, ConditionalFormatFormula, Format, Formula, RowNum, Worksheet, XlsxError,
};

use super::formats::{Formats, page_setup};
use crate::check::Measure;
use crate::consolidation::Consolidation;
use crate::labels::sheet as s;
use crate::labels::{Label, Lang, l};
pub use classes::{ListCol, ListPlace};

/// What every sheet builder needs: the consolidation, and the page it is laid out on
/// (language, formats, headings; [`Page`], which a `Ctx` derefs to). The workbook
/// builds one and hands it to each sheet in turn.
pub struct Ctx<'a> {
    pub c: &'a Consolidation,
    pub page: Page,
}

/// What the layout pieces need of a workbook, whoever it reports for (a commune's
/// centre, a district's office): the language, the formats, the page header, the
/// as-of date and who issues and signs.
pub struct Page {
    pub lang: Lang,
    pub f: Formats,
    /// Unit, year and as-of date, for page headers.
    pub page_header: String,
    /// "31/12/2019", or "…" where there is no one date.
    pub as_of: String,
    /// The issuing body of an administrative heading, top left: the people's committee
    /// ("UBND XÃ HỒNG THÁI TÂY") and the office under it.
    pub issuer: (String, Label),
    /// The place before the signature date ("Hồng Thái Tây").
    pub place: String,
    /// Who signs on the right (the centre's director, the office's head).
    pub signer: Label,
}

impl Page {
    pub fn t(&self, l: crate::labels::Label) -> &'static str {
        l.get(self.lang)
    }

    /// "31/12/2019".
    pub fn as_of(&self) -> &str {
        &self.as_of
    }

    /// A4 landscape with rows `repeat` (first, last) printed atop every page.
    pub fn page_setup(
        &self,
        ws: &mut Worksheet,
        repeat: (RowNum, RowNum),
    ) -> Result<(), XlsxError> {
        page_setup(ws, repeat, &self.page_header, self.t(s::PAGE))
    }
}

impl std::ops::Deref for Ctx<'_> {
    type Target = Page;
    fn deref(&self) -> &Page {
        &self.page
    }
}

impl Ctx<'_> {
    /// A sheet's title naming the unit: "CÁC TỆP ĐÃ ĐỌC — XÃ HỒNG THÁI TÂY".
    pub fn unit_title(&self, words: Label) -> String {
        format!("{} — {}", self.t(words), self.c.plan.unit.to_uppercase())
    }

    /// A sheet's title naming the year and the unit: "KẾT QUẢ MỞ LỚP THEO QUÝ NĂM 2019 — XÃ
    /// HỒNG THÁI TÂY".
    pub fn yearly_title(&self, words: Label) -> String {
        format!(
            "{} {} — {}",
            self.t(words),
            self.c.plan.year,
            self.c.plan.unit.to_uppercase()
        )
    }
}

impl<'a> Ctx<'a> {
    pub fn new(c: &'a Consolidation, lang: Lang) -> Ctx<'a> {
        let as_of = c.summary.as_of.date.format("%d/%m/%Y").to_string();
        Ctx {
            c,
            page: Page {
                lang,
                f: Formats::new(),
                page_header: format!(
                    "{} — {} — {} {as_of}",
                    c.plan.centre,
                    c.plan.year,
                    s::AS_OF.get(lang),
                ),
                as_of,
                issuer: (
                    format!(
                        "{} {}",
                        s::PEOPLES_COMMITTEE.get(lang),
                        c.plan.unit.to_uppercase()
                    ),
                    s::CENTRE,
                ),
                place: place_name(&c.plan.unit).to_string(),
                signer: s::SIGN_DIRECTOR,
            },
        }
    }
}

/// The heading of an administrative document: issuing body top left, national motto
/// top right, the title centred in capitals and a line under it. Returns the next row.
pub fn admin_heading(
    ws: &mut Worksheet,
    ctx: &Page,
    last_col: ColNum,
    title: &str,
    subtitle: &str,
) -> Result<RowNum, XlsxError> {
    let f = &ctx.f;
    let split = last_col / 2;
    let (unit, office) = (&ctx.issuer.0, ctx.t(ctx.issuer.1));
    ws.merge_range(0, 0, 0, split.saturating_sub(1).max(1), unit, &f.unit)?;
    ws.merge_range(1, 0, 1, split.saturating_sub(1).max(1), office, &f.unit)?;
    ws.merge_range(0, split + 1, 0, last_col, ctx.t(s::NATION), &f.nation)?;
    ws.merge_range(1, split + 1, 1, last_col, ctx.t(s::MOTTO), &f.motto)?;
    ws.merge_range(3, 0, 3, last_col, title, &f.title)?;
    ws.set_row_height(3, 22)?;
    ws.merge_range(4, 0, 4, last_col, subtitle, &f.subtitle)?;
    Ok(6)
}

/// "Hồng Thái Tây, ngày … tháng … năm …", then who prepares and who signs, across
/// the left and right halves of columns 0 to `last_col`.
pub fn signature(
    ws: &mut Worksheet,
    ctx: &Page,
    row: RowNum,
    last_col: ColNum,
) -> Result<(), XlsxError> {
    let f = &ctx.f;
    let split = last_col / 2;
    let (left, right) = ((0, split.saturating_sub(1).max(1)), (split + 1, last_col));
    let line = format!("{}, {}", ctx.place, ctx.t(s::SIGN_PLACE_DATE));
    ws.merge_range(row, right.0, row, right.1, &line, &f.sign_italic)?;
    ws.merge_range(
        row + 1,
        left.0,
        row + 1,
        left.1,
        ctx.t(s::SIGN_PREPARER),
        &f.sign_bold,
    )?;
    ws.merge_range(
        row + 1,
        right.0,
        row + 1,
        right.1,
        ctx.t(ctx.signer),
        &f.sign_bold,
    )?;
    ws.merge_range(
        row + 2,
        left.0,
        row + 2,
        left.1,
        ctx.t(s::SIGN_HINT),
        &f.sign_italic,
    )?;
    ws.merge_range(
        row + 2,
        right.0,
        row + 2,
        right.1,
        ctx.t(s::SIGN_HINT_SEAL),
        &f.sign_italic,
    )?;
    Ok(())
}

/// "Xã Hồng Thái Tây" → "Hồng Thái Tây": the place line names the place, not its rank.
pub fn place_name(unit: &str) -> &str {
    for prefix in ["Xã ", "Phường ", "Thị trấn ", "xã ", "phường ", "thị trấn "] {
        if let Some(rest) = unit.strip_prefix(prefix) {
            return rest;
        }
    }
    unit
}

/// The first free row under [`title`]: the title, the as-of line and a blank row.
pub const BELOW_TITLE: RowNum = 3;

/// Sheet title (merged across `last_col`) and the as-of line; returns the next free row.
pub fn title(
    ws: &mut Worksheet,
    ctx: &Page,
    text: &str,
    last_col: ColNum,
) -> Result<RowNum, XlsxError> {
    ws.merge_range(0, 0, 0, last_col, text, &ctx.f.title)?;
    ws.set_row_height(0, 22)?;
    let sub = format!("({} {})", ctx.t(s::AS_OF), ctx.as_of());
    ws.merge_range(1, 0, 1, last_col, &sub, &ctx.f.subtitle)?;
    Ok(BELOW_TITLE)
}

/// A list-like sheet: a title, one row of headings, then one row an item (the sources,
/// the warnings, the plan against what was held, the class list; the criteria and the
/// report deliveries share its top only). The title spans the headings.
pub struct List<'a> {
    /// The sheet's tab.
    pub name: &'a str,
    /// Column widths in characters, one a heading.
    pub widths: &'a [f64],
    pub title: String,
    pub headings: &'a [&'a str],
    /// Headings long enough to wrap get a row two lines tall.
    pub tall_headings: bool,
}

impl List<'_> {
    /// The last column: the title spans the headings.
    pub fn last_col(&self) -> ColNum {
        self.headings.len().saturating_sub(1) as ColNum
    }

    /// The sheet's name, its widths, the title and the headings; returns the heading row.
    pub fn top(&self, ws: &mut Worksheet, ctx: &Page) -> Result<RowNum, XlsxError> {
        ws.set_name(self.name)?;
        widths(ws, self.widths)?;
        let header = title(ws, ctx, &self.title, self.last_col())?;
        header_row(ws, ctx, header, self.headings)?;
        if self.tall_headings {
            ws.set_row_height(header, 32)?;
        }
        Ok(header)
    }

    /// The foot of the list once its items fill the rows down to `next` (excluded): a
    /// filter on the headings over them, the headings kept in view while scrolling and
    /// repeated on every printed page.
    pub fn end(
        &self,
        ws: &mut Worksheet,
        ctx: &Page,
        header: RowNum,
        next: RowNum,
    ) -> Result<(), XlsxError> {
        let last = next.saturating_sub(1).max(header);
        ws.autofilter(header, 0, last, self.last_col())?;
        ws.set_freeze_panes(header + 1, 0)?;
        ctx.page_setup(ws, (header, header))
    }
}

/// The status column of a figures table, its last.
const STATUS_COL: ColNum = 10;

/// The two header rows of a figures table: STT and `name` spanning both rows, "Số lớp"
/// and "Số lượt học viên" each over target, due, done and share, then the status.
pub fn figures_header(
    ws: &mut Worksheet,
    ctx: &Page,
    h1: RowNum,
    name: &str,
) -> Result<RowNum, XlsxError> {
    let f = &ctx.f;
    let h2 = h1 + 1;
    ws.merge_range(h1, 0, h2, 0, ctx.t(s::STT), &f.header)?;
    ws.merge_range(h1, 1, h2, 1, name, &f.header)?;
    ws.merge_range(h1, 2, h1, 5, ctx.t(s::CLASSES), &f.header)?;
    ws.merge_range(h1, 6, h1, 9, ctx.t(s::LEARNERS), &f.header)?;
    ws.merge_range(h1, STATUS_COL, h2, STATUS_COL, ctx.t(s::STATUS), &f.header)?;
    for group in [2, 6] {
        for (i, label) in [s::TARGET, s::DUE, s::DONE, s::SHARE].iter().enumerate() {
            ws.write_string_with_format(h2, group + i as ColNum, ctx.t(*label), &f.header)?;
        }
    }
    ws.set_row_height(h2, 48)?;
    Ok(h2)
}

/// The figures of a row of a figures table: for classes (from column 2) and learners
/// (from column 6) the target, due, done and share. Done is counted from Danh sách lớp
/// by `criteria` (see [`classes_formula`]), so a corrected row there shows here; with
/// no criteria (see [`name_criterion`]) it is the plain figure.
pub fn figures_row(
    ws: &mut Worksheet,
    ctx: &Ctx,
    row: RowNum,
    measures: (&Measure, &Measure),
    criteria: Option<&str>,
) -> Result<(), XlsxError> {
    let list = ctx.list();
    let done = [ListCol::Classes, ListCol::Learners]
        .map(|what| criteria.and_then(|c| sumifs(&list, what, c)));
    figures_counted(ws, ctx, row, measures, done)
}

/// [`figures_row`] with its two done figures' formulas (classes, learners) given; a
/// None is the plain figure.
pub fn figures_counted(
    ws: &mut Worksheet,
    ctx: &Page,
    row: RowNum,
    (classes, learners): (&Measure, &Measure),
    [count, sum]: [Option<String>; 2],
) -> Result<(), XlsxError> {
    let f = &ctx.f;
    figures(ws, ctx, row, 2, classes)?;
    figures(ws, ctx, row, 6, learners)?;
    counted(ws, row, 4, count, classes.actual, &f.int)?;
    counted(ws, row, 8, sum, learners.actual, &f.int)
}

/// Target, due, done and share in four columns from `at`.
fn figures(
    ws: &mut Worksheet,
    ctx: &Page,
    row: RowNum,
    at: ColNum,
    m: &Measure,
) -> Result<(), XlsxError> {
    let f = &ctx.f;
    ws.write_number_with_format(row, at, m.target as f64, &f.int)?;
    ws.write_number_with_format(row, at + 1, m.expected as f64, &f.int)?;
    ws.write_number_with_format(row, at + 2, m.actual as f64, &f.int)?;
    ratio(ws, row, at + 3, (at + 2, m.actual), (at, m.target), &f.pct)
}

/// The totals row of a figures table over rows `first` to `last`: for classes and
/// learners the sums of target, due and done, and the share of the sums; `classes`
/// and `learners` are the values they add up to.
pub fn figures_totals(
    ws: &mut Worksheet,
    ctx: &Page,
    row: RowNum,
    (first, last): (RowNum, RowNum),
    (classes, learners): (&Measure, &Measure),
) -> Result<(), XlsxError> {
    let f = &ctx.f;
    ws.merge_range(row, 0, row, 1, ctx.t(s::TOTAL), &f.total_text)?;
    for (at, m) in [(2, classes), (6, learners)] {
        sum(ws, row, at, first, last, m.target, &f.total_int)?;
        sum(ws, row, at + 1, first, last, m.expected, &f.total_int)?;
        sum(ws, row, at + 2, first, last, m.actual, &f.total_int)?;
        ratio(
            ws,
            row,
            at + 3,
            (at + 2, m.actual),
            (at, m.target),
            &f.total_pct,
        )?;
    }
    ws.write_blank(row, STATUS_COL, &f.total_text)?;
    Ok(())
}

/// Rows of a figures table whose status is behind or short turn red, by a rule on the
/// status column, so the flag follows if someone edits the sheet.
pub fn highlight_short(
    ws: &mut Worksheet,
    ctx: &Page,
    first: RowNum,
    last: RowNum,
) -> Result<(), XlsxError> {
    if last < first {
        return Ok(());
    }
    let status = format!("${}{}", col(STATUS_COL), first + 1);
    let rule = format!(
        "=OR({status}=\"{}\",{status}=\"{}\")",
        ctx.t(l::STATUS_BEHIND),
        ctx.t(l::STATUS_SHORT)
    );
    let cf = ConditionalFormatFormula::new()
        .set_rule(rule.as_str())
        .set_format(&ctx.f.short);
    ws.add_conditional_format(first, 0, last, STATUS_COL, &cf)?;
    Ok(())
}

/// A header row of plain headings.
pub fn header_row(
    ws: &mut Worksheet,
    ctx: &Page,
    row: RowNum,
    headings: &[&str],
) -> Result<(), XlsxError> {
    for (c, h) in headings.iter().enumerate() {
        ws.write_string_with_format(row, c as ColNum, *h, &ctx.f.header)?;
    }
    Ok(())
}

/// Sets column widths in characters.
pub fn widths(ws: &mut Worksheet, widths: &[f64]) -> Result<(), XlsxError> {
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as ColNum, *w)?;
    }
    Ok(())
}

/// Excel column letters of a 0-based column.
pub fn col(c: ColNum) -> String {
    // The writer's own: a column the writer accepts is one it can name.
    rust_xlsxwriter::utility::column_number_to_name(c)
}

/// `=SUM(X{first}:X{last})` with its value stored, so readers that do not recalculate
/// show the right total (rows are 0-based here, 1-based in the formula).
pub fn sum(
    ws: &mut Worksheet,
    row: RowNum,
    c: ColNum,
    first: RowNum,
    last: RowNum,
    value: u64,
    f: &Format,
) -> Result<(), XlsxError> {
    let formula = if last < first {
        Formula::new("=0").set_result("0")
    } else {
        let l = col(c);
        Formula::new(format!("=SUM({l}{}:{l}{})", first + 1, last + 1))
            .set_result(value.to_string())
    };
    ws.write_formula_with_format(row, c, formula, f)?;
    Ok(())
}

/// At (`row`, `at`): `=IF(den>0,num/den,"")` over two cells of the same row, with its
/// value stored, empty for a `den` of 0. `num` and `den` are (column, value).
pub fn ratio(
    ws: &mut Worksheet,
    row: RowNum,
    at: ColNum,
    num: (ColNum, u64),
    den: (ColNum, u64),
    f: &Format,
) -> Result<(), XlsxError> {
    let n = format!("{}{}", col(num.0), row + 1);
    let d = format!("{}{}", col(den.0), row + 1);
    let result = if den.1 > 0 {
        (num.1 as f64 / den.1 as f64).to_string()
    } else {
        String::new()
    };
    // The writer stores an empty result as the sheet's default result, "0" unless set
    // otherwise: a 0 % that no recalculation gives. Every other formula of the sheets
    // sets its result, so the default is for this one alone.
    ws.set_formula_result_default("");
    let formula = Formula::new(format!("=IF({d}>0,{n}/{d},\"\")")).set_result(result);
    ws.write_formula_with_format(row, at, formula, f)?;
    Ok(())
}

/// Height of one line of 12-point text, in points.
const LINE_HEIGHT: f64 = 15.0;

/// Sets a row tall enough for its wrapped cells (see [`crate::report::fit`]: no
/// spreadsheet grows such a row by itself on opening the file). `cells` are (text,
/// column width in characters). Call it before moving to the next row: in the
/// low-memory sheets a row is final once the next one is written.
pub fn fit_height(ws: &mut Worksheet, row: RowNum, cells: &[(&str, f64)]) -> Result<(), XlsxError> {
    set_lines(ws, row, lines_needed(cells))
}

/// Lines the tallest of `cells` takes.
pub fn lines_needed(cells: &[(&str, f64)]) -> u32 {
    cells
        .iter()
        .map(|(text, width)| crate::report::fit::lines(text, *width))
        .max()
        .unwrap_or(1)
}

/// Makes `row` `lines` lines tall (at most 20); one line keeps the default height.
pub fn set_lines(ws: &mut Worksheet, row: RowNum, lines: u32) -> Result<(), XlsxError> {
    if lines > 1 {
        ws.set_row_height(row, LINE_HEIGHT * f64::from(lines.min(20)))?;
    }
    Ok(())
}

impl Ctx<'_> {
    /// Where the commune's Danh sách lớp sits, for the formulas over it.
    pub fn list(&self) -> ListPlace<'static> {
        ListPlace {
            sheet: self.t(l::SHEET_CLASSES),
            rows: self.c.classes.len(),
            shift: 0,
        }
    }
}

/// A column of the Danh sách lớp sheet as an absolute range ("'Danh sách lớp'!$H$5:$H$35"),
/// or None when no class was counted. The list's heading is on row 4, classes below.
pub fn list_range(ctx: &Ctx, c: ListCol) -> Option<String> {
    ctx.list().range(c)
}

/// The criteria (range, condition) of a SUMIFS over Danh sách lớp that pick the rows of
/// the sub-committee named `name` in column B of `row`. None when the list is empty, or
/// when another sub-committee's name differs from this one only in case: no condition
/// on the name tells the two apart, so their figures stay plain numbers (a plan file
/// with such names is refused on loading; a plan built in code is not).
pub fn name_criterion(ctx: &Ctx, row: RowNum, name: &str) -> Option<String> {
    let names = list_range(ctx, ListCol::SubCommittee)?;
    let folded = name.to_lowercase();
    let subcommittees = &ctx.c.plan.subcommittees;
    let alike = subcommittees
        .iter()
        .filter(|s| s.name.to_lowercase() == folded);
    if alike.count() > 1 {
        return None;
    }
    Some(equals_cell(&names, &format!("$B{}", row + 1), name))
}

/// The criteria (range, condition) of a SUMIFS that pick the cells of `range` equal to
/// the text `text` of `cell`. SUMIFS reads its condition rather than compare it: `*`
/// and `?` are wildcards, `~` escapes, a leading `<`, `>` or `=` compares, and case is
/// ignored. A text free of all that is its cell (`$B5`); another is its cell with the
/// wildcards escaped behind an `=`.
pub fn equals_cell(range: &str, cell: &str, text: &str) -> String {
    let plain = !text.contains(['*', '?', '~']) && !text.starts_with(['<', '>', '=']);
    if plain {
        format!("{range},{cell}")
    } else {
        format!(
            "{range},\"=\"&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE({cell},\"~\",\"~~\"),\"*\",\"~*\"),\"?\",\"~?\")"
        )
    }
}

/// As [`equals_cell`], for a text written into the formula: `range,"=text"`, its
/// wildcards escaped and its quotes doubled.
pub fn equals_text(range: &str, text: &str) -> String {
    let escaped = text
        .replace('~', "~~")
        .replace('*', "~*")
        .replace('?', "~?")
        .replace('"', "\"\"");
    format!("{range},\"={escaped}\"")
}

/// `=SUMIFS(<the list's column what>,<criteria>)`: `what` (Số lớp, learners) added up
/// over the rows of the list that meet `criteria` (range, condition pairs); None when
/// the list is empty.
pub fn sumifs(list: &ListPlace, what: ListCol, criteria: &str) -> Option<String> {
    Some(format!("=SUMIFS({},{criteria})", list.range(what)?))
}

/// `=SUMIFS(<Số lớp of the list>,<criteria>)`: the classes of the rows of Danh sách lớp
/// that meet `criteria` (range, condition pairs), each row counting as its Số lớp.
pub fn classes_formula(ctx: &Ctx, criteria: &str) -> Option<String> {
    sumifs(&ctx.list(), ListCol::Classes, criteria)
}

/// `=SUMIFS(<learners of the list>,<criteria>)`.
pub fn learners_formula(ctx: &Ctx, criteria: &str) -> Option<String> {
    sumifs(&ctx.list(), ListCol::Learners, criteria)
}

/// Writes a figure counted from Danh sách lớp: `formula` (built from [`list_range`])
/// with `value` stored as its result, or the plain value when the list is empty.
pub fn counted(
    ws: &mut Worksheet,
    row: RowNum,
    c: ColNum,
    formula: Option<String>,
    value: u64,
    f: &Format,
) -> Result<(), XlsxError> {
    match formula {
        Some(text) => ws.write_formula_with_format(
            row,
            c,
            Formula::new(text).set_result(value.to_string()),
            f,
        )?,
        None => ws.write_number_with_format(row, c, value as f64, f)?,
    };
    Ok(())
}
