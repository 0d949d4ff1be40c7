//! Untrusted input: the checker returns a report for anything, never panics, and every location
//! it reports lies inside the input on character boundaries.

mod common;
use budget_check::{check, Offsets, Options, Report};
use common::*;

fn assert_sane(text: &str, r: &Report) {
    for f in &r.findings {
        for l in std::iter::once(&f.primary).chain(f.related.iter()) {
            assert!(l.start <= l.end && l.end <= text.len(), "{l:?} outside input of {} bytes", text.len());
            assert!(text.is_char_boundary(l.start) && text.is_char_boundary(l.end), "{l:?} splits a character");
            assert!(l.line >= 1 && l.column >= 1);
        }
    }
    let s = &r.summary;
    assert_eq!(s.errors + s.warnings + s.infos, r.findings.len());
    assert!(s.checks_passed <= s.checks_run);
}

/// A small deterministic generator (no dependency): xorshift64*.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn empty_and_blank_inputs() {
    for text in ["", " ", "\n\n\t\r\n", "\u{FEFF}", "\u{3000}"] {
        let r = check(text, Options::default());
        assert!(r.findings.is_empty());
        assert!(r.warnings.iter().any(|w| w.code == "no-tables"));
    }
}

#[test]
fn random_bytes_and_table_like_noise() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..300 {
        let len = rng.below(4000);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        assert_sane(&text, &check(&text, Options::default()));
    }
    // Fragments that the table reader reacts to, shuffled into nonsense tables.
    const PIECES: [&str; 24] = [
        "部门支出总体情况表\n",
        "收支总体情况表\n",
        "合计",
        "总计",
        "基本支出",
        "项目支出",
        "208",
        "01",
        "99",
        "\t",
        " ",
        "\n",
        "1,234.56",
        "0.00",
        "12.5",
        "-3",
        "社会保障和就业支出",
        "收入总计",
        "支出总计",
        "一、本年收入",
        "其中：",
        "１２．５",
        "表 3",
        "201 一般公共服务支出",
    ];
    for _ in 0..1500 {
        let n = rng.below(200);
        let text: String = (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        assert_sane(&text, &check(&text, Options::default()));
        let r16 = check(&text, Options { offsets: Offsets::Utf16, ..Options::default() });
        let units: Vec<u16> = text.encode_utf16().collect();
        for f in &r16.findings {
            let l = &f.primary;
            assert!(l.start <= l.end && l.end <= units.len());
            assert!(String::from_utf16(&units[l.start..l.end]).is_ok(), "{l:?} splits a surrogate pair");
        }
    }
}

/// (rule, table) of every error in a report.
fn error_keys(r: &Report) -> Vec<(&'static str, Option<budget_check::tables::TableId>)> {
    r.findings.iter().filter(|f| f.severity == budget_check::Severity::Error).map(|f| (f.rule, f.table)).collect()
}

#[test]
fn every_line_prefix_of_every_seed() {
    // A document cut off anywhere reports no error that the whole document does not have.
    for (name, text) in seeds() {
        let whole = error_keys(&check(&text, Options::default()));
        let mut cut = 0;
        for line in text.split_inclusive('\n') {
            cut += line.len();
            let prefix = &text[..cut];
            let r = check(prefix, Options::default());
            assert_sane(prefix, &r);
            let extra: Vec<_> = error_keys(&r).into_iter().filter(|k| !whole.contains(k)).collect();
            assert!(extra.is_empty(), "{name}: a prefix of {cut} bytes reports {extra:?}: {:#?}", r.findings);
        }
    }
}

#[test]
fn every_character_prefix_through_the_first_tables_of_s0() {
    let text = seed("000_");
    let from = text.find("部门收支总体情况表\n\n编制").unwrap();
    let to = from + text[from..].find("部门收入总体情况表\n").unwrap();
    for (i, _) in text[from..to].char_indices() {
        let prefix = &text[..from + i];
        assert_sane(prefix, &check(prefix, Options::default()));
    }
}

#[test]
fn five_megabytes_of_repeated_seeds() {
    let mut big = String::new();
    let all = seeds();
    while big.len() < 5 * 1024 * 1024 {
        for (_, t) in &all {
            big.push_str(t);
        }
    }
    let r = check(&big, Options::default());
    assert_sane(&big, &r);
    assert!(!r.tables.is_empty());
}

/// A seed followed by thousands of repeated narrative claims (三公 parts and their changes,
/// project blocks, structure classes, 绩效 weight rows): every claim is read and checked in one
/// pass — a lookup per claim over all the others would make this take minutes (speed itself is
/// measured in `benches/`, not here).
#[test]
fn thousands_of_repeated_narrative_claims() {
    let mut text = seed("000_");
    let blocks = [
        (
            "\n十、关于 2024 年财政拨款“三公”经费预算情况说明\n",
            "公务接待费 1.00 万元，公务接待费增加 1.00 万元，增长 100.00%；",
            20_000,
        ),
        (
            "\n七、关于 2024 年一般公共预算项目支出情况说明\n",
            "(1) 项目名称：单位运转项目\n预算安排规模：9.90 万元\n资金分配情况：银海专线 5.6 万元、印刷费 4.3 万元。\n",
            5_000,
        ),
        (
            "五、关于 2024年一般公共预算当年拨款情况说明\n",
            "- 1.社会保障和就业支出（类） 11765.06 万元，占 99.69%。\n",
            5_000,
        ),
        (
            "项目名称\t\t单位运转项目\n一级指标\t二级指标\t三级指标\t指标值\t分值权重\n",
            "产出指标\t数量指标\t人数\t>=1 人\t10\n",
            5_000,
        ),
    ];
    for (heading, claim, n) in blocks {
        text.push_str(heading);
        text.push_str(&claim.repeat(n));
    }
    text.push_str("结束\n");
    let r = check(&text, Options::default());
    assert_sane(&text, &r);
    assert!(r.narrative.figures > 60_000, "{}", r.narrative.figures);
    assert!(r.narrative.growth_statements > 20_000, "{}", r.narrative.growth_statements);
}

/// Real inconsistencies in the corpus documents themselves, verified by hand: (file prefix,
/// rule, printed figure). Everything else reported as an error on the corpus would be a misread.
const CORPUS_REAL_ERRORS: &[(&str, &str, &str)] = &[
    // 国家信访局: "委托业务费财政拨款预算 1,391.68 万元，比 2025 年预算增加 333.83 万元，增长 31.35%":
    // 333.83 ÷ (1391.68 − 333.83) = 31.56 %, and no other figure in the document gives 31.35 %.
    ("16_", "NI-GROWTH", "31.35%"),
    // 国家信访局: "2026 年国家信访局财政拨款收支总预算 18,728.91 万元" while its 财政拨款收支总表
    // prints 收入总计 and 支出总计 18,728.94 (本年收入 16,474.82 + 结转): 0.03 apart.
    ("16_", "NT-AMOUNT", "18,728.91"),
    // 湖州卫健委: the text's "财政拨款收支总预算 64618.75 万元" agrees with 表01 (财政拨款 64618.75) and
    // with 表04's own expenditure classes (1140.61 + 11871.20 + 23268.50 + 12600.00 + 738.45 +
    // 15000.00 = 64618.76), but 表04 prints 收入总计 = 支出总计 = 38191.21 (lines 785, 853).
    ("60_", "NT-AMOUNT", "64618.75"),
    // …the same slip seen inside 表04: its 支出总计 38191.21 (line 853) against the sum of its own
    // expenditure classes, 64618.76 (lines 785, 799, 809, 835, 841, 844).
    ("60_", "T4-COL", "38191.21"),
    // 湖州卫健委: "…增加 11688.70 万元，增长 23.9%" where 11688.70 ÷ 48707.45 gives 24.0 %.
    ("60_", "NI-GROWTH", "23.9%"),
    // 湖州退役军人事务局: rates truncated, not rounded (336.67 ÷ 6592.98 = 5.11 %, printed 5.0 %; …).
    ("61_", "NI-GROWTH", "5.0%"),
    ("61_", "NI-GROWTH", "4.0%"),
    ("61_", "NI-GROWTH", "9.0%"),
    ("61_", "NI-GROWTH", "4.00%"),
    // 万里街道: "2022年当年预算执行数为11.67万元，2023年预算安排45.41万元，比2022年预算执行数增加
    // 314.82%" (line 84): (45.41 − 11.67) ÷ 11.67 = 289.12 %.
    ("47_", "NI-GROWTH-LEVEL", "314.82%"),
    // 万里街道, item 16 (职业年金, 220.63 万元, line 128): "执行数为132.59万元，2023年预算安排441.25万元，
    // 比2022年预算执行数增加60.54%" (line 129) repeats item 15's 441.25 and 60.54 %; from 132.59 the
    // rate would be 232.79 %.
    ("47_", "NI-GROWTH-LEVEL", "60.54%"),
    // 万里街道: "政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元" (line 71): an increase
    // larger than the amount (the general budget's increase copied).
    ("47_", "NI-GROWTH", "1421.25"),
    // 江苏省检察院: 129.97 % where the figures give 129.29 %.
    ("72_", "NI-GROWTH", "129.97%"),
    // 江苏省检察院: "公共安全（类）支出 13656.34 万元…。与上年相比增加 309.03 万元，增长 2.31 %" (line 791):
    // 309.03 ÷ 13347.31 = 2.315 %, truncated.
    ("72_", "NI-GROWTH", "2.31%"),
    // 江苏省人大常委会办公厅: "单位预留机动经费预算数为 1685.72 万元。与上年相比增加1557.29万元，增长
    // 1312.56 %" (line 724): 1557.29 ÷ 128.43 = 1212.56 %.
    ("73_", "NI-GROWTH", "1312.56%"),
    // 江苏省委办公厅: "住房保障（类）支出3894.09万元…。与上年相比增加878.93万元，增长30%" (line 157):
    // 878.93 ÷ 3015.16 = 29.2 %; "支出9370.12万元，与上年相比增加1297.83万元，增长16.07%" (line 196):
    // 1297.83 ÷ 8072.29 = 16.078 %, truncated.
    ("74_", "NI-GROWTH", "30%"),
    ("74_", "NI-GROWTH", "16.07%"),
    // 西安市卫健委 2022 决算, 绩效自评 of 西安市第三医院二期扩建项目 (line 2043): "全年预算数21143.98万元，
    // 执行数21143.98万元，完成预算的35%" — the rate of the item before it (1896 → 663.6 = 35 %) copied;
    // 21143.98 ÷ 21143.98 is 100 %.
    ("12_", "NI-FINAL-RATE", "35%"),
    // 国家信访局 2024 决算: "收、支总计 22066.59 万元，与 2023 年相比，收、支总计各增加 5834.37 万元，
    // 增长 35.74%": 5834.37 ÷ (22066.59 − 5834.37) = 35.94 %; every other rate of the part
    // (47.06 %, 59.04 %, 31.85 %) reproduces from its own figures.
    ("37_", "NI-GROWTH", "35.74%"),
];

/// Errors on corpus documents that are misreads of the checker, not slips of the document:
/// (file prefix, rule), for a layout the reader does not handle yet. The test fails when a new
/// one appears, and when a listed one is gone (then delete its line). Empty since issue 11's
/// first round (an all-funds 基本支出 table taken for T9, six-decimal 万元 without 类 rows,
/// staircase codes, enumerated body titles, shares against their breakdown's own total or
/// adjusted by 尾差).
const CORPUS_KNOWN_MISREADS: &[(&str, &str)] = &[];

/// One breakdown of 20,000 shares (no 。 between them) after a seed whose T1 gives the bases: every
/// share is read and checked against its breakdown, once each.
#[test]
fn a_long_run_of_shares_is_read_and_checked() {
    let text = format!("{}{}", seed("000_"), "支出 12.00 万元，占 10.00%；".repeat(20_000));
    let r = check(&text, Options::default());
    assert_sane(&text, &r);
    assert!(r.narrative.shares >= 20_000, "{}", r.narrative.shares);
    let share_checks = r.coverage.iter().find(|c| c.rule == "NI-SHARE").map_or(0, |c| c.run);
    assert!(share_checks >= 20_000, "{share_checks}");
}

/// Shares the author adjusted by one unit of their last digit so that the breakdown sums to
/// exactly 100% (尾差调整) are info that says so, not errors: 59 (61.9% for 61.85%) and 73
/// (10.61% for 10.604%). A share is also checked against its breakdown's own total (60: 15000 of
/// 12600 + 15000 is 54.3%). Rates truncated instead of rounded are errors that say so (61).
#[test]
fn corpus_tail_adjusted_shares_are_info_and_truncated_rates_say_so() {
    for (name, text) in corpus() {
        let r = check(&text, Options::default());
        let share = |sev: budget_check::Severity, found: &str| {
            r.findings.iter().any(|f| f.rule == "NI-SHARE" && f.severity == sev && f.found == found)
        };
        if name.starts_with("59_") {
            assert!(share(budget_check::Severity::Info, "61.9%"), "{name}");
        }
        if name.starts_with("73_") {
            assert!(share(budget_check::Severity::Info, "10.61%"), "{name}");
            assert!(r.findings.iter().any(|f| f.found == "10.61%" && f.message.contains("尾差调整")), "{name}");
        }
        if name.starts_with("60_") {
            assert!(!r.findings.iter().any(|f| f.rule == "NI-SHARE" && f.found == "54.3%"), "{name}");
        }
        if name.starts_with("61_") {
            let truncated = r.findings.iter().filter(|f| f.rule == "NI-GROWTH" && f.message.contains("截断")).count();
            assert_eq!(truncated, 5, "{name}");
        }
    }
}

#[test]
fn corpus_has_no_errors_but_its_real_ones_and_no_panics() {
    let mut misreads_seen = std::collections::HashSet::new();
    for (name, text) in corpus() {
        let r = check(&text, Options::default());
        assert_sane(&text, &r);
        let errors: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.severity == budget_check::Severity::Error)
            .filter(|f| {
                !CORPUS_REAL_ERRORS
                    .iter()
                    .any(|(file, rule, found)| name.starts_with(file) && f.rule == *rule && f.found == *found)
            })
            .filter(|f| {
                let known = CORPUS_KNOWN_MISREADS.iter().find(|(file, rule)| name.starts_with(file) && f.rule == *rule);
                if let Some(k) = known {
                    misreads_seen.insert(*k);
                }
                known.is_none()
            })
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
    let gone: Vec<_> = CORPUS_KNOWN_MISREADS.iter().filter(|k| !misreads_seen.contains(*k)).collect();
    assert!(gone.is_empty(), "known misreads no longer reported (delete them from the list): {gone:?}");
}

/// Issue 12's text checks, each planted into a real 决算 (item 37) on a line of its own: a
/// placeholder, a part heading of another year, an asset date of another year, doubled
/// punctuation, a table the contents list but the body lost, an empty table without its note, a
/// grand total of 0. Each gives a finding of its rule on that line; the unchanged document gives
/// none.
#[test]
fn planted_text_slips_are_found_on_their_lines() {
    let (_, text) = corpus().into_iter().find(|(n, _)| n.starts_with("37_")).expect("item 37 in the corpus");
    let rules = ["STR-PLACEHOLDER", "STR-YEAR", "STR-PUNCT", "STR-TOC-BODY", "STR-EMPTY-NOTE", "STR-ZERO-TOTAL"];
    let base = check(&text, Options::default());
    assert!(!base.findings.iter().any(|f| rules.contains(&f.rule)), "{:?}", base.findings);
    // (what is replaced, by what, the rule, and the text whose line the finding is on)
    let plants: [(&str, &str, &str, &str); 7] = [
        ("支出决算为 13733.8 万元", "支出决算为 XX 万元", "STR-PLACEHOLDER", "支出决算为"),
        (
            "国家信访局 2024 年度部门决算表",
            "国家信访局 2023 年度部门决算表",
            "STR-YEAR",
            "国家信访局 2024 年度部门决算表",
        ),
        ("截至 2024 年 12 月 31 日", "截至 2023 年 12 月 31 日", "STR-YEAR", "截至 2024 年 12 月 31 日"),
        (
            "完成年初预算的 91.14%。其中：",
            "完成年初预算的 91.14%。。其中：",
            "STR-PUNCT",
            "完成年初预算的 91.14%。其中：",
        ),
        // The body title of 收入决算表 dropped: the contents list it, the body does not.
        ("                                 收入决算表\n", "\n", "STR-TOC-BODY", " 二、收入决算表"),
        // The 政府性基金 决算表 printed empty, its note taken away.
        (
            "说明：国家信访局没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。",
            "",
            "STR-EMPTY-NOTE",
            "政府性基金预算财政拨款收入支出决算表\n",
        ),
        ("收、支总计 22066.59 万元", "收、支总计 0 万元", "STR-ZERO-TOTAL", "收、支总计 22066.59 万元"),
    ];
    for (from, to, rule, on) in plants {
        assert!(text.contains(from), "{from} not in item 37");
        let at = text.find(on).unwrap_or_else(|| panic!("{on} not in item 37"));
        let line = text[..at].matches('\n').count() + 1;
        let planted = text.replacen(from, to, 1);
        let r = check(&planted, Options::default());
        assert!(
            r.findings.iter().any(|f| f.rule == rule && f.primary.line == line),
            "{rule} on line {line}: {:?}",
            r.findings.iter().filter(|f| f.rule == rule).collect::<Vec<_>>()
        );
    }
}

/// Every table of the corpus's 决算 (收入支出决算总表, 收入决算表, 支出决算表, 财政拨款收入支出决算总表,
/// 一般公共预算 支出 and 基本支出, 政府性基金, 国有资本经营, “三公”) is recognised and read: none is
/// left over as unread, none is unreadable, and each that prints amounts has some checked.
#[test]
fn final_accounts_read_every_table() {
    for (name, text) in corpus().into_iter().filter(|(n, _)| n.contains("final")) {
        let r = check(&text, Options::default());
        assert!(!r.warnings.iter().any(|w| w.code == "unread-tables"), "{name}: {:?}", r.warnings);
        let final_kinds = r.tables.iter().filter(|t| t.id.as_str().starts_with("F-")).count();
        assert!(final_kinds >= 8, "{name}: {final_kinds} 决算 tables");
        for t in &r.tables {
            assert_ne!(t.status, budget_check::tables::TableStatus::Unreadable, "{name}: {}", t.title);
            assert!(t.amounts == 0 || t.amounts_checked > 0, "{name}: {} has no amount checked", t.title);
        }
    }
}

/// The 一般公共预算支出明细表 by economic class (西安 07, 66, 67, 68; the kind named only in the
/// title's bracket) is read. In 07, 66 and 67 it adds up; in 68 most of its rows do not, which is
/// more likely a misreading than a table printed wrong row after row: its row and rollup
/// failures are warnings that say so, not errors.
#[test]
fn a_table_whose_rows_mostly_fail_gives_warnings_that_doubt_the_reading() {
    use budget_check::tables::TableId;
    for (name, text) in
        corpus().into_iter().filter(|(n, _)| ["07_", "66_", "67_", "68_"].iter().any(|p| n.starts_with(p)))
    {
        let r = check(&text, Options::default());
        let econ: Vec<_> = r.findings.iter().filter(|f| f.table == Some(TableId::EconSpend)).collect();
        assert!(r.tables.iter().any(|t| t.id == TableId::EconSpend && t.amounts_checked > 0), "{name}: not read");
        if name.starts_with("68_") {
            assert!(econ.len() >= 5, "{name}: {econ:#?}");
            for f in &econ {
                assert_eq!(f.severity, budget_check::Severity::Warning, "{name}: {f:#?}");
                assert!(f.message.contains("疑为读表有误"), "{name}: {}", f.message);
            }
        } else {
            assert!(econ.is_empty(), "{name}: {econ:#?}");
        }
    }
}

/// A 三公 table printed across whose header cell has a year after other words
/// (`三公经费2026年预算数`): the header reader must not cut a word in the middle of a character.
#[test]
fn a_year_inside_a_three_pub_header_cell_does_not_panic() {
    let text = "“三公”经费支出表\n单位：万元\n     合计      三公经费2026年预算数      公务接待费     公务用车购置及运行费\n  5.00      2.00        3.00       0.00\n";
    let r = check(text, Options::default());
    assert_sane(text, &r);
}
