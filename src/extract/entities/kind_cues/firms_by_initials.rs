//! Firms named by their founder's initials and surname ("E.F. Hutton", "L.F. Rothschild"), which
//! read as a person's name or, to the model, a place's: where a person's employer is named
//! ("said Ana Ruiz of Q.R. Quell") or in a list with another firm ("Acme Brothers and Q.R.
//! Quell co-managed the deal"), such a name is the firm. A person written so ("P.T. Barnum")
//! is named elsewhere.

use rustc_hash::FxHashSet;

use super::super::Candidate;
use super::super::automaton::Source;
use crate::extract::EntityKind;

/// "E.F. Hutton", "C.J. Lawrence": two dotted initials or three, then a name word.
fn opens_with_initials(name: &str) -> bool {
    let Some((initials, rest)) = name.split_once(' ') else {
        return false;
    };
    let letters: Vec<&str> = initials
        .strip_suffix('.')
        .unwrap_or("")
        .split('.')
        .collect();
    (2..=3).contains(&letters.len())
        && letters
            .iter()
            .all(|l| l.len() == 1 && l.chars().all(|c| c.is_ascii_uppercase()))
        && rest.starts_with(|c: char| c.is_uppercase())
}

/// Whether `c` is listed with a firm the rules found: "Acme Brothers and X", "X and Acme Corp",
/// "Acme Corp, X".
fn listed_with_a_firm(text: &str, c: &Candidate, found: &[Candidate]) -> bool {
    let firm_ending = |e: usize| {
        found.iter().any(|f| {
            f.end == e && f.kind == EntityKind::Organization && f.source >= Source::OrgPattern
        })
    };
    let firm_at = |s: usize| {
        found.iter().any(|f| {
            f.start == s && f.kind == EntityKind::Organization && f.source >= Source::OrgPattern
        })
    };
    let joins = [" and ", ", ", ", and "];
    joins.iter().any(|j| {
        text[..c.start]
            .strip_suffix(j)
            .is_some_and(|before| firm_ending(before.len()))
            || text[c.end..]
                .strip_prefix(j)
                .is_some_and(|_| firm_at(c.end + j.len()))
    })
}

/// Retypes as organisations the names opening with dotted initials that the article names as a
/// person's employer or lists with a firm; every mention of such a name, as mentions are typed
/// together.
pub(in crate::extract::entities) fn firms_named_by_initials(text: &str, found: &mut [Candidate]) {
    let firms: FxHashSet<String> = found
        .iter()
        .filter(|c| {
            matches!(c.kind, EntityKind::Person | EntityKind::Location)
                && c.source <= Source::PersonPattern
                && opens_with_initials(&c.canonical)
                && (super::employer_of_a_person(text, c.start, found)
                    || listed_with_a_firm(text, c, found))
        })
        .map(|c| c.canonical.clone())
        .collect();
    if firms.is_empty() {
        return;
    }
    for c in found.iter_mut() {
        if c.source <= Source::PersonPattern && firms.contains(&c.canonical) {
            c.kind = EntityKind::Organization;
            if c.source == Source::PersonPattern {
                c.source = Source::OrgPattern;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_then_a_name_word() {
        assert!(opens_with_initials("E.F. Hutton"));
        assert!(opens_with_initials("C.J. Lawrence"));
        assert!(!opens_with_initials("J. Lawrence"));
        assert!(!opens_with_initials("Hutton"));
        assert!(!opens_with_initials("U.S. officials"));
    }
}
