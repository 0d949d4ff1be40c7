use super::{declare_rule, Ctx, Document, SumSpec, Term};
use crate::narrative::{Figure, Growth, PAIRS};

declare_rule! {
    /// ### What it checks
    /// A whole the text splits right after it into two parts that make it up entirely — 基本支出
    /// and 项目支出, 人员经费 and 公用经费 (`基本支出 7841.26 万元，其中：（一）人员经费…（二）公用经费…`)
    /// — is their sum, as levels
    /// (`财政拨款支出 18,417.70 万元…。其中：基本支出 9,018.47 万元…；项目支出 9,399.23 万元`) and
    /// as changes (`支出比 2025 年增加 2,784.38 万元，主要是基本支出增加 362.10 万元，项目支出增加
    /// 2,422.28 万元`; with each part's own `比上年增加` when the levels are listed).
    ///
    /// ### Why
    /// 基本支出 and 项目支出 are the whole of a unit's spending (人员经费 and 公用经费 the whole of
    /// 基本支出), so its changes add up the same way; the paragraph restates them wherever the
    /// template puts it, tables read or not.
    ///
    /// ### Example
    /// corpus 01: 9,018.47 + 9,399.23 = 18,417.70 ✓; 362.10 + 2,419.80 = 2,781.90 ✓.
    ///
    /// ### Known problems
    /// Compared only when the list opens (`其中`, `主要是`) right after the whole, names the pair's
    /// first part first, and lists nothing else in the sentence (a third part, such as
    /// 事业单位经营支出 or 单位预留机动经费, leaves it unchecked).
    NiSplit, "NI-SPLIT", "总额 = 两个互补部分之和（基本 + 项目、人员 + 公用；金额与增减额）", "whole = its two complementary parts (levels and changes)", check: check
}

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &NiSplit::META;
    let n = &doc.narrative;
    let signed = |f: &Figure, up: bool, what: &str| Term::signed(f, up, what, doc.text);
    let growth_of = |f: &Figure| n.growths.iter().find(|g| g.current.at == f.at);
    let change = |g: &Growth, what: &str| signed(&g.change, g.up, what);
    for s in &n.splits {
        let (b, p) = (&s.first, &s.second);
        let (fw, sw) = PAIRS[s.pair];
        if !s.levels {
            let parts =
                vec![signed(&b.figure, b.up, &format!("{fw}增减")), signed(&p.figure, p.up, &format!("{sw}增减"))];
            sum(meta, ctx, signed(&s.whole.figure, s.whole.up, "增减额"), parts, s.pair);
            continue;
        }
        let whole_level = if s.whole_is_change {
            n.growths.iter().find(|g| g.change.at == s.whole.figure.at).map(|g| &g.current)
        } else {
            Some(&s.whole.figure)
        };
        if let Some(w) = whole_level {
            let parts = vec![Term::figure(&b.figure, fw, doc.text), Term::figure(&p.figure, sw, doc.text)];
            sum(meta, ctx, Term::figure(w, "合计", doc.text), parts, s.pair + PAIRS.len());
        }
        let whole_change = if s.whole_is_change {
            Some(signed(&s.whole.figure, s.whole.up, "增减额"))
        } else {
            growth_of(&s.whole.figure).map(|g| change(g, "增减额"))
        };
        if let (Some(w), Some(gb), Some(gp)) = (whole_change, growth_of(&b.figure), growth_of(&p.figure)) {
            let parts = vec![change(gb, &format!("{fw}增减")), change(gp, &format!("{sw}增减"))];
            sum(meta, ctx, w, parts, s.pair);
        }
    }
}

/// Where each identity is: the changes of each pair, then the levels of each pair.
const PLACES: [(&str, &str); 4] = [
    ("增减额 = 基本支出增减 + 项目支出增减", "change = basic's change + project's change"),
    ("增减额 = 人员经费增减 + 公用经费增减", "change = personnel's change + operating's change"),
    ("合计 = 基本支出 + 项目支出", "whole = basic + project"),
    ("基本支出 = 人员经费 + 公用经费", "basic = personnel + operating"),
];

fn sum(meta: &'static super::RuleMeta, ctx: &mut Ctx, total: Term, parts: Vec<Term>, place: usize) {
    let (zh, en) = PLACES[place];
    let row_span = total.span.clone().unwrap_or_default();
    ctx.check_sum(SumSpec { meta, table: None, place_zh: zh.into(), place_en: en.into(), total, parts, row_span });
}
