//! Putting back blank cells that vanished (HZ-11). In space-separated or glued text a row such
//! as `208 01 01 行政运行 1,103.51 1,103.51` does not say whether 1,103.51 is 基本支出 or 项目支出.
//! A placement is accepted only when it is forced:
//! * the economic class fixes it (T6: 301/303 are 人员经费, 302/307/310/399 公用经费);
//! * the same code in a sibling table (T3 ↔ T5) prints the same amounts in known columns;
//! * among all placements of a parent row and its children, exactly one makes every part column
//!   add up (the parent = Σ children), the total column being known.
//!
//! Anything else stays ambiguous and the checks that need it are skipped.

use super::{Cell, CodedRow, CodedTable, Inference, RowProblem, Table, TableBody, TableId};
use crate::amount::{check_sum, SumCheck};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// Enumerating more combinations than this for one parent is not worth it: stay ambiguous.
const MAX_COMBINATIONS: usize = 4096;

pub fn resolve(tables: &mut [Table]) {
    for t in tables.iter_mut() {
        if let Some(TableBody::Coded(c)) = t.body.as_mut() {
            if t.id == TableId::T6 {
                by_code_meaning(c);
            }
            by_rollup(c);
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

/// Candidate placements of an ambiguous row: its amounts after the total, in printed order,
/// into increasing part columns.
fn candidates(r: &CodedRow, ncols: usize) -> Vec<Vec<Cell>> {
    if r.problem != Some(RowProblem::AmbiguousColumns) || r.amounts.len() < 2 {
        return vec![r.cells.clone()];
    }
    let parts = &r.amounts[1..];
    let slots = ncols - 1;
    let mut out = Vec::new();
    let mut pick = Vec::new();
    choose(0, slots, parts.len(), &mut pick, &mut |cols: &[usize]| {
        let mut cells = vec![Cell::Blank; ncols];
        cells[0] = Cell::Value(r.amounts[0].clone());
        for (a, &c) in parts.iter().zip(cols) {
            cells[c + 1] = Cell::Value(a.clone());
        }
        out.push(cells);
    });
    out
}

/// Every increasing choice of `k` slots out of `n`, starting at `from`.
fn choose(from: usize, n: usize, k: usize, pick: &mut Vec<usize>, emit: &mut dyn FnMut(&[usize])) {
    if pick.len() == k {
        emit(pick);
        return;
    }
    for s in from..n {
        if n - s < k - pick.len() {
            break;
        }
        pick.push(s);
        choose(s + 1, n, k, pick, emit);
        pick.pop();
    }
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
    let (Some(personnel), Some(public)) = (
        c.columns.iter().position(|x| x == "人员经费"),
        c.columns.iter().position(|x| x == "公用经费"),
    ) else {
        return;
    };
    let ncols = c.columns.len();
    for r in &mut c.rows {
        if r.problem != Some(RowProblem::AmbiguousColumns) || r.amounts.len() != 2 {
            continue;
        }
        let col = match r.code.as_deref().map(|x| &x[..3]) {
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
        if r.amounts.iter().map(|a| a.value).eq(values.iter().copied()) && r.problem == Some(RowProblem::AmbiguousColumns) {
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
    let mut changed = false;
    // Groups: the total row over the 类 rows, each 类 over its 款, each 款 over its 项.
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    let index: HashMap<&str, usize> = c.rows.iter().enumerate().filter_map(|(k, r)| r.code.as_deref().map(|x| (x, k))).collect();
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
    for (k, r) in c.rows.iter().enumerate() {
        if r.is_total {
            groups.push((k, classes.clone()));
        }
    }
    for &cls in &classes {
        if let Some(ks) = kids.get(&cls) {
            groups.push((cls, ks.clone()));
            for &kuan in ks {
                if let Some(xs) = kids.get(&kuan) {
                    groups.push((kuan, xs.clone()));
                }
            }
        }
    }
    for (parent, children) in groups {
        let members: Vec<usize> = std::iter::once(parent).chain(children.iter().copied()).collect();
        let cands: Vec<Vec<Vec<Cell>>> = members.iter().map(|&k| candidates(&c.rows[k], ncols)).collect();
        let total: usize = cands.iter().try_fold(1usize, |acc, v| acc.checked_mul(v.len().max(1))).unwrap_or(usize::MAX);
        if total <= 1 || total > MAX_COMBINATIONS || cands.iter().any(|v| v.is_empty()) {
            continue;
        }
        // Try every combination; keep those where every part column adds up.
        let mut fits: Vec<Vec<usize>> = Vec::new();
        let mut choice = vec![0usize; members.len()];
        loop {
            let ok = (1..ncols).all(|j| {
                let cell = |m: usize| -> Option<(Decimal, Decimal)> {
                    match &cands[m][choice[m]].get(j)? {
                        Cell::Value(a) => Some((a.value, a.half_step())),
                        Cell::Blank => Some((Decimal::ZERO, Decimal::ZERO)),
                        Cell::Unknown => None,
                    }
                };
                let Some(p) = cell(0) else { return false };
                let parts: Option<Vec<(Decimal, Decimal)>> = (1..members.len()).map(cell).collect();
                parts.is_some_and(|parts| !matches!(check_sum(p, &parts), SumCheck::Mismatch { .. }))
            });
            if ok {
                fits.push(choice.clone());
            }
            // Next combination (odometer).
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
        if fits.is_empty() {
            continue;
        }
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
    use crate::blocks;

    #[test]
    fn rollup_forces_the_only_consistent_placement() {
        let text = "科目 合计 基本支出 项目支出\n208 社会保障和就业支出 345.12 257.72 87.40\n208 01 人力资源 206.32 202.32 4.00\n208 01 09 社会保险经办机构 202.32 202.32\n208 01 99 其他事务 4.00 4.00\n208 05 养老 138.80 55.40 83.40\n208 05 01 离退休 55.40 55.40\n208 05 05 缴费 83.40 83.40\n合计 345.12 257.72 87.40\n";
        let mut c = super::super::coded::read(TableId::T3, text, &blocks::lines(text));
        by_rollup(&mut c);
        let row = |code: &str| c.rows.iter().find(|r| r.code.as_deref() == Some(code)).unwrap();
        let shown = |r: &CodedRow| r.cells.iter().map(|x| x.amount().map_or("·".to_string(), |a| a.value.to_string())).collect::<Vec<_>>().join("|");
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
        let mut c = super::super::coded::read(TableId::T3, text, &blocks::lines(text));
        by_rollup(&mut c);
        assert!(c.rows[1..].iter().all(|r| r.problem == Some(RowProblem::AmbiguousColumns)));
    }
}
