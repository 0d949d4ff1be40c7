use super::{declare_rule, Ctx, Document, Finding, Label, Severity};

declare_rule! {
    /// ### What it checks
    /// Template text left in the disclosure: a placeholder where a figure or a name belongs
    /// (`XX 万元`, `20××年`, `【单位名称】`, `（按…填写）`) is an error; a choice the template offers and
    /// the author did not make (`增加（减少）`, `增长（下降）`) is a warning.
    ///
    /// ### Why
    /// A published document must not carry its template's instructions; where the figure should
    /// be, the reader gets none (the Shanghai checker's 占位符 rule).
    ///
    /// ### Example
    /// `比上年增加（减少）0 万元`: warning, 应为 `增加` or `减少` (or `持平`).
    ///
    /// ### Known problems
    /// `【2024】12 号` (a document number) and `（按项目分别填报）` (a template's own wording for a
    /// table) are not placeholders. Lines of tables are read like prose.
    StrPlaceholder, "STR-PLACEHOLDER", "模板占位符或未选定的措辞", "template placeholders left in the text", check: check
}

/// Placeholder letters: `XX`, `××`, `ＸＸ`, `xx`.
const MARKS: [&str; 4] = ["XX", "××", "ＸＸ", "xx"];

/// A choice of words the template offers (`增加（减少）`).
const CHOICES: [&str; 8] = [
    "增加（减少）",
    "增加(减少)",
    "增长（下降）",
    "增长(下降)",
    "增长（降低）",
    "增长(降低)",
    "大于（小于）",
    "大于(小于)",
];

fn check(doc: &Document<'_>, ctx: &mut Ctx) {
    let meta = &StrPlaceholder::META;
    let mut found = 0;
    for l in doc.lines {
        let s = &doc.text[l.span.clone()];
        for (at, len, sev) in placeholders(s) {
            let span = l.span.start + at..l.span.start + at + len;
            let what = s[at..at + len].to_string();
            let (zh, en) = if sev == Severity::Error {
                (format!("文中留有模板占位符“{what}”"), format!("template placeholder left in the text: {what}"))
            } else {
                (
                    format!("文中留有模板的备选措辞“{what}”，未选定"),
                    format!("the template's choice of words left unmade: {what}"),
                )
            };
            let f = Finding::new(meta, Label { span, what: what.clone() })
                .severity(sev)
                .message(zh, en)
                .found(what)
                .expected(if sev == Severity::Error { "实际内容" } else { "选定其一" })
                .note("公开文本不应保留模板说明或占位符");
            ctx.record(Some(f));
            found += 1;
        }
    }
    if found == 0 {
        ctx.record(None);
    }
}

/// The placeholders on a line: (byte offset, byte length, severity).
fn placeholders(s: &str) -> Vec<(usize, usize, Severity)> {
    let mut out = Vec::new();
    for m in MARKS {
        for (at, _) in s.match_indices(m) {
            let before = s[..at].chars().next_back();
            let after = s[at + m.len()..].trim_start().chars().next();
            let numeric = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
            let unit = after.is_some_and(|c| "年月日万元个人项%％".contains(c));
            // `20XX年`, `XX 万元`, `XX%`: where a number belongs; not a word like `XXL`.
            if (numeric(before) || unit) && !after.is_some_and(|c| c.is_ascii_alphabetic()) {
                out.push((at, m.len(), Severity::Error));
            }
        }
    }
    out.extend(bracketed(s).into_iter().map(|(a, n)| (a, n, Severity::Error)));
    for c in CHOICES {
        out.extend(s.match_indices(c).map(|(at, _)| (at, c.len(), Severity::Warning)));
    }
    out.sort_unstable_by_key(|x| x.0);
    out.dedup_by_key(|x| x.0);
    out
}

/// `【单位名称】`, `（按实际情况填写）`: a bracket that holds an instruction, not a document number.
fn bracketed(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (open, close) in [("【", "】"), ("（按", "）"), ("(按", ")")] {
        let mut from = 0;
        while let Some(k) = s[from..].find(open).map(|k| k + from) {
            let Some(e) = s[k + open.len()..].find(close).map(|e| e + k + open.len()) else { break };
            let inner = &s[k + open.len()..e];
            let n = inner.chars().count();
            let instruction = if open == "【" {
                !inner.chars().any(|c| c.is_ascii_digit())
                    && ["填写", "名称", "单位", "说明", "请", "XX", "××", "此处"].iter().any(|w| inner.contains(w))
            } else {
                inner.ends_with("填写")
            };
            if instruction && n <= 16 {
                out.push((k, e + close.len() - k));
            }
            from = e + close.len();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_not() {
        let kinds =
            |s: &str| placeholders(s).into_iter().map(|(a, n, sev)| (s[a..a + n].to_string(), sev)).collect::<Vec<_>>();
        assert_eq!(kinds("2026 年预算 XX 万元"), [("XX".to_string(), Severity::Error)]);
        assert_eq!(kinds("截至 20××年12月31日"), [("××".to_string(), Severity::Error)]);
        assert_eq!(kinds("【单位名称】2026 年"), [("【单位名称】".to_string(), Severity::Error)]);
        assert_eq!(kinds("（按实际情况填写）"), [("（按实际情况填写）".to_string(), Severity::Error)]);
        assert_eq!(kinds("比上年增加（减少）0 万元"), [("增加（减少）".to_string(), Severity::Warning)]);
        assert!(kinds("普发改投【2017】89号文").is_empty());
        assert!(kinds("具体情况见下表（按项目分别填报）").is_empty());
        assert!(kinds("XXL 号").is_empty());
    }
}
