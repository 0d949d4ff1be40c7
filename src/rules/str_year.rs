use super::{declare_rule, Ctx, Document, Finding, Label, Severity};
use crate::lines::compact;

declare_rule! {
    /// ### What it checks
    /// Years that contradict the document's own (read from its title: `2024年度部门决算`,
    /// `上海市2026年市级单位预算`): a part heading or table title of the same kind naming another
    /// year (`第二部分 2023年度部门决算表` in a 2024 决算) is an error; an asset date (`截至
    /// 2023年12月31日`) that is not the 决算's year end, or for a 预算 neither the year before nor the
    /// year itself, is a warning.
    ///
    /// ### Why
    /// A heading or date carried over from last year's document is a common slip of re-used
    /// templates; the ordinary comparisons (`与上年相比`, `比2025年执行数`) name other years on
    /// purpose and are left alone.
    ///
    /// ### Example
    /// A 2024 决算 stating `截至2023年12月31日，本部门共有车辆 3 辆`: warning, 应为 2024年12月31日.
    ///
    /// ### Known problems
    /// The document's year comes from the first title-like line that names a year with 预算 or
    /// 决算; a text without one is not checked.
    StrYear, "STR-YEAR", "标题或资产日期的年度与本文件不符", "a heading or asset date of another year", check: check
}

/// The document's year and kind (`决算` or `预算`), from its first title-like line.
fn own_year(doc: &Document<'_>) -> Option<(u32, &'static str)> {
    doc.lines.iter().take(60).find_map(|l| {
        let c = compact(&doc.text[l.span.clone()]);
        if c.chars().count() > 60 || c.contains(['。', '，', ':', '：', ',']) {
            return None;
        }
        let kind = if c.contains("决算") {
            "决算"
        } else if c.contains("预算") {
            "预算"
        } else {
            return None;
        };
        year_before(&c, kind).map(|y| (y, kind))
    })
}

/// The year printed before `word` (`2024年度部门决算`), if any.
fn year_before(c: &str, word: &str) -> Option<u32> {
    let k = c.find(word)?;
    let head = &c[..k];
    let at = head.rfind('年')?;
    let digits: String = head[..at].chars().rev().take_while(char::is_ascii_digit).collect();
    let y: u32 = digits.chars().rev().collect::<String>().parse().ok()?;
    (digits.len() == 4 && (2000..2100).contains(&y)).then_some(y)
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &StrYear::META;
    let Some((year, kind)) = own_year(doc) else { return };
    let mut found = 0;
    for l in doc.lines {
        let s = &doc.text[l.span.clone()];
        let c = compact(s);
        if let Some(f) = heading_year(meta, &c, s, l.span.start, year, kind)
            .or_else(|| asset_date(meta, s, l.span.start, year, kind))
        {
            ctx.record(Some(f));
            found += 1;
        }
    }
    if found == 0 {
        ctx.record(None);
    }
}

/// A part heading or table title of the document's kind naming another year.
fn heading_year(meta: &'static super::RuleMeta, c: &str, s: &str, at: usize, year: u32, kind: &str) -> Option<Finding> {
    // A contents entry: without its dot leaders and page number.
    let c = c.trim_end_matches(|ch: char| ch.is_ascii_digit()).trim_end_matches(['.', '…', '·']);
    let heading = crate::tables::is_section_break(c) || c.ends_with('表');
    if !heading || c.chars().count() > 40 || c.contains(['。', '，', ',']) {
        return None;
    }
    let y = year_before(c, kind)?;
    if y == year {
        return None;
    }
    let printed = format!("{y}");
    let k = s.find(&printed)?;
    Some(
        Finding::new(meta, Label { span: at + k..at + k + printed.len(), what: format!("{y}年") })
            .severity(Severity::Error)
            .message(
                format!("标题写 {y} 年{kind}，而本文件是 {year} 年{kind}"),
                format!("the heading says {y} but the document is the {year} {kind}"),
            )
            .found(printed)
            .expected(year.to_string())
            .note(format!("本文件标题为 {year} 年{kind}")),
    )
}

/// `截至 NNNN 年 MM 月 DD 日` of assets: a 决算's year end, or for a 预算 the year before or the
/// year itself.
fn asset_date(meta: &'static super::RuleMeta, s: &str, at: usize, year: u32, kind: &str) -> Option<Finding> {
    let k = s.find("截至").or_else(|| s.find("截止"))?;
    let rest = &s[k + "截至".len()..];
    let lead = rest.len() - rest.trim_start().len();
    let digits: String = rest.trim_start().chars().take_while(char::is_ascii_digit).collect();
    let y: u32 = digits.parse().ok().filter(|_| digits.len() == 4)?;
    if !rest.trim_start()[4..].trim_start().starts_with('年') {
        return None;
    }
    let fits = if kind == "决算" { y == year } else { y + 1 == year || y == year };
    if fits {
        return None;
    }
    let start = at + k + "截至".len() + lead;
    let expected = if kind == "决算" { year } else { year - 1 };
    Some(
        Finding::new(meta, Label { span: start..start + 4, what: format!("截至{y}年") })
            .severity(Severity::Warning)
            .message(
                format!("资产日期截至 {y} 年，与本文件 {year} 年{kind}不符"),
                format!("the asset date is in {y}, not of the {year} {kind}"),
            )
            .found(digits)
            .expected(expected.to_string())
            .note(format!("{year} 年{kind}的资产应截至 {expected} 年")),
    )
}
