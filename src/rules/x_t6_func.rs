use super::{declare_rule, lookup, Ctx, Document, Finding, Label, Severity, SkipReason, Term};
use crate::tables::TableId;

declare_rule! {
    /// ### What it checks
    /// 一般公共预算基本支出情况表 (T6) against 一般公共预算支出情况表 (T5), soft pairs of economic
    /// and functional codes in basic spending: 30108 养老保险缴费 ↔ 2080505; 30109 职业年金 ↔ 2080506;
    /// 30110 医疗保险缴费 ↔ 2101101 + 2101102; 30111 公务员医疗补助 ↔ 2101103; 30113 住房公积金 ↔
    /// 2210201. A mismatch is a **warning**, not an error.
    ///
    /// ### Why
    /// Each social-insurance contribution is budgeted once, under its economic class in T6 and its
    /// functional 项 in T5's 基本支出; they usually agree.
    ///
    /// ### Example
    /// T6 `30113 22.20` = T5 `2210201 基本支出 22.20`.
    ///
    /// ### Known problems
    /// Local practice can book these elsewhere; hence only a warning, and only where the document
    /// otherwise follows the pairing (one pair differs, two or more agree): two or more differing
    /// pairs are a booking practice, reported as not checked. An economic code printed on
    /// two T6 rows (split by 政府经济分类, `30108 … 50102` and `30108 … 50501`) is not compared.
    XT6Func, "X-T6-FUNC", "基本支出经济分类与功能分类对应项一致（提示）", "T6 economic ↔ T5 functional pairs agree (warning)", check: check, severity: Warning
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &XT6Func::META;
    let (Some(t6), Some(t5)) = (lookup::coded(meta, TableId::T6, doc, ctx), lookup::coded(meta, TableId::T5, doc, ctx))
    else {
        return;
    };
    let pairs: [(&str, &[&str]); 5] = [
        ("30108", &["2080505"]),
        ("30109", &["2080506"]),
        ("30110", &["2101101", "2101102"]),
        ("30111", &["2101103"]),
        ("30113", &["2210201"]),
    ];
    let mut differ: Vec<Finding> = Vec::new();
    let mut agree = 0;
    for (econ, funcs) in pairs {
        // A code printed on two rows (split by 政府经济分类: `30108 … 50102` and `30108 … 50501`)
        // is two parts of one figure: not compared.
        if t6.rows.iter().filter(|r| r.code.as_deref() == Some(econ)).count() > 1 {
            continue;
        }
        let Some(a) = lookup::row(t6, econ).and_then(|r| lookup::cell(TableId::T6, t6, r, &t6.columns[0], doc)) else {
            continue;
        };
        let parts: Option<Vec<Term>> = funcs
            .iter()
            .filter_map(|c| lookup::row(t5, c))
            .map(|r| lookup::cell(TableId::T5, t5, r, "基本支出", doc))
            .collect();
        let Some(parts) = parts.filter(|p| !p.is_empty()) else { continue };
        let sum: rust_decimal::Decimal = parts.iter().map(|p| p.value).sum();
        let envelope = a.half + parts.iter().map(|p| p.half).sum::<rust_decimal::Decimal>();
        ctx.read_cells(std::iter::once(&a).chain(&parts));
        if (a.value - sum).abs() <= envelope {
            ctx.record(None);
            agree += 1;
            continue;
        }
        let shown = crate::amount::format_fixed(sum, a.decimals);
        let terms: Vec<&str> = parts.iter().map(|p| p.printed.as_str()).collect();
        differ.push(
            Finding::new(meta, Label { span: a.span.clone().unwrap_or(0..0), what: a.what.clone() })
                .severity(Severity::Warning)
                .table(TableId::T6)
                .message(
                    format!("T6 {econ} {} 与 T5 {} 基本支出 {} 不一致", a.printed, funcs.join("+"), shown),
                    format!("T6 {econ} {} differs from T5 {} basic {}", a.printed, funcs.join("+"), shown),
                )
                .found(a.printed.clone())
                .expected(shown.clone())
                .note(format!("{} = {shown} ≠ {}", terms.join(" + "), a.printed))
                .related(
                    parts
                        .iter()
                        .filter_map(|p| p.span.clone().map(|span| Label { span, what: p.what.clone() }))
                        .collect(),
                ),
        );
    }
    match differ.len() {
        0 => {}
        1 if agree >= 2 => ctx.record(differ.pop()),
        n => ctx.skip(meta, Some(TableId::T6), SkipReason::OtherPractice { pairs: n }, None),
    }
}
