//! Trust anchors for the in-process DNSSEC validation of DANE lookups: the IANA root keys
//! built in (through hickory), or the records of `--trust-anchor FILE`, DS or DNSKEY in
//! zone-file presentation format (what `ldns-key2ds`, `dnssec-dsfromkey` or a zone's
//! `.key` file print; `/usr/share/dns/root.ds` of Debian's dns-root-data is one).
//!
//! A DS anchor names a key by its digest: it is turned into the zone's DNSKEY that matches
//! it when the zone's keys are first fetched (see `dnssec.rs`), since hickory's validator
//! takes keys only.
//!
//! # References
//! - RFC 4034 §2.2 (DNSKEY presentation format), §5.3 (DS presentation format), §5.2 (the
//!   DS digest over owner name and DNSKEY RDATA).
//! - RFC 1035 §5.1: master file format (comments after `;`, parentheses continue a record
//!   over lines, a record starting with a blank has the previous owner).
//! - RFC 7958: the root zone trust anchor, as IANA publishes it.

use hickory_resolver::proto::dnssec::rdata::{DNSKEY, DNSSECRData, DS};
use hickory_resolver::proto::dnssec::{PublicKey, TrustAnchors};
use hickory_resolver::proto::rr::{Name, RData};
use std::path::Path;

/// One trusted key, or the digest of one, for a zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustAnchor {
    /// The zone the key is trusted for (absolute).
    pub zone: Name,
    pub key: AnchorKey,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnchorKey {
    Dnskey(DNSKEY),
    Ds(DS),
}

impl TrustAnchor {
    /// Whether `key`, published at `zone`, is this anchor's key (RFC 4034 §5.2 for a DS:
    /// the digest over the owner name and the DNSKEY RDATA, and the zone-key flag set).
    pub fn matches(&self, zone: &Name, key: &DNSKEY) -> bool {
        if self.zone != *zone {
            return false;
        }
        match &self.key {
            AnchorKey::Dnskey(k) => {
                k.public_key().public_bytes() == key.public_key().public_bytes()
                    && k.public_key().algorithm() == key.public_key().algorithm()
            }
            AnchorKey::Ds(ds) => {
                ds.algorithm() == key.public_key().algorithm()
                    && ds.covers(zone, key).unwrap_or(false)
            }
        }
    }
}

/// The root zone's keys that hickory carries (IANA's KSK-2017 and KSK-2024).
pub fn root() -> Vec<TrustAnchor> {
    let builtin = TrustAnchors::default();
    (0..builtin.len())
        .filter_map(|i| builtin.get(i))
        .map(|k| TrustAnchor {
            zone: Name::root(),
            key: AnchorKey::Dnskey(DNSKEY::new(true, true, false, k.clone())),
        })
        .collect()
}

/// Why an anchor file was refused: the line (1-based) and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorFileError {
    pub line: usize,
    pub message: String,
}

/// Reads `--trust-anchor FILE`: the error is one line naming the file and the line.
pub fn read(path: &Path) -> Result<Vec<TrustAnchor>, String> {
    let shown = path.display();
    let text = std::fs::read(path).map_err(|e| format!("--trust-anchor {shown}: {e}"))?;
    let text = String::from_utf8(text)
        .map_err(|_| format!("--trust-anchor {shown}: not a text file (invalid UTF-8)"))?;
    parse(&text).map_err(|e| format!("--trust-anchor {shown}: line {}: {}", e.line, e.message))
}

/// The DS and DNSKEY records of an anchor file's text (at least one).
pub fn parse(text: &str) -> Result<Vec<TrustAnchor>, AnchorFileError> {
    let mut out = vec![];
    let mut owner: Option<String> = None;
    for (line, record) in logical_records(text)? {
        let fail = |message: String| AnchorFileError { line, message };
        let first = record.split_whitespace().next().unwrap_or_default();
        if first.starts_with('$') {
            if first.eq_ignore_ascii_case("$TTL") {
                continue;
            }
            return Err(fail(format!(
                "{first} is not supported in a trust anchor file: give absolute owner names"
            )));
        }
        let text = if record.starts_with([' ', '\t']) {
            let Some(o) = &owner else {
                return Err(fail("the record has no owner name".into()));
            };
            format!("{o}{record}")
        } else {
            owner = Some(first.to_owned());
            record
        };
        out.push(anchor_of(&text).map_err(fail)?);
    }
    if out.is_empty() {
        return Err(AnchorFileError {
            line: text.lines().count().max(1),
            message: "no DS or DNSKEY record in the file".into(),
        });
    }
    Ok(out)
}

/// The record type of one record's text: the first word after the owner name that is
/// neither a TTL nor a class.
fn type_word(record: &str) -> Option<&str> {
    record.split_whitespace().skip(1).find(|w| {
        let w = w.to_ascii_uppercase();
        !(w.bytes().all(|b| b.is_ascii_digit())
            || matches!(w.as_str(), "IN" | "CH" | "HS" | "CS")
            || w.starts_with("CLASS"))
    })
}

/// One record's text parsed by hickory's parsers (its trust anchor parser for DNSKEY, since
/// its zone-file parser refuses DNSKEY records; the zone-file parser for DS).
fn anchor_of(record: &str) -> Result<TrustAnchor, String> {
    use hickory_resolver::proto::serialize::txt::{Parser, trust_anchor};
    let bad = |e: &dyn std::fmt::Display| {
        format!("not a DS or DNSKEY record in presentation format ({e})")
    };
    let rtype = type_word(record).unwrap_or_default().to_ascii_uppercase();
    let (zone, key) = match rtype.as_str() {
        "DNSKEY" => {
            let entries = trust_anchor::Parser::new(record)
                .parse()
                .map_err(|e| bad(&e))?;
            let Some(trust_anchor::Entry::DNSKEY(r)) = entries.into_iter().next() else {
                return Err("expected one record".into());
            };
            (r.name().clone(), AnchorKey::Dnskey(r.data().clone()))
        }
        "DS" => {
            let zone = format!("$TTL 0\n{record}\n");
            let (_, sets) = Parser::new(zone.as_str(), None, Some(Name::root()))
                .parse()
                .map_err(|e| bad(&e))?;
            let r = sets
                .values()
                .flat_map(|s| s.records_without_rrsigs())
                .next();
            match r.map(|r| (&r.name, &r.data)) {
                Some((name, RData::DNSSEC(DNSSECRData::DS(d)))) => {
                    (name.clone(), AnchorKey::Ds(d.clone()))
                }
                _ => return Err("expected one DS record".into()),
            }
        }
        "" => return Err("the record has no type".into()),
        other => {
            return Err(format!(
                "a trust anchor is a DS or DNSKEY record, not {other}"
            ));
        }
    };
    if let AnchorKey::Dnskey(k) = &key
        && !k.zone_key()
    {
        return Err("the DNSKEY is not a zone key (flags without bit 7, RFC 4034 §2.1.1)".into());
    }
    Ok(TrustAnchor {
        zone: zone.to_lowercase(),
        key,
    })
}

/// The file's records, each with the line it starts on: comments dropped, records in
/// parentheses joined into one line without them (hickory's DNSKEY parser reads no
/// parentheses), blank lines skipped.
fn logical_records(text: &str) -> Result<Vec<(usize, String)>, AnchorFileError> {
    let mut out = vec![];
    let mut current = String::new();
    let mut start = 0;
    let mut depth = 0usize;
    for (i, raw) in text.lines().enumerate() {
        let line = strip_comment(raw);
        if depth == 0 {
            if line.trim().is_empty() {
                continue;
            }
            start = i + 1;
            current.clear();
        } else {
            current.push(' ');
        }
        for c in line.chars() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth = depth.checked_sub(1).ok_or_else(|| AnchorFileError {
                        line: i + 1,
                        message: "')' without '('".into(),
                    })?;
                }
                _ => {}
            }
        }
        current.push_str(&line.trim_end().replace(['(', ')'], " "));
        if depth == 0 {
            out.push((start, std::mem::take(&mut current)));
        }
    }
    if depth > 0 {
        return Err(AnchorFileError {
            line: start,
            message: "'(' is never closed".into(),
        });
    }
    Ok(out)
}

/// The line up to a `;` that is not inside quotes.
fn strip_comment(line: &str) -> &str {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => return &line[..i],
            _ => {}
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    // Made with ldns-keygen -a ECDSAP256SHA256 -k smtpprobe.test (ldnsutils 1.8.3) and
    // ldns-key2ds -n -2 / -1 of its .key file: a real key and its real DS digests.
    const KSK: &str = "smtpprobe.test.\tIN\tDNSKEY\t257 3 13 \
        Dz9I0cMSaosN3RYypwKiulFcmIzO32AcwkKITM44d8S0e7aQbPgQQ20rhaRdVP7ZswzGYJFgnj7Q++iJ2vrUEw== ;{id = 59873 (ksk), size = 256b}";
    const DS_SHA256: &str = "smtpprobe.test.\t3600\tIN\tDS\t59873 13 2 \
        920ae65e1cf3916f311147f6f76d8898714ed03c0721519f3917b0c6fe97d110";
    const DS_SHA1: &str =
        "smtpprobe.test.\t3600\tIN\tDS\t59873 13 1 595d349f6faf766f00918860d34371d7afc13d7a";

    fn zone() -> Name {
        Name::from_ascii("smtpprobe.test.").unwrap_or_else(|_| Name::root())
    }

    #[test]
    fn a_dnskey_line_with_its_comment_is_an_anchor_for_its_zone() {
        let a = parse(KSK).unwrap_or_default();
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].zone, zone());
        let AnchorKey::Dnskey(k) = &a[0].key else {
            panic!("not a DNSKEY: {a:?}")
        };
        assert!(a[0].matches(&zone(), k));
        assert!(!a[0].matches(&Name::root(), k));
    }

    #[test]
    fn a_ds_line_is_an_anchor_and_keeps_its_digest() {
        let a = parse(DS_SHA256).unwrap_or_default();
        let AnchorKey::Ds(ds) = &a[0].key else {
            panic!("not a DS: {a:?}")
        };
        assert_eq!(ds.key_tag(), 59873);
        assert_eq!(ds.digest().len(), 32);
    }

    #[test]
    fn ldns_ds_records_match_the_key_they_were_made_from_and_no_other() {
        let keys = parse(KSK).unwrap_or_default();
        let AnchorKey::Dnskey(key) = &keys[0].key else {
            panic!("not a DNSKEY")
        };
        let root = root();
        let AnchorKey::Dnskey(root_key) = &root[0].key else {
            panic!("root anchors are keys")
        };
        for text in [DS_SHA256, DS_SHA1] {
            let ds = parse(text).unwrap_or_default();
            assert!(ds[0].matches(&zone(), key), "{text}");
            assert!(!ds[0].matches(&zone(), root_key), "{text}");
            assert!(!ds[0].matches(&Name::root(), key), "{text}");
        }
    }

    #[test]
    fn parentheses_comments_ttl_and_an_inherited_owner_are_read() {
        let text = format!(
            "; anchors\n$TTL 3600\n\nsmtpprobe.test. 60 IN DNSKEY 257 3 13 (\n  \
             Dz9I0cMSaosN3RYypwKiulFcmIzO32AcwkKITM44d8S0e7aQ ; half\n  \
             bPgQQ20rhaRdVP7ZswzGYJFgnj7Q++iJ2vrUEw== )\n{}\n",
            "\tIN DS 59873 13 2 920ae65e1cf3916f311147f6f76d8898714ed03c0721519f3917b0c6fe97d110"
        );
        let a = parse(&text).unwrap_or_default();
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(
            a,
            [
                parse(KSK).unwrap_or_default(),
                parse(DS_SHA256).unwrap_or_default()
            ]
            .concat()
        );
    }

    #[test]
    fn errors_name_the_line() {
        let e = |t: &str| parse(t).err().map(|e| (e.line, e.message));
        let (line, msg) =
            e(&format!("{KSK}\n\nexample.test. IN A 192.0.2.1\n")).unwrap_or_default();
        assert_eq!(line, 3);
        assert!(msg.contains("not A"), "{msg}");
        let (line, msg) = e("; nothing\n\nexample.test. IN DS 1 13 2 zz\n").unwrap_or_default();
        assert_eq!(line, 3);
        assert!(msg.contains("presentation format"), "{msg}");
        assert_eq!(e("; only a comment\n").map(|x| x.0), Some(1));
        assert_eq!(e("x. IN DNSKEY 257 3 13 (\nabc\n").map(|x| x.0), Some(1));
        assert_eq!(e("$INCLUDE /etc/passwd\n").map(|x| x.0), Some(1));
        assert_eq!(e("  IN DS 1 13 2 00\n").map(|x| x.0), Some(1));
        let (_, msg) =
            e("x. IN DNSKEY 256 3 13 AAAA\nx. IN DNSKEY 0 3 13 AAAA\n").unwrap_or_default();
        assert!(msg.contains("zone key"), "{msg}");
    }

    #[test]
    fn the_root_anchors_are_the_iana_keys() {
        let r = root();
        assert_eq!(r.len(), 2);
        assert!(r.iter().all(|a| a.zone.is_root()));
    }

    #[test]
    fn read_names_the_file() {
        let e = read(Path::new("/nonexistent/anchor.ds"))
            .err()
            .unwrap_or_default();
        assert!(
            e.starts_with("--trust-anchor /nonexistent/anchor.ds: "),
            "{e}"
        );
    }
}
