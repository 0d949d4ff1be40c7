use super::{declare_rule, Ctx, Document, Finding, Label, Severity};

declare_rule! {
    /// ### What it checks
    /// Doubled sentence punctuation in the text: `。。`, `，，`, `；；`, `、、`, `：：`, and a
    /// comma and a full stop run together (`，。`, `。，`).
    ///
    /// ### Why
    /// A doubled mark is a slip of editing (a sentence cut or pasted); it says nothing of the
    /// figures, so it is a warning.
    ///
    /// ### Example
    /// `取得积极成效。。围绕上述任务` (item 08, line 70).
    ///
    /// ### Known problems
    /// `……` (an ellipsis) and the contents list's dot leaders are not doubled marks.
    StrPunct, "STR-PUNCT", "重复的标点", "doubled punctuation", check: check, severity: Warning
}

const DOUBLED: [&str; 7] = ["。。", "，，", "；；", "、、", "：：", "，。", "。，"];

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &StrPunct::META;
    let mut found = 0;
    for l in doc.lines {
        let s = &doc.text[l.span.clone()];
        let mut hits: Vec<(usize, &str)> = DOUBLED.iter().flat_map(|d| s.match_indices(d)).collect();
        hits.sort_unstable();
        hits.dedup_by_key(|h| h.0);
        for (at, d) in hits {
            let span = l.span.start + at..l.span.start + at + d.len();
            let f = Finding::new(meta, Label { span, what: d.to_string() })
                .severity(Severity::Warning)
                .message(format!("标点重复“{d}”"), format!("doubled punctuation “{d}”"))
                .found(d)
                .expected(d.chars().last().map_or(String::new(), |c| c.to_string()))
                .note("删去多余的标点");
            ctx.record(Some(f));
            found += 1;
        }
    }
    if found == 0 {
        ctx.record(None);
    }
}
