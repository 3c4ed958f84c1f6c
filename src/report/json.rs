//! The JSON renderer: the report model as documented in `docs/json.md`.
//!
//! serde_json escapes only what JSON requires (`"`, `\` and U+0000–U+001F). Server text and
//! certificate names may also carry DEL, C1 controls (U+0080–U+009F, among them the 8-bit
//! CSI U+009B that some terminals obey) and bidi formatting characters, which a terminal or
//! log viewer showing the JSON would act on. [`EscapingFormatter`] writes every character
//! of [`is_unsafe`] as a `\uXXXX` escape (all of them are in the Basic Multilingual Plane,
//! so one escape each): the document stays valid JSON and parses back to the very same
//! strings.

use super::Report;
use super::human::is_unsafe;
use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use std::io::{self, Write};

pub fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

/// Writes `value` as pretty JSON (two-space indent, as `serde_json::to_writer_pretty`),
/// with the characters of [`is_unsafe`] escaped as `\uXXXX`.
pub fn to_writer_pretty<W: Write + ?Sized, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, EscapingFormatter::default());
    value.serialize(&mut ser).map_err(io::Error::other)
}

/// serde_json's pretty formatter, except that string contents escape the characters of
/// [`is_unsafe`] that JSON itself allows raw.
#[derive(Debug, Default)]
pub struct EscapingFormatter {
    pretty: PrettyFormatter<'static>,
}

impl Formatter for EscapingFormatter {
    /// Called with the runs of a string between the characters serde_json escapes itself
    /// (so never with `"`, `\` or U+0000–U+001F).
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_unsafe(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                // Controls and bidi characters are all below U+FFFF: one escape each.
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    // The layout: exactly the pretty formatter's.
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_array(writer)
    }
    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array(writer)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_array_value(writer, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array_value(writer)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object(writer)
    }
    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object(writer)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_object_key(writer, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object_key(writer)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object_value(writer)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        to_writer_pretty(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn layout_is_serde_json_pretty() {
        let v = serde_json::json!({"a": [1, {"b": null}], "c": "text é ✓", "d": {}, "e": []});
        assert_eq!(json(&v), serde_json::to_string_pretty(&v).unwrap());
    }

    #[test]
    fn c1_del_and_bidi_are_u_escapes_and_round_trip() {
        let s = "a\u{7f}b\u{80}\u{9b}31m\u{9f}c\u{202e}d\u{2066}\u{2069}\u{200e}\u{200f}\u{61c}\"\\\n\u{1b}é";
        let mut map = serde_json::Map::new();
        map.insert(s.to_owned(), serde_json::json!([s]));
        let v = serde_json::Value::Object(map);
        let text = json(&v);
        assert!(text.contains(
            r#"a\u007fb\u0080\u009b31m\u009fc\u202ed\u2066\u2069\u200e\u200f\u061c\"\\\n\u001bé"#
        ));
        assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'));
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }
}
