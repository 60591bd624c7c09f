//! Where in a text a money figure can be: the stretches between characters no figure pattern
//! holds (quotes, brackets, colons, slashes…), and which of them hold a digit. The number
//! patterns run only over those with one: no match can cross a character none of them holds,
//! and every figure has a digit, so the matches are the same as over the whole text.

/// Whether a figure pattern can hold `c`: letters and digits of any script (case folding and
/// `\d` reach beyond ASCII), white space (`\s`, the no-break space), the currency signs the
/// prefixes name, and the number's punctuation. `_` holds none, but it is a word character: a
/// stretch ending before it would make a word boundary there that the text does not have.
fn holds(c: char) -> bool {
    c.is_alphanumeric()
        || c.is_whitespace()
        || matches!(
            c,
            '$' | '€' | '£' | '¥' | '₩' | '₹' | '.' | ',' | '-' | '–' | '_'
        )
}

/// The text's stretches that hold a digit, in order (byte offsets). ASCII is read a byte at a
/// time; other characters are decoded, and any numeric one counts as a digit (`\d` is a
/// subset of them).
pub(super) fn with_digits(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut digit = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (inside, is_digit, len) = if b.is_ascii() {
            let inside = b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'$' | b'.' | b',' | b'-' | b'_'
                );
            (inside, b.is_ascii_digit(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (holds(c), c.is_numeric(), c.len_utf8())
        };
        match (inside, start) {
            (true, None) => {
                start = Some(i);
                digit = is_digit;
            }
            (true, Some(_)) => digit |= is_digit,
            (false, Some(s)) => {
                if digit {
                    out.push((s, i));
                }
                start = None;
            }
            (false, None) => {}
        }
        i += len;
    }
    if let Some(s) = start.filter(|_| digit) {
        out.push((s, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretches_end_where_no_figure_can_go_on_and_keep_only_those_with_a_digit() {
        let t = "Hackers (who stole $5.2 million) said: “US$ 3m–4m” / none here; 7 BTC";
        let parts: Vec<&str> = with_digits(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(parts, ["who stole $5.2 million", "US$ 3m–4m", " 7 BTC"]);
    }

    #[test]
    fn the_byte_reader_agrees_with_the_character_rule() {
        for b in 0u8..0x80 {
            let c = char::from(b);
            let t = format!("1{c}2");
            let whole = with_digits(&t).len() == 1;
            assert_eq!(whole, holds(c), "{c:?}");
        }
    }
}
