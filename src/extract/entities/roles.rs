//! A person's role as the article states it, shown on hover: the job title written before the
//! name ("Co-founder Ana Ruiz", "former CEO Ana Ruiz") or in an apposition right after it
//! ("Ana Ruiz, chief executive of Acme Finance, said"). Titles are never part of the name
//! (see `candidates`); this keeps what they say.

use super::words::{
    HONORIFICS, JOB_TITLES, JOB_TITLES_LOWER, OPENERS, TITLE_MODIFIERS, is_job_title,
};

/// Whether a word stands in a title without being one ("former", "Acting").
fn modifier(word: &str) -> bool {
    TITLE_MODIFIERS.contains(word.to_lowercase().as_str())
}

/// Capitalised words kept before a title ("Prime Minister", "Acme Finance CEO").
const MAX_QUALIFIERS: usize = 3;

/// The longest apposition read as a role, in words.
const MAX_ROLE_WORDS: usize = 9;

/// The role the text gives the person named at `start..end` (byte offsets), if any.
pub fn role_at(text: &str, start: usize, end: usize) -> Option<String> {
    role_before(text, start).or_else(|| role_after(text, end))
}

fn role_before(text: &str, start: usize) -> Option<String> {
    let head = &text[..start];
    let line = head.rsplit('\n').next().unwrap_or(head);
    let mut words: Vec<&str> = Vec::new();
    let mut qualifiers = 0;
    for w in line.split(' ').rev().skip(1) {
        // A full stop that is not part of the title ("Sen.") ends the previous sentence.
        if w.ends_with(['.', ',', ';', ':']) && !JOB_TITLES.contains(w)
            || w.contains(['"', '“', '”', '(', ')'])
        {
            break;
        }
        let titled = is_job_title(w) && !HONORIFICS.contains(w);
        let modifying = modifier(w) && !OPENERS.contains(w);
        // Capitalised words before a title belong to it ("Prime Minister", "Acme CEO").
        let qualifier = !words.is_empty()
            && qualifiers < MAX_QUALIFIERS
            && w.starts_with(char::is_uppercase)
            && !OPENERS.contains(w)
            && w != "The";
        if titled || (!words.is_empty() && modifying) {
            words.push(w);
        } else if qualifier {
            qualifiers += 1;
            words.push(w);
        } else {
            break;
        }
    }
    // "Former" alone (a modifier listed as a title for trimming) is no role.
    if words.iter().all(|w| modifier(w)) {
        return None;
    }
    words.reverse();
    Some(words.join(" "))
}

fn role_after(text: &str, end: usize) -> Option<String> {
    let rest = text[end..].strip_prefix(", ")?;
    let stop = rest
        .find([',', '.', ';', ')', '(', '\n', '"', '“', '”'])
        .unwrap_or(rest.len());
    let phrase = rest[..stop].trim();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_ROLE_WORDS || !rest[stop..].starts_with(',') {
        return None;
    }
    // A role starts with a determiner, a modifier or the title itself, not with a verb
    // ("Ruiz, who said …") or another name ("Ruiz, Acme and …").
    let first = words[0].to_lowercase();
    let skip = usize::from(matches!(
        first.as_str(),
        "the" | "a" | "an" | "its" | "their"
    ));
    let mut i = skip;
    while words.get(i).is_some_and(|w| modifier(w)) {
        i += 1;
    }
    let titled = words.get(i).is_some_and(|w| {
        let w = w.trim_end_matches('.').to_lowercase();
        JOB_TITLES_LOWER.contains(&w) || w.split('-').any(|part| JOB_TITLES_LOWER.contains(part))
    });
    // "Ruiz, director Bo Lee, …": the title belongs to the next name, not to this one.
    let name_word =
        |w: Option<&&str>| w.is_some_and(|w| w.starts_with(char::is_uppercase) && !is_job_title(w));
    let names_next = name_word(words.get(i + 1)) && name_word(words.get(i + 2));
    (titled && !names_next).then(|| phrase.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(text: &str, name: &str) -> Option<String> {
        let start = text.find(name).expect("name in text");
        role_at(text, start, start + name.len())
    }

    #[test]
    fn a_title_before_the_name_is_the_role() {
        assert_eq!(
            role("Co-founder Ana Ruiz said the keys leaked.", "Ana Ruiz").as_deref(),
            Some("Co-founder")
        );
        assert_eq!(
            role("The exchange's former CEO Ana Ruiz left.", "Ana Ruiz").as_deref(),
            Some("former CEO")
        );
        assert_eq!(
            role("Then Prime Minister Ana Ruiz spoke.", "Ana Ruiz").as_deref(),
            Some("Prime Minister")
        );
        assert_eq!(
            role("Yesterday Acme CEO Ana Ruiz spoke.", "Ana Ruiz").as_deref(),
            Some("Acme CEO")
        );
    }

    #[test]
    fn an_apposition_with_a_title_is_the_role() {
        assert_eq!(
            role(
                "Ana Ruiz, chief executive of Acme Finance, said the pool was safe.",
                "Ana Ruiz"
            )
            .as_deref(),
            Some("chief executive of Acme Finance")
        );
        assert_eq!(
            role("Ana Ruiz, a senior analyst at Acme, said so.", "Ana Ruiz").as_deref(),
            Some("a senior analyst at Acme")
        );
        assert_eq!(
            role(
                "Ana Ruiz, assistant attorney general for national security, said so.",
                "Ana Ruiz"
            )
            .as_deref(),
            Some("assistant attorney general for national security")
        );
    }

    #[test]
    fn honorifics_lists_and_clauses_are_no_role() {
        assert_eq!(role("Mr Ana Ruiz said so.", "Ana Ruiz"), None);
        assert_eq!(
            role("Ana Ruiz, who founded Acme, said so.", "Ana Ruiz"),
            None
        );
        assert_eq!(
            role("Ana Ruiz, Bo Lee and Cy Park signed.", "Ana Ruiz"),
            None
        );
        assert_eq!(
            role("Ana Ruiz, director Bo Lee, and others.", "Ana Ruiz"),
            None
        );
        assert_eq!(
            role("He said \"no.\" Chancellor Ana Ruiz.", "Ana Ruiz"),
            Some("Chancellor".into())
        );
        assert_eq!(role("Former Ana Ruiz.", "Ana Ruiz"), None);
        assert_eq!(
            role("He met the Attorney General. Ana Ruiz left.", "Ana Ruiz"),
            None
        );
        assert_eq!(role("Dr Ana Ruiz left.", "Ana Ruiz"), None);
        assert_eq!(role("Ana Ruiz.", "Ana Ruiz"), None);
    }
}
