//! The check every hand matcher passes against the regex that defines it: a matcher replaces a
//! regex only for speed, so it must find what the regex finds from wherever a search resumes.

use regex::Regex;

/// `whole` (the matcher's walk over all of `text`) is the regex's `find_iter`, and `find_at`
/// from every char boundary (and the text's end) is the regex's `find_at` from there.
pub fn agrees_with_regex(
    re: &Regex,
    text: &str,
    whole: Vec<(usize, usize)>,
    find_at: impl Fn(usize) -> Option<(usize, usize)>,
) {
    let want: Vec<(usize, usize)> = re.find_iter(text).map(|m| (m.start(), m.end())).collect();
    assert_eq!(whole, want, "{text:?}");
    for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
        let want = re.find_at(text, at).map(|m| (m.start(), m.end()));
        assert_eq!(find_at(at), want, "from {at} in {text:?}");
    }
}
