//! Projects as N7 (项目情况) and the 项目支出绩效目标表 describe them, with their 资金分配.

use super::*;

/// A project as the 情况说明 (N7 `项目名称：…预算安排规模：…资金分配情况：…`) or a 项目支出绩效
/// 目标表 (`项目名称 … 年度预算总额 …`) describes it.
#[derive(Debug, Clone)]
pub struct Project {
    /// The name as printed, without spaces.
    pub name: String,
    /// Byte range of the printed name in the normalized text.
    pub name_span: Range<usize>,
    /// `预算安排规模：X 万元` (N7).
    pub scale: Option<Figure>,
    /// `资金分配情况：…`: what it adds up to.
    pub allocation: Option<Allocation>,
    /// `年度预算总额 X` (绩效目标表).
    pub target_total: Option<Amount>,
    /// `项目总体目标：…资金总额为 X 万元` / `安排预算资金 X 万元` (绩效目标表).
    pub goal_amount: Option<Figure>,
}

/// A project's 资金分配情况: the total it states (after `共计`/`合计`, or before `其中`) and its
/// parts (a number without a unit followed by a list separator takes the parts' 万元, HZ-20).
/// No parts when the text mixes in other units (`每人每月 120 元`).
#[derive(Debug, Clone)]
pub struct Allocation {
    /// The whole it states, if it states one (then `parts` is empty).
    pub total: Option<Figure>,
    /// The amounts it lists, in order, when it states no whole (a bare number counts in 万元).
    pub parts: Vec<Figure>,
}

/// Where a project's name ends: the next field's label.
const PROJECT_FIELDS: [&str; 10] = [
    "设立的政策依据",
    "政策依据",
    "预算安排规模",
    "项目承担单位",
    "项目负责人",
    "主管部门",
    "实施单位",
    "项目资金",
    "资金分配",
    "项目属性",
];
const PROJECT_SPAN: usize = 3000;

pub fn projects(s: &Stream, figs: &[Figure]) -> Vec<Project> {
    let c = &s.chars;
    let starts: Vec<usize> = (0..c.len()).filter(|&i| word_at(c, i, &["项目名称"]).is_some()).collect();
    let mut out = Vec::new();
    for (k, &at) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(c.len()).min(at + PROJECT_SPAN).min(c.len());
        let mut i = at + 4;
        while i < end && matches!(c[i], ':' | '：' | ' ') {
            i += 1;
        }
        let name_end = (i..end.min(i + 60)).find(|&j| is_stop(c[j]) || word_at(c, j, &PROJECT_FIELDS).is_some());
        let Some(name_end) = name_end.filter(|&e| e > i) else { continue };
        let name: String = c[i..name_end].iter().filter(|ch| *ch != &' ').collect();
        let fig_after = |word: &str, within: usize| {
            find(c, name_end, end, word).and_then(|w| {
                figs_from(figs, w + word.chars().count())
                    .take_while(|f| f.at.start <= w + word.chars().count() + within)
                    .find(|f| f.unit != Unit::Percent)
                    .cloned()
            })
        };
        let scale = fig_after("预算安排规模", 2);
        let target_total = find(c, name_end, end, "年度预算总额").and_then(|w| number_at(s, w + 6)).map(|(a, _)| a);
        let goal_amount = find(c, name_end, end, "项目总体目标").and_then(|g| {
            let stop = (g..end.min(g + 200)).find(|&j| is_stop(c[j])).unwrap_or(end.min(g + 200));
            // Only the words that state the whole (`预算安排资金总额为 X`); `安排预算资金 X` often
            // introduces one part of it.
            ["资金总额为", "资金总额", "预算总额为"].iter().find_map(|w| {
                let p = find(c, g, stop, w)?;
                let n = w.chars().count();
                figs_from(figs, p + n)
                    .take_while(|f| f.at.start <= p + n + 1)
                    .find(|f| matches!(f.unit, Unit::Wan))
                    .cloned()
            })
        });
        let allocation = find(c, name_end, end, "资金分配情况").and_then(|a| allocation(s, figs, a + 6, end));
        out.push(Project { name, name_span: s.span(i, name_end), scale, allocation, target_total, goal_amount });
    }
    out
}

/// Words that state an allocation's whole (`共计 X`, `总计 X`); a figure right after one is the total.
const TOTAL_WORDS: [&str; 6] = ["共计", "合计", "总计", "累计", "总额", "共"];

/// Words after which the figure before them is the whole and what follows its (perhaps partial)
/// split: `项目资金 200 万元，其中：…` / `…，主要用于：…` / `…，包括…`.
const SPLIT_WORDS: [&str; 3] = ["其中", "主要用于", "包括"];

/// The 资金分配情况 text from `from` to `资金执行时间` (or `end`).
fn allocation(s: &Stream, figs: &[Figure], from: usize, end: usize) -> Option<Allocation> {
    let c = &s.chars;
    let field_end = find(c, from, end, "资金执行").or_else(|| find(c, from, end, "项目总体目标"));
    let stop = field_end.unwrap_or(end).min(from + SENTENCE_MAX);
    // A list cut off by the end of the paste is not added up: it must end at the next field or
    // at a full stop.
    let closed = field_end.is_some_and(|e| e <= stop) || (from..stop).any(|k| c[k] == '。');
    if !closed {
        return None;
    }
    let inside: Vec<&Figure> = figs_from(figs, from).take_while(|f| f.at.start < stop).collect();
    // A stated total: the figure right after a total word.
    for w in TOTAL_WORDS {
        let n = w.chars().count();
        let mut at = from;
        while let Some(t) = find(c, at, stop, w) {
            at = t + n;
            if let Some(f) =
                inside.iter().find(|f| f.at.start >= t + n && f.at.start <= t + n + 1 && f.unit == Unit::Wan)
            {
                return Some(Allocation { total: Some((*f).clone()), parts: Vec::new() });
            }
        }
    }
    // Changes (`比上年增加 37.44 万元`) and bracketed sub-splits are not parts, and a `其中` in
    // brackets is not the list's: nothing is added up.
    let text: String = c[from..stop].iter().collect();
    if ["增加", "减少", "上年", "(", "（"].iter().any(|w| text.contains(w)) {
        return None;
    }
    // A whole stated first, before `其中`/`主要用于`/`包括`: compared; the split after it may be
    // partial. Those words anywhere else open a sub-list: nothing is added up.
    if let Some(q) = SPLIT_WORDS.iter().filter_map(|w| find(c, from, stop, w)).min() {
        let before: Vec<&&Figure> = inside.iter().filter(|f| f.at.end <= q).collect();
        return match before.as_slice() {
            [whole] if whole.unit == Unit::Wan => {
                Some(Allocation { total: Some((**whole).clone()), parts: Vec::new() })
            }
            _ => None,
        };
    }
    // Rates, shares, counts and schedules (`每人每月`, `/月`, `平均`, `占 68.72%`, `101 人`,
    // `分 3 批`) describe how the money is spent, not parts that add up to it.
    if ["每", "/", "平均", "占", "%"].iter().any(|w| text.contains(w)) || inside.iter().any(|f| f.unit != Unit::Wan)
    {
        return None;
    }
    let mut parts: Vec<Figure> = Vec::new();
    let mut j = from;
    while j < stop {
        if let Some(f) = inside.iter().find(|f| f.at.start == j) {
            parts.push((*f).clone());
            j = f.at.end;
            continue;
        }
        if c[j].is_ascii_digit() && (j == 0 || !is_num_char(c[j - 1]) && !c[j - 1].is_ascii_alphabetic()) {
            let (amount, after) = number_at(s, j)?;
            let next = c.get(after).copied();
            // An amount without its unit (HZ-20: `差额工资 52.98、冬碳费 13.5 万元`) has decimals and
            // is followed by a list separator; a whole number is a count, a year or a list marker.
            if amount.decimals > 0 && matches!(next, Some('、' | ',' | '，' | ';' | '；')) {
                parts.push(Figure { amount, unit: Unit::Wan, at: j..after });
            } else if amount.decimals == 0
                && (matches!(next, Some('、' | '.' | ')' | '）' | '-' | '—' | '~'))
                    || j > 0 && matches!(c[j - 1], '-' | '—' | '~'))
            {
                // `1、` / `(2)` list markers, ranges (`92-93 辞去现职人员`).
            } else if amount.decimals == 0 && next.is_some_and(|ch| "人名户个批条辆台次年月日".contains(ch))
            {
                // A count or a date beside the money.
            } else {
                // A bare number we cannot place: do not add up.
                return None;
            }
            j = after.max(j + 1);
            continue;
        }
        j += 1;
    }
    (!parts.is_empty()).then_some(Allocation { total: None, parts })
}
