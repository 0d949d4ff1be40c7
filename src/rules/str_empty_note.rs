use super::{declare_rule, Ctx, Document, Finding, Label, Severity};
use crate::lex::{lex, Lex};
use crate::lines::compact;
use crate::tables::{Table, TableId, TableStatus};

declare_rule! {
    /// ### What it checks
    /// A table printed without a single figure (its title and header, then nothing, or only a
    /// 合计 line) says why: a note in the table (为空表, 本表为空, 没有使用…安排的支出), or a
    /// sentence anywhere in the text that the fund or item is absent (本部门无政府性基金预算,
    /// 政府性基金预算拨款支出预算 0 万元, 本部门不涉及故公开空表).
    ///
    /// ### Why
    /// 没有数据的表格应当列出空表并说明: a reader of a blank table cannot tell "nothing was
    /// budgeted" from "the figures were lost".
    ///
    /// ### Example
    /// 65: 政府性基金预算支出情况表 prints its header and `（注：2026年没有使用政府性基金预算拨款安排的
    /// 支出。）` ✓; the same table without that line is reported.
    ///
    /// ### Known problems
    /// A table whose figures the reader could not see (printed as images, or cut from the paste)
    /// looks empty too, so the finding is a warning. Only the funds and items a sentence can
    /// name (政府性基金, 国有资本经营, 三公, 结转结余) are looked for outside the table.
    StrEmptyNote, "STR-EMPTY-NOTE", "空表应有说明", "an empty table says it is empty", check: check, severity: Warning
}

/// Words that say a fund or table has nothing in it.
const ABSENT: [&str; 12] =
    ["没有", "未安排", "未使用", "不涉及", "为空", "空表", "无此", "无相关", "均无", "本部门无", "本单位无", "年无"];

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let mut compacts: Option<Vec<String>> = None;
    for t in doc.tables.iter().filter(|t| blank(doc, t)) {
        // (The whole text, compacted once, only when some table prints no figure.)
        let all =
            compacts.get_or_insert_with(|| doc.lines.iter().map(|l| compact(&doc.text[l.span.clone()])).collect());
        if t.status == TableStatus::Empty || noted_here(doc, t) || noted_elsewhere(all, t.id) {
            ctx.record(None);
            continue;
        }
        let Some(span) = t.title_span.clone() else { continue };
        let f = Finding::new(&StrEmptyNote::META, Label { span, what: t.title.clone() })
            .severity(Severity::Warning)
            .table(t.id)
            .message(
                format!("“{}”没有任何数字，也未说明为空表", t.title),
                format!("“{}” prints no figure and does not say it is empty", t.title),
            )
            .found("空表，无说明")
            .expected("注明为空表及原因（如：本部门无此项支出）")
            .note("没有数据的表格应当列出空表并说明");
        ctx.record(Some(f));
    }
}

/// The table's lines after its title, and the two below its region (a note may stand there:
/// `注：本部门无相关内容。`), compacted.
fn own_lines(doc: &Document<'_>, t: &Table) -> Vec<String> {
    let from = t.line.map_or(t.region.end, |l| l + 1);
    let to = (t.region.end + 2).min(doc.lines.len());
    doc.lines.get(from..to).unwrap_or(&[]).iter().map(|l| compact(&doc.text[l.span.clone()])).collect()
}

/// A table in the body, its header printed, with no figure in its region.
fn blank(doc: &Document<'_>, t: &Table) -> bool {
    let Some(title) = t.line else { return false };
    let body = doc.lines.get(title + 1..t.region.end).unwrap_or(&[]);
    let header = own_lines(doc, t).iter().any(|c| c.contains("合计") || c.contains("科目") || c.contains("项目"));
    let figures = body.iter().any(|l| has_figure(&doc.text[l.span.clone()], l.span.start));
    matches!(t.status, TableStatus::Unreadable | TableStatus::Empty) && !figures && t.region.len() >= 3 && header
}

/// The table says, in or just below its region, that it is empty.
fn noted_here(doc: &Document<'_>, t: &Table) -> bool {
    t.empty_note || own_lines(doc, t).iter().any(|c| ABSENT.iter().any(|w| c.contains(w)) || c.contains("无相关"))
}

/// A figure on a line: a number with decimals or separators, or an integer of four digits or
/// more that is not a year (`2026年`). 栏次 and page numbers are shorter.
fn has_figure(s: &str, start: usize) -> bool {
    lex(s, start).iter().any(|t| match &t.kind {
        Lex::Num(_) => true,
        Lex::Int(d) => d.len() >= 4 && !s[t.span.end - start..].trim_start().starts_with('年'),
        Lex::Text(_) => false,
    })
}

/// What a sentence outside the table calls the table's fund or item.
fn subject(id: TableId) -> Option<&'static str> {
    match id {
        TableId::T8 | TableId::FinalGf => Some("政府性基金"),
        TableId::T9 | TableId::FinalSoe => Some("国有资本"),
        TableId::T10 => Some("三公"),
        TableId::T11 => Some("结转"),
        _ => None,
    }
}

/// A line of the text (with the next one, for a sentence wrapped over two) names the table's
/// subject and says it is absent (`本部门无政府性基金预算`, `…支出预算 0 万元`).
fn noted_elsewhere(compacts: &[String], id: TableId) -> bool {
    let Some(key) = subject(id) else { return false };
    (0..compacts.len()).any(|i| {
        let s = format!("{}{}", compacts[i], compacts.get(i + 1).map_or("", String::as_str));
        s.match_indices(key).any(|(at, _)| {
            let near = window(&s, at, 40);
            ABSENT.iter().any(|w| near.contains(w)) || near.contains(&format!("无{key}")) || zero_amount(near)
        })
    })
}

/// The text within `n` characters either side of byte `at`.
fn window(s: &str, at: usize, n: usize) -> &str {
    let start = s[..at].char_indices().rev().nth(n).map_or(0, |(i, _)| i);
    let end = s[at..].char_indices().nth(n).map_or(s.len(), |(i, _)| at + i);
    &s[start..end]
}

/// An amount of zero (`0万元`, `0.00 万元`, `为0`), not the end of a larger one (`10万元`).
fn zero_amount(s: &str) -> bool {
    s.match_indices('0').any(|(at, _)| {
        let before = s[..at].chars().next_back();
        let rest = &s[at + 1..];
        let rest = rest.strip_prefix(".00").unwrap_or(rest);
        let whole = !before.is_some_and(|c| c.is_ascii_digit() || c == '.');
        whole
            && (rest.starts_with("万元")
                || rest.starts_with('元')
                || (before == Some('为') && !rest.starts_with(|c: char| c.is_ascii_digit() || c == '.')))
    })
}
