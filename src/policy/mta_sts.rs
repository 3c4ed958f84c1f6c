//! MTA-STS (RFC 8461) as pure parsing: the `_mta-sts` TXT record (§3.1), the policy file
//! (§3.2) and MX pattern matching (§4.1). What a record or a policy says, or exactly why it
//! cannot be read; never how bad that is.

/// The most `max_age` may be (RFC 8461 §3.2: 31557600 seconds, about one year).
pub const MAX_AGE_LIMIT: u64 = 31_557_600;

/// The `_mta-sts` TXT records, read as a sender does: records not starting with `v=STSv1`
/// are discarded; exactly one must remain, and it must carry an `id`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StsTxt {
    /// Every TXT record at `_mta-sts.<domain>`, as received.
    pub records: Vec<String>,
    /// The `id` of the one valid `v=STSv1` record.
    pub id: Option<String>,
    /// Why the records do not make one valid STS record (`None` when they do, or when no
    /// record starts with `v=STSv1`).
    pub error: Option<String>,
}

impl StsTxt {
    /// Whether a record starts with `v=STSv1` (the domain announces a policy, validly or not).
    pub fn announced(&self) -> bool {
        self.records.iter().any(|r| is_sts(r))
    }
}

fn is_sts(record: &str) -> bool {
    record.trim_start().starts_with("v=STSv1")
}

/// Reads the TXT records of `_mta-sts.<domain>` (RFC 8461 §3.1).
pub fn parse_txt(records: Vec<String>) -> StsTxt {
    let sts: Vec<&String> = records.iter().filter(|r| is_sts(r)).collect();
    let (id, error) = match sts.as_slice() {
        [] => (None, None),
        [one] => match txt_id(one) {
            Ok(id) => (Some(id), None),
            Err(e) => (None, Some(e)),
        },
        many => (
            None,
            Some(format!(
                "{} TXT records start with v=STSv1 (exactly one is allowed)",
                many.len()
            )),
        ),
    };
    StsTxt { records, id, error }
}

/// The `id` of one `v=STSv1` record: `v=STSv1; id=<1-32 alphanumerics>;` with optional
/// whitespace around the separators and other fields ignored.
fn txt_id(record: &str) -> Result<String, String> {
    let mut fields = record.split(';').map(str::trim).filter(|f| !f.is_empty());
    if fields.next() != Some("v=STSv1") {
        return Err(format!(
            "the record does not start with \"v=STSv1;\": {record:?}"
        ));
    }
    let mut id = None;
    for f in fields {
        let Some((k, v)) = f.split_once('=') else {
            return Err(format!("field {f:?} is not key=value"));
        };
        if k.trim() == "id" {
            if id.is_some() {
                return Err("the record has two id fields".into());
            }
            let v = v.trim();
            if v.is_empty() || v.len() > 32 || !v.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(format!("id {v:?} is not 1 to 32 letters and digits"));
            }
            id = Some(v.to_owned());
        }
    }
    id.ok_or_else(|| "the record has no id field".to_owned())
}

/// `mode` of a policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Enforce,
    Testing,
    None,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Enforce => "enforce",
            Mode::Testing => "testing",
            Mode::None => "none",
        }
    }
}

/// A policy file, parsed (RFC 8461 §3.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub mode: Mode,
    /// The `mx` patterns, in order, as written (lower case).
    pub mx: Vec<String>,
    pub max_age: u64,
    /// The body used LF alone as line end (RFC 8461 asks for CRLF; senders accept LF).
    pub bare_lf: bool,
}

/// Parses a policy body strictly: `version: STSv1` first, one `mode` (enforce, testing or
/// none), one `max_age` (0 to [`MAX_AGE_LIMIT`]), at least one `mx` unless mode is none;
/// lines end in CRLF or LF; unknown keys are ignored (§3.2 extensions).
pub fn parse_policy(body: &str) -> Result<Policy, String> {
    let bare_lf = body.contains('\n') && !body.contains("\r\n");
    let (mut version, mut mode, mut max_age, mut mx) = (None, None, None, Vec::new());
    for (n, line) in body.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(format!("line {}: {line:?} is not \"key: value\"", n + 1));
        };
        let key = key.trim();
        let value = value.trim();
        if key.is_empty()
            || !key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b))
        {
            return Err(format!("line {}: {key:?} is not a valid key", n + 1));
        }
        match key {
            "version" => once(&mut version, value, n, "version")?,
            "mode" => once(&mut mode, value, n, "mode")?,
            "max_age" => once(&mut max_age, value, n, "max_age")?,
            "mx" => mx.push(mx_pattern(value).map_err(|e| format!("line {}: {e}", n + 1))?),
            _ => {}
        }
    }
    match version {
        Some("STSv1") => {}
        Some(v) => return Err(format!("version is {v:?}, not STSv1")),
        None => return Err("no version field (version: STSv1)".into()),
    }
    if !body.trim_start().starts_with("version") {
        return Err("version is not the first field".into());
    }
    let mode = match mode {
        Some("enforce") => Mode::Enforce,
        Some("testing") => Mode::Testing,
        Some("none") => Mode::None,
        Some(m) => return Err(format!("mode {m:?} is none of enforce, testing, none")),
        None => return Err("no mode field".into()),
    };
    let max_age = match max_age {
        None => return Err("no max_age field".into()),
        Some(v) => match v.parse::<u64>() {
            Ok(a) if v.len() <= 10 && a <= MAX_AGE_LIMIT => a,
            _ => {
                return Err(format!(
                    "max_age {v:?} is not a number of seconds from 0 to {MAX_AGE_LIMIT}"
                ));
            }
        },
    };
    if mx.is_empty() && mode != Mode::None {
        return Err(format!("no mx field (required in mode {})", mode.as_str()));
    }
    Ok(Policy {
        mode,
        mx,
        max_age,
        bare_lf,
    })
}

fn once<'a>(slot: &mut Option<&'a str>, value: &'a str, n: usize, key: &str) -> Result<(), String> {
    if slot.is_some() {
        return Err(format!("line {}: a second {key} field", n + 1));
    }
    *slot = Some(value);
    Ok(())
}

/// One `mx` value: a host name, or `*.` and a name (a wildcard for one label).
fn mx_pattern(value: &str) -> Result<String, String> {
    let v = value.trim_end_matches('.').to_ascii_lowercase();
    let name = v.strip_prefix("*.").unwrap_or(&v);
    if crate::smtp::name::is_host_name(name) {
        Ok(v)
    } else {
        Err(format!("mx {value:?} is not a host name or *.name pattern"))
    }
}

/// Whether MX host `host` matches `pattern` (RFC 8461 §4.1): equal ignoring case and a
/// trailing dot, or `*.rest` where the host is exactly one label more than `rest`.
pub fn mx_matches(pattern: &str, host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let pattern = pattern.trim_end_matches('.').to_ascii_lowercase();
    match pattern.strip_prefix("*.") {
        Some(rest) => host
            .split_once('.')
            .is_some_and(|(label, tail)| !label.is_empty() && tail == rest),
        None => host == pattern,
    }
}

/// The first pattern of `policy` that `host` matches.
pub fn covering<'a>(policy: &'a Policy, host: &str) -> Option<&'a str> {
    policy
        .mx
        .iter()
        .find(|p| mx_matches(p, host))
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn txt_records() {
        let t = parse_txt(vec!["v=STSv1; id=20240101T000000;".into()]);
        assert_eq!(t.id.as_deref(), Some("20240101T000000"));
        assert!(t.error.is_none());
        let t = parse_txt(vec!["v=spf1 -all".into(), "v=STSv1;id=abc".into()]);
        assert_eq!(t.id.as_deref(), Some("abc"));
        let t = parse_txt(vec!["v=STSv1; id=a;".into(), "v=STSv1; id=b;".into()]);
        assert!(t.error.unwrap().contains("2 TXT records"));
        let t = parse_txt(vec!["v=STSv1;".into()]);
        assert_eq!(t.error.as_deref(), Some("the record has no id field"));
        let t = parse_txt(vec!["v=STSv1; id=bad-id!".into()]);
        assert!(t.error.unwrap().contains("letters and digits"));
        let t = parse_txt(vec!["other".into()]);
        assert!(!t.announced() && t.error.is_none() && t.id.is_none());
    }

    #[test]
    fn policies() {
        let p = parse_policy("version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmx: *.example.net\r\nmax_age: 86400\r\n").unwrap();
        assert_eq!(p.mode, Mode::Enforce);
        assert_eq!(p.mx, ["mx1.example.com", "*.example.net"]);
        assert_eq!(p.max_age, 86400);
        assert!(!p.bare_lf);
        let p = parse_policy("version: STSv1\nmode: testing\nmx: a.test\nmax_age: 0\n").unwrap();
        assert!(p.bare_lf);
        assert_eq!(p.mode, Mode::Testing);
        let p = parse_policy("version: STSv1\nmode: none\nmax_age: 60\n").unwrap();
        assert!(p.mx.is_empty());
        for (body, why) in [
            ("mode: enforce\nmx: a.test\nmax_age: 1\n", "no version"),
            (
                "version: STSv2\nmode: enforce\nmx: a\nmax_age: 1\n",
                "not STSv1",
            ),
            (
                "mode: enforce\nversion: STSv1\nmx: a\nmax_age: 1\n",
                "not the first",
            ),
            ("version: STSv1\nmode: on\nmx: a\nmax_age: 1\n", "none of"),
            ("version: STSv1\nmode: enforce\nmax_age: 1\n", "no mx"),
            ("version: STSv1\nmode: enforce\nmx: a\n", "no max_age"),
            (
                "version: STSv1\nmode: enforce\nmx: a\nmax_age: 31557601\n",
                "from 0 to",
            ),
            (
                "version: STSv1\nmode: enforce\nmx: a\nmax_age: -1\n",
                "from 0 to",
            ),
            (
                "version: STSv1\nmode: enforce\nmode: testing\nmx: a\nmax_age: 1\n",
                "second mode",
            ),
            ("version: STSv1\nmode enforce\n", "not \"key: value\""),
            (
                "version: STSv1\nmode: enforce\nmx: a b\nmax_age: 1\n",
                "not a host name",
            ),
            ("<html>not found</html>", "not \"key: value\""),
        ] {
            let e = parse_policy(body).unwrap_err();
            assert!(e.contains(why), "{body:?}: {e}");
        }
    }

    #[test]
    fn patterns() {
        assert!(mx_matches("mx1.example.com", "MX1.example.com."));
        assert!(mx_matches("*.example.com", "mx1.example.com"));
        assert!(!mx_matches("*.example.com", "a.mx1.example.com"));
        assert!(!mx_matches("*.example.com", "example.com"));
        assert!(!mx_matches("mx1.example.com", "mx2.example.com"));
    }
}
