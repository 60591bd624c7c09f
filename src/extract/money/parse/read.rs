//! The prefixed and suffixed figure patterns read by hand where a figure may start: the match
//! and its groups as the capture engine gives them, without it (a capture search cost about
//! 4,000 instructions a figure, most of parsing). Where a character of another script stands
//! where a Unicode digit (`\d`) or a letter matched in any case (the long s, the Kelvin sign)
//! might be taken, the reader says it cannot tell ([`Unsure`]) and the pattern reads the
//! figure. The tests compare both from every char boundary of generated texts.
//!
//! Most choices in the patterns are settled at once: nothing after a number starts with a
//! digit, a comma or a full stop, so a number is read greedily; the prefixes and codes are
//! never one the start of another (but "Rs" and "Rs.", where "Rs" can have no number after
//! it). Only the suffixed figure's ending, which must follow, makes its range and magnitude
//! tried in the pattern's order.

use crate::text::is_ascii_boundary as boundary;

/// A character of another script stands where the pattern's Unicode classes might take it.
#[derive(Debug)]
pub(super) struct Unsure;

/// A match's span and its groups' spans (none for a group that took no part).
pub(super) type Found<const N: usize> = ((usize, usize), [Option<(usize, usize)>; N]);

/// What a reader tells of a pattern tried anchored at one place.
pub(super) type Read<const N: usize> = Result<Option<Found<N>>, Unsure>;

type R<T> = Result<T, Unsure>;

/// Whether byte `i` is an ASCII digit; a byte of another script may be a digit (`\d`).
fn digit(b: &[u8], i: usize) -> R<bool> {
    match b.get(i) {
        Some(c) if c.is_ascii_digit() => Ok(true),
        Some(c) if !c.is_ascii() => Err(Unsure),
        _ => Ok(false),
    }
}

/// The end of the digits from `i`.
fn digits(b: &[u8], mut i: usize) -> R<usize> {
    while digit(b, i)? {
        i += 1;
    }
    Ok(i)
}

/// A number (`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`) at `i`: its end.
fn num(b: &[u8], i: usize) -> R<Option<usize>> {
    let run = digits(b, i)?;
    if run == i {
        return Ok(None);
    }
    let mut end = run;
    if run - i <= 3 {
        while b.get(end) == Some(&b',')
            && digit(b, end + 1)?
            && digit(b, end + 2)?
            && digit(b, end + 3)?
        {
            end += 4;
        }
    }
    if b.get(end) == Some(&b'.') && digit(b, end + 1)? {
        end = digits(b, end + 1)?;
    }
    Ok(Some(end))
}

/// `[ \u00a0]` at `i`: its end.
fn blank(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..) {
        Some([b' ', ..]) => Some(i + 1),
        Some([0xC2, 0xA0, ..]) => Some(i + 2),
        _ => None,
    }
}

/// `word` as written at `i`: its end.
fn lit(b: &[u8], i: usize, word: &[u8]) -> Option<usize> {
    b.get(i..)
        .is_some_and(|r| r.starts_with(word))
        .then_some(i + word.len())
}

/// `word` (ASCII, lower case) at `i` in any case, as `(?i)` takes it: its end. Of the other
/// scripts only the long s and the Kelvin sign fold to an ASCII letter (`starts` tests it).
fn ci(text: &str, i: usize, word: &[u8]) -> R<Option<usize>> {
    let b = text.as_bytes();
    for (k, &w) in word.iter().enumerate() {
        match b.get(i + k) {
            Some(c) if c.is_ascii() => {
                if c.to_ascii_lowercase() != w {
                    return Ok(None);
                }
            }
            Some(_) => {
                let rest = text.get(i + k..).unwrap_or("");
                let folds = (w == b's' && rest.starts_with('ſ'))
                    || (w == b'k' && rest.starts_with('\u{212a}'));
                return if folds { Err(Unsure) } else { Ok(None) };
            }
            None => return Ok(None),
        }
    }
    Ok(Some(i + word.len()))
}

/// `\s+` at `i` (Unicode's white space, as `char::is_whitespace` tells it): its end.
fn spaces(text: &str, i: usize) -> Option<usize> {
    let j = crate::text::white_space_end(text, i);
    (j > i).then_some(j)
}

/// The three-letter codes of the prefix and of the currency words, as written.
const CODES: [&[u8]; 15] = [
    b"USD", b"EUR", b"GBP", b"JPY", b"KRW", b"CNY", b"RMB", b"INR", b"AUD", b"CAD", b"CHF", b"HKD",
    b"SGD", b"TWD", b"RUB",
];

/// A code at `i` with a word boundary after it: its end.
fn code(b: &[u8], i: usize) -> Option<usize> {
    CODES
        .iter()
        .find_map(|c| lit(b, i, c))
        .filter(|&e| boundary(b, e))
}

/// The currency prefix (`PREFIX`) at `i`: its end.
fn prefix(text: &str, i: usize) -> Option<usize> {
    const SIGNS: [&str; 16] = [
        "US$", "AU$", "A$", "CA$", "C$", "HK$", "NT$", "S$", "NZ$", "R$", "$", "€", "£", "¥", "₩",
        "₹",
    ];
    let b = text.as_bytes();
    if let Some(e) = SIGNS.iter().find_map(|s| lit(b, i, s.as_bytes())) {
        return Some(e);
    }
    if let Some(k) = lit(b, i, b"U.S.") {
        // `U\.S\.\s?\$`
        let k = match spaces(text, k) {
            Some(_) => text[k..].chars().next().map_or(k, |c| k + c.len_utf8()),
            None => k,
        };
        return lit(b, k, b"$");
    }
    if let Some(e) = code(b, i) {
        return Some(e);
    }
    lit(b, i, b"Rs").map(|e| lit(b, e, b".").unwrap_or(e))
}

/// The magnitude's alternatives (`MAG`) that match at `i`, in the pattern's order: their ends.
fn mags(text: &str, i: usize) -> impl Iterator<Item = R<usize>> + '_ {
    const WORDS: [&[u8]; 4] = [b"thousand", b"trillion", b"billion", b"million"];
    const SHORT: [&[u8]; 11] = [
        b"mln", b"bln", b"mn", b"bn", b"tn", b"k", b"K", b"m", b"M", b"b", b"B",
    ];
    let b = text.as_bytes();
    WORDS
        .iter()
        .filter_map(move |w| ci(text, i, w).transpose())
        .chain(SHORT.iter().filter_map(move |w| lit(b, i, w).map(Ok)))
}

/// A range's second half (`[ \u00a0]?(?:-|–|to)[ \u00a0]?`, a currency sign when `signs`, and
/// a number) at `i`: the second number's span.
fn range(b: &[u8], i: usize, signs: bool) -> R<Option<(usize, usize)>> {
    let j = blank(b, i).unwrap_or(i);
    let Some(k) = lit(b, j, b"-")
        .or_else(|| lit(b, j, "–".as_bytes()))
        .or_else(|| lit(b, j, b"to"))
    else {
        return Ok(None);
    };
    let mut k = blank(b, k).unwrap_or(k);
    if signs && let Some(e) = ["$", "€", "£"].iter().find_map(|s| lit(b, k, s.as_bytes())) {
        k = e;
    }
    Ok(num(b, k)?.map(|e| (k, e)))
}

/// The prefixed figure's tail (`[ \u00a0](?:USD|US\s+dollars|dollars)(?-u:\b)`) at `i`: its
/// end.
fn dollar_tail(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let j = blank(b, i)?;
    let us_dollars = || {
        lit(
            b,
            lit(b, j, b"US").and_then(|k| spaces(text, k))?,
            b"dollars",
        )
    };
    [lit(b, j, b"USD"), us_dollars(), lit(b, j, b"dollars")]
        .into_iter()
        .flatten()
        .find(|&e| boundary(b, e))
}

/// `PREFIXED` tried anchored at `s`: the groups pre, num, num2, mag, tail. After the number
/// every part may be left out, so each is the first of its choices that matches.
pub(super) fn prefixed(text: &str, s: usize) -> Read<5> {
    let b = text.as_bytes();
    let Some(pre) = prefix(text, s) else {
        return Ok(None);
    };
    let n = blank(b, pre).unwrap_or(pre);
    let Some(mut end) = num(b, n)? else {
        return Ok(None);
    };
    let num_span = (n, end);
    let num2 = range(b, end, true)?;
    if let Some((_, e)) = num2 {
        end = e;
    }
    let j = blank(b, end).unwrap_or(end);
    let mag = match mags(text, j).next() {
        Some(e) => Some((j, e?)),
        None => None,
    };
    if let Some((_, e)) = mag {
        end = e;
    }
    let tail = dollar_tail(text, end).map(|e| (end, e));
    if let Some((_, e)) = tail {
        end = e;
    }
    Ok(Some((
        (s, end),
        [Some((s, pre)), Some(num_span), num2, mag, tail],
    )))
}

/// A currency word or a ticker ending a suffixed figure.
enum Currency {
    Word(usize),
    Tick(usize),
}

/// A currency word (`SUFFIX_WORD`) at `i` with a word boundary after it: its end. The
/// alternatives and their optional endings are tried in the pattern's order.
fn currency_word(text: &str, i: usize) -> R<Option<usize>> {
    let b = text.as_bytes();
    let ok = |e: usize| boundary(b, e);
    // A stem ending at `e` and an optional "s": the "s" first.
    let plural = |e: usize| -> R<Option<usize>> {
        if let Some(s) = ci(text, e, b"s")?
            && ok(s)
        {
            return Ok(Some(s));
        }
        Ok(ok(e).then_some(e))
    };
    // `(?:US|U\.S\.|American|Hong\s+Kong|Australian|Canadian|Singapore|Taiwan)\s+dollars?`
    const NATIONS: [&[u8]; 8] = [
        b"us",
        b"u.s.",
        b"american",
        b"hong",
        b"australian",
        b"canadian",
        b"singapore",
        b"taiwan",
    ];
    for nation in NATIONS {
        let Some(mut e) = ci(text, i, nation)? else {
            continue;
        };
        if nation == b"hong" {
            let Some(k) = spaces(text, e) else {
                continue;
            };
            let Some(k) = ci(text, k, b"kong")? else {
                continue;
            };
            e = k;
        }
        let Some(k) = spaces(text, e) else {
            continue;
        };
        if let Some(e) = ci(text, k, b"dollar")?
            && let Some(end) = plural(e)?
        {
            return Ok(Some(end));
        }
    }
    for (stem, plural_s) in [
        (&b"dollar"[..], true),
        (b"dlrs", false),
        (b"bitcoin", true),
        (b"ether", false),
        (b"euro", true),
    ] {
        if let Some(e) = ci(text, i, stem)? {
            let end = if plural_s {
                plural(e)?
            } else {
                ok(e).then_some(e)
            };
            if end.is_some() {
                return Ok(end);
            }
        }
    }
    // `pounds?(?:\s+sterling)?`: the "s" first, then " sterling" first.
    if let Some(e) = ci(text, i, b"pound")? {
        for stem in [ci(text, e, b"s")?, Some(e)].into_iter().flatten() {
            if let Some(k) = spaces(text, stem)
                && let Some(end) = ci(text, k, b"sterling")?
                && ok(end)
            {
                return Ok(Some(end));
            }
            if ok(stem) {
                return Ok(Some(stem));
            }
        }
    }
    for word in [&b"sterling"[..], b"yen", b"won", b"yuan", b"renminbi"] {
        if let Some(e) = ci(text, i, word)?
            && ok(e)
        {
            return Ok(Some(e));
        }
    }
    if let Some(e) = ci(text, i, b"rupee")?
        && let Some(end) = plural(e)?
    {
        return Ok(Some(end));
    }
    Ok(code(b, i))
}

/// A ticker (`[a-z]{0,2}[A-Z][A-Z0-9]{1,6}(?-u:\b)`) at `i`: its end.
fn ticker(b: &[u8], i: usize) -> Option<usize> {
    let rest = b.get(i..)?;
    let lower = rest
        .iter()
        .take(3)
        .take_while(|c| c.is_ascii_lowercase())
        .count();
    if lower > 2 || !rest.get(lower).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let run = rest[lower + 1..]
        .iter()
        .take(7)
        .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        .count();
    let end = i + lower + 1 + run;
    ((1..=6).contains(&run) && boundary(b, end)).then_some(end)
}

/// The suffixed figure's ending at `i`: a blank, then a currency word or a ticker.
fn currency(text: &str, i: usize) -> R<Option<(usize, Currency)>> {
    let b = text.as_bytes();
    let Some(w) = blank(b, i) else {
        return Ok(None);
    };
    if let Some(e) = currency_word(text, w)? {
        return Ok(Some((w, Currency::Word(e))));
    }
    Ok(ticker(b, w).map(|e| (w, Currency::Tick(e))))
}

/// `SUFFIXED` tried anchored at `s`: the groups num, num2, mag, word, tick. Its ending must
/// follow, so the range is tried taken, then left out, and with each the magnitudes in the
/// pattern's order, then none.
pub(super) fn suffixed(text: &str, s: usize) -> Read<5> {
    let b = text.as_bytes();
    let Some(num_end) = num(b, s)? else {
        return Ok(None);
    };
    let taken = range(b, num_end, false)?;
    let ranges = [taken, None];
    for &num2 in &ranges[..if taken.is_some() { 2 } else { 1 }] {
        let after = num2.map_or(num_end, |r| r.1);
        let j = blank(b, after).unwrap_or(after);
        let mut found = None;
        for m in mags(text, j) {
            let m = m?;
            if let Some(c) = currency(text, m)? {
                found = Some((Some((j, m)), c));
                break;
            }
        }
        if found.is_none()
            && let Some(c) = currency(text, after)?
        {
            found = Some((None, c));
        }
        if let Some((mag, (w, cur))) = found {
            let (end, word, tick) = match cur {
                Currency::Word(e) => (e, Some((w, e)), None),
                Currency::Tick(e) => (e, None, Some((w, e))),
            };
            return Ok(Some((
                (s, end),
                [Some((s, num_end)), num2, mag, word, tick],
            )));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests;
