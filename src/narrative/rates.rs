//! Growth statements (`比上年增加 A 万元，增长 B%`, bound to the amount they speak of, HZ-23),
//! the 三公 parts' own changes, and shares (`X 万元，占 p%`).

use super::*;

/// `比上年…增加 A 万元，增长 B%`: the amount it is about, the change, the rate.
#[derive(Debug, Clone)]
pub struct Growth {
    /// The current figure the statement is about (the nearest amount before `比上年`).
    pub current: Figure,
    /// true: 增加/增长; false: 减少/下降.
    pub up: bool,
    /// The amount of the change (`A 万元`, unsigned: a printed `增加-38.85` flips `up`).
    pub change: Figure,
    /// The printed rate, if any, and whether its word agrees with the change's direction.
    pub rate: Option<(Figure, bool)>,
    /// The comparison basis as printed (`上年预算`, `2023 年执行数`…).
    pub basis: String,
    /// The first amount of the sentence when it is not `current`: the subject of a sentence that
    /// lists its parts before the comparison (`收入 4,203.47 万元，其中：… 100.00 万元，较上年增加…`).
    pub subject: Option<Figure>,
}

/// Words that open a comparison: with last year (`比上年`, `与 2023 年相比`) or, in a 决算, with
/// the budget (`比年初预算数`, `较预算数`).
const COMPARISON_WORDS: [&str; 10] =
    ["比上年", "较上年", "比20", "较20", "与上年相比", "与20", "比年初预算", "较年初预算", "比预算数", "较预算数"];

const UP: [&str; 3] = ["增加", "增长", "增幅"];

const DOWN: [&str; 5] = ["减少", "下降", "减幅", "降低", "降幅"];

pub fn growths(s: &Stream, figs: &[Figure]) -> Vec<Growth> {
    let c = &s.chars;
    let mut out: Vec<Growth> = Vec::new();
    let mut changes: std::collections::HashSet<(usize, usize)> = Default::default();
    let starts: Vec<usize> = (0..c.len()).filter(|&i| word_at(c, i, &COMPARISON_WORDS).is_some()).collect();
    for &i in &starts {
        // The comparison word, then (within a few characters) the direction and the change.
        let sentence_start = sentence_start(c, i);
        // The change of an earlier statement is not what a later one is about.
        let is_change = |f: &Figure| changes.contains(&(f.at.start, f.at.end));
        let candidates: Vec<&Figure> = figs_from(figs, sentence_start)
            .take_while(|f| f.at.start < i)
            .filter(|f| {
                f.unit != Unit::Percent && f.at.end <= i && !is_change(f) && !bracketed(c, f, i) && !after_zhan(c, f)
            })
            .collect();
        // `…预算数为 1685.72 万元。与上年相比增加 1557.29 万元`: a sentence that opens with the
        // comparison is about the subject of the sentence before it (its first amount: a list of
        // parts may follow it, `…住房保障支出 662.86 万元。比 2025 年增加 2,734.52 万元`).
        let opens = c[sentence_start..i].iter().all(|ch| ch.is_whitespace());
        let previous = || {
            let before = sentence_start.checked_sub(1).map(|k| stream::sentence_start(c, k))?;
            figs_from(figs, before)
                .take_while(|f| f.at.end <= sentence_start)
                .find(|f| f.unit != Unit::Percent && !is_change(f))
        };
        let (mut current, borrowed) = match candidates.last().copied() {
            Some(f) => (f, false),
            None if opens => match previous() {
                Some(f) => (f, true),
                None => continue,
            },
            None => continue,
        };
        let subject = candidates.first().filter(|f| f.at != current.at).map(|f| (*f).clone());
        // No other 比上年 between the current amount and this one.
        let later = starts.partition_point(|&o| o <= current.at.end);
        if starts.get(later).is_some_and(|&o| o < i) {
            continue;
        }
        let mut k = i;
        let limit = (i + 20).min(c.len());
        let mut dir = None;
        while k < limit {
            if let Some(n) = word_at(c, k, &UP) {
                dir = Some((true, k + n));
                break;
            }
            if let Some(n) = word_at(c, k, &DOWN) {
                dir = Some((false, k + n));
                break;
            }
            if is_stop(c[k]) {
                break;
            }
            k += 1;
        }
        let Some((mut up, after)) = dir else { continue };
        let basis: String = c[i..k].iter().collect();
        // Borrowed from the sentence before only when nothing is named between the comparison
        // and its verb (`与上年相比，财政拨款支出减少…` speaks of another subject).
        // …unless the sentence before states that subject's amount (`财政拨款支出 13733.8 万元，…。
        // 与 2023 年度相比，财政拨款支出减少 287.41 万元`).
        let named = basis.trim_start_matches("与上年相比").trim_start_matches("比上年").trim_start_matches("较上年");
        if borrowed && !named.chars().all(|ch| ch.is_whitespace() || matches!(ch, '，' | ',')) {
            match subject_stated(c, figs, sentence_start, &basis, &is_change) {
                Some(f) => current = f,
                None => continue,
            }
        }
        // The change: the first figure right after the verb.
        let Some(change) =
            figs_from(figs, after).take_while(|f| f.at.start <= after + 2).find(|f| f.unit != Unit::Percent)
        else {
            continue;
        };
        // `增加-38.85 万元，增长-14.99%`: a negative increase is a decrease.
        let negative = |f: &Figure| f.at.start > 0 && matches!(c[f.at.start - 1], '-' | '−');
        if negative(change) {
            up = !up;
        }
        // The rate: a percent after the change, before the sentence ends, after a direction word.
        let rate = rate_after(c, figs, change, up);
        changes.insert((change.at.start, change.at.end));
        out.push(Growth { current: current.clone(), up, change: change.clone(), rate, basis, subject });
    }
    out
}

/// The amount of the sentence before `sentence_start` that the comparison `basis` names
/// (`与 2023 年度相比，财政拨款支出` names `财政拨款支出`): the one printed right after that name.
fn subject_stated<'f>(
    c: &[char],
    figs: &'f [Figure],
    sentence_start: usize,
    basis: &str,
    is_change: &dyn Fn(&Figure) -> bool,
) -> Option<&'f Figure> {
    let (_, named) = basis.split_once("相比")?;
    let named: Vec<char> = named.chars().filter(|ch| !ch.is_whitespace() && !matches!(ch, '，' | ',')).collect();
    if named.len() < 2 {
        return None;
    }
    let before = stream::sentence_start(c, sentence_start.checked_sub(1)?);
    figs_from(figs, before).take_while(|f| f.at.end <= sentence_start).find(|f| {
        let said: Vec<char> = c[f.at.start.saturating_sub(named.len() + 4)..f.at.start]
            .iter()
            .filter(|ch| !ch.is_whitespace())
            .copied()
            .collect();
        f.unit != Unit::Percent && !is_change(f) && said.ends_with(&named)
    })
}

/// The rate printed after a change (`增加 A 万元，增长 B%`): the first percent right after a
/// direction word within a few characters of the change, in the same sentence; with whether its
/// word agrees with the change's direction `up` (`增长-14.99%` is a decrease). One scan for the
/// growth statements and for the 三公 parts' own changes.
fn rate_after(c: &[char], figs: &[Figure], change: &Figure, up: bool) -> Option<(Figure, bool)> {
    let negative = |f: &Figure| f.at.start > 0 && matches!(c[f.at.start - 1], '-' | '−');
    let mut m = change.at.end;
    while m < c.len() && m < change.at.end + 8 && !is_stop(c[m]) {
        let word = word_at(c, m, &UP).map(|n| (true, n)).or_else(|| word_at(c, m, &DOWN).map(|n| (false, n)));
        if let Some((w_up, n)) = word {
            let p = figs_from(figs, m + n).take_while(|f| f.at.start <= m + n + 2).find(|f| f.unit == Unit::Percent)?;
            return Some((p.clone(), (w_up != negative(p)) == up));
        }
        m += 1;
    }
    None
}

/// Is `f` inside brackets that close before `until` (`637.60 万元（含人员经费 631.92 万元）`)?
fn bracketed(c: &[char], f: &Figure, until: usize) -> bool {
    for &ch in &c[f.at.end..until.min(c.len())] {
        match ch {
            '(' | '（' => return false,
            ')' | '）' => return true,
            _ => {}
        }
    }
    false
}

/// Is `f` the base of a share (`占收入预算 11931.33 万元的 33.59%`)?
fn after_zhan(c: &[char], f: &Figure) -> bool {
    c[f.at.start.saturating_sub(8)..f.at.start]
        .iter()
        .rev()
        .take_while(|ch| !is_clause_stop(**ch))
        .any(|&ch| ch == '占')
}

/// `X 万元，占 p%`: a share, with the amount it is of, and the sentence's first amount (the
/// whole a `其中` list splits).
#[derive(Debug, Clone)]
pub struct Share {
    /// The amount the share is of (`X 万元`; a bracket's owner when `（含…）` stands between).
    pub part: Figure,
    /// The printed percentage (`p%`).
    pub percent: Figure,
    /// The first amount of the sentence before `part`, if any: the whole a `其中` list splits.
    pub subject: Option<Figure>,
    /// Earlier amounts nearby (the last few hundred characters) at least as large as the part:
    /// a structure paragraph's shares are of a total stated just before it.
    pub nearby: Vec<Figure>,
    /// The breakdown the share belongs to: the index (into the shares) of its first share. A
    /// breakdown is a run of shares in one sentence or list (`…占 61.9%；…占 11.8%；…占 26.3%。`),
    /// whose parts together are its whole.
    pub breakdown: usize,
}

pub fn shares(s: &Stream, figs: &[Figure]) -> Vec<Share> {
    let c = &s.chars;
    let mut out = Vec::new();
    for (n, f) in figs.iter().enumerate() {
        if f.unit != Unit::Percent {
            continue;
        }
        // `占` right before the percent, and the amount right before `占` (a comma between).
        let Some(zhan) = (f.at.start.saturating_sub(3)..f.at.start).rev().find(|&j| c[j] == '占') else { continue };
        let Some(mut part) = figs[..n].iter().rev().find(|p| p.unit != Unit::Percent) else { continue };
        if part.at.end > zhan || zhan - part.at.end > 2 {
            continue;
        }
        // `11293.73 万元（含上年结转 130.20 万元），占 94.66%`: the share is the bracket's owner's.
        if c[part.at.end..zhan].iter().any(|&ch| matches!(ch, ')' | '）')) {
            let Some(open) =
                (sentence_start(c, part.at.start)..part.at.start).rev().find(|&j| matches!(c[j], '(' | '（'))
            else {
                continue;
            };
            let Some(owner) =
                figs[..n].iter().rev().find(|p| p.unit != Unit::Percent && p.at.end <= open && open - p.at.end <= 1)
            else {
                continue;
            };
            part = owner;
        }
        let sentence_from = sentence_start(c, part.at.start);
        let subject = figs_from(figs, sentence_from)
            .take_while(|x| x.at.start < part.at.start)
            .find(|x| x.unit != Unit::Percent)
            .cloned();
        let window = part.at.start.saturating_sub(400);
        let nearby = figs_from(figs, window)
            .take_while(|x| x.at.start < part.at.start)
            .filter(|x| x.unit != Unit::Percent && x.value_wan().0 >= part.value_wan().0)
            .cloned()
            .collect();
        out.push(Share { part: part.clone(), percent: f.clone(), subject, nearby, breakdown: out.len() });
    }
    group_breakdowns(c, &mut out);
    out
}

/// Shares one after another with only `，；、` and words between them (no `。`, no paragraph
/// end, no other amount) form one breakdown.
fn group_breakdowns(c: &[char], shares: &mut [Share]) {
    for k in 1..shares.len() {
        let (from, to) = (shares[k - 1].percent.at.end, shares[k].part.at.start);
        let joined = from <= to && to - from <= 80 && !c[from..to].iter().any(|&ch| matches!(ch, '。' | BREAK));
        if joined {
            shares[k].breakdown = shares[k - 1].breakdown;
        }
    }
}

/// A 三公 part's name, one spelling for its variants (`公务用车运行维护费` = `公务用车运行费`,
/// `因公出国（境）费` = `因公出国（境）`).
pub fn three_pub_name(label: &str) -> String {
    let s = label.replace("运行维护费", "运行费").replace("(境)费", "(境)");
    // A header cell under 公务用车购置及运行费 names only its own part (`小计`, `购置费`, `运行费`).
    match s.trim_start_matches("其中:") {
        "公务用车购置及运行费小计" | "公务用车购置及运行小计" => "公务用车购置及运行费".into(),
        "购置费" | "车辆购置费" => "公务用车购置费".into(),
        "运行费" | "车辆运行费" => "公务用车运行费".into(),
        _ => s,
    }
}

/// The 三公 parts' changes, stated after the parts themselves without `比上年`
/// (`…“三公”经费数为 X 万元，其中：因公出国（境）a 万元…。…其中：因公出国（境）费增加 0.00 万元，
/// 增长 0.00%`): each bound to the amount its part was given before.
pub fn part_growths(s: &Stream, figs: &[Figure], claims: &[Claim], known: &[Growth]) -> Vec<Growth> {
    let c = &s.chars;
    let name = three_pub_name;
    let known: std::collections::HashSet<usize> = known.iter().map(|g| g.change.at.start).collect();
    // The first amount stated for each part (and for the total), in text order: a change binds
    // to the one stated before it.
    let mut first: std::collections::HashMap<String, &Claim> = std::collections::HashMap::new();
    let mut total: Option<&Claim> = None;
    let mut out = Vec::new();
    for cl in claims {
        // A new 三公 section (another document pasted after) starts afresh.
        if cl.part != Part::ThreePub {
            first.clear();
            total = None;
            continue;
        }
        let change =
            [("增加", true), ("减少", false)].iter().find_map(|(w, up)| cl.label.strip_suffix(w).map(|x| (x, *up)));
        let Some((stem, up)) = change else {
            if cl.other_year {
                continue;
            }
            if cl.label.contains("三公") && !cl.label.contains("上年") {
                total.get_or_insert(cl);
            } else {
                first.entry(name(&cl.label)).or_insert(cl);
            }
            continue;
        };
        if stem.is_empty() || known.contains(&cl.figure.at.start) {
            continue;
        }
        // `…“三公”经费(预算)比上年预算增加 A`: the change of the total stated before.
        let current = if stem.contains("上年") {
            if !stem.contains("三公") {
                continue;
            }
            total
        } else {
            first.get(&name(stem)).copied()
        };
        let Some(current) = current else { continue };
        let rate = rate_after(c, figs, &cl.figure, up);
        out.push(Growth {
            current: current.figure.clone(),
            up,
            change: cl.figure.clone(),
            rate,
            basis: "上年预算".into(),
            subject: None,
        });
    }
    out
}
