//! budget-check: checks the sums and percentages of Chinese government budget disclosures.
//!
//! The passes, one call each, as [`check_with`] runs them:
//!
//! 1. [`parse`]: [`normalize`] (with an offset map back to the input) → [`lines`] (lines, page
//!    furniture, revision marks) → [`tables`] (titles, rows, columns, vanished blank cells placed);
//! 2. [`narrative::read`]: the 情况说明 into one [`narrative::Narrative`], with whether it may be
//!    compared with the tables;
//! 3. `rules::run`: every registered rule ([`RULES`]) over the [`rules::Document`];
//! 4. the likely-cell pass: the one printed number that alone repairs a cluster of failing checks;
//! 5. the coverage pass: table status, tables no rule looked at, the narrative figures checked;
//! 6. `report::build`: the [`Report`], placed in the original text.
//!
//! Parsing never aborts: whatever is not understood is reported as skipped (with why) or as a
//! [`ParseWarning`], never guessed.

pub mod amount;
mod coverage;
pub mod diagnostics;
pub(crate) mod lex;
mod likely;
pub mod lines;
pub mod narrative;
pub mod normalize;
pub mod render;
pub mod report;
pub mod rules;
pub mod tables;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use diagnostics::ParseWarning;
pub use diagnostics::Severity;
pub use report::Report;
pub use rules::{RuleMeta, RULES};

/// Language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Chinese (中文), the default.
    #[default]
    Zh,
    /// English.
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

/// How [`check`] renders its report: the messages' language and how offsets are counted.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Language of the findings' messages, skip reasons and warnings.
    pub lang: Lang,
    /// Unit of the report's offsets and columns (UTF-8 bytes or UTF-16 code units).
    pub offsets: Offsets,
}

/// The parsed document, for the model dump and for tests.
pub struct Parsed {
    /// The normalized text, with its map back to the input's byte offsets.
    pub norm: normalize::Normalized,
    /// The lines of the normalized text, in order.
    pub lines: Vec<lines::Line>,
    /// The tables found, in table order T1…T11; one the contents list names but no body title
    /// introduces is kept without a body (`missing`, or `unreadable` when its name is in the body).
    pub tables: Vec<tables::Table>,
    /// The reader's notes on the document (no tables, a duplicated title).
    pub warnings: Vec<ParseWarning>,
}

/// Passes 1–3: normalize, split into lines, read the tables.
pub fn parse(input: &str) -> Parsed {
    let norm = normalize::normalize(input);
    let lines = lines::lines(&norm.text);
    let (tables, mut warnings) = tables::find_tables(&norm.text, &lines);
    if tables.iter().all(|t| t.status == tables::TableStatus::Missing) {
        warnings.push(ParseWarning::NoTables);
    }
    Parsed { norm, lines, tables, warnings }
}

/// Check a disclosure's text with every rule. Never panics; linear in the input size.
pub fn check(input: &str, options: Options) -> Report {
    check_with(input, options, &[])
}

/// Check a disclosure's text with the rules named in `rules` (ids such as `T3-ROW`) only; an
/// empty list runs every rule. Rule fixtures run one rule alone this way.
///
/// The passes, one call each: parse (normalize → lines → tables) → narrative → rules →
/// likely cell → coverage → report.
pub fn check_with(input: &str, options: Options, rules: &[&str]) -> Report {
    let Parsed { norm, lines, tables, warnings } = parse(input);
    let narrative = narrative::read(&norm.text, &lines, &tables);
    let warnings = warnings.into_iter().chain(narrative.warning()).collect();
    let doc = rules::Document { text: &norm.text, lines: &lines, tables, narrative };
    let mut ctx = rules::run(&doc, rules);
    likely::explain(&mut ctx.findings);
    let coverage = coverage::coverage(&doc, &ctx);
    let line_spans = lines.iter().map(|l| l.span.clone()).collect();
    let parts = report::Parts { coverage, norm_text: &norm.text, line_spans, tables: &doc.tables, ctx, warnings };
    let placer = report::Placer::new(input, &norm, options.offsets);
    let report = report::build(parts, &placer, options.lang);
    match options.offsets {
        Offsets::Utf8 => report,
        Offsets::Utf16 => report::to_utf16(report, input),
    }
}
