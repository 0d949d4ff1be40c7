//! The identities a table's header defines within every row (`合计 = 基本支出 + 项目支出`,
//! `总计 = 小计 + …`), from its column names. The column resolver places vanished blank cells
//! by them, and the row rules check them: one definition for both.

/// `columns[total] = Σ columns[parts]` in every row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowIdentity {
    /// The total column.
    pub total: usize,
    /// The part columns.
    pub parts: Vec<usize>,
}

/// Is `ids` the one identity "first column = all the others" over `ncols` columns? Then every
/// amount after a row's first is a part, whichever column it stands in.
pub fn is_flat(ids: &[RowIdentity], ncols: usize) -> bool {
    matches!(ids, [only] if only.total == 0 && only.parts.len() + 1 == ncols)
}

/// The identities that hold within every row of a table, as (total column, part columns), from
/// the column names the header gave.
pub fn row_identities(columns: &[String]) -> Vec<RowIdentity> {
    let at = |name: &str| columns.iter().position(|c| c == name);
    let all = |names: &[&str]| -> Option<Vec<usize>> { names.iter().map(|n| at(n)).collect() };
    let mut out = Vec::new();
    let mut push = |total: &str, parts: &[&str]| {
        if let (Some(t), Some(p)) = (at(total), all(parts)) {
            out.push(RowIdentity { total: t, parts: p });
        }
    };
    // T3/T5 (with the Ministry's other spending columns after 项目支出, when printed); T6;
    // T8/T9 (基本支出 printed as 人员经费 + 公用经费)
    let others: Vec<&str> =
        ["事业单位经营支出", "上缴上级支出", "对附属单位补助支出", "单位预留机动经费", "结转下年资金"]
            .into_iter()
            .filter(|n| at(n).is_some())
            .collect();
    if others.is_empty() {
        push("合计", &["基本支出", "项目支出"]);
    } else {
        let parts: Vec<&str> = ["基本支出", "项目支出"].into_iter().chain(others.iter().copied()).collect();
        push("合计", &parts);
    }
    if at("项目支出").is_some() && at("基本支出").is_none() {
        let parts: Vec<&str> = ["人员经费", "公用经费", "项目支出"].into_iter().chain(others.iter().copied()).collect();
        push("合计", &parts);
    } else if at("基本支出").is_some() {
        // 基本支出 with its parts under it (合计 | 基本支出 | 人员经费 | 公用经费 | 项目支出).
        push("基本支出", &["人员经费", "公用经费"]);
    } else {
        push("合计", &["人员经费", "公用经费"]);
    }
    // T2
    if let Some(sub) = at("财政拨款(补助)小计") {
        let funds: Vec<usize> = (sub + 1..columns.len()).take_while(|&j| !columns[j].starts_with("财政专户")).collect();
        out.push(RowIdentity { total: sub, parts: funds });
        if let (Some(t), Some(rest)) = (
            at("总计"),
            all(&["财政拨款(补助)小计", "财政专户(教育收费)", "单位资金", "财政拨款结转", "非财政拨款结转结余"]),
        ) {
            out.push(RowIdentity { total: t, parts: rest });
        }
    }
    // A flat 收入总表: 总计 = Σ its sources.
    if columns.first().is_some_and(|c| c == "总计")
        && columns.len() > 2
        && columns[1..].iter().all(|c| c.starts_with("来源") || subtotal_parts(c).is_some())
    {
        out.extend(source_identities(columns));
    }
    // T7: 项目支出合计 = Σ economic classes
    if columns.first().is_some_and(|c| c == "项目支出合计") {
        out.push(RowIdentity { total: 0, parts: (1..columns.len()).collect() });
    }
    // T10
    if let (Some(t), Some(p)) = (at("合计"), all(&["一般公共预算", "政府性基金", "国有资本经营预算"]))
    {
        out.push(RowIdentity { total: t, parts: p });
    }
    // T11
    if let (Some(t), Some(p)) = (at("总计"), all(&["财政拨款合计", "非财政拨款合计"])) {
        out.push(RowIdentity { total: t, parts: p });
        for side in ["财政拨款", "非财政拨款"] {
            let names = [format!("{side}人员经费"), format!("{side}公用经费"), format!("{side}项目支出")];
            let parts: Option<Vec<usize>> = names.iter().map(|n| at(n)).collect();
            if let (Some(t), Some(p)) = (at(&format!("{side}合计")), parts) {
                out.push(RowIdentity { total: t, parts: p });
            }
        }
    }
    out
}

/// A column's name as messages print it: `小计` for a subtotal read by position (`小计·3`), the
/// source a numbered source column names (`一般公共预算` for `来源1·一般公共预算`).
pub fn column_label(column: &str) -> &str {
    if subtotal_parts(column).is_some() {
        return "小计";
    }
    match column.split_once('·') {
        Some((source, key)) if source.starts_with("来源") => key,
        _ => column,
    }
}

/// `小计·3`: a 收入总表 subtotal over the 3 columns after it.
pub fn subtotal_parts(column: &str) -> Option<usize> {
    column.strip_prefix("小计·")?.parse().ok()
}

/// A 收入总表 by position: 总计 = Σ its top-level columns, each `小计·n` = Σ the n after it.
fn source_identities(columns: &[String]) -> Vec<RowIdentity> {
    let mut top = Vec::new();
    let mut subs = Vec::new();
    let mut k = 1;
    while k < columns.len() {
        top.push(k);
        match subtotal_parts(&columns[k]) {
            Some(n) => {
                subs.push(RowIdentity { total: k, parts: (k + 1..(k + 1 + n).min(columns.len())).collect() });
                k += 1 + n;
            }
            None => k += 1,
        }
    }
    let mut out = vec![RowIdentity { total: 0, parts: top }];
    out.extend(subs);
    out
}
