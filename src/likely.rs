//! The likely-cell pass, after the rules: failing checks that share printed cells form a
//! cluster; a cell is named `likely` only when it alone repairs every check of its cluster. It
//! then becomes the finding's primary location, with its printed and its likely value.

use crate::diagnostics::{Finding, Likely, Severity, Slip};
use rust_decimal::Decimal;

/// Name the cell most likely wrong: one whose single change would repair every failing
/// check it takes part in, when at least two failing checks agree on its value. That cell
/// becomes the finding's primary location.
pub(crate) fn explain(findings: &mut [Finding]) {
    use std::collections::HashMap;
    // Failing checks that share a printed cell form one cluster (union-find over cells).
    let errs: Vec<usize> = (0..findings.len()).filter(|&i| findings[i].severity == Severity::Error).collect();
    let mut parent: Vec<usize> = (0..errs.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let mut owner: HashMap<usize, usize> = HashMap::new();
    for (k, &fi) in errs.iter().enumerate() {
        let f = &findings[fi];
        for l in std::iter::once(&f.primary).chain(f.related.iter()) {
            match owner.get(&l.span.start) {
                Some(&other) => {
                    let (a, b) = (root(&mut parent, k), root(&mut parent, other));
                    parent[a] = b;
                }
                None => {
                    owner.insert(l.span.start, k);
                }
            }
        }
    }
    let mut clusters: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, &e) in errs.iter().enumerate() {
        let r = root(&mut parent, k);
        clusters.entry(r).or_default().push(e);
    }
    // A cell is named only if it alone repairs every failing check of its cluster: it takes
    // part in all of them, each asks the same value of it, and no other cell does so too.
    let mut named: Vec<(usize, Likely)> = Vec::new();
    for members in clusters.values() {
        if members.len() < 2 {
            continue;
        }
        let first = &findings[members[0]];
        let mut found: Option<Likely> = None;
        let mut ambiguous = false;
        for cand in &first.repairs {
            let d = cand.decimals;
            let shown = |v: Decimal| crate::amount::format_fixed(v, d);
            let value = shown(cand.value);
            let all_agree = members
                .iter()
                .all(|&fi| findings[fi].repairs.iter().any(|r| r.span == cand.span && shown(r.value) == value));
            if !all_agree {
                continue;
            }
            if found.is_some() {
                ambiguous = true;
                break;
            }
            found = Some(Likely {
                span: cand.span.clone(),
                what: cand.what.clone(),
                found: cand.printed.clone(),
                slip: slip(&cand.printed, &value),
                value,
                repairs: members.len(),
            });
        }
        if let (Some(l), false) = (found, ambiguous) {
            named.extend(members.iter().map(|&fi| (fi, l.clone())));
        }
    }
    for (fi, l) in named {
        findings[fi].likely = Some(l);
    }
    for f in findings.iter_mut() {
        let Some(l) = &f.likely else { continue };
        if f.primary.span != l.span {
            if let Some(k) = f.related.iter().position(|r| r.span == l.span) {
                let cell = f.related.remove(k);
                let old = std::mem::replace(&mut f.primary, cell);
                f.related.insert(0, old);
            }
        }
        // The finding now names the likely wrong number and its likely value.
        f.found = l.found.clone();
        f.expected = l.value.clone();
    }
}

/// Is `found` the digits of `want` with two adjacent digits swapped, or with one digit changed?
fn slip(found: &str, want: &str) -> Option<Slip> {
    let f: Vec<char> = found.chars().filter(|c| c.is_ascii_digit()).collect();
    let w: Vec<char> = want.chars().filter(|c| c.is_ascii_digit()).collect();
    if f.len() != w.len() {
        return None;
    }
    let diff: Vec<usize> = (0..f.len()).filter(|&i| f[i] != w[i]).collect();
    match diff.as_slice() {
        [_] => Some(Slip::OneDigit),
        [i, j] if *j == i + 1 && f[*i] == w[*j] && f[*j] == w[*i] => Some(Slip::Transposition),
        _ => None,
    }
}
