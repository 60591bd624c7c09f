//! Organisations: a gazetteer of bodies that recur in cyber-theft news, with their aliases
//! merged, and a pattern for names ending in an organisation word ("FTI Consulting").

use std::sync::LazyLock;

use regex::Regex;

use super::{Candidate, EntityKind, Source, words};

mod legal_names;

/// Organisations from data files with a stated source (see their headers): crypto exchanges
/// listed companies, political parties, government bodies, newspapers and broadcasters. Each entry: the name, then the other spellings.
pub static GAZETTEERS: LazyLock<Vec<Vec<String>>> = LazyLock::new(|| {
    [
        include_str!("../../../assets/organisations/exchanges.tsv"),
        include_str!("../../../assets/organisations/listed-companies.tsv"),
        include_str!("../../../assets/organisations/political-parties.tsv"),
        include_str!("../../../assets/organisations/government-bodies.tsv"),
        include_str!("../../../assets/organisations/newspapers.tsv"),
        include_str!("../../../assets/organisations/broadcasters.tsv"),
    ]
    .iter()
    .flat_map(|t| crate::text::entries(t))
    .map(|l| l.split('\t').map(str::to_string).collect())
    .collect()
});

/// The canonical name of a gazetteer organisation written `name` in any case ("Far Eastern
/// bank" for "Far Eastern Bank"): the identity a victim named in running text takes, so that a
/// theft's victim and the sidebar's organisation are one name.
pub fn canonical_of(name: &str) -> Option<&'static str> {
    static BY_LOWER: LazyLock<std::collections::HashMap<String, &'static str>> =
        LazyLock::new(|| {
            let mut map = std::collections::HashMap::new();
            for (canon, aliases) in KNOWN.iter() {
                for n in std::iter::once(canon).chain(aliases.iter()) {
                    map.entry(n.to_lowercase()).or_insert(*canon);
                }
            }
            for names in GAZETTEERS.iter() {
                if let Some(canon) = names.first() {
                    for n in names {
                        map.entry(n.to_lowercase()).or_insert(canon.as_str());
                    }
                }
            }
            map
        });
    BY_LOWER.get(&name.to_lowercase()).copied()
}

/// Organisations that recur in this news (`assets/organisations/recurring.tsv`): canonical
/// name, then the other ways articles write it (all case-sensitive).
pub static KNOWN: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    super::words::name_table(include_str!("../../../assets/organisations/recurring.tsv"))
});

/// Words that end an organisation's name.
static SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/org-suffixes.txt"
    ))
    .collect()
});

/// Words that end a body's name in the pattern only ("… Organisation", "… Movement"), kept off
/// the words that are never a name alone (`assets/entity-words/org-body-suffixes.txt`).
static BODY_SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/org-body-suffixes.txt"
    ))
    .collect()
});

/// Legal forms after which "and" joins one firm's words ("Carolina Power and Light Co").
pub(super) static LEGAL_SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/org-legal-suffixes.txt"
    ))
    .collect()
});

/// Words that end a public body's name, which may join two fields with "and" ("Securities
/// and Exchange Commission", "Finance and Economy Ministry"); in other names "and" joins a list
/// ("Acme and Zorb Finance").
static PUBLIC_SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/org-public-suffixes.txt"
    ))
    .collect()
});

/// Words that open an organisation's name "of ..." or "for ...": "Bank of England", "Ministry
/// of Defence", "Department for Work and Pensions", "House of Lords".
static OF_HEADS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/org-of-heads.txt"
    ))
    .collect()
});

/// Words for a group or a company that open a firm's name in other languages ("Gruppo",
/// "Groupe"; `assets/entity-words/org-opening-words.txt`).
static OPENING_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/org-opening-words.txt"
    ))
    .collect()
});

/// Offices whose possessive opens a body's name ("Commissioner's Office"): the offices of
/// `office-titles.txt`, capitalised.
static OFFICE_POSSESSORS: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/office-titles.txt"
    ))
    .filter(|w| w.len() > 2)
    .map(|w| {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    })
    .collect()
});

/// "FTI Consulting", "Bangladesh Bank", "Bank of England". The name's words are capitalised and
/// on one line (a title never joins the first line of the body);
/// the surrounding code trims sentence words ("The", "Read") from its front.
pub static PATTERN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    // Dotted initials are a word of the name ("E.F. Hutton Group Inc").
    let word = r"(?:[A-Z][A-Za-z0-9&.-]*[A-Za-z0-9]|[A-Z]{2,}|&|(?:[A-Z]\.){2,3})";
    // A plural possessive before the body's word ("Transport and General Workers' Union",
    // "Financial Writers' Association") is part of the name.
    let plural = format!(r"(?:{word}|[A-Z][A-Za-z]*s['’])");
    let of_heads = super::words::alternation(&OF_HEADS);
    let public_suffixes = super::words::alternation(&PUBLIC_SUFFIXES);
    let body_suffixes: Vec<&str> = SUFFIXES
        .iter()
        .chain(BODY_SUFFIXES.iter())
        .copied()
        .collect();
    let suffixes = super::words::alternation(&body_suffixes);
    let legal = super::words::alternation(&LEGAL_SUFFIXES);
    // A founder's possessive inside a firm's name that ends in a legal form ("Standard and
    // Poor's Corp", "Moody's Investors Service Inc"): one firm, not a firm and its property.
    let poss = "(?:'s|’s)";
    // "Writers Guild of America", "European Court of Human Rights"; "for" may join two fields
    // ("Brazilian Institute for Geography and Statistics").
    let of = format!(
        r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?{word}(?:[ \t]+{word}){{0,2}}|[ \t]+for[ \t]+{word}(?:[ \t]+(?:and[ \t]+)?{word}){{0,2}})?"
    );
    // A saint's or an office's possessive before a body's word is part of its name ("St
    // Acme's Shopping Centre", "Information Commissioner's Office"); another's is its owner.
    // "Gruppo Ferruzzi", "Sociedad Espanola de Automoviles": a word for a group or company
    // opening the name, which may join its words with "de", "di", "du"….
    let openers = super::words::alternation(&OPENING_WORDS);
    let offices: Vec<&str> = OFFICE_POSSESSORS.iter().map(String::as_str).collect();
    let offices = super::words::alternation(&offices);
    let possessed = format!(
        r"|(?-u:\b)(?:St\.?|Saint)[ \t]+{word}{poss}[ \t]+(?:{word}[ \t]+){{0,2}}(?:{suffixes}|Office)(?-u:\b)|(?-u:\b)(?:{word}[ \t]+){{0,2}}(?:{offices}){poss}[ \t]+(?:{word}[ \t]+){{0,1}}(?:{suffixes}|Office)(?-u:\b)"
    );
    super::compile(&format!(
        r"(?-u:\b)(?:The[ \t]+)?(?:{of_heads})[ \t]+of[ \t]+(?:the[ \t]+)?{word}(?:[ \t]+{word}){{0,3}}|(?-u:\b)(?:The[ \t]+)?(?:{of_heads})[ \t]+for[ \t]+{word}(?:[ \t]+(?:and[ \t]+)?{word}){{0,3}}|(?-u:\b)(?:{word}[ \t]+){{0,3}}(?:{word}[ \t]+and[ \t]+)?(?:{word}[ \t]+)?{plural}[ \t]+(?:{public_suffixes}){of}(?-u:\b)|(?-u:\b)(?:{word},?[ \t]+){{1,3}}and[ \t]+(?:{word}{poss}?[ \t]+){{0,2}}(?:{legal})(?:[ \t]+(?:{legal}))?(?-u:\b)|(?-u:\b){word}{poss}[ \t]+(?:{word}[ \t]+){{1,3}}(?:{legal})(?:[ \t]+(?:{legal}))?(?-u:\b)|(?-u:\b)(?:{word}[ \t]+){{0,3}}{plural}[ \t]+(?:{suffixes}){of}(?-u:\b)|(?-u:\b)(?:Banco|Banca|Banque)[ \t]+(?:de|do|del|di|du|da)[ \t]+{word}|(?-u:\b)(?:{openers})[ \t]+{word}(?:[ \t]+(?:(?:de|di|du|des|del|da|do)[ \t]+)?{word}){{0,3}}(?-u:\b){possessed}"
    ))
});

/// The searchers for " The " (its last) and " of " in a match, built once.
static INNER_THE: LazyLock<memchr::memmem::FinderRev<'static>> =
    LazyLock::new(|| memchr::memmem::FinderRev::new(" The "));
static OF: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(" of "));

/// Organisation names from the pattern, with sentence words and a place's initials trimmed
/// from their front and a legal form's town from their end.
pub(super) fn org_candidates(text: &str, out: &mut Vec<Candidate>) {
    let Some(re) = PATTERN.as_ref() else {
        return;
    };
    for m in re.find_iter(text) {
        let mut rest = m.as_str();
        while let Some((first, tail)) = rest.split_once(char::is_whitespace) {
            // "Paris-based Acme Organization": the town's describing word is no name word.
            if !words::ORG_LEADERS.contains(first)
                && !words::OPENERS.contains(first)
                && !words::is_modifier(first)
            {
                break;
            }
            rest = tail.trim_start();
        }
        // "U.S. Agriculture Department": a place's initials before the body stay the place.
        if let Some((first, tail)) = rest.split_once(' ')
            && place_initials(first)
        {
            rest = tail.trim_start();
        }
        // A "The" inside cuts a headline fragment off ("Rekt II The Ronin Network").
        if let Some(i) = INNER_THE.rfind(rest.as_bytes()) {
            rest = &rest[i + 5..];
        }
        let start = m.end() - rest.len();
        // "Ozaki Trading Co Ltd of Osaka": after a legal form, "of" names the firm's town.
        if let Some(i) = OF.find(rest.as_bytes()).filter(|&i| {
            rest[..i]
                .rsplit(' ')
                .next()
                .is_some_and(|w| LEGAL_SUFFIXES.contains(&w))
        }) {
            rest = &rest[..i];
        }
        // "Hills Department" + " Stores Inc": the legal form after a body word ends the name.
        let end = legal_names::through_legal_form(text, start + rest.len());
        let rest = &text[start..end];
        // The last two words, how many there are, and whether all before the last are
        // generic, read with no list of them built.
        let (mut count, mut before, mut last, mut generic_before) = (0, "", "", true);
        for w in rest.split_whitespace() {
            if count > 0 {
                generic_before = generic_before && words::ORG_GENERIC.contains(last);
                before = last;
            }
            last = w;
            count += 1;
        }
        if count >= 2 && pool_token(before, last) {
            continue;
        }
        // "Acme Glass Works and Zorb Laboratories Corp": two firms.
        if let Some(halves) = legal_names::two_firms(rest) {
            out.extend(halves.map(|(s, e)| Candidate {
                start: start + s,
                end: start + e,
                kind: EntityKind::Organization,
                canonical: crate::text::single_spaced(&rest[s..e]),
                parent: None,
                source: Source::OrgPattern,
            }));
            continue;
        }
        if count < 2 || generic_before {
            continue; // only the organisation word, or generic words before it
        }
        out.push(Candidate {
            start,
            end,
            kind: EntityKind::Organization,
            canonical: crate::text::single_spaced(rest),
            parent: None,
            source: Source::OrgPattern,
        });
    }
}

/// The words that end organisation names, for telling people from organisations.
pub fn suffix_words() -> impl Iterator<Item = &'static str> {
    // No abbreviation with its full stop ("Inc.").
    SUFFIXES
        .iter()
        .copied()
        .filter(|w| !w.contains('.'))
        .chain(["Association", "Motors", "Airways", "Film"])
}

/// Words naming a pool's liquidity token (`assets/entity-words/pool-token-words.txt`).
static POOL_TOKEN_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/pool-token-words.txt"
    ))
    .collect()
});

/// "USDC-WETH LP", "EPS LP", "V2 LP": a ticker, a pair of tickers or a version before "LP"
/// names a liquidity token, not a limited partnership ("Carolina Partners LP"): `before` and
/// `last` are a name's last two words.
pub(super) fn pool_token(before: &str, last: &str) -> bool {
    POOL_TOKEN_WORDS.contains(&last)
        && (before.contains('-')
            || before
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
}

/// Dotted initials that a place goes by ("U.S.", "U.K."): before a body's name they are the
/// place, not the body's first word.
pub(super) fn place_initials(word: &str) -> bool {
    word.len() >= 4
        && word.ends_with('.')
        && super::places::PLACES
            .iter()
            .any(|p| p.canonical == word || p.aliases.iter().any(|a| a == word))
}

/// Words ending a body inside a known organisation (`assets/entity-words/org-part-words.txt`).
static PART_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/org-part-words.txt"
    ))
    .collect()
});

/// Whether a name's last word makes it a body of its own inside the known organisation that
/// opens it ("Senate Banking Committee"), not the organisation restated ("Coinbase Exchange").
pub(super) fn names_a_part(last_word: &str) -> bool {
    PART_WORDS.contains(&last_word)
}
