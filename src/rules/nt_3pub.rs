use super::{bind, declare_rule, Ctx, Document, Severity, Term};
use crate::narrative::Part;
use crate::tables::{TableBody, TableId, TableStatus};

/// The parts' names as `name` normalizes them.
const PARTS: [&str; 5] = ["因公出国(境)", "公务用车购置及运行费", "公务用车购置费", "公务用车运行费", "公务接待费"];

declare_rule! {
    /// ### What it checks
    /// In the “三公”经费预算情况说明, each part (`因公出国（境）费`, `公务用车购置及运行费`,
    /// `公务用车购置费`, `公务用车运行费`, `公务接待费`) equals T10's row of that name (合计).
    /// An empty T10 means every part is 0.
    ///
    /// ### Why
    /// The section restates T10 (the catalogue's NT-3PUB; the total is NT-AMOUNT's).
    ///
    /// ### Example
    /// S1 `公务用车运行费 2.14 万元` = T10 `公务用车运行费 2.14`.
    ///
    /// ### Known problems
    /// `运行维护费` and `运行费` are taken as one name. Rows whose amounts could not be placed are
    /// not compared.
    Nt3Pub, "NT-3PUB", "“三公”经费说明 = “三公”经费表", "三公 section parts = T10", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &Nt3Pub::META;
    let mut claims = bind::claims(doc, Part::ThreePub).peekable();
    if claims.peek().is_none() {
        return;
    }
    let Some(t) = doc.tables.iter().find(|t| t.id == TableId::T10) else { return };
    let rows = match (&t.status, &t.body) {
        (TableStatus::Empty, _) => None,
        (TableStatus::Checked | TableStatus::Partial, Some(TableBody::Labelled(l))) if !l.columns.is_empty() => Some(l),
        _ => {
            ctx.skip(meta, Some(TableId::T10), super::SkipReason::TableUnreadable, t.line);
            return;
        }
    };
    let name = |s: &str| crate::narrative::three_pub_name(&bind::canon(s));
    let by_name = rows
        .map(|l| bind::index(l.rows.iter().filter(|r| !r.is_total).map(|r| (name(&r.label), r))))
        .unwrap_or_default();
    for c in claims {
        let key = name(&c.label);
        // Only a part's own amount (not `…增加 A`, the change).
        if !PARTS.contains(&key.as_str()) {
            continue;
        }
        let target: Option<Term> = match rows {
            None => Some(Term::blank("T10（空表）")),
            Some(_) => {
                let Some(row) = by_name.get(&key) else { continue };
                row.cells.first().and_then(|cell| Term::from_cell(cell, format!("T10 {}", row.label), doc.text))
            }
        };
        bind::compare(meta, c, target, Severity::Error, doc, ctx);
    }
}
