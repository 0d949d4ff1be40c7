//! Table titles: which table a title line names, and whether it is a table-of-contents entry.

use super::TableId;

pub const CHINESE_NUMERALS: &str = "一二三四五六七八九十";

/// Strip `表 3`, `表3:`, `表三、`, `- `, `一、`, `1.` and similar prefixes. Returns the rest and
/// whether the prefix marks a table-of-contents entry (a list dash or a Chinese enumerator).
pub fn strip_title_prefix(c: &str) -> (&str, bool) {
    let mut s = c;
    let mut toc = false;
    if let Some(r) = s.strip_prefix('-') {
        s = r;
        toc = true;
    }
    if let Some(r) = s.strip_prefix('表') {
        let r2 = r.trim_start_matches(|ch: char| ch.is_ascii_digit() || CHINESE_NUMERALS.contains(ch));
        if r2.len() < r.len() {
            s = r2.trim_start_matches([':', '、', '.', ' ']);
        }
    }
    let r = s.trim_start_matches(|ch: char| CHINESE_NUMERALS.contains(ch));
    if r.len() < s.len() && r.starts_with('、') {
        s = &r['、'.len_utf8()..];
        toc = true;
    }
    let r = s.trim_start_matches(|ch: char| ch.is_ascii_digit());
    if r.len() < s.len() && (r.starts_with('、') || r.starts_with('.')) && !r.starts_with(".0") {
        s = r.trim_start_matches(['、', '.']);
        toc = true;
    }
    (s, toc)
}

/// A contents entry's page number or dot leaders after the title (`部门收支总表......5`).
pub fn has_page_number(c: &str) -> bool {
    without_page_number(strip_title_prefix(c).0).is_some()
}

/// The title before a contents entry's dot leaders and page number, if it has them.
fn without_page_number(s: &str) -> Option<&str> {
    let trimmed = s.trim_end_matches(|ch: char| ch.is_ascii_digit()).trim_end_matches(['.', '…', '·']);
    (trimmed.len() < s.len() && trimmed.ends_with('表')).then_some(trimmed)
}

/// Recognise a table title in a compact line.
pub fn classify_title(c: &str) -> Option<(TableId, bool)> {
    // (A contents entry's dot leaders do not count towards the length.)
    let n = without_page_number(c).unwrap_or(c).chars().count();
    if n > 48 || c.contains(['。', ',', ';', '，', '；']) || c.contains("为空表") {
        return None;
    }
    let (mut s, mut toc) = strip_title_prefix(c);
    // Final accounts (决算): the spending tables by code are read; the others (总表 with 行次,
    // 收入决算表, 三公 决算数 beside 预算数) follow other identities and are not read yet.
    if c.contains("决算") {
        return final_title(without_page_number(s).unwrap_or(s)).map(|id| (id, toc || has_page_number(c)));
    }
    // Table-of-contents dot leaders and page numbers.
    if let Some(title) = without_page_number(s) {
        s = title;
        toc = true;
    }
    // (The qualifier may be what names the kind: `…支出明细表（按支出经济分类科目）`.)
    let econ = s.contains("经济分类");
    let functional = s.contains("功能分类") || s.contains("功能科目");
    // A qualifier in brackets after the title (`…支出情况表（按功能分类科目）`).
    if let Some(open) = s.rfind(['（', '(']).filter(|_| s.ends_with(['）', ')'])) {
        if s[..open].ends_with('表') {
            s = &s[..open];
        }
    }
    if !s.ends_with('表') {
        return None;
    }
    // 政府采购 (支出) 预算表 and 项目支出绩效目标表 are kinds of their own, not T3 or T7.
    if s.contains("政府采购") || s.contains("绩效") {
        return None;
    }
    let general = s.contains("一般公共预算");
    // Basic spending by function (`…基本支出明细表（按支出功能分类科目）`, `（按功能科目分）`): not T6.
    if general && s.contains("基本支出") && functional {
        return Some((TableId::BasicFunc, toc));
    }
    // By economic class over the general budget (a kind of its own, not T5).
    if econ && !s.contains("基本支出") {
        return (general && s.contains("支出")).then_some((TableId::EconSpend, toc));
    }
    // 项目支出预算表 over all funds (each project by source, 浙江): not T7, which is the general
    // budget's by economic class.
    if s.contains("项目支出")
        && !general
        && !s.contains("财政拨款")
        && !s.contains("政府性基金")
        && !s.contains("国有资本")
        && !s.contains("三公")
    {
        let list = ["项目支出预算表", "项目支出表", "项目支出总表"].iter().any(|k| s.ends_with(k));
        return (list && s.chars().count() <= 24).then_some((TableId::ProjSrc, toc));
    }
    // 部门预算基本支出预算表 (广州: by unit and economic class, over all funds): not T6.
    if s.contains("基本支出") && !general && !s.contains("财政拨款") && !functional && !econ {
        let by_unit = s.ends_with("基本支出预算表") || s.ends_with("基本支出总表");
        return (by_unit && s.chars().count() <= 16).then_some((TableId::BasicUnit, toc));
    }
    // 财政拨款支出(预算)表 (江苏: all fiscal funds by function) is a kind of its own, not T3.
    if s.contains("财政拨款") && !s.contains("收支") && !general && !s.contains("三公") {
        let id = if s.contains("基本支出") {
            TableId::FisBasic
        } else if s.contains("项目") || s.contains("结转") || !s.contains("支出") {
            // Projects, or last year's carried-over money: other tables again.
            return None;
        } else {
            TableId::FisSpend
        };
        return Some((id, toc));
    }
    let id = if s.contains("三公") {
        TableId::T10
    } else if s.ends_with("结转结余情况明细表") || s.ends_with("结转结余情况表") {
        TableId::T11
    } else if s.contains("财政拨款收支") {
        TableId::T4
    } else if general && s.contains("基本支出") {
        TableId::T6
    } else if general && s.contains("项目支出") {
        TableId::T7
    } else if general && s.contains("支出") {
        TableId::T5
    } else if s.contains("政府性基金") && s.contains("支出") {
        TableId::T8
    } else if s.contains("国有资本经营") && s.contains("支出") {
        TableId::T9
    } else if ["收支总体情况表", "收支总表", "收支预算总表", "收支预算总体情况表"].iter().any(|k| s.ends_with(k))
    {
        TableId::T1
    } else if ["收入总体情况表", "收入总表", "收入预算总表", "收入预算表"].iter().any(|k| s.ends_with(k))
    {
        TableId::T2
    } else if ["支出总体情况表", "支出总表", "支出预算总表", "支出预算表"].iter().any(|k| s.ends_with(k))
    {
        TableId::T3
    } else {
        return None;
    };
    // The part before the keyword (entity, year, 部门/单位) must stay short.
    if s.chars().count() > 36 {
        return None;
    }
    Some((id, toc))
}

/// A 决算 table the checker reads, by its title (`支出决算表`, `一般公共预算财政拨款支出决算明细表`,
/// `一般公共预算财政拨款基本支出决算表`).
fn final_title(s: &str) -> Option<TableId> {
    let s =
        s.strip_suffix("(明细)表").or_else(|| s.strip_suffix("（明细）表")).map_or(s.to_string(), |x| format!("{x}表"));
    let s = s.replace("明细表", "表");
    if s.ends_with("收入支出决算总表") && !s.contains("基金") && !s.contains("三公") && s.chars().count() <= 36
    {
        return Some(if s.contains("财政拨款") { TableId::FinalFisTotal } else { TableId::FinalTotal });
    }
    if s.contains("三公") && s.ends_with("支出决算表") && s.chars().count() <= 36 {
        return Some(TableId::Final3Pub);
    }
    if s.chars().count() > 36 || s.contains("三公") {
        return None;
    }
    if s.ends_with("政府性基金预算财政拨款收入支出决算表") || s.ends_with("政府性基金预算财政拨款支出决算表")
    {
        return Some(TableId::FinalGf);
    }
    if s.ends_with("国有资本经营预算财政拨款支出决算表") || s.ends_with("国有资本经营预算财政拨款收入支出决算表")
    {
        return Some(TableId::FinalSoe);
    }
    if s.ends_with("收入决算表") && !s.contains("支出") && !s.contains("财政拨款") && !s.contains("基金") {
        return Some(TableId::FinalIncome);
    }
    if s.contains("收入") {
        return None;
    }
    if s.ends_with("一般公共预算财政拨款基本支出决算表") {
        Some(TableId::FinalBasic)
    } else if s.ends_with("一般公共预算财政拨款支出决算表") {
        Some(TableId::FinalGpb)
    } else if s.ends_with("支出决算表") && !s.contains("财政拨款") && !s.contains("项目") {
        Some(TableId::FinalSpend)
    } else {
        None
    }
}

/// The title of a table of a kind the checker does not read (`基本支出预算情况表`,
/// `政府采购预算表`, `部门预算项目绩效目标表`): a short line of its own that ends with 表. It ends
/// the region of the table printed before it.
pub fn is_other_title(c: &str) -> bool {
    let (s, _) = strip_title_prefix(c);
    let n = s.chars().count();
    (4..=36).contains(&n)
        && s.ends_with('表')
        && !s.contains(['。', '，', ',', '；', ';', '：', ':'])
        // (`会议费、培训费支出决算表`: a list of items in a title; elsewhere `、` is prose.)
        && s.match_indices('、').all(|(k, _)| s[..k].ends_with('费'))
        && classify_title(c).is_none()
        && !super::is_table_label(c)
}

/// A part heading (`第二部分 …`): it ends the region of the table printed before it.
pub fn is_section_break(c: &str) -> bool {
    c.starts_with('第') && c.chars().take(6).collect::<String>().contains("部分")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(classify_title("部门收支总体情况表"), Some((TableId::T1, false)));
        assert_eq!(classify_title("-一、部门收支总体情况表"), Some((TableId::T1, true)));
        assert_eq!(classify_title("一、单位收支总体情况表"), Some((TableId::T1, true)));
        assert_eq!(classify_title("表1:单位收支总体情况表"), Some((TableId::T1, false)));
        assert_eq!(classify_title("财政拨款收支预算总体情况表"), Some((TableId::T4, false)));
        assert_eq!(classify_title("一般公共预算支出情况表"), Some((TableId::T5, false)));
        assert_eq!(classify_title("一般公共预算基本支出情况表"), Some((TableId::T6, false)));
        assert_eq!(classify_title("部门支出总体情况表"), Some((TableId::T3, false)));
        assert_eq!(classify_title("财政拨款“三公”经费支出情况表"), Some((TableId::T10, false)));
        assert_eq!(classify_title("上年结转结余情况明细表"), Some((TableId::T11, false)));
        assert_eq!(classify_title("公开05表财政拨款支出表（功能科目）"), Some((TableId::FisSpend, false)));
        assert_eq!(classify_title("财政拨款基本支出预算表"), Some((TableId::FisBasic, false)));
        // 广东 print basic spending by function beside the one by economic class.
        assert_eq!(
            classify_title("部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）"),
            Some((TableId::BasicFunc, false))
        );
        assert_eq!(
            classify_title("2022年部门综合预算一般公共预算基本支出明细表（按功能科目分）"),
            Some((TableId::BasicFunc, false))
        );
        assert_eq!(
            classify_title("部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）"),
            Some((TableId::T6, false))
        );
        assert_eq!(classify_title("2026年度一般公共预算支出经济分类情况表"), Some((TableId::EconSpend, false)));
        assert_eq!(
            classify_title("部门综合预算一般公共预算支出明细表（按支出经济分类科目）"),
            Some((TableId::EconSpend, false))
        );
        assert_eq!(classify_title("部门综合预算财政拨款上年结转资金支出表"), None);
        assert_eq!(classify_title("部门收支总表......5"), Some((TableId::T1, true)));
        assert_eq!(classify_title("政府性基金预算支出情况表为空表。"), None);
        assert_eq!(classify_title("收入支出决算总表"), Some((TableId::FinalTotal, false)));
        assert_eq!(classify_title("四、财政拨款收入支出决算总表"), Some((TableId::FinalFisTotal, true)));
        assert_eq!(classify_title("政府性基金预算财政拨款收入支出决算表"), Some((TableId::FinalGf, false)));
        assert_eq!(classify_title("国有资本经营预算财政拨款支出决算表"), Some((TableId::FinalSoe, false)));
        assert_eq!(classify_title("支出决算表"), Some((TableId::FinalSpend, false)));
        assert_eq!(classify_title("二、收入决算表"), Some((TableId::FinalIncome, true)));
        assert_eq!(classify_title("四、财政拨款收入支出决算总表"), Some((TableId::FinalFisTotal, true)));
        assert_eq!(classify_title("政府性基金预算财政拨款收入支出决算表"), Some((TableId::FinalGf, false)));
        assert_eq!(classify_title("国有资本经营预算财政拨款支出决算表"), Some((TableId::FinalSoe, false)));
        assert_eq!(
            classify_title("二、收入决算表...........................................6"),
            Some((TableId::FinalIncome, true))
        );
        assert_eq!(classify_title("财政拨款“三公”经费及会议费、培训费支出决算表"), Some((TableId::Final3Pub, false)));
        assert!(!is_other_title("详见附表1、附表2表"));
        assert_eq!(classify_title("三、支出决算表"), Some((TableId::FinalSpend, true)));
        assert_eq!(classify_title("一般公共预算财政拨款支出决算明细表"), Some((TableId::FinalGpb, false)));
        assert_eq!(classify_title("一般公共预算财政拨款基本支出决算表"), Some((TableId::FinalBasic, false)));
        assert!(is_other_title("基本支出预算情况表"));
        assert!(is_other_title("十二、政府采购预算情况表"));
        assert!(!is_other_title("支出总体情况表"));
        assert!(!is_other_title("公开03表"));
        assert!(!is_other_title("注：本表反映部门本年度一般公共预算支出情况表"));
    }
}
