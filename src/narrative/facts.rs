//! Pass 3d: the facts the 其他重要事项 section states in words and small counts — 政府采购,
//! 国有资产 (vehicles, large equipment), 人员 — read from the narrative stream.

use super::{figs_from, find, number_at, sentence_end, word_at, Figure, Stream, Unit, SECTION_TRIES};
use crate::amount::Amount;

/// `政府采购预算 X 万元，其中：…货物预算 a，…工程预算 b，…服务预算 c` and the reserved shares.
#[derive(Debug, Clone)]
pub struct Procurement {
    /// X, the 万元 figure right after `政府采购预算`.
    pub total: Figure,
    /// a, after `货物预算` in the same sentence.
    pub goods: Option<Figure>,
    /// b, after `工程预算` in the same sentence.
    pub works: Option<Figure>,
    /// c, after `服务预算` in the same sentence.
    pub services: Option<Figure>,
    /// 面向中小企业预留 … 金额 d.
    pub sme: Option<Figure>,
    /// 小微企业预留 … 金额 e.
    pub small: Option<Figure>,
}

/// `车辆 N 辆，价值 V 万元；其中：一般公务用车 a 辆，价值 …；执法执勤用车 …；其他车辆 …`.
#[derive(Debug, Clone)]
pub struct Cars {
    /// N, the number of vehicles (`车辆 N 辆`).
    pub count: Amount,
    /// V, the 万元 figure after `价值` right after the count, if printed.
    pub value: Option<Figure>,
    /// (kind, count, value) for each kind listed (一般公务用车, 执法执勤用车, 其他车辆); empty when
    /// the list names another kind, so the parts cannot add up.
    pub parts: Vec<(&'static str, Amount, Option<Figure>)>,
}

/// `价值 50 万元以上大型设备 a 台(套)，…100 万元以上大型设备 b 台(套)`.
#[derive(Debug, Clone)]
pub struct Equipment {
    /// a, the 台(套) worth 50 万元 or more.
    pub over50: Amount,
    /// b, the 台(套) worth 100 万元 or more.
    pub over100: Amount,
}

/// `编制数 q，实有人数 n 人，其中：在职 a 人…；退休 b 人…；离休 c 人`.
#[derive(Debug, Clone)]
pub struct People {
    /// q, the 编制数 printed just before, if a whole number.
    pub quota: Option<Amount>,
    /// n, the 实有人数.
    pub total: Amount,
    /// (group, count) for 在职, 退休 and 离休 as listed; empty when the list names another
    /// group (遗属, 编外 …), so the parts cannot add up.
    pub parts: Vec<(&'static str, Amount)>,
}

/// `“三公”经费预算 X 万元，其中：因公出国（境）费 a 万元，公务用车购置及运行费 b 万元（其中，
/// 公务用车购置费 b1 万元，公务用车运行费 b2 万元），公务接待费 c 万元`: the total and its parts
/// as one sentence lists them.
#[derive(Debug, Clone)]
pub struct ThreePubList {
    /// X, the 三公 total.
    pub total: Figure,
    /// a, 因公出国（境）费.
    pub abroad: Option<Figure>,
    /// b, 公务用车购置及运行费.
    pub cars: Option<Figure>,
    /// b1, 公务用车购置费.
    pub car_purchase: Option<Figure>,
    /// b2, 公务用车运行(维护)费.
    pub car_running: Option<Figure>,
    /// c, 公务接待费.
    pub reception: Option<Figure>,
}

/// The 其他重要事项 statements found (each `None` or empty when the text does not state it).
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Each 三公 total stated with a list of its parts.
    pub three_pub: Vec<ThreePubList>,
    /// The first `政府采购预算` statement with its split and reserved shares.
    pub procurement: Option<Procurement>,
    /// The first `车辆 N 辆` statement.
    pub cars: Option<Cars>,
    /// Every sentence giving both large-equipment counts.
    pub equipment: Vec<Equipment>,
    /// The first `实有人数` statement.
    pub people: Option<People>,
}

/// The first figure starting within `within` characters after `at`.
fn fig_at(figs: &[Figure], at: usize, within: usize) -> Option<&Figure> {
    figs_from(figs, at).take_while(|f| f.at.start <= at + within).find(|f| f.unit == Unit::Wan)
}

/// The figure after `word` (searched in `from..to`), within two characters.
fn fig_after(s: &Stream, figs: &[Figure], from: usize, to: usize, word: &str) -> Option<Figure> {
    let p = find(&s.chars, from, to, word)?;
    fig_at(figs, p + word.chars().count(), 2).cloned()
}

/// A whole count right after `word` (searched in `from..to`) followed by one of `units`, and
/// where it ends.
fn count_after(s: &Stream, from: usize, to: usize, words: &[&str], units: &[char]) -> Option<(Amount, usize)> {
    let (p, n) = words.iter().find_map(|w| find(&s.chars, from, to, w).map(|p| (p, w.chars().count())))?;
    let (a, after) = number_at(s, p + n)?;
    (a.decimals == 0 && s.chars.get(after).is_some_and(|c| units.contains(c))).then_some((a, after))
}

/// How many whole counts followed by `unit` the text `from..to` prints, leaving out changes
/// (`增加 3 人`, `减少 1 人`).
fn counts_of(s: &Stream, from: usize, to: usize, unit: char) -> usize {
    let c = &s.chars;
    let mut n = 0;
    let mut j = from;
    while j < to.min(c.len()) {
        if c[j].is_ascii_digit() && (j == 0 || !c[j - 1].is_ascii_digit() && c[j - 1] != '.') {
            let Some((a, after)) = number_at(s, j) else { break };
            let change = (j.saturating_sub(2)..j).any(|k| matches!(c[k], '增' | '减' | '加' | '少'));
            if a.decimals == 0 && c.get(after) == Some(&unit) && !change {
                n += 1;
            }
            j = after.max(j + 1);
            continue;
        }
        j += 1;
    }
    n
}

/// The words that lead from `政府采购` to its total (`政府采购预算 X`, `政府采购安排 X`,
/// `政府采购预算总额 X`), longest first.
const PROC_TOTAL: [&str; 6] = ["预算总额为", "预算总额", "预算为", "预算", "安排", "总额"];

/// The first statement of the procurement budget with a figure: `政府采购预算 X 万元，其中：
/// …货物(类)(采购)预算 a，…工程… b，…服务… c`, and the reserved shares after it. The kinds are
/// found by their word (货物 / 工程 / 服务) and the first figure within a few characters.
fn procurement(s: &Stream, figs: &[Figure]) -> Option<Procurement> {
    let c = &s.chars;
    let mut from = 0;
    // The definitions and the contents name it too, without a figure: a few tries at most.
    for _ in 0..SECTION_TRIES * 4 {
        let k = find(c, from, c.len(), "政府采购")?;
        from = k + 4;
        let Some(n) = word_at(c, k + 4, &PROC_TOTAL) else { continue };
        let Some(total) = fig_at(figs, k + 4 + n, 2).cloned() else { continue };
        // The kinds may be listed `；`-separated (`货物类采购预算 25.4 万元；工程类…`): to the `。`.
        let end = find(c, k, (k + 300).min(c.len()), "。").unwrap_or_else(|| sentence_end(c, k));
        let next = (end + 300).min(c.len());
        let reserved =
            |word: &str| find(c, end, next, word).and_then(|p| fig_after(s, figs, p, (p + 30).min(next), "金额"));
        let kind = |word: &str| {
            let p = find(c, total.at.end, end, word)?;
            fig_at(figs, p + 2, 8).cloned()
        };
        return Some(Procurement {
            goods: kind("货物"),
            works: kind("工程"),
            services: kind("服务"),
            sme: reserved("中小企业预留"),
            small: reserved("小微企业预留"),
            total,
        });
    }
    None
}

/// Words that may stand between `三公` and the total's figure (`“三公”经费财政拨款预算数为`).
const THREE_PUB_TOTAL: [&str; 12] =
    ["”", "\"", "经费", "财政拨款", "一般公共预算", "预算数", "预算", "支出", "安排", "合计", "为", "是"];

/// The 三公 totals followed by `其中` and a list of the parts, in the same sentence (to its `。`)
/// or in the next one when it opens with `其中`; each part's figure right after its name.
fn three_pub_lists(s: &Stream, figs: &[Figure]) -> Vec<ThreePubList> {
    let c = &s.chars;
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = find(c, from, c.len(), "三公") {
        from = k + 2;
        let mut at = k + 2;
        while let Some(n) = word_at(c, at, &THREE_PUB_TOTAL) {
            at += n;
        }
        let Some(total) = fig_at(figs, at, 0).cloned() else { continue };
        let stop =
            |from: usize| find(c, from, (from + 300).min(c.len()), "。").unwrap_or_else(|| sentence_end(c, from));
        // `其中` in the total's sentence (after its change, `较 2025 年减少 2.48 万元，其中：…`) or
        // opening the next one; not after another 三公 total.
        let first = stop(total.at.end);
        let Some(list) = find(c, total.at.end, (first + 3).min(c.len()), "其中") else { continue };
        if find(c, total.at.end, list, "三公").is_some() {
            continue;
        }
        let end = stop(list);
        let item = |words: &[&str]| {
            words.iter().find_map(|w| {
                let p = find(c, list, end, w)?;
                fig_at(figs, p + w.chars().count(), 3).cloned()
            })
        };
        out.push(ThreePubList {
            abroad: item(&["因公出国(境)费用", "因公出国(境)费", "因公出国（境）费用", "因公出国（境）费"]),
            cars: item(&["公务用车购置及运行维护费", "公务用车购置及运行费"]),
            car_purchase: item(&["公务用车购置费"]),
            car_running: item(&["公务用车运行维护费", "公务用车运行费"]),
            reception: item(&["公务接待费"]),
            total,
        });
        from = end;
    }
    out
}

/// Read the 政府采购, 车辆, 大型设备 and 人员 statements from the stream `s` and its figures.
pub fn facts(s: &Stream, figs: &[Figure]) -> Facts {
    let c = &s.chars;
    let mut out = Facts { procurement: procurement(s, figs), three_pub: three_pub_lists(s, figs), ..Facts::default() };
    let mut from = 0;
    while let Some(k) = find(c, from, c.len(), "车辆") {
        from = k + 2;
        if k > 0 && matches!(c[k - 1], '他' | '用') {
            continue;
        }
        let Some((count, after)) = count_after(s, k, k + 3, &["车辆"], &['辆']) else { continue };
        // The kinds follow after `；其中：` in the same full sentence.
        let end = find(c, after, (after + 300).min(c.len()), "。").unwrap_or_else(|| sentence_end(c, after));
        let value = find(c, after, (after + 4).min(end), "价值").and_then(|p| fig_at(figs, p + 2, 2).cloned());
        let mut parts = Vec::new();
        for (kind, words) in [
            ("一般公务用车", &["一般公务用车", "一般公务用"][..]),
            ("执法执勤用车", &["执法执勤用车"][..]),
            ("其他车辆", &["其他车辆", "其他用车"][..]),
        ] {
            if let Some((n, a)) = count_after(s, after, end, words, &['辆']) {
                let v = find(c, a, (a + 4).min(end), "价值").and_then(|p| fig_at(figs, p + 2, 2).cloned());
                parts.push((kind, n, v));
            }
        }
        // A kind not among the three (特种专业技术用车, 机要通信用车…): the three do not add up.
        if counts_of(s, after, end, '辆') != parts.len() {
            parts.clear();
        }
        out.cars = Some(Cars { count, value, parts });
        break;
    }
    let mut from = 0;
    while let Some(k) = find(c, from, c.len(), "50万元以上大型设备") {
        from = k + 10;
        let end = sentence_end(c, k);
        let Some((over50, after)) = count_after(s, k, k + 11, &["大型设备"], &['台', '套']) else { continue };
        let Some(h) = find(c, after, end, "100万元以上大型设备") else { continue };
        let Some((over100, _)) = count_after(s, h, h + 12, &["大型设备"], &['台', '套']) else { continue };
        out.equipment.push(Equipment { over50, over100 });
    }
    if let Some(k) = find(c, 0, c.len(), "实有") {
        if let Some((total, after)) = count_after(s, k, k + 5, &["实有人数", "实有"], &['人']) {
            let end = sentence_end(c, after).max((after + 80).min(c.len()));
            let end = find(c, after, end, "。").unwrap_or(end);
            let quota = find(c, k.saturating_sub(20), k, "编制数")
                .and_then(|q| number_at(s, q + 3))
                .map(|(a, _)| a)
                .filter(|a| a.decimals == 0);
            let mut parts = Vec::new();
            for (kind, word) in [("在职", "在职"), ("退休", "退休"), ("离休", "离休")] {
                // `退休` as its own group, not inside `离退休`.
                let mut at = after;
                while let Some(p) = find(c, at, end, word) {
                    at = p + 2;
                    if kind == "退休" && p > 0 && c[p - 1] == '离' {
                        continue;
                    }
                    if let Some((n, _)) = count_after(s, p, p + 2, &[word], &['人']) {
                        parts.push((kind, n));
                    }
                    break;
                }
            }
            // Another group of people in the list (遗属, 编外, 离退休…): the three do not add up.
            if counts_of(s, after, end, '人') != parts.len() {
                parts.clear();
            }
            out.people = Some(People { quota, total, parts });
        }
    }
    out
}
