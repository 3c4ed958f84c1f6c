//! No renderer writes C1 control characters (U+0080–U+009F, among them the 8-bit CSI U+009B
//! that some terminals obey) or bidirectional formatting characters (U+202A–U+202E,
//! U+2066–U+2069, U+200E, U+200F, U+061C) as they came from a server: a terminal or log
//! viewer showing the output could otherwise be driven or made to show text in another
//! order than it is stored. JSON escapes them as `\uXXXX` and still parses back to the very
//! same strings.

use smtpprobe::cli::OutputFormat;
use smtpprobe::exit::Status;
use smtpprobe::report::tls::{CertificateReport, KeyReport, TlsReport, VerifyError};
use smtpprobe::report::{FindingReport, Report, ServerReport, StepReport};
use smtpprobe::smtp::Context;
use smtpprobe::thresholds::Thresholds;
use smtpprobe::vocab::{ErrorKind, FindingId, Phase, ProbeError, TlsMode, VerifyReason};

/// Every character that must never be written raw: all of C1, then the bidi characters.
fn hostile_chars() -> Vec<char> {
    let mut v: Vec<char> = ('\u{80}'..='\u{9f}').collect();
    v.extend('\u{202a}'..='\u{202e}');
    v.extend('\u{2066}'..='\u{2069}');
    v.extend(['\u{200e}', '\u{200f}', '\u{061c}']);
    v
}

/// `prefix` followed by each hostile character between letters, and a C0 escape for good
/// measure (those were already escaped everywhere).
fn evil(prefix: &str) -> String {
    let mut s = prefix.to_owned();
    for c in hostile_chars() {
        s.push(c);
        s.push('a');
    }
    s.push_str("\u{1b}[2J end");
    s
}

/// A character the output may not contain: any control but the line feed that ends lines,
/// or a bidi character.
fn raw_in_output(c: char) -> bool {
    (c.is_control() && c != '\n') || hostile_chars().contains(&c)
}

fn step(context: Context, command: Option<&str>, code: u16, lines: Vec<String>) -> StepReport {
    StepReport {
        command: command.map(str::to_owned),
        request: command.map(|c| format!("{c} {}", evil("arg"))),
        context,
        code,
        enhanced: None,
        lines,
        elapsed_ms: 1.5,
        meaning: evil("meaning "),
        advice: evil("advice "),
        status: Status::Warning,
        rule: "class:2".into(),
        server_hint: Some(evil("hint ")),
        anomalies: vec![evil("anomaly ")],
        tls: false,
        canary: false,
        group: None,
        raw: vec![],
        lengths: vec![],
        reason: None,
    }
}

fn certificate(name: &str) -> CertificateReport {
    CertificateReport {
        subject: evil(&format!("CN={name}")),
        sans: vec![evil("mx.example.test"), evil("alt.example.test")],
        issuer: evil("CN=issuer "),
        serial: evil("01:02"),
        not_before: evil("2026-01-01T00:00:00Z"),
        not_after: evil("2027-01-01T00:00:00Z"),
        not_before_unix: 1_767_225_600,
        not_after_unix: 1_798_761_600,
        days_left: 200,
        key: KeyReport {
            kind: evil("RSA"),
            bits: 2048,
            curve: Some(evil("P-256")),
        },
        signature_algorithm: evil("sha256WithRSAEncryption"),
        self_issued: false,
        expired: false,
    }
}

fn tls() -> TlsReport {
    TlsReport {
        mode: TlsMode::StartTls,
        version: Some(evil("TLSv1.3")),
        cipher: Some(evil("TLS13_AES_256_GCM_SHA384")),
        key_exchange: Some(evil("X25519")),
        handshake_ms: Some(2.0),
        trust: Some(evil("system")),
        checked_name: Some(evil("mx.example.test")),
        verified: false,
        verify_error: Some(VerifyError::new(
            VerifyReason::NameMismatch,
            evil("message "),
            evil("advice "),
        )),
        certificates: vec![certificate("leaf"), certificate("chain")],
        extensions_after_tls: vec![evil("PIPELINING "), evil("SIZE ")],
    }
}

fn server() -> ServerReport {
    let greeting = vec![evil("220-mx.example.test "), evil("220 ESMTP ")];
    let ehlo = vec![evil("250-mx.example.test "), evil("250 PIPELINING ")];
    let mut rcpt = step(Context::Rcpt, Some("RCPT"), 550, vec![evil("550 5.1.1 ")]);
    rcpt.canary = true;
    ServerReport {
        host: evil("mx.example.test"),
        address: Some(evil("192.0.2.1")),
        port: 25,
        probed: true,
        status: Status::Warning,
        helo: Some(evil("probe.example.test")),
        extensions: vec![evil("PIPELINING "), evil("STARTTLS ")],
        connect_ms: Some(0.5),
        steps: vec![
            step(Context::Greeting, None, 220, greeting),
            step(Context::Ehlo, Some("EHLO"), 250, ehlo),
            rcpt,
        ],
        checks: vec![],
        findings: vec![FindingReport {
            id: FindingId::BadGreeting,
            status: Status::Warning,
            message: evil("finding "),
        }],
        error: Some(ProbeError::new(
            Phase::Reply(Context::Quit),
            ErrorKind::Protocol,
            evil("error "),
        )),
        unanswered: Some(evil("QUIT ")),
        elapsed_ms: 3.0,
        tls: Some(tls()),
        attempts: vec![],
        dane: None,
        shared: false,
    }
}

fn report() -> Report {
    let mut r: Report = serde_json::from_value(serde_json::json!({
        "schema": 1, "tool": "smtpprobe test", "target": "x", "status": "warning",
        "exit_code": 1, "summary": "",
        "dns": {"kind": "mx", "resolver": "system", "mx": [
            {"preference": 10, "exchange": "x", "addresses": ["192.0.2.1"], "error": null}
        ], "error": null, "elapsed_ms": 1.0},
        "servers": [], "elapsed_ms": 4.0
    }))
    .expect("skeleton report");
    r.target = evil("example.test");
    r.summary = evil("summary ");
    r.dns.resolver = evil("system");
    r.dns.mx[0].exchange = evil("mx.example.test");
    r.dns.mx[0].addresses = vec![evil("192.0.2.1")];
    r.servers.push(server());
    r
}

fn render(report: &Report, format: OutputFormat) -> String {
    let mut out = Vec::new();
    smtpprobe::output::render(report, format, false, &Thresholds::default(), &mut out)
        .expect("render to memory");
    String::from_utf8(out).expect("renderers write UTF-8")
}

const FORMATS: [OutputFormat; 4] = [
    OutputFormat::Human,
    OutputFormat::Json,
    OutputFormat::Nagios,
    OutputFormat::Prometheus,
];

#[test]
fn no_format_writes_c1_or_bidi_characters_raw() {
    let report = report();
    for format in FORMATS {
        let text = render(&report, format);
        let raw: Vec<String> = text
            .chars()
            .filter(|&c| raw_in_output(c))
            .map(|c| format!("U+{:04X}", u32::from(c)))
            .collect();
        assert!(raw.is_empty(), "{format:?} output has raw {raw:?}");
    }
}

#[test]
fn json_escapes_them_as_u_escapes_and_parses_back_to_the_same_strings() {
    let report = report();
    let text = render(&report, OutputFormat::Json);
    for c in hostile_chars() {
        let escaped = format!("\\u{:04x}", u32::from(c));
        assert!(text.contains(&escaped), "JSON lacks {escaped}");
    }
    let parsed: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let original = serde_json::to_value(&report).expect("serialise");
    assert_eq!(parsed, original, "JSON did not round-trip");
    let back: Report = serde_json::from_str(&text).expect("the report type reads it back");
    assert_eq!(
        back.servers[0].steps[0].lines,
        report.servers[0].steps[0].lines
    );
    assert_eq!(
        back.servers[0]
            .tls
            .as_ref()
            .map(|t| &t.certificates[0].subject),
        report.servers[0]
            .tls
            .as_ref()
            .map(|t| &t.certificates[0].subject)
    );
}

#[test]
fn human_shows_each_character_as_a_visible_escape() {
    let text = render(&report(), OutputFormat::Human);
    for needle in [
        "\\x80",
        "\\x9b",
        "\\x9f",
        "\\u{202e}",
        "\\u{2066}",
        "\\u{61c}",
    ] {
        assert!(text.contains(needle), "human output lacks {needle}");
    }
    assert!(text.contains("S: 220-mx.example.test \\x80a\\x81a"));
    assert!(text.contains("leaf CN=leaf\\x80a"));
}

#[test]
fn nagios_keeps_one_status_line_with_one_perfdata_separator() {
    let text = render(&report(), OutputFormat::Nagios);
    let first = text.lines().next().unwrap_or("");
    assert!(first.starts_with("SMTP WARNING - summary "), "{first}");
    assert_eq!(first.matches('|').count(), 1, "{first}");
    // Perfdata labels carry the host name: bidi characters become `_` there too.
    assert!(first.contains("'mx.example.test"), "{first}");
}

#[test]
fn prometheus_label_values_show_the_characters_as_text() {
    let text = render(&report(), OutputFormat::Prometheus);
    // `\x9b` as text: the backslash itself escaped as the exposition format wants.
    assert!(text.contains("\\\\x9b"), "{text}");
    assert!(text.contains("\\\\u{202e}"), "{text}");
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        assert!(line.starts_with("smtpprobe_"), "{line}");
        let value = line.rsplit_once("} ").map(|(_, v)| v);
        assert!(value.is_some_and(|v| v.parse::<f64>().is_ok()), "{line}");
    }
}

#[test]
fn a_real_certificate_name_with_bidi_and_c1_is_escaped() {
    let mut params = rcgen::CertificateParams::new(vec!["mx.example.test".to_owned()])
        .expect("certificate parameters");
    let cn = "mx\u{202e}lmth.exe\u{9b}31m\u{061c}";
    params.distinguished_name.push(
        rcgen::DnType::CommonName,
        rcgen::DnValue::Utf8String(cn.into()),
    );
    let key = rcgen::KeyPair::generate().expect("key");
    let cert = params.self_signed(&key).expect("certificate");
    let facts = smtpprobe::tls::certificate_facts(cert.der(), 1_700_000_000)
        .expect("the certificate parses");
    assert!(facts.subject.contains(cn), "{}", facts.subject);
    let mut report = report();
    if let Some(t) = report.servers[0].tls.as_mut() {
        t.certificates = vec![facts.clone()];
    }
    for format in FORMATS {
        let text = render(&report, format);
        assert!(!text.chars().any(raw_in_output), "{format:?}");
    }
    let json = render(&report, OutputFormat::Json);
    let back: Report = serde_json::from_str(&json).expect("valid JSON");
    let subject = back.servers[0]
        .tls
        .as_ref()
        .map(|t| t.certificates[0].subject.clone());
    assert_eq!(subject.as_deref(), Some(facts.subject.as_str()));
}
