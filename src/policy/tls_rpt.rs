//! TLS-RPT (RFC 8460 §3): the `_smtp._tls` TXT record, parsed. Facts only.

/// The `_smtp._tls.<domain>` TXT records, read as a reporting sender does: records not
/// starting with `v=TLSRPTv1` are discarded; exactly one must remain, with `rua=` URIs
/// (`mailto:` or `https:`, comma separated).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RptTxt {
    pub records: Vec<String>,
    /// The reporting URIs of the one valid record.
    pub rua: Vec<String>,
    /// Why the records do not make one valid TLS-RPT record (`None` when they do, or when
    /// none starts with `v=TLSRPTv1`).
    pub error: Option<String>,
}

impl RptTxt {
    /// Whether a record starts with `v=TLSRPTv1`.
    pub fn announced(&self) -> bool {
        self.records.iter().any(|r| is_rpt(r))
    }
}

fn is_rpt(record: &str) -> bool {
    record.trim_start().starts_with("v=TLSRPTv1")
}

pub fn parse_txt(records: Vec<String>) -> RptTxt {
    let rpt: Vec<&String> = records.iter().filter(|r| is_rpt(r)).collect();
    let (rua, error) = match rpt.as_slice() {
        [] => (vec![], None),
        [one] => match rua(one) {
            Ok(r) => (r, None),
            Err(e) => (vec![], Some(e)),
        },
        many => (
            vec![],
            Some(format!(
                "{} TXT records start with v=TLSRPTv1 (exactly one is allowed)",
                many.len()
            )),
        ),
    };
    RptTxt {
        records,
        rua,
        error,
    }
}

fn rua(record: &str) -> Result<Vec<String>, String> {
    let mut fields = record.split(';').map(str::trim).filter(|f| !f.is_empty());
    if fields.next() != Some("v=TLSRPTv1") {
        return Err(format!(
            "the record does not start with \"v=TLSRPTv1;\": {record:?}"
        ));
    }
    let mut out: Option<Vec<String>> = None;
    for f in fields {
        let Some((k, v)) = f.split_once('=') else {
            return Err(format!("field {f:?} is not key=value"));
        };
        if k.trim() != "rua" {
            continue;
        }
        if out.is_some() {
            return Err("the record has two rua fields".into());
        }
        let uris: Vec<String> = v.split(',').map(|u| u.trim().to_owned()).collect();
        for u in &uris {
            let lower = u.to_ascii_lowercase();
            let ok = match (
                lower.strip_prefix("mailto:"),
                lower.strip_prefix("https://"),
            ) {
                (Some(addr), _) => addr
                    .split_once('@')
                    .is_some_and(|(l, d)| !l.is_empty() && d.contains('.')),
                (_, Some(rest)) => !rest.is_empty() && !rest.starts_with('/'),
                _ => false,
            };
            if !ok {
                return Err(format!(
                    "rua {u:?} is not a mailto: address or an https:// URL"
                ));
            }
        }
        out = Some(uris);
    }
    out.ok_or_else(|| "the record has no rua field".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records() {
        let r = parse_txt(vec![
            "v=TLSRPTv1; rua=mailto:tls@example.com,https://report.example.com/tls".into(),
        ]);
        assert_eq!(
            r.rua,
            ["mailto:tls@example.com", "https://report.example.com/tls"]
        );
        assert!(r.error.is_none());
        let r = parse_txt(vec!["v=TLSRPTv1;".into()]);
        assert_eq!(r.error.as_deref(), Some("the record has no rua field"));
        let r = parse_txt(vec!["v=TLSRPTv1; rua=tls@example.com".into()]);
        assert!(r.error.unwrap().contains("not a mailto"));
        let r = parse_txt(vec![
            "v=TLSRPTv1; rua=mailto:a@b.c".into(),
            "v=TLSRPTv1; rua=mailto:a@b.c".into(),
        ]);
        assert!(r.error.unwrap().contains("2 TXT records"));
        assert!(!parse_txt(vec!["v=spf1".into()]).announced());
    }
}
