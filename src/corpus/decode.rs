//! Bytes to text: detects the encoding, refuses binary files, normalises line ends.
//!
//! Order of decisions: a byte-order mark wins (UTF-8, UTF-16 LE/BE); then NUL bytes mean binary,
//! unless they fall on every other byte as in UTF-16 text written without a byte-order mark;
//! then valid UTF-8 is taken as is; anything else is a legacy encoding guessed by `chardetng`
//! (so Latin-1 "café" loads as "café", not mojibake). Decoded text with many control characters
//! is binary too.

use std::borrow::Cow;
use std::cell::OnceCell;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// Why a file's bytes are not loadable text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Binary,
    Empty,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary => f.write_str("binary file, not text"),
            DecodeError::Empty => f.write_str("empty file"),
        }
    }
}

/// Decodes `bytes` to text with `\n` line ends and no byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let text = match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
            text.into_owned()
        }
        None if bytes.contains(&0) => match utf16_without_bom(bytes) {
            Some(encoding) => encoding.decode_without_bom_handling(bytes).0.into_owned(),
            None => return Err(DecodeError::Binary),
        },
        None => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => {
                let mut detector = chardetng::EncodingDetector::new();
                detector.feed(bytes, true);
                let encoding = detector.guess(None, false);
                let (text, _, _) = encoding.decode(bytes);
                text.into_owned()
            }
        },
    };
    if looks_binary(&text) {
        return Err(DecodeError::Binary);
    }
    let text = normalise_line_ends(&text);
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

/// UTF-16 LE or BE for text saved without a byte-order mark: mostly Latin script puts a NUL in
/// every high byte and almost none in the low ones. Judged on the first 4 KiB.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    if head.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let pairs = head.len() / 2;
    let (even, odd) = (zeros(0), zeros(1));
    // At least 80% of one side NUL, at most 2% of the other.
    let mostly = |n: usize| n * 5 >= pairs * 4;
    let hardly = |n: usize| n * 50 <= pairs;
    if mostly(odd) && hardly(even) {
        Some(UTF_16LE)
    } else if mostly(even) && hardly(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// True when `head` (the first bytes of a file) opens with a UTF-16 byte-order mark: such a
/// file cannot be split into lines byte by byte.
pub fn is_utf16(head: &[u8]) -> bool {
    matches!(Encoding::for_bom(head), Some((e, _)) if e == UTF_16LE || e == UTF_16BE)
}

/// The legacy encoding of a streamed file, guessed by `chardetng` from its first bytes only when
/// a record is not UTF-8: the guess reads the head at hundreds of instructions a byte, and most
/// files never need it.
pub struct Legacy {
    head: Vec<u8>,
    guess: OnceCell<&'static Encoding>,
}

impl Legacy {
    /// A guess from `head` (the first bytes of the file), made when first needed.
    pub fn from_head(head: &[u8]) -> Self {
        Legacy {
            head: head.to_vec(),
            guess: OnceCell::new(),
        }
    }

    /// An encoding already known, for text decoded before it was split into records.
    pub fn known(encoding: &'static Encoding) -> Self {
        Legacy {
            head: Vec::new(),
            guess: OnceCell::from(encoding),
        }
    }

    /// The encoding [`record`] falls back to for records that are not UTF-8.
    pub fn encoding(&self) -> &'static Encoding {
        self.guess.get_or_init(|| {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(&self.head, false);
            detector.guess(None, false)
        })
    }
}

/// One record of a streamed file as text: UTF-8 as is, anything else in the legacy encoding.
pub fn record<'a>(bytes: &'a [u8], legacy: &Legacy) -> Cow<'a, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => legacy.encoding().decode_without_bom_handling(bytes).0,
    }
}

/// True when more than 2% of the characters are control characters other than the ordinary
/// whitespace ones (and DOS's end-of-file mark): real prose has essentially none.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c' | '\x1a') {
            controls += 1;
        }
    }
    controls > 0 && controls * 50 > total
}

/// `\r\n` and lone `\r` become `\n`, so offsets do not depend on the platform that wrote the file.
fn normalise_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_is_not_mojibake() {
        let bytes = b"Le caf\xe9 est ferm\xe9 \xe0 cause de la gr\xe8ve.";
        assert_eq!(
            decode(bytes).unwrap(),
            "Le café est fermé à cause de la grève."
        );
        assert_eq!(decode(b"caf\xe9").unwrap(), "café");
    }

    #[test]
    fn boms_are_honoured_and_removed() {
        assert_eq!(decode(b"\xef\xbb\xbfhello").unwrap(), "hello");
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("héllo".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&le).unwrap(), "héllo");
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("héllo".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&be).unwrap(), "héllo");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00abc"), Err(DecodeError::Binary));
        assert_eq!(
            decode(b"\x01\x02\x03\x04\x05\x06\x07 text"),
            Err(DecodeError::Binary)
        );
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\r\n"), Err(DecodeError::Empty));
    }

    #[test]
    fn utf16_without_bom_is_text() {
        let text = "Hackers stole $5 million from the exchange.\r\nCafé.";
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let want = text.replace("\r\n", "\n");
        assert_eq!(decode(&le).unwrap(), want);
        assert_eq!(decode(&be).unwrap(), want);
    }

    #[test]
    fn line_ends_are_normalised() {
        assert_eq!(decode(b"a\r\nb\rc\n").unwrap(), "a\nb\nc\n");
    }

    #[test]
    fn random_bytes_never_panic() {
        // A small xorshift generator: deterministic, no extra dependency.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for len in 0..400 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    (state >> 24) as u8
                })
                .collect();
            let _ = decode(&bytes);
        }
    }
}
