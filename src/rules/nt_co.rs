use super::{bind, declare_rule, Ctx, Document, Severity, Term};
use crate::narrative::Part;
use crate::tables::{TableBody, TableId, TableStatus};

declare_rule! {
    /// ### What it checks
    /// In the 上年结转结余预算情况说明, `上年结转结余 X 万元，包括：财政拨款 a 万元，非财政拨款
    /// b 万元，其中：<项目> c 万元` equal T11's 合计 (总计, 财政拨款合计, 非财政拨款合计) and its
    /// row of that project (总计).
    ///
    /// ### Why
    /// The section restates T11 (the catalogue's NT-CO).
    ///
    /// ### Example
    /// S0 `国有企业退休人员社会化管理补助项目 29.90 万元` = T11 `2023年国有企业退休人员社会化管理补助项目 29.90`.
    ///
    /// ### Known problems
    /// A project is bound by its name without the year; one the text names otherwise is not
    /// compared. Cells whose column was not placed are skipped.
    NtCo, "NT-CO", "结转结余说明 = 上年结转结余表", "carry-over section amounts = T11", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NtCo::META;
    let mut claims = bind::claims(doc, Part::CarryOver).peekable();
    if claims.peek().is_none() {
        return;
    }
    let Some(t) = doc.tables.iter().find(|t| t.id == TableId::T11) else { return };
    let l = match (&t.status, &t.body) {
        (TableStatus::Checked | TableStatus::Partial, Some(TableBody::Labelled(l))) if !l.columns.is_empty() => l,
        _ => return,
    };
    let col = |name: &str| l.columns.iter().position(|c| c == name);
    let total = l.rows.iter().find(|r| r.is_total);
    // A project by its name with the year it began; by the name alone only when no other
    // row has that name (the same project of two years).
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let by_full = bind::index(l.rows.iter().filter(|r| !r.is_total).map(|r| (squeeze(&r.label), r)));
    let mut by_name: std::collections::HashMap<String, Option<&crate::tables::LabelledRow>> =
        std::collections::HashMap::new();
    for r in l.rows.iter().filter(|r| !r.is_total) {
        by_name.entry(bind::canon(&r.label)).and_modify(|v| *v = None).or_insert(Some(r));
    }
    for c in claims {
        let key = bind::canon(&c.label);
        let (row, j) = match key.as_str() {
            "上年结转结余" | "结转结余" => (total, Some(0)),
            "财政" => (total, col("财政拨款合计")),
            "非财政" => (total, col("非财政拨款合计")),
            k if k.chars().count() >= 6 => {
                let full = c.year.and_then(|y| by_full.get(&format!("{y}年{}", c.label)).copied());
                (full.or_else(|| by_name.get(k).copied().flatten()), Some(0))
            }
            _ => continue,
        };
        let (Some(row), Some(j)) = (row, j) else { continue };
        let target = row
            .cells
            .get(j)
            .and_then(|cell| Term::from_cell(cell, format!("T11 {} {}", row.label, l.columns[j]), doc.text));
        // T11's totals are T1's carry-over lines (X-T1-T11): use them when T11's column was lost.
        let target = target.or_else(|| if row.is_total { t1_line(doc, &key) } else { None });
        bind::compare(meta, c, target, Severity::Error, doc, ctx);
    }
}

/// T1's carry-over line that a T11 total restates.
fn t1_line(doc: &Document<'_>, key: &str) -> Option<Term> {
    let want = match key {
        "上年结转结余" | "结转结余" => "上年结转结余",
        "财政" => "财政拨款结转",
        "非财政" => "非财政拨款结转",
        _ => return None,
    };
    let t1 = doc.table(TableId::T1)?.balance()?;
    let item = t1.income.iter().find(|i| bind::canon(&i.label) == want)?;
    bind::balance_term(TableId::T1, item, doc)
}
