//! serde_json's pretty layout (two spaces an indent level) with each line break written in one
//! copy. serde_json's `PrettyFormatter` writes the break, then the indent one level at a time:
//! a report of a large corpus has hundreds of thousands of keys a few levels deep, and those
//! writes were most of what writing it cost. The bytes are the same (tested against
//! `serde_json::to_writer_pretty`).

use serde_json::ser::Formatter;
use std::io::{self, Write};

/// The deepest indent written in one copy; deeper ones (no report has them) are written a
/// level at a time.
const DEEPEST: usize = 32;

/// A comma, a line break and the indent of [`DEEPEST`] levels: every separator is a slice of it.
const BREAKS: [u8; 2 + 2 * DEEPEST] = {
    let mut b = [b' '; 2 + 2 * DEEPEST];
    b[0] = b',';
    b[1] = b'\n';
    b
};

/// `PrettyFormatter::new()`'s output, written with fewer calls.
#[derive(Default)]
pub struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A comma (unless `first`), a line break and the indent of the current depth.
    fn line<W: ?Sized + Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        let from = usize::from(first);
        if self.depth <= DEEPEST {
            return writer.write_all(&BREAKS[from..2 + 2 * self.depth]);
        }
        writer.write_all(&BREAKS[from..2])?;
        for _ in 0..self.depth {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl Formatter for Pretty {
    #[inline]
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(b"[")
    }

    #[inline]
    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(writer, true)?;
        }
        writer.write_all(b"]")
    }

    #[inline]
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line(writer, first)
    }

    #[inline]
    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    #[inline]
    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(b"{")
    }

    #[inline]
    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.line(writer, true)?;
        }
        writer.write_all(b"}")
    }

    #[inline]
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line(writer, first)
    }

    #[inline]
    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    #[inline]
    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// `serde_json::to_writer_pretty`'s bytes.
pub fn to_writer<W: Write, T: ?Sized + serde::Serialize>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(writer, Pretty::default());
    value.serialize(&mut ser)
}

#[cfg(test)]
mod tests {
    use super::to_writer;
    use serde_json::{Value, json};

    fn both(v: &Value) -> (Vec<u8>, Vec<u8>) {
        let mut ours = Vec::new();
        to_writer(&mut ours, v).expect("writes to a Vec");
        let theirs = serde_json::to_vec_pretty(v).expect("writes to a Vec");
        (ours, theirs)
    }

    /// Objects and arrays nested `depth` levels, with empty ones and scalars among them.
    fn nested(depth: usize) -> Value {
        let mut v = json!({"leaf": [1, 2.5, "x\n\"y\"", null, true, [], {}]});
        for level in 0..depth {
            v = if level % 2 == 0 {
                json!({"k": v, "empty": {}, "n": level})
            } else {
                json!([v, [], "s", {"a": []}])
            };
        }
        v
    }

    #[test]
    fn the_same_bytes_as_serde_json_at_every_depth() {
        for depth in 0..40 {
            let (ours, theirs) = both(&nested(depth));
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs),
                "depth {depth}"
            );
        }
    }

    #[test]
    fn scalars_and_empty_containers_alone() {
        for v in [
            json!(null),
            json!(1),
            json!("a"),
            json!([]),
            json!({}),
            json!([[]]),
            json!({"a": {}}),
        ] {
            let (ours, theirs) = both(&v);
            assert_eq!(ours, theirs, "{v}");
        }
    }
}
