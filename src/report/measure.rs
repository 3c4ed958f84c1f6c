//! The timings of a report as a flat list of named measurements, in seconds: the one source
//! of the phase names that thresholds match, nagios perfdata labels and Prometheus `phase`
//! labels all use, so the three can never disagree.
//!
//! Nothing here renders or judges; it only reads the [`Report`].

use super::{Report, ServerReport};
use crate::vocab::Phase;

/// One timing.
#[derive(Debug, Clone, PartialEq)]
pub struct Measurement {
    /// Index into `report.servers`; `None` for run-wide timings (dns, total).
    pub server: Option<usize>,
    /// Index into that server's `steps` when the timing is a reply's.
    pub step: Option<usize>,
    pub phase: Phase,
    /// The phase instance, unique within its server: `ehlo`, `helo`, `ehlo_tls`, `vrfy_2`…
    pub name: String,
    pub seconds: f64,
}

/// TLS facts read from a server entry, when the report carries them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TlsFacts {
    pub handshake_seconds: Option<f64>,
    /// Days until the leaf certificate expires (negative once expired).
    pub certificate_days_left: Option<f64>,
    /// The leaf certificate's notAfter as Unix seconds.
    pub certificate_not_after: Option<i64>,
}

/// TLS facts for a server: the handshake time and the leaf certificate's expiry.
pub fn tls_facts(server: &ServerReport) -> Option<TlsFacts> {
    let tls = server.tls.as_ref()?;
    let leaf = tls.certificates.first();
    Some(TlsFacts {
        handshake_seconds: tls
            .handshake_ms
            .filter(|x| x.is_finite() && *x >= 0.0)
            .map(|ms| ms / 1000.0),
        // i64 days to f64 is exact for any certificate lifetime.
        certificate_days_left: leaf.map(|c| c.days_left as f64),
        certificate_not_after: leaf.map(|c| c.not_after_unix),
    })
}

/// Every timing in the report, in a stable order: dns, then per probed server connect,
/// the steps in conversation order (with the TLS handshake after STARTTLS), session; total.
pub fn measurements(report: &Report) -> Vec<Measurement> {
    let mut out = Vec::new();
    // An IP target asks DNS nothing: no dns timing to report.
    if report.dns.resolver != "none" {
        out.push(Measurement {
            server: None,
            step: None,
            phase: Phase::Dns,
            name: "dns".into(),
            seconds: report.dns.elapsed_ms / 1000.0,
        });
    }
    for (i, s) in report.servers.iter().enumerate().filter(|(_, s)| s.probed) {
        let mut seen: Vec<String> = Vec::new();
        let mut push = |phase: Phase, step: Option<usize>, base: String, seconds: f64| {
            let n = seen.iter().filter(|x| **x == base).count();
            let name = if n == 0 {
                base.clone()
            } else {
                format!("{base}_{}", n + 1)
            };
            seen.push(base);
            out.push(Measurement {
                server: Some(i),
                step,
                phase,
                name,
                seconds,
            });
        };
        if let Some(c) = s.connect_ms {
            push(Phase::Connect, None, "connect".into(), c / 1000.0);
        }
        let tls = tls_facts(s);
        let mut handshake = tls.as_ref().and_then(|t| t.handshake_seconds);
        for (j, st) in s.steps.iter().enumerate() {
            let Some(phase) = Phase::of_reply(st.context) else {
                continue;
            };
            let mut base = st.context.name().to_owned();
            if st.canary {
                base.push_str("_canary");
            }
            if st.tls {
                base.push_str("_tls");
            }
            // The handshake happens between the STARTTLS reply and the first step inside TLS.
            if st.tls
                && let Some(h) = handshake.take()
            {
                push(Phase::Tls, None, "tls".into(), h);
            }
            push(phase, Some(j), base, st.elapsed_ms / 1000.0);
        }
        if let Some(h) = handshake {
            push(Phase::Tls, None, "tls".into(), h);
        }
        push(
            Phase::Session,
            None,
            "session".into(),
            s.elapsed_ms / 1000.0,
        );
    }
    out.push(Measurement {
        server: None,
        step: None,
        phase: Phase::Total,
        name: "total".into(),
        seconds: report.elapsed_ms / 1000.0,
    });
    out
}

/// The perfdata label of a measurement: `<server>_<name>`, or the name for run-wide ones.
pub fn label(report: &Report, m: &Measurement) -> String {
    match m.server {
        Some(i) => format!("{}_{}", server_key(report, i), m.name),
        None => m.name.clone(),
    }
}

/// How a server is named in labels: its host, plus `[address]` when the report holds more
/// than one probed entry for that host (several addresses, or `--all`).
pub fn server_key(report: &Report, index: usize) -> String {
    let Some(s) = report.servers.get(index) else {
        return String::new();
    };
    let same_host = report
        .servers
        .iter()
        .filter(|o| o.probed && o.host == s.host)
        .count();
    match (&s.address, same_host > 1) {
        (Some(a), true) => format!("{}[{a}]", s.host),
        _ => s.host.clone(),
    }
}

/// Seconds as plain decimal text with microsecond precision and no exponent
/// (`0.001234`), as perfdata and exposition formats both accept.
pub fn seconds_text(s: f64) -> String {
    if !s.is_finite() {
        return "0".into();
    }
    let t = format!("{s:.6}");
    let t = t.trim_end_matches('0').trim_end_matches('.');
    if t.is_empty() || t == "-" {
        "0".into()
    } else {
        t.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_are_plain_decimals_never_exponents() {
        assert_eq!(seconds_text(0.001_234), "0.001234");
        assert_eq!(seconds_text(0.000_000_1), "0");
        assert_eq!(seconds_text(2.0), "2");
        assert_eq!(seconds_text(12.5), "12.5");
        assert_eq!(seconds_text(f64::NAN), "0");
        assert_eq!(seconds_text(1e12), "1000000000000");
    }

    #[test]
    fn tls_facts_come_from_the_leaf_certificate() {
        use crate::report::tls::{CertificateReport, KeyReport, TlsMode, TlsReport};
        let cert = |days_left, not_after_unix| CertificateReport {
            subject: "CN=mx".into(),
            sans: vec!["mx".into()],
            issuer: "CN=ca".into(),
            serial: "01".into(),
            not_before: "2026-01-01T00:00:00Z".into(),
            not_after: "2027-01-01T00:00:00Z".into(),
            not_before_unix: 0,
            not_after_unix,
            days_left,
            expired: false,
            key: KeyReport {
                kind: "ECDSA".into(),
                bits: 256,
                curve: None,
            },
            signature_algorithm: "ecdsa-with-SHA256".into(),
            self_issued: false,
        };
        let mut tls = TlsReport::none();
        tls.mode = TlsMode::StartTls;
        tls.handshake_ms = Some(12.5);
        tls.certificates = vec![cert(30, 1_800_000_000), cert(3000, 2_000_000_000)];
        let mut server: ServerReport = serde_json::from_value(serde_json::json!({
            "host": "mx", "address": "127.0.0.1", "port": 25, "probed": true, "status": "ok",
            "helo": null, "extensions": [], "connect_ms": 1.0, "steps": [], "checks": [],
            "findings": [], "error": null, "elapsed_ms": 2.0, "tls": null
        }))
        .unwrap();
        assert_eq!(tls_facts(&server), None);
        server.tls = Some(tls);
        let f = tls_facts(&server).unwrap();
        assert_eq!(f.handshake_seconds, Some(0.0125));
        assert_eq!(f.certificate_days_left, Some(30.0));
        assert_eq!(f.certificate_not_after, Some(1_800_000_000));
    }
}
