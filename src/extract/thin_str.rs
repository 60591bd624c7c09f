//! A shared string behind a thin pointer: what the gathered results hold for the text they repeat
//! (article ids, currency codes, the words of amounts). An `Arc<str>` is a 16-byte fat pointer;
//! this is 8 bytes (`Option` of it too), which over millions of mentions and hundreds of
//! thousands of amounts is tens of megabytes. It reads, compares, hashes and serialises as its
//! text, so reports and the result cache do not see it.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A string shared by reference count, 8 bytes wide.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ThinStr(Arc<String>);

impl ThinStr {
    /// Whether the two are the one shared allocation (not just equal text).
    pub fn ptr_eq(a: &Self, b: &Self) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for ThinStr {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for ThinStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Its hash and order are its text's, so maps keyed by it are looked up by `&str`.
impl std::borrow::Borrow<str> for ThinStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for ThinStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.0.as_str(), f)
    }
}

impl std::fmt::Display for ThinStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for ThinStr {
    fn from(s: &str) -> Self {
        Self(Arc::new(s.to_owned()))
    }
}

impl From<String> for ThinStr {
    fn from(s: String) -> Self {
        Self(Arc::new(s))
    }
}

impl From<&String> for ThinStr {
    fn from(s: &String) -> Self {
        s.as_str().into()
    }
}

impl PartialEq<str> for ThinStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ThinStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_is_one_pointer_wide_and_reads_as_its_text() {
        assert_eq!(std::mem::size_of::<ThinStr>(), 8);
        assert_eq!(std::mem::size_of::<Option<ThinStr>>(), 8);
        let a = ThinStr::from("Lazarus Group");
        let b = a.clone();
        assert!(ThinStr::ptr_eq(&a, &b));
        assert!(!ThinStr::ptr_eq(&a, &ThinStr::from("Lazarus Group")));
        assert_eq!(a, ThinStr::from("Lazarus Group"));
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"Lazarus Group\"");
        let back: ThinStr = serde_json::from_str("\"APT38\"").unwrap();
        assert_eq!(&*back, "APT38");
        let mut set = std::collections::HashSet::new();
        set.insert(a);
        assert!(set.contains("Lazarus Group"), "looked up by its text");
    }
}
