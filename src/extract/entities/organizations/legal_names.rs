//! A firm's legal name kept whole, and two firms joined by "and" kept apart. The pattern's
//! alternatives stop at the first body word they reach ("Hills Department" of "Hills Department
//! Stores Inc", "Federal Paper Board" of "Federal Paper Board Co Inc"), which left the legal
//! form, and the words before it, a name of their own; and its "and" joins the words of one
//! firm ("Carolina Power and Light Co"), which would also run two firms of several words each
//! into one ("Acme Glass Works and Zorb Laboratories Corp").

use super::LEGAL_SUFFIXES;

/// The capitalised words a legal form may still have before it ("Stores" of "Hills
/// Department Stores Inc").
const MAX_WORDS_BEFORE_FORM: usize = 2;

/// A capitalised name word: a capital, then letters, digits, "&", "-" or "."
fn name_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '&' | '-' | '.'))
}

/// A legal form as written, with or without its full stop ("Inc", "Inc.", "N.V.").
fn legal_form(word: &str) -> bool {
    LEGAL_SUFFIXES.contains(&word)
        || LEGAL_SUFFIXES.contains(&word.trim_end_matches('.'))
        || LEGAL_SUFFIXES
            .iter()
            .any(|f| f.trim_end_matches('.') == word)
}

/// Where a body's name ending at `end` really ends: after a legal form that follows it on
/// the same line, with at most two capitalised words before that form (" Stores Inc" after
/// "Hills Department", " Co Inc" after "Federal Paper Board", " N.V." after "… Capital");
/// `end` when none follows.
pub(super) fn through_legal_form(text: &str, end: usize) -> usize {
    let mut at = end;
    let mut words = 0;
    let mut last_form = None;
    while let Some(rest) = text[at..].strip_prefix(' ') {
        let len = rest
            .find([' ', '\n', '\t', ',', ';', ':', ')', '(', '"'])
            .unwrap_or(rest.len());
        let word = &rest[..len];
        // A full stop ends the sentence unless the word is a dotted form ("N.V.", "Inc.").
        let word = if word.ends_with('.') && !legal_form(word) {
            &word[..word.len() - 1]
        } else {
            word
        };
        if word.is_empty() || !name_word(word) {
            break;
        }
        at += 1 + word.len();
        if legal_form(word) {
            last_form = Some(at);
        } else if last_form.is_some() {
            break;
        } else {
            words += 1;
            if words > MAX_WORDS_BEFORE_FORM {
                break;
            }
        }
    }
    last_form.unwrap_or(end)
}

/// The byte ranges of two firms in a name "A B and C D Corp" whose halves are each a firm's
/// name of two words or more ("Acme Glass Works and Zorb Laboratories Corp"): one firm's
/// name joins one or two words with "and" before its legal form ("Carolina Power and Light
/// Co", "Standard and Poor's Corp", "RTZ Oil and Gas Ltd"), never two names of several words.
pub(super) fn two_firms(name: &str) -> Option<[(usize, usize); 2]> {
    let at = name.find(" and ")?;
    let (left, right) = (&name[..at], &name[at + 5..]);
    let left_words = left.split(' ').count();
    // The right half's words before its legal forms ("Gloucester" of "Gloucester Building
    // Society", a form of two words).
    let mut core = right;
    while let Some(shorter) = LEGAL_SUFFIXES.iter().find_map(|f| {
        core.strip_suffix(f)
            .or_else(|| core.strip_suffix(f.trim_end_matches('.')))
            .and_then(|c| c.strip_suffix(' '))
    }) {
        core = shorter;
    }
    let before_form = core.split(' ').count();
    let ends_in_a_form = core.len() < right.len();
    (ends_in_a_form
        && left_words >= 2
        && before_form >= 2
        && !left.contains(',')
        && !right.contains(" and "))
    .then_some([(0, at), (at + 5, name.len())])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_legal_form_after_a_body_word_is_part_of_the_name() {
        let t = "Hills Department Stores Inc said it";
        assert_eq!(
            &t[..through_legal_form(t, 16)],
            "Hills Department Stores Inc"
        );
        let t = "Federal Paper Board Co Inc said";
        assert_eq!(
            &t[..through_legal_form(t, 19)],
            "Federal Paper Board Co Inc"
        );
        let t = "Acme Overseas Capital N.V., a unit";
        assert_eq!(
            &t[..through_legal_form(t, 21)],
            "Acme Overseas Capital N.V."
        );
        // No legal form: the name ends where it did.
        let t = "Acme Department Stores said";
        assert_eq!(through_legal_form(t, 15), 15);
        let t = "the Acme Board. Zorb Inc said";
        assert_eq!(through_legal_form(t, 14), 14);
    }

    #[test]
    fn two_firms_of_several_words_are_two_names() {
        let n = "Acme Glass Works and Zorb Laboratories Corp";
        let [a, b] = two_firms(n).unwrap_or_default();
        assert_eq!(
            (&n[a.0..a.1], &n[b.0..b.1]),
            ("Acme Glass Works", "Zorb Laboratories Corp")
        );
        for one in [
            "Carolina Power and Light Co",
            "RTZ Oil and Gas Ltd",
            "Standard and Poor's Corp",
            "Goldman, Sachs and Co",
            "Cheltenham and Gloucester Building Society",
            "Northwest Federal Savings and Loan Association",
        ] {
            assert_eq!(two_firms(one), None, "{one}");
        }
    }
}
