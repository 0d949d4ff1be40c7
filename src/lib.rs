//! budget-check: checks the sums and percentages of Chinese government budget disclosures.
//!
//! Passes, one module each: [`normalize`] (with an offset map back to the input) → [`blocks`]
//! (lines, page furniture) → [`tables`] (titles, rows, columns) → [`rules`] → [`report`].
//! Parsing never aborts: whatever is not understood is reported as skipped, never guessed.

pub mod amount;
pub mod blocks;
pub mod diagnostics;
pub mod facts;
pub mod lex;
mod likely;
pub mod narrative;
pub mod normalize;
pub mod perf;
pub mod render;
pub mod report;
pub mod rules;
pub mod tables;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use diagnostics::Severity;
pub use report::Report;
pub use rules::{RuleMeta, RULES};

/// Language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// How offsets and columns in the report are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Offsets {
    /// Byte offsets; columns in characters (CLI, Rust callers).
    #[default]
    Utf8,
    /// UTF-16 code units for offsets and columns (JavaScript strings).
    Utf16,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub lang: Lang,
    pub offsets: Offsets,
}

/// The parsed document, for the model dump and for tests.
pub struct Parsed {
    pub norm: normalize::Normalized,
    pub lines: Vec<blocks::Line>,
    pub tables: Vec<tables::Table>,
    pub warnings: Vec<tables::ParseWarning>,
}

/// Passes 1–3: normalize, split into lines, read the tables.
pub fn parse(input: &str) -> Parsed {
    let norm = normalize::normalize(input);
    let lines = blocks::lines(&norm.text);
    let (tables, mut warnings) = tables::find_tables(&norm.text, &lines);
    if tables.iter().all(|t| t.status == tables::TableStatus::Missing) {
        warnings.push(tables::ParseWarning {
            code: "no-tables",
            message: "未识别到任何预算公开表格（收支总体情况表、支出总体情况表等）".into(),
            line: None,
        });
    }
    Parsed { norm, lines, tables, warnings }
}

/// Check a disclosure's text with every rule. Never panics; linear in the input size.
pub fn check(input: &str, options: Options) -> Report {
    check_with(input, options, &[])
}

/// Check a disclosure's text with the rules named in `rules` (ids such as `T3-ROW`) only; an
/// empty list runs every rule. Rule fixtures run one rule alone this way.
pub fn check_with(input: &str, options: Options, rules: &[&str]) -> Report {
    let mut parsed = parse(input);
    let stream = narrative::stream(&parsed.norm.text, &parsed.lines, &parsed.tables);
    let figures = narrative::figures(&stream);
    let growths = narrative::growths(&stream, &figures);
    let fund_splits = narrative::fund_splits(&stream);
    let whole_targets = narrative::whole_targets(&stream, &figures);
    let item_amounts = narrative::item_amounts(&stream, &figures);
    let shares = narrative::shares(&stream, &figures);
    let parts = narrative::parts(&stream);
    let labelled = narrative::labelled_amounts(&stream, &figures, &parts);
    let sections = narrative::sections(&stream, &growths);
    let items_closed = narrative::items_closed(&stream, &item_amounts);
    let claims = narrative::claims(&stream, &figures, &parts);
    let mut growths = growths;
    growths.extend(narrative::part_growths(&stream, &figures, &claims, &growths));
    let projects = narrative::projects(&stream, &figures);
    let perf_counts = narrative::perf_counts(&stream, &figures);
    let weights = perf::weights(&parsed.norm.text, &parsed.lines);
    let whole_fund = narrative::whole_funds(&stream);
    let facts = facts::facts(&stream, &figures);
    // Two 收入预算情况说明 that state amounts: two units' documents pasted together (or one pasted
    // twice). Their tables cannot be told apart, so the narrative is not compared with them.
    let multi_doc = {
        let income: Vec<usize> = (0..parts.len()).filter(|&k| parts[k].part == narrative::Part::Income).collect();
        income
            .iter()
            .filter(|&&k| {
                let (from, to) = (parts[k].at, parts.get(k + 1).map_or(usize::MAX, |p| p.at));
                claims.iter().any(|c| (from..to).contains(&c.figure.at.start))
            })
            .count()
            >= 2
    };
    // Tables printed in 元 (`单位：元`) while the text speaks in 万元: the tables are not read in
    // 元 yet, so the text is not compared with them.
    let tables_in_yuan = parsed.lines.iter().any(|l| {
        let line = &parsed.norm.text[l.span.clone()];
        if !(line.contains("单位") && line.contains('元')) {
            return false;
        }
        let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        t.contains("单位:元") || t.contains("单位：元")
    });
    let (mut claims, mut labelled, mut item_amounts, mut whole_targets, mut whole_fund, mut perf_counts) =
        (claims, labelled, item_amounts, whole_targets, whole_fund, perf_counts);
    if tables_in_yuan && !multi_doc {
        parsed.warnings.push(tables::ParseWarning {
            code: "tables-in-yuan",
            message: "表格以“元”为单位：情况说明（万元）未与表格逐项核对，只核对文字内部的增减幅、占比与合计".into(),
            line: None,
        });
    }
    let two_docs = multi_doc;
    let multi_doc = multi_doc || tables_in_yuan;
    if multi_doc {
        // (Also for tables in 元: see above.)
        claims.clear();
        labelled.clear();
        item_amounts.clear();
        whole_targets.clear();
        whole_fund = None;
        perf_counts.clear();
    }
    if two_docs {
        parsed.warnings.push(tables::ParseWarning {
            code: "two-documents",
            message: "情况说明出现两次（两份文档？）：文字部分未与表格核对，只核对文字内部的增减幅、占比与合计".into(),
            line: None,
        });
    }
    let doc = rules::Document {
        text: &parsed.norm.text,
        lines: &parsed.lines,
        tables: parsed.tables,
        figures,
        growths,
        fund_splits,
        whole_targets,
        item_amounts,
        shares,
        labelled,
        sections,
        items_closed,
        claims,
        projects,
        perf_counts,
        weights,
        whole_fund,
        facts,
        multi_doc,
    };
    let mut ctx = rules::Ctx::default();
    for rule in RULES.iter().filter(|r| rules.is_empty() || rules.contains(&r.meta().id)) {
        ctx.current = rule.meta().id;
        rule.check(&doc, &mut ctx);
    }
    likely::explain(&mut ctx.findings);
    // Say so for every table that was read but that no rule looked at.
    for t in &doc.tables {
        let looked_at = ctx.tables_checked.contains(&t.id) || ctx.skips.iter().any(|s| s.table == Some(t.id));
        if !looked_at && matches!(t.status, tables::TableStatus::Checked | tables::TableStatus::Partial) {
            ctx.skips.push(diagnostics::Skip {
                rule: "-",
                table: Some(t.id),
                reason: rules::SkipReason::NoRulesYet,
                line: t.line,
            });
        }
    }
    // Which narrative figures some rule reads.
    let mut bound: std::collections::HashSet<usize> = std::collections::HashSet::new();
    for g in &doc.growths {
        bound.extend([g.current.amount.span.start, g.change.amount.span.start]);
        if let Some((r, _)) = &g.rate {
            bound.insert(r.amount.span.start);
        }
    }
    for s in &doc.shares {
        bound.extend([s.part.amount.span.start, s.percent.amount.span.start]);
    }
    bound.extend(doc.item_amounts.iter().map(|i| i.amount.amount.span.start));
    bound.extend(doc.labelled.iter().map(|l| l.figure.amount.span.start));
    bound.extend(doc.whole_targets.iter().map(|f| f.amount.span.start));
    bound.extend(ctx.narrative_bound.iter().copied());
    for f in &doc.fund_splits {
        bound.insert(f.total.span.start);
        bound.insert(f.fiscal.span.start);
        if let Some(o) = &f.other {
            bound.insert(o.span.start);
        }
    }
    let narrative_parts = report::NarrativeParts {
        figures: doc.figures.len(),
        growth_statements: doc.growths.iter().filter(|g| g.rate.is_some()).count(),
        shares: doc.shares.len(),
        unbound: {
            let claim_at: std::collections::HashMap<usize, &narrative::Claim> =
                doc.claims.iter().map(|c| (c.figure.amount.span.start, c)).collect();
            doc.figures
                .iter()
                .filter(|f| !bound.contains(&f.amount.span.start))
                .map(|f| (f.amount.span.clone(), why_unchecked(f, claim_at.get(&f.amount.span.start).copied())))
                .collect()
        },
    };
    let placer = report::Placer::new(input, &parsed.norm, options.offsets);
    let mut rep = report::build(
        report::Parts {
            narrative: narrative_parts,
            norm_text: &parsed.norm.text,
            line_spans: parsed.lines.iter().map(|l| l.span.clone()).collect(),
            tables: &doc.tables,
            ctx,
            warnings: parsed.warnings,
        },
        &placer,
        options.lang,
    );
    if options.offsets == Offsets::Utf16 {
        report::to_utf16(&mut rep, input);
    }
    rep
}

const WHY_PERCENT: (&str, &str) =
    ("百分比不是可核对的占比或增减幅", "a percentage that is no share or growth rate the checker can recompute");
const WHY_YEAR: (&str, &str) = ("说的是上年或其他年度的数字", "a figure of last year or another year");
const WHY_PART: (&str, &str) = (
    "所在段落不逐项复述表格（如其他重要事项、绩效指标、原因说明）",
    "in a passage that does not restate the tables (other matters, indicators, reasons)",
);

/// Why no rule reads narrative figure `f`, in Chinese and English.
fn why_unchecked(f: &narrative::Figure, claim: Option<&narrative::Claim>) -> (String, String) {
    if f.unit == narrative::Unit::Percent {
        return (WHY_PERCENT.0.into(), WHY_PERCENT.1.into());
    }
    match claim {
        Some(c) if c.other_year => (WHY_YEAR.0.into(), WHY_YEAR.1.into()),
        Some(c) if c.part != narrative::Part::Other => {
            let label: String = c.label.chars().rev().take(24).collect::<Vec<_>>().into_iter().rev().collect();
            (format!("“{label}”不对应表中的数字"), format!("“{label}” names no table figure"))
        }
        _ => (WHY_PART.0.into(), WHY_PART.1.into()),
    }
}
