//! Putting back blank cells that vanished (HZ-11). In space-separated or glued text a row such
//! as `208 01 01 行政运行 1,103.51 1,103.51` does not say whether 1,103.51 is 基本支出 or 项目支出.
//! A placement is accepted only when it is forced:
//! * the economic class fixes it (T6: 301/303 are 人员经费, 302/307/310/399 公用经费);
//! * the same code in a sibling table (T3 ↔ T5) prints the same amounts in known columns;
//! * among all placements of a parent row and its children, exactly one makes every part column
//!   add up (the parent = Σ children), the total column being known.
//!
//! Anything else stays ambiguous and the checks that need it are skipped.

use super::identities::{is_flat, row_identities, RowIdentity};
use super::{
    BalanceTable, Cell, CodedRow, CodedTable, IncomeLevel, Inference, LabelledTable, RowProblem, Table, TableBody,
    TableId,
};
use crate::amount::Amount;
use crate::amount::{check_sum, SumCheck};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// Enumerating more combinations than this for one parent is not worth it: stay ambiguous.
const MAX_COMBINATIONS: usize = 4096;

/// Do the cells satisfy every row identity (within the rounding of the printed digits)?
fn satisfies(cells: &[Cell], ids: &[RowIdentity]) -> bool {
    let val = |c: &Cell| -> Option<(Decimal, Decimal)> {
        match c {
            Cell::Value(a) => Some((a.value, a.half_step())),
            Cell::Blank => Some((Decimal::ZERO, Decimal::ZERO)),
            Cell::Unknown => None,
        }
    };
    ids.iter().all(|RowIdentity { total: t, parts }| {
        let (Some(total), Some(ps)) = (
            cells.get(*t).and_then(val),
            parts.iter().map(|&p| cells.get(p).and_then(val)).collect::<Option<Vec<_>>>(),
        ) else {
            return true;
        };
        !matches!(check_sum(total, &ps), SumCheck::Mismatch { .. })
    })
}

/// Every placement of a row's amounts (the first in the first column, the rest in increasing
/// columns, in printed order) that satisfies the row identities.
fn placements(amounts: &[Amount], ncols: usize, ids: &[RowIdentity], allowed: &[bool], limit: usize) -> Vec<Vec<Cell>> {
    let Some((first, parts)) = amounts.split_first() else { return Vec::new() };
    if ncols == 0 || parts.len() >= ncols {
        return Vec::new();
    }
    let m = |a: &Amount| micro(&Cell::Value(a.clone())).unwrap_or((0, 0));
    let first_m = m(first);
    let parts_m: Vec<(i128, i128)> = parts.iter().map(m).collect();
    let mut out = Vec::new();
    let mut pick = Vec::new();
    // Column → (value, radius) in millionths, reused across placements; cells are built only
    // for the placements that satisfy the identities.
    let mut vals: Vec<(i128, i128)> = vec![(0, 0); ncols];
    choose(0, ncols - 1, parts.len(), &mut pick, &mut |cols: &[usize]| {
        if cols.iter().any(|&c| !allowed.get(c + 1).copied().unwrap_or(true)) {
            return true;
        }
        vals.iter_mut().for_each(|v| *v = (0, 0));
        vals[0] = first_m;
        for (a, &c) in parts_m.iter().zip(cols) {
            vals[c + 1] = *a;
        }
        let ok = ids.iter().all(|RowIdentity { total: t, parts: ps }| {
            let Some(&(tv, th)) = vals.get(*t) else { return true };
            let (sum, env) = ps.iter().filter_map(|&p| vals.get(p)).fold((0i128, th), |(s, e), &(v, h)| (s + v, e + h));
            (tv - sum).abs() <= env
        });
        if ok {
            let mut cells = vec![Cell::Blank; ncols];
            cells[0] = Cell::Value(first.clone());
            for (a, &c) in parts.iter().zip(cols) {
                cells[c + 1] = Cell::Value(a.clone());
            }
            out.push(cells);
        }
        out.len() < limit
    });
    out
}

/// More placements than this for one row: too open to settle by a rollup.
const MAX_PLACEMENTS: usize = 64;

/// Columns a row may use: amounts are never negative, so a column that is blank in the total
/// row, or in the row's parent, is blank in the row too.
fn allowed_columns(rows: &[CodedRow], k: usize, ncols: usize, index: &HashMap<String, usize>) -> Vec<bool> {
    let mut allowed = vec![true; ncols];
    let mut restrict = |other: &CodedRow| {
        if other.problem.is_none() && other.cells.len() == ncols {
            for (j, c) in other.cells.iter().enumerate() {
                if matches!(c, Cell::Blank) {
                    allowed[j] = false;
                }
            }
        }
    };
    let r = &rows[k];
    if !r.is_total {
        if let Some(total) = index.get(TOTAL).and_then(|&t| rows.get(t)) {
            restrict(total);
        }
    }
    if let Some(code) = r.code.as_deref().filter(|c| c.len() > 3) {
        if let Some(&p) = index.get(&code[..code.len() - 2]) {
            if let Some(parent) = rows.get(p) {
                restrict(parent);
            }
        }
    }
    allowed
}

/// Row index by code; the (first) total row under the key `TOTAL`.
fn code_index(rows: &[CodedRow]) -> HashMap<String, usize> {
    let mut index: HashMap<String, usize> = HashMap::new();
    for (k, r) in rows.iter().enumerate() {
        if let Some(code) = &r.code {
            index.entry(code.clone()).or_insert(k);
        } else if r.is_total {
            index.entry(TOTAL.to_string()).or_insert(k);
        }
    }
    index
}

const TOTAL: &str = "TOTAL";

/// T4's expenditure lines (合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算) when the
/// blank cells vanished: a fund T1 shows no money for takes no amount; place what is forced.
fn t4_expense(b: &mut BalanceTable, t1: Option<&BalanceTable>) {
    let ncols = b.columns.len();
    if ncols != 4 {
        return;
    }
    let allowed = [
        true,
        true,
        t1.is_none_or(|t1| fund_has_money(t1, "基金")),
        t1.is_none_or(|t1| fund_has_money(t1, "国有资本经营")),
    ];
    let ids = [RowIdentity { total: 0, parts: vec![1, 2, 3] }];
    for item in b.expense.iter_mut().chain(b.expense_total.iter_mut()) {
        if item.positional.is_some() || item.amounts.len() < 2 {
            continue;
        }
        let p = placements(&item.amounts, ncols, &ids, &allowed, 2);
        if let [only] = p.as_slice() {
            item.positional = Some(only.iter().map(|c| c.amount().cloned()).collect());
        }
    }
}

/// Does T1 show any money of this fund, this year or carried over? Unknown counts as yes.
fn fund_has_money(b: &BalanceTable, fund: &str) -> bool {
    let lines: Vec<_> = b.income.iter().filter(|i| i.label.contains(fund) && i.label.ends_with("拨款")).collect();
    lines.is_empty() || lines.iter().any(|i| i.amount.as_ref().is_some_and(|a| !a.value.is_zero()))
}

/// Settle every ambiguous row that its row identities and allowed columns leave one placement.
fn identity_pass(c: &mut CodedTable, ids: &[RowIdentity]) -> bool {
    let ncols = c.columns.len();
    let mut settled: Vec<(usize, Vec<Cell>)> = Vec::new();
    {
        let index = code_index(&c.rows);
        for (k, r) in c.rows.iter().enumerate() {
            if r.problem != Some(RowProblem::AmbiguousColumns) {
                continue;
            }
            let allowed = allowed_columns(&c.rows, k, ncols, &index);
            let p = placements(&r.amounts, ncols, ids, &allowed, 2);
            if p.len() == 1 {
                settled.extend(p.into_iter().map(|cells| (k, cells)));
            }
        }
    }
    let changed = !settled.is_empty();
    for (k, cells) in settled {
        settle(&mut c.rows[k], cells, Inference::RowIdentity);
    }
    changed
}

/// T2's total row, column by column, restates T1's income lines (X-T1-T2-COLS). When the row
/// lost its blank cells, the one placement that agrees with T1 is taken.
fn anchor_t2_total(c: &mut CodedTable, t1: &BalanceTable) {
    let Some(want) = t1_values_for_t2(c, t1) else { return };
    let ncols = c.columns.len();
    let all = vec![true; ncols];
    for r in c.rows.iter_mut().filter(|r| r.is_total && r.problem == Some(RowProblem::AmbiguousColumns)) {
        let agree: Vec<Vec<Cell>> = placements(&r.amounts, ncols, &[], &all, usize::MAX)
            .into_iter()
            .filter(|cells| agrees(cells, &want))
            .collect();
        if agree.len() == 1 {
            let cells = agree.into_iter().next().unwrap_or_default();
            settle(r, cells, Inference::OtherTable(TableId::T1));
        }
    }
}

/// Does a T2 total row equal T1's lines, column by column, within the printed rounding?
fn agrees(cells: &[Cell], want: &[Option<Decimal>]) -> bool {
    cells.iter().zip(want).all(|(cell, w)| {
        let (v, h) = match cell {
            Cell::Value(a) => (a.value, a.half_step()),
            _ => (Decimal::ZERO, Decimal::ZERO),
        };
        !matches!(check_sum((v, h), &[(w.unwrap_or(Decimal::ZERO), Decimal::new(5, 3))]), SumCheck::Mismatch { .. })
    })
}

/// The value T1 gives for each of T2's columns (`None` inside: blank), if T1 has them all.
pub fn t1_values_for_t2(c: &CodedTable, t1: &BalanceTable) -> Option<Vec<Option<Decimal>>> {
    let item = |level: IncomeLevel, pred: &dyn Fn(&str) -> bool| -> Option<Option<Decimal>> {
        t1.income.iter().find(|i| i.level == level && pred(&i.label)).map(|i| i.amount.as_ref().map(|a| a.value))
    };
    let sum = |xs: &[Option<Option<Decimal>>]| -> Option<Option<Decimal>> {
        xs.iter().try_fold(Decimal::ZERO, |acc, x| x.map(|v| acc + v.unwrap_or(Decimal::ZERO))).map(Some)
    };
    let gpb = item(IncomeLevel::Numbered, &|l| l.contains("一般公共预算拨款"));
    let gf = item(IncomeLevel::Numbered, &|l| l.contains("基金预算拨款"));
    let soe = item(IncomeLevel::Numbered, &|l| l.contains("国有资本经营预算拨款"));
    let want: Vec<Option<Option<Decimal>>> = c
        .columns
        .iter()
        .map(|col| match col.as_str() {
            "总计" => Some(t1.income_total.as_ref().and_then(|i| i.amount.as_ref()).map(|a| a.value)),
            "财政拨款(补助)小计" => sum(&[gpb, gf, soe]),
            "一般公共预算" => item(IncomeLevel::Sub, &|l| l.contains("财力")),
            "上级一般公共预算安排的转移支付" => {
                item(IncomeLevel::Sub, &|l| l.starts_with("上级一般公共预算"))
            }
            "政府性基金预算" => item(IncomeLevel::Sub, &|l| l == "政府性基金收入"),
            "上级政府性基金安排的转移支付" => {
                item(IncomeLevel::Sub, &|l| l.starts_with("上级政府性基金"))
            }
            "国有资本经营预算" => item(IncomeLevel::Sub, &|l| l == "国有资本经营收入"),
            "上级国有资本经营预算安排的转移支付" => {
                item(IncomeLevel::Sub, &|l| l.starts_with("上级国有资本经营"))
            }
            "财政专户(教育收费)" => item(IncomeLevel::Numbered, &|l| l.contains("财政专户")),
            "单位资金" => item(IncomeLevel::Numbered, &|l| l == "单位资金"),
            "财政拨款结转" => item(IncomeLevel::Numbered, &|l| l.starts_with("财政拨款结转")),
            "非财政拨款结转结余" => item(IncomeLevel::Numbered, &|l| l.starts_with("非财政拨款结")),
            named => named.split_once('·').and_then(|(_, key)| source_line(t1, key)),
        })
        .collect();
    want.into_iter().collect()
}

/// The T1 income line that names source `key` and no other, as its amount (`None` inside when
/// blank): the one enumerated line, or else the one line, that names it.
fn source_line(t1: &BalanceTable, key: &str) -> Option<Option<Decimal>> {
    let naming: Vec<&super::BalanceItem> = t1
        .income
        .iter()
        .filter(|i| super::read_coded::source_key(&crate::lines::compact(&i.label)) == Some(key))
        .collect();
    let enumerated: Vec<&super::BalanceItem> = naming.iter().copied().filter(|i| i.level != IncomeLevel::Sub).collect();
    let line = match (enumerated.as_slice(), naming.as_slice()) {
        ([one], _) | ([], [one]) => one,
        _ => return None,
    };
    Some(line.amount.as_ref().map(|a| a.value))
}

/// Tab positions drift (HZ-12): some rows print a cell one tab to the left. When T2's total row,
/// read by position, disagrees with T1 but agrees once one cell moves right, the table drifts;
/// then, parent by parent from the top, each row keeps its printed positions or takes the one
/// move that makes every column add up — only when that is the single consistent choice.
fn realign_drift(c: &mut CodedTable, t1: Option<&BalanceTable>) {
    let ids = row_identities(&c.columns);
    let mut fixed: HashSet<usize> = HashSet::new();
    // T1 fixes the total row when it can (X-T1-T2-COLS); otherwise the groups decide.
    let want = t1.and_then(|t1| t1_values_for_t2(c, t1));
    let kt = c
        .rows
        .iter()
        .position(|r| r.is_total && r.problem.is_none() && r.inferred.is_none() && r.cells.len() == c.columns.len());
    if let (Some(want), Some(kt)) = (want, kt) {
        if agrees(&c.rows[kt].cells, &want) {
            fixed.insert(kt);
        } else {
            let fixes: Vec<Vec<Cell>> =
                drift_variants(&c.rows[kt].cells, &ids).into_iter().skip(1).filter(|v| agrees(v, &want)).collect();
            if fixes.len() == 1 {
                realign(&mut c.rows[kt], fixes.into_iter().next().unwrap_or_default());
                fixed.insert(kt);
            }
        }
    }
    for (parent, children) in groups(c) {
        let members: Vec<usize> = std::iter::once(parent).chain(children).collect();
        // A group that adds up as printed confirms its rows.
        let printed: Vec<Vec<Vec<Cell>>> = members.iter().map(|&k| vec![c.rows[k].cells.clone()]).collect();
        if consistent(&printed, c.columns.len()).is_some() {
            fixed.extend(members.iter().copied());
            continue;
        }
        let cands: Vec<Vec<Vec<Cell>>> = members
            .iter()
            .map(|&k| {
                let r = &c.rows[k];
                if fixed.contains(&k) || r.problem.is_some() || r.inferred.is_some() || r.cells.len() != c.columns.len()
                {
                    vec![r.cells.clone()]
                } else {
                    drift_variants(&r.cells, &ids)
                }
            })
            .collect();
        let Some(fits) = consistent(&cands, c.columns.len()) else { continue };
        for (m, &k) in members.iter().enumerate() {
            if fits.iter().all(|f| f[m] == fits[0][m]) {
                if fits[0][m] > 0 {
                    realign(&mut c.rows[k], cands[m][fits[0][m]].clone());
                }
                fixed.insert(k);
            }
        }
    }
}

fn realign(r: &mut CodedRow, cells: Vec<Cell>) {
    r.cells = cells;
    r.inferred = Some(Inference::Realigned);
}

/// The cells as printed, then each variant with one part amount moved one column right into a
/// blank cell, keeping the row identities.
fn drift_variants(cells: &[Cell], ids: &[RowIdentity]) -> Vec<Vec<Cell>> {
    let mut out = vec![cells.to_vec()];
    for j in 1..cells.len().saturating_sub(1) {
        if matches!(cells[j], Cell::Value(_)) && matches!(cells[j + 1], Cell::Blank) {
            let mut v = cells.to_vec();
            v.swap(j, j + 1);
            if satisfies(&v, ids) {
                out.push(v);
            }
        }
    }
    out
}

/// Parent groups, top down: the total row over the 类 rows, each 类 over its 款, each 款 over its 项.
fn groups(c: &CodedTable) -> Vec<(usize, Vec<usize>)> {
    let index = code_index(&c.rows);
    let mut kids: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut classes = Vec::new();
    for (k, r) in c.rows.iter().enumerate() {
        let Some(code) = r.code.as_deref() else { continue };
        match code.len() {
            3 => classes.push(k),
            5 | 7 => {
                if let Some(&p) = index.get(&code[..code.len() - 2]) {
                    kids.entry(p).or_default().push(k);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Some(&t) = index.get(TOTAL) {
        out.push((t, classes.clone()));
    }
    for &cls in &classes {
        if let Some(ks) = kids.get(&cls) {
            out.push((cls, ks.clone()));
            for &kuan in ks {
                if let Some(xs) = kids.get(&kuan) {
                    out.push((kuan, xs.clone()));
                }
            }
        }
    }
    out
}

/// A cell's printed value and rounding radius in millionths, or `None` when it is not a known
/// amount.
type Micro = Option<(i128, i128)>;

/// A printed value and its rounding radius in millionths (amounts carry at most 6 decimals),
/// so that the combinations below add integers, not decimals.
fn micro(c: &Cell) -> Micro {
    let scaled = |d: Decimal| -> i128 {
        let scale = d.scale().min(6);
        d.mantissa() * 10i128.pow(6 - scale)
    };
    match c {
        Cell::Value(a) => Some((scaled(a.value), scaled(a.half_step()))),
        Cell::Blank => Some((0, 0)),
        Cell::Unknown => None,
    }
}

/// Every combination of candidates (one per member; member 0 the parent) under which each
/// part column adds up within the rounding envelope; `None` when there are too many to try or
/// none fits.
fn consistent(cands: &[Vec<Vec<Cell>>], ncols: usize) -> Option<Vec<Vec<usize>>> {
    let total = cands.iter().try_fold(1usize, |acc, v| acc.checked_mul(v.len()))?;
    if total == 0 || total > MAX_COMBINATIONS {
        return None;
    }
    // vals[m][i][j]: member m, candidate i, column j.
    let vals: Vec<Vec<Vec<Micro>>> = cands
        .iter()
        .map(|v| v.iter().map(|cells| (0..ncols).map(|j| cells.get(j).and_then(micro)).collect()).collect())
        .collect();
    let mut fits = Vec::new();
    let mut choice = vec![0usize; cands.len()];
    loop {
        let ok = (1..ncols).all(|j| {
            let Some((p, hp)) = vals[0][choice[0]][j] else { return false };
            let mut sum = 0i128;
            let mut env = hp;
            for m in 1..vals.len() {
                match vals[m][choice[m]][j] {
                    Some((v, h)) => {
                        sum += v;
                        env += h;
                    }
                    None => return false,
                }
            }
            (p - sum).abs() <= env
        });
        if ok {
            fits.push(choice.clone());
        }
        let mut i = 0;
        while i < choice.len() {
            choice[i] += 1;
            if choice[i] < cands[i].len() {
                break;
            }
            choice[i] = 0;
            i += 1;
        }
        if i == choice.len() {
            break;
        }
    }
    (!fits.is_empty()).then_some(fits)
}

/// Rows that fit no placement at all, with every column allowed, are inconsistent.
fn mark_inconsistent(c: &mut CodedTable, ids: &[RowIdentity]) {
    let ncols = c.columns.len();
    if ids.is_empty() {
        return;
    }
    let all = vec![true; ncols];
    let flat = is_flat(ids, ncols);
    for r in c.rows.iter_mut() {
        let fits = match r.problem {
            // Under one flat identity the row check itself compares total and parts (and says
            // which value would repair them); no need to give up on the placement.
            Some(RowProblem::AmbiguousColumns) if flat => true,
            Some(RowProblem::AmbiguousColumns) => !placements(&r.amounts, ncols, ids, &all, 1).is_empty(),
            // Out of column order (the total, the largest, was moved first): under nested
            // identities the row is consistent only if some placement of that order fits.
            Some(RowProblem::Scrambled) if !flat => !placements(&r.amounts, ncols, ids, &all, 1).is_empty(),
            _ => true,
        };
        if !fits {
            r.problem = Some(RowProblem::Inconsistent);
        }
    }
}

pub fn resolve(tables: &mut [Table], text: &str) {
    let t1 = tables.iter().find(|t| t.id == TableId::T1).and_then(|t| t.balance().cloned());
    for t in tables.iter_mut() {
        match t.body.as_mut() {
            Some(TableBody::Coded(c)) => {
                if matches!(t.id, TableId::T6 | TableId::FisBasic | TableId::FinalBasic) {
                    by_code_meaning(c);
                }
                if let (TableId::T2, Some(t1)) = (t.id, t1.as_ref()) {
                    anchor_t2_total(c, t1);
                }
                // (Tabs drift; a layout's columns stand where they are printed.)
                let tabbed = c.rows.iter().any(|r| text.get(r.span.clone()).is_some_and(|s| s.contains('\t')));
                if tabbed {
                    realign_drift(c, if t.id == TableId::T2 { t1.as_ref() } else { None });
                }
                let ids = row_identities(&c.columns);
                mark_inconsistent(c, &ids);
                for _ in 0..4 {
                    let changed = identity_pass(c, &ids) | by_rollup(c);
                    if !changed {
                        break;
                    }
                }
            }
            Some(TableBody::Labelled(l)) => labelled(l, t1.as_ref()),
            Some(TableBody::Balance(b)) if t.id == TableId::T4 => t4_expense(b, t1.as_ref()),
            _ => {}
        }
    }
    // T3 and T5 print the same functional codes; a row known in one settles its twin.
    for _ in 0..2 {
        let known: Vec<(TableId, HashMap<String, Vec<Cell>>)> = tables
            .iter()
            .filter(|t| matches!(t.id, TableId::T3 | TableId::T5))
            .filter_map(|t| match &t.body {
                Some(TableBody::Coded(c)) if !c.columns.is_empty() => Some((t.id, placed_by_code(c))),
                _ => None,
            })
            .collect();
        let mut changed = false;
        for t in tables.iter_mut().filter(|t| matches!(t.id, TableId::T3 | TableId::T5)) {
            let id = t.id;
            let Some(TableBody::Coded(c)) = t.body.as_mut() else { continue };
            for (other, map) in known.iter().filter(|(o, _)| *o != id) {
                changed |= copy_from(c, map, *other);
            }
            changed |= by_rollup(c);
        }
        if !changed {
            break;
        }
    }
}

fn placed_by_code(c: &CodedTable) -> HashMap<String, Vec<Cell>> {
    c.rows
        .iter()
        .filter(|r| r.problem.is_none() && !r.cells.is_empty())
        .filter_map(|r| r.code.clone().map(|code| (code, r.cells.clone())))
        .collect()
}

/// Candidate placements of a row: itself when placed, else those its row identities allow.
fn candidates(r: &CodedRow, ncols: usize, ids: &[RowIdentity], allowed: &[bool]) -> Vec<Vec<Cell>> {
    if r.problem != Some(RowProblem::AmbiguousColumns) || r.amounts.len() < 2 {
        return vec![r.cells.clone()];
    }
    let p = placements(&r.amounts, ncols, ids, allowed, MAX_PLACEMENTS + 1);
    if p.len() > MAX_PLACEMENTS {
        return Vec::new();
    }
    p
}

fn labelled(l: &mut LabelledTable, t1: Option<&BalanceTable>) {
    let ids = row_identities(&l.columns);
    let ncols = l.columns.len();
    // T10 spends fiscal money by fund: a fund T1 shows no money for (this year or carried
    // over) cannot pay for any 三公 item.
    let allowed: Vec<bool> = l
        .columns
        .iter()
        .map(|c| match (c.as_str(), t1) {
            ("政府性基金", Some(b)) => fund_has_money(b, "基金"),
            ("国有资本经营预算", Some(b)) => fund_has_money(b, "国有资本经营"),
            _ => true,
        })
        .collect();
    let all = vec![true; ncols];
    for r in l.rows.iter_mut().filter(|r| r.problem == Some(RowProblem::AmbiguousColumns)) {
        if !ids.is_empty() && placements(&r.amounts, ncols, &ids, &all, 1).is_empty() {
            r.problem = Some(RowProblem::Inconsistent);
            continue;
        }
        let p = placements(&r.amounts, ncols, &ids, &allowed, 2);
        if p.len() == 1 {
            r.cells = p.into_iter().next().unwrap_or_default();
            r.problem = None;
            r.inferred = Some(Inference::RowIdentity);
        }
    }
}

/// Every increasing choice of `k` slots out of `n`, starting at `from`, until `emit` returns
/// false. Returns whether to go on.
fn choose(from: usize, n: usize, k: usize, pick: &mut Vec<usize>, emit: &mut dyn FnMut(&[usize]) -> bool) -> bool {
    if pick.len() == k {
        return emit(pick);
    }
    for s in from..n {
        if n - s < k - pick.len() {
            break;
        }
        pick.push(s);
        let go_on = choose(s + 1, n, k, pick, emit);
        pick.pop();
        if !go_on {
            return false;
        }
    }
    true
}

fn settle(r: &mut CodedRow, cells: Vec<Cell>, how: Inference) -> bool {
    if r.problem != Some(RowProblem::AmbiguousColumns) {
        return false;
    }
    r.cells = cells;
    r.problem = None;
    r.inferred = Some(how);
    true
}

fn by_code_meaning(c: &mut CodedTable) {
    let (Some(personnel), Some(public)) =
        (c.columns.iter().position(|x| x == "人员经费"), c.columns.iter().position(|x| x == "公用经费"))
    else {
        return;
    };
    let ncols = c.columns.len();
    // A class whose own row prints both 人员经费 and 公用经费 (陕西 counts 302's 其他交通费用 as
    // 人员经费) is split otherwise: its children are left to the rollup.
    let nonzero = |cell: Option<&Cell>| cell.and_then(Cell::amount).is_some_and(|a| !a.value.is_zero());
    let split: HashSet<String> = c
        .rows
        .iter()
        .filter(|r| r.level() == 1 && nonzero(r.cells.get(personnel)) && nonzero(r.cells.get(public)))
        .filter_map(|r| r.code.clone())
        .collect();
    for r in &mut c.rows {
        if r.problem != Some(RowProblem::AmbiguousColumns) || r.amounts.len() != 2 {
            continue;
        }
        if r.code.as_deref().and_then(|x| x.get(..3)).is_some_and(|class| split.contains(class)) {
            continue;
        }
        let col = match r.code.as_deref().and_then(|x| x.get(..3)) {
            Some("301" | "303") => personnel,
            Some("302" | "307" | "310" | "399") => public,
            _ => continue,
        };
        let mut cells = vec![Cell::Blank; ncols];
        cells[0] = Cell::Value(r.amounts[0].clone());
        cells[col] = Cell::Value(r.amounts[1].clone());
        settle(r, cells, Inference::CodeMeaning);
    }
}

fn copy_from(c: &mut CodedTable, known: &HashMap<String, Vec<Cell>>, other: TableId) -> bool {
    let mut changed = false;
    for r in &mut c.rows {
        let Some(code) = r.code.as_deref() else { continue };
        let Some(cells) = known.get(code) else { continue };
        if cells.len() != c.columns.len() {
            continue;
        }
        // Same amounts, in the same order: the same placement.
        let values: Vec<Decimal> = cells.iter().filter_map(Cell::amount).map(|a| a.value).collect();
        if r.amounts.iter().map(|a| a.value).eq(values.iter().copied())
            && r.problem == Some(RowProblem::AmbiguousColumns)
        {
            let mut amounts = r.amounts.iter();
            let placed: Vec<Cell> = cells
                .iter()
                .map(|k| match k {
                    Cell::Value(_) => amounts.next().map_or(Cell::Unknown, |a| Cell::Value(a.clone())),
                    other => other.clone(),
                })
                .collect();
            changed |= settle(r, placed, Inference::OtherTable(other));
        }
    }
    changed
}

/// Resolve rows by the rollup of each parent over its children. Returns whether anything changed.
fn by_rollup(c: &mut CodedTable) -> bool {
    let ncols = c.columns.len();
    if ncols < 3 {
        return false;
    }
    let ids = row_identities(&c.columns);
    let owned_index = code_index(&c.rows);
    let mut changed = false;
    let groups = groups(c);
    for (parent, children) in groups {
        let members: Vec<usize> = std::iter::once(parent).chain(children.iter().copied()).collect();
        // Nothing to decide when every member is placed already.
        if members.iter().all(|&k| c.rows[k].problem != Some(RowProblem::AmbiguousColumns)) {
            continue;
        }
        let cands: Vec<Vec<Vec<Cell>>> = members
            .iter()
            .map(|&k| candidates(&c.rows[k], ncols, &ids, &allowed_columns(&c.rows, k, ncols, &owned_index)))
            .collect();
        let total: usize =
            cands.iter().try_fold(1usize, |acc, v| acc.checked_mul(v.len().max(1))).unwrap_or(usize::MAX);
        if total <= 1 || total > MAX_COMBINATIONS || cands.iter().any(|v| v.is_empty()) {
            continue;
        }
        // Try every combination; keep those where every part column adds up.
        let Some(fits) = consistent(&cands, ncols) else { continue };

        for (m, &k) in members.iter().enumerate() {
            if cands[m].len() > 1 && fits.iter().all(|f| f[m] == fits[0][m]) {
                changed |= settle(&mut c.rows[k], cands[m][fits[0][m]].clone(), Inference::Rollup);
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines;

    #[test]
    fn rollup_forces_the_only_consistent_placement() {
        let text = "科目 合计 基本支出 项目支出\n208 社会保障和就业支出 345.12 257.72 87.40\n208 01 人力资源 206.32 202.32 4.00\n208 01 09 社会保险经办机构 202.32 202.32\n208 01 99 其他事务 4.00 4.00\n208 05 养老 138.80 55.40 83.40\n208 05 01 离退休 55.40 55.40\n208 05 05 缴费 83.40 83.40\n合计 345.12 257.72 87.40\n";
        let mut c = super::super::read_coded::read(TableId::T3, text, &lines::lines(text));
        by_rollup(&mut c);
        // Test-only (in `mod tests`): the codes asked for are rows of the fixture above.
        let row = |code: &str| c.rows.iter().find(|r| r.code.as_deref() == Some(code)).unwrap();
        let shown = |r: &CodedRow| {
            r.cells
                .iter()
                .map(|x| x.amount().map_or("·".to_string(), |a| a.value.to_string()))
                .collect::<Vec<_>>()
                .join("|")
        };
        assert_eq!(shown(row("2080109")), "202.32|202.32|·");
        assert_eq!(shown(row("2080199")), "4.00|·|4.00");
        assert_eq!(row("2080199").inferred, Some(Inference::Rollup));
        // 55.40 + 83.40 could be split either way only if the parent allowed it; it does not.
        assert_eq!(shown(row("2080501")), "55.40|55.40|·");
        assert_eq!(shown(row("2080505")), "83.40|·|83.40");
    }

    #[test]
    fn two_equal_children_stay_ambiguous() {
        let text = "科目 合计 基本支出 项目支出\n208 01 人力资源 8.00 4.00 4.00\n208 01 09 甲 4.00 4.00\n208 01 99 乙 4.00 4.00\n";
        let mut c = super::super::read_coded::read(TableId::T3, text, &lines::lines(text));
        by_rollup(&mut c);
        assert!(c.rows[1..].iter().all(|r| r.problem == Some(RowProblem::AmbiguousColumns)));
    }
}
