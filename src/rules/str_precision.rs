use super::{declare_rule, Ctx, Document, Finding};

declare_rule! {
    /// ### What it checks
    /// Whether a table's identities agree only within the rounding of figures printed with
    /// different decimals (`620` beside `619.80`, HZ-10). The sum engine notes each such residue;
    /// this rule, run after every other rule, turns them into one warning per table (one check per
    /// table some sum ran on).
    ///
    /// ### Why
    /// A residue between figures of the same precision is ordinary rounding (info). When the
    /// precision is mixed, the coarse figures hide up to half a unit each: the table is less
    /// checkable than it looks, and the reviewer should know once, not once per check.
    ///
    /// ### Example
    /// Seed 004's T2 prints `607` and `6.4` among two-decimal amounts: one warning for T2 naming
    /// the first place and how many checks agree only within rounding.
    ///
    /// ### Known problems
    /// It reports what the other rules' sums met: run alone it has nothing to fold, so its
    /// fixture runs it with the row rules whose residues it folds.
    StrPrecision, "STR-PRECISION", "表格金额印刷精度不一", "a table's amounts are printed with mixed precision",
    check: check, severity: Warning
}

fn check(_doc: &Document<'_>, ctx: &mut Ctx) {
    let mut residues = std::mem::take(&mut ctx.mixed_precision);
    for t in ctx.tables_checked.clone() {
        // One check per table some sum ran on: no residue between figures of mixed precision.
        let Some(k) = residues.iter().position(|(id, ..)| *id == t) else {
            ctx.record(None);
            continue;
        };
        let (t, label, n) = residues.remove(k);
        let zh = format!(
            "{} 的金额印刷精度不一（首处：{}）：{n} 处核对只在较粗精度的舍入范围内相符",
            t.as_str(),
            label.what
        );
        let en = format!(
            "{}: amounts are printed with mixed precision (first at {}); {n} checks agree only within the rounding of the coarser figures",
            t.as_str(),
            label.what
        );
        let found = label.what.clone();
        let finding = Finding::new(&StrPrecision::META, label)
            .table(t)
            .message(zh, en)
            .found(found)
            .expected("统一保留两位小数")
            .note(format!("{n} 处差异均在舍入范围内"));
        ctx.record(Some(finding));
    }
}
