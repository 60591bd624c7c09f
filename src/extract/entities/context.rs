//! What the words around a name say about it: whole words or part of a longer name, a product,
//! a victim or an amount line rather than the name itself, and the context a threat actor's
//! alias needs. Read by the gazetteer pass and the organisation rules of the parent module.

use super::*;
use crate::text::is_word_char;

/// Whether `text[start..end]` stands as whole words (and is not part of a URL or handle).
pub(super) fn bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..].chars().next();
    let last = text[..end].chars().next_back();
    if before.is_some_and(is_word_char) && first.is_some_and(is_word_char) {
        return false;
    }
    // "U.S." ends on a dot: the next character may be anything but a word character.
    if after.is_some_and(is_word_char) && last.is_some_and(is_word_char) {
        return false;
    }
    if matches!(before, Some('@' | '/' | '#')) {
        return false;
    }
    // "p.dw.com", "Crypto.com": a dot glued to a word before is a domain, not a sentence end.
    let glued_dot = before == Some('.') && text[..start - 1].ends_with(char::is_alphanumeric);
    !glued_dot
}

/// The word right before and right after the span, when separated by one space only.
pub(super) fn neighbours(text: &str, start: usize, end: usize) -> (&str, &str) {
    let prev = text[..start]
        .strip_suffix(' ')
        .map(|b| {
            b.rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
        })
        .unwrap_or("");
    let next = text[end..]
        .strip_prefix(' ')
        .map(|a| a.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(""))
        .unwrap_or("");
    (prev, next)
}

/// Whether a capitalised word touches the span (then "Jordan" is someone's name); a sentence
/// opener before it does not count ("As Washington dismantles…").
pub(super) fn next_to_capitalised(text: &str, start: usize, end: usize) -> bool {
    let (prev, next) = neighbours(text, start, end);
    prev.starts_with(char::is_uppercase) && !words::OPENERS.contains(prev)
        || next.starts_with(char::is_uppercase)
}

/// Whether a capitalised word that is no opener, title, organisation word or version follows:
/// the name goes on ("Google Drive"), where "Binance CEO", "Coinbase Exchange" and "Uniswap V3"
/// do not. Not on the title line, where every word is capitalised ("Google Unveils…").
pub(super) fn names_a_product(text: &str, end: usize) -> bool {
    let (_, next) = neighbours(text, end, end);
    let title_line = !text[..end].contains('\n');
    !title_line
        && next.starts_with(char::is_uppercase)
        && !words::is_job_title(next)
        && !words::OPENERS.contains(next)
        && !words::ORG_GENERIC.contains(next)
        && !ORG_SUFFIX_WORDS.contains(next)
        && !is_version(next)
}

/// Whether a capitalised word that is no opener or title touches the span, or the span goes
/// on as a domain ("Amazon.com"): the span is then a piece of a longer name.
pub(super) fn part_of_longer_name(text: &str, start: usize, end: usize) -> bool {
    let (prev, next) = neighbours(text, start, end);
    let name_word = |w: &str| w.starts_with(char::is_uppercase) && !words::is_job_title(w);
    let dotted = text[end..]
        .strip_prefix('.')
        .is_some_and(|r| r.starts_with(char::is_alphanumeric));
    dotted || name_word(next) || name_word(prev) && !words::OPENERS.contains(prev) && prev != "The"
}

/// Whether a capitalised word that is no title, opener or calendar word ("in New York
/// Monday") follows the span.
fn continues_a_name(text: &str, end: usize) -> bool {
    let (_, next) = neighbours(text, end, end);
    next.starts_with(char::is_uppercase)
        && !words::is_job_title(next)
        && !words::OPENERS.contains(next)
}

/// Whether the next word is an acronym that ends the run there ("US TV network"), not a
/// name's part; a crypto word is ("Ukraine DAO").
pub(super) fn before_acronym(text: &str, end: usize) -> bool {
    let (_, next) = neighbours(text, end, end);
    if next.len() < 2
        || !next.chars().all(|c| c.is_ascii_uppercase())
        || words::CRYPTO.contains(next.to_lowercase().as_str())
    {
        return false;
    }
    let rest = &text[end + 1 + next.len()..];
    !rest
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(char::is_uppercase))
}

pub(super) fn gazetteer_candidates(
    text: &str,
    g: &Gazetteer,
    starts: &WordStarts,
    out: &mut Vec<Candidate>,
) {
    let first = out.len();
    let mut clubs: HashSet<&str> = HashSet::new();
    for m in g.found_at_tokens(text, starts) {
        let (start, end) = (m.start, m.end);
        if !bounded(text, start, end) {
            continue;
        }
        let (ti, source) = g.patterns[m.pattern];
        let t = &g.targets[ti];
        if t.name_like && next_to_capitalised(text, start, end) {
            continue;
        }
        if t.listed && part_of_longer_name(text, start, end) {
            continue;
        }
        // "Google Drive", "Binance Smart Chain": a product named after a known firm is not
        // the firm. (A known acronym is kept: the words after it name a part of the firm,
        // "BBC Radio 4", see `extend_acronym_organisations`.)
        if t.kind == EntityKind::Organization
            && source == Source::Organization
            && !text[start..end].contains(' ')
            && text[start..end].chars().any(char::is_lowercase)
            && names_a_product(text, end)
        {
            continue;
        }
        // "Real Madrid", "Inner Mongolia Yili", "MTV Europe Awards": a one-word place inside a
        // longer name is no mention of the place ("Spanish Rafael Nadal" still is, and so is
        // a place before an acronym: "US TV network", "the Brussels IAAF race").
        if t.kind == EntityKind::Location
            && !text[start..end].contains(' ')
            && !g.demonyms.contains(&text[start..end])
            && part_of_longer_name(text, start, end)
            && !before_acronym(text, end)
            && !super::text_shape::title_case_line(text, start)
        {
            continue;
        }
        // "New York Jets", "West Coast Main Line": a place of several words that a capitalised
        // word (no title: "New York Attorney General") goes on from names something else,
        // unless a place word is before it ("crosses into North Korea Regime survival": a
        // caption run on into the next line).
        if t.kind == EntityKind::Location
            && text[start..end].contains(' ')
            && continues_a_name(text, end)
            && !places::LOCATIVE.contains(neighbours(text, start, end).0)
            && !before_acronym(text, end)
            && !super::text_shape::title_case_line(text, start)
        {
            continue;
        }
        // "Cairo contracts": a programming language or product named after a place.
        if t.kind == EntityKind::Location
            && !text[start..end].contains(' ')
            && not_place_here(text, start, end)
        {
            continue;
        }
        // A capital standing for its state is the country; used as a place, it is the city
        // under its country.
        let (canonical, parent) = match &t.metonym_of {
            Some(country) if !places::used_as_place(text, start, end) => (country.clone(), None),
            _ => (t.canonical.clone(), t.parent.clone()),
        };
        // "Newcastle have joined the race", "Chelsea winger": the town's club.
        let (before, after) = neighbours(text, start, end);
        let club = t.kind == EntityKind::Location
            && t.parent.is_some()
            && t.metonym_of.is_none()
            && (words::CLUB_CUES.contains(after) && !placed_before(text, start)
                || words::CLUB_OPPONENT_CUES.contains(before));
        if club {
            clubs.insert(&text[start..end]);
        }
        out.push(Candidate {
            start,
            end,
            kind: t.kind,
            canonical,
            parent,
            source,
        });
    }
    // A town the article writes as its club once is the club on every mention there.
    if !clubs.is_empty() {
        for c in out.iter_mut().skip(first) {
            if c.kind == EntityKind::Location && clubs.contains(&text[c.start..c.end]) {
                c.kind = EntityKind::Organization;
                c.canonical = text[c.start..c.end].to_string();
                c.parent = None;
            }
        }
    }
    towns_before_states(text, out, first);
    actors_need_context(text, out);
}

/// "a Sarasota, Fla., maker", "located in Woodward, Okla.": the capitalised words right before
/// a comma and a US state are a town there, whatever else the words may name. They must follow
/// a lower-case word or open the line, and hold no organisation word ("Acme Corp, Calif.").
fn towns_before_states(text: &str, out: &mut Vec<Candidate>, first: usize) {
    let mut towns = Vec::new();
    for c in &out[first..] {
        if c.kind != EntityKind::Location
            || !places::US_STATES.contains(c.canonical.as_str())
            || text[c.end..].starts_with(['\'', '’'])
        {
            continue;
        }
        let Some(before) = text[..c.start].strip_suffix(", ") else {
            continue;
        };
        let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
        let words: Vec<&str> = line.split(' ').collect();
        let run = words
            .iter()
            .rev()
            .take_while(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|ch| ch.is_alphabetic() || ch == '-')
            })
            .count();
        let opener = words.len().checked_sub(run + 1).map(|i| words[i]);
        if run == 0
            || run > 3
            || opener.is_some_and(|w| !w.starts_with(char::is_lowercase))
            || words[words.len() - run..].iter().any(|w| {
                super::organizations::suffix_words().any(|s| s == *w) || words::OPENERS.contains(w)
            })
        {
            continue;
        }
        let name = words[words.len() - run..].join(" ");
        let start = before.len() - name.len();
        towns.push(Candidate {
            start,
            end: before.len(),
            kind: EntityKind::Location,
            canonical: name,
            parent: Some("United States".to_string()),
            source: Source::Place,
        });
    }
    out.extend(towns);
}

/// Whether the town is written as a place just before it ("shares in London were", "shops in
/// central London were"): then a plural verb after it speaks of the place, not of its club.
fn placed_before(text: &str, start: usize) -> bool {
    let line = text[..start].rsplit('\n').next().unwrap_or("");
    let mut before = line.split_whitespace().rev();
    let (prev, prev2) = (before.next().unwrap_or(""), before.next().unwrap_or(""));
    places::LOCATIVE.contains(prev)
        || prev.starts_with(char::is_lowercase) && places::LOCATIVE.contains(prev2)
}

/// Whether the word after a place name makes it a language or product ("Cairo code").
pub(super) fn not_place_here(text: &str, start: usize, end: usize) -> bool {
    let (_, next) = neighbours(text, start, end);
    // An ASCII word (most) lower-cased on the stack: this runs for every one-word place.
    let mut buf = [0u8; 32];
    if next.is_ascii() && next.len() <= buf.len() {
        let lower = &mut buf[..next.len()];
        lower.copy_from_slice(next.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(|l| words::NOT_PLACE_AFTER.contains(l));
    }
    words::NOT_PLACE_AFTER.contains(next.to_lowercase().as_str())
}

/// Whether an actor alias is one that ordinary text also uses: any alias without a digit
/// ("Lazarus", a protocol's or product's name, or words of ordinary phrases such as "Flying
/// Kitten"), unlike "APT38" or "TA505".
pub(super) fn ordinary_alias(surface: &str) -> bool {
    !surface.chars().any(|c| c.is_ascii_digit())
}

/// Whether the words around `start..end` (about a sentence either side) speak of attackers,
/// hackers, a group or attribution.
pub(super) fn actor_cue_near(text: &str, start: usize, end: usize) -> bool {
    const REACH: usize = 160;
    let mut from = start.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    [&text[from..start], &text[end..to]].iter().any(|side| {
        side.split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| !w.is_empty() && words::is_actor_cue(&w.to_lowercase()))
    })
}

/// The word a text opens with, hyphens kept ("co-founder").
pub(super) fn leading_word(text: &str) -> &str {
    let len = text
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(text.len());
    &text[..len]
}

/// Whether a job title and a capitalised name follow the span, possibly after a possessive
/// ("Acme CEO Ana Ruiz", "Acme’s co-founder, Ana"): the span is who employs them.
pub(super) fn heads_a_titled_person(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let rest = ["'s ", "’s ", " "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or("");
    let title_len = leading_word(rest).len();
    let title = rest[..title_len].to_lowercase();
    if title.is_empty() || !(words::JOB_TITLES_LOWER.contains(&title) || title == "leader") {
        return false;
    }
    let after = rest[title_len..].trim_start_matches(',');
    after
        .strip_prefix(' ')
        .is_some_and(|a| a.starts_with(char::is_uppercase))
}

/// Whether the word after a name makes it an incident's victim ("Slerf - Rekt", "the Zorb
/// exploit", "Quindar was drained"): in a crypto story, a protocol, exchange or firm.
pub(super) fn names_a_victim(text: &str, end: usize) -> bool {
    let rest = text[end..]
        .trim_start_matches(['\'', '’'])
        .trim_start_matches('s')
        .trim_start_matches([' ', '-', '–', '—']);
    let mut word = leading_word(rest).to_lowercase();
    if matches!(word.as_str(), "was" | "has" | "got" | "is" | "been" | "had") {
        let after = rest[word.len()..].trim_start_matches(' ');
        word = leading_word(after).to_lowercase();
        if word == "been" {
            word = leading_word(after[4..].trim_start_matches(' ')).to_lowercase();
        }
    }
    words::VICTIM_CUES.contains(word.as_str())
}

/// Whether a name heads a line item with an amount ("- Velo ~$76 million", "Ternoa: 13.5M CAPS
/// for…", "Balancer ($11.9M of bbeUSD)"): in a crypto story, the projects a list of losses names.
pub(super) fn heads_an_amount_line(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let lead = text[line_start..start].trim_matches([' ', '\t']);
    let bullet = lead.is_empty()
        || matches!(lead, "-" | "*" | "•" | "–")
        || lead
            .strip_suffix('.')
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
    if !bullet {
        return false;
    }
    let rest = text[end..]
        .trim_start_matches([' ', '\t'])
        .trim_start_matches([':', '-', '–', '—', '('])
        .trim_start_matches([' ', '\t', '~', '≈']);
    rest.starts_with(|c: char| c == '$' || c.is_ascii_digit())
}

/// Whether a line item's head can name a project: no digits, no ordinary or crypto word but
/// an organisation word ("Attacker Address", "USDC Vault", "Tx1" are fields, not projects;
/// "Ocean Protocol" is one).
pub(super) fn project_shaped(name: &str, not_name: &FxHashSet<String>) -> bool {
    !name.contains(|c: char| c.is_ascii_digit())
        && name.split(' ').all(|w| {
            let lower = w.to_lowercase();
            not_name.contains(w)
                || !words::COMMON.contains(lower.as_str())
                    && !words::CRYPTO.contains(lower.as_str())
        })
        && name.split(' ').any(|w| !not_name.contains(w))
}

/// A name the rules took for a person or a city, right after a noun saying what kind of
/// organisation follows, is that organisation: "accountancy firm Grant Thornton", "brokerage
/// Merrill Lynch", "milk firm Yili". Only the word right before counts: through a title
/// ("bank CEO Ana Ruiz") the noun speaks of someone's employer.
pub(super) fn organisations_named_by_their_noun(text: &str, found: &mut [Candidate]) {
    for c in found.iter_mut() {
        let retype = match c.kind {
            EntityKind::Person => true,
            EntityKind::Location => c.parent.is_some(),
            _ => false,
        };
        // Written in lower case: "Child Support Agency Doug Smith" ends a name, not a noun.
        let noun = text[..c.start]
            .strip_suffix(' ')
            .and_then(|b| b.rsplit(' ').next())
            .unwrap_or("");
        if retype && noun.starts_with(char::is_lowercase) && words::ORG_NOUNS.contains(noun) {
            c.kind = EntityKind::Organization;
            c.canonical = text[c.start..c.end].to_string();
            c.parent = None;
        }
    }
}

/// Whether a lower-case organisation noun follows the name on its line ("the TV Guide
/// magazine", "his F4 label", "the Acme exchange").
pub(super) fn followed_by_org_noun(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let noun = leading_word(rest);
    noun.starts_with(char::is_lowercase) && words::ORG_NOUNS.contains(noun)
}

/// Whether a name is specific enough for the noun after it to type it: not an ordinary or
/// crypto word at all ("Decentralised platform", "NFT marketplace"), not a short acronym ("IT
/// firm"), not a compound ("Cross-chain bridge"), not a demonym ("Asian bank").
pub(super) fn specific_name(name: &str, demonyms: &FxHashSet<String>) -> bool {
    victim_shaped(name)
        && name.starts_with(char::is_uppercase)
        && !demonyms.contains(name)
        && !name.contains('-')
        && name.split(' ').any(|w| {
            let lower = w.to_lowercase();
            !words::COMMON.contains(lower.as_str()) && !words::CRYPTO.contains(lower.as_str())
        })
}

/// Whether a name can be a victim firm's: not a short acronym ("DEX", "PC"), a contraction
/// ("We’ve") or a thing named by a crypto word ("Banksy NFT", "Bancor LP").
pub(super) fn victim_shaped(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
    let short_acronym = name.len() <= 3 && name.chars().all(|c| c.is_ascii_uppercase());
    let contraction = name.contains(['\'', '’']);
    let crypto_thing = name.contains(' ') && words::CRYPTO.contains(last.as_str());
    !(short_acronym || contraction || crypto_thing)
}

/// Whether a capitalised word that is not all capitals follows right after `end` ("Morpho
/// MEVCapital"; not "Lazarus APT").
pub(super) fn opens_longer_name(text: &str, end: usize) -> bool {
    let (_, next) = neighbours(text, end, end);
    next.starts_with(char::is_uppercase) && next.chars().any(char::is_lowercase)
}

/// Drops an ordinary-looking actor alias unless, somewhere in the article, the text around one
/// of its mentions speaks of attackers (then every mention of it is the actor).
pub(super) fn actors_need_context(text: &str, cands: &mut Vec<Candidate>) {
    let ordinary =
        |c: &Candidate| c.kind == EntityKind::ThreatActor && ordinary_alias(&text[c.start..c.end]);
    let confirmed: HashSet<String> = cands
        .iter()
        // "Morpho MEVCapital Vault": an alias that opens a longer name confirms nothing.
        .filter(|c| {
            ordinary(c) && actor_cue_near(text, c.start, c.end) && !opens_longer_name(text, c.end)
        })
        .map(|c| text[c.start..c.end].to_string())
        .collect();
    cands.retain(|c| !ordinary(c) || confirmed.contains(&text[c.start..c.end]));
}
