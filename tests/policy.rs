//! MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) end to end: a fake DNS with the `_mta-sts`
//! and `_smtp._tls` TXT records, an in-process HTTPS policy server and STARTTLS SMTP
//! servers on loopback, all with certificates from a private CA made at test time.

mod common;
#[path = "common/https_server.rs"]
mod https_server;
#[path = "common/tls_server.rs"]
mod tls_server;

use common::{FakeDns, probe_with_dns};
use https_server::{HttpsServer, ok_policy};
use smtpprobe::exit::Status;
use smtpprobe::report::Report;
use smtpprobe::report::policy::PolicyReport;
use smtpprobe::vocab::{Delivery, SenderKind, StsMode};
use time::Duration;
use tls_server::*;

const DOMAIN: &str = "example.test";
const STS_TXT: &str = "v=STSv1; id=20261130T000000;";
const RPT_TXT: &str = "v=TLSRPTv1; rua=mailto:tls-reports@example.test";

fn policy_body(mode: &str, mx: &[&str]) -> String {
    let mut b = format!("version: STSv1\r\nmode: {mode}\r\n");
    for m in mx {
        b.push_str(&format!("mx: {m}\r\n"));
    }
    b.push_str("max_age: 86400\r\n");
    b
}

/// The world of one test: the PKI, the SMTP servers (mx1 on 127.0.0.1, mx2 on 127.0.0.2,
/// same port), the policy server, and the DNS naming them.
struct World {
    pki: Pki,
    smtp: Vec<TestServer>,
    https: Option<HttpsServer>,
    dns: FakeDns,
    /// The MX hosts' certificates, in order.
    leaves: Vec<Leaf>,
}

impl World {
    fn new() -> World {
        World {
            pki: Pki::new(),
            smtp: vec![],
            https: None,
            dns: FakeDns::default(),
            leaves: vec![],
        }
    }

    /// MX hosts `mx1.example.test` (and `mx2…` when `two`), each with a valid certificate
    /// for its name unless `expired_mx1`.
    fn mx(mut self, two: bool, expired_mx1: bool) -> World {
        let names: &[&str] = if two {
            &["mx1.example.test", "mx2.example.test"]
        } else {
            &["mx1.example.test"]
        };
        let mut port = None;
        for (i, name) in names.iter().enumerate() {
            let mut spec = LeafSpec {
                sans: std::slice::from_ref(name),
                ..LeafSpec::default()
            };
            if i == 0 && expired_mx1 {
                spec.not_before = now() - Duration::days(100);
                spec.not_after = now() - Duration::days(3);
            }
            let leaf = self.pki.leaf(spec);
            self.leaves.push(leaf.clone());
            let script = Script::new(leaf);
            let ip = format!("127.0.0.{}", i + 1);
            let server = match port {
                None => TestServer::start(script),
                Some(p) => TestServer::start_on(script, &format!("{ip}:{p}")),
            };
            port = Some(server.addr.port());
            self.dns = self.dns.a(name, &ip);
            self.smtp.push(server);
        }
        let mx: Vec<(u16, &str)> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (u16::try_from(i * 10 + 10).unwrap_or(10), *n))
            .collect();
        self.dns = self.dns.mx(DOMAIN, &mx);
        self
    }

    fn txt(mut self, name: &str, record: &str) -> World {
        self.dns = self.dns.txt(name, record);
        self
    }

    /// The policy host `mta-sts.example.test` answering `response`, its certificate for
    /// `name`.
    fn policy_host(mut self, name: &str, response: String) -> World {
        let leaf = self.pki.leaf(LeafSpec {
            sans: &[name],
            ..LeafSpec::default()
        });
        self.https = Some(HttpsServer::start(acceptor(&leaf, false), response));
        self.dns = self.dns.a("mta-sts.example.test", "127.0.0.1");
        self
    }

    /// A valid TXT, TLS-RPT and a policy with `mode` and `mx`.
    fn published(self, mode: &str, mx: &[&str]) -> World {
        self.txt("_mta-sts.example.test", STS_TXT)
            .txt("_smtp._tls.example.test", RPT_TXT)
            .policy_host("mta-sts.example.test", ok_policy(&policy_body(mode, mx)))
    }

    fn probe(&self, extra: &[&str]) -> Report {
        let ca = self.pki.ca_file();
        let port = self
            .smtp
            .first()
            .map(|s| s.addr.port().to_string())
            .unwrap_or_else(|| "25".into());
        let https_port = self
            .https
            .as_ref()
            .map_or_else(|| "443".into(), HttpsServer::port);
        let mut args = vec![
            DOMAIN,
            "--port",
            &port,
            "--ca-file",
            &ca,
            "--mta-sts-port",
            &https_port,
            "--helo",
            "probe.test",
            "--timeout",
            "5",
            "--all",
        ];
        args.extend_from_slice(extra);
        probe_with_dns(&args, &self.dns)
    }
}

fn policy(r: &Report) -> &PolicyReport {
    r.policy.as_ref().expect("a policy section")
}

fn finding<'a>(r: &'a Report, id: &str) -> Option<&'a smtpprobe::report::FindingReport> {
    policy(r).mta_sts.findings.iter().find(|f| f.id == id)
}

fn sender(r: &Report, kind: SenderKind) -> &smtpprobe::report::policy::SenderReport {
    policy(r)
        .senders
        .iter()
        .find(|s| s.sender == kind)
        .expect("sender verdict")
}

#[test]
fn enforce_ok_every_mx_covered_and_verified() {
    let w = World::new()
        .mx(true, false)
        .published("enforce", &["mx1.example.test", "mx2.example.test"]);
    let r = w.probe(&[]);
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
    let p = policy(&r);
    assert_eq!(p.mta_sts.id.as_deref(), Some("20261130T000000"));
    let pol = p.mta_sts.policy.as_ref().expect("policy");
    assert_eq!(pol.mode, StsMode::Enforce);
    assert_eq!(pol.max_age, 86400);
    assert_eq!(p.mta_sts.fetch.as_ref().and_then(|f| f.status), Some(200));
    assert!(p.mta_sts.findings.is_empty(), "{:?}", p.mta_sts.findings);
    assert!(p.mta_sts.mx.iter().all(|m| m.passes == Some(true)));
    assert_eq!(p.tls_rpt.rua, ["mailto:tls-reports@example.test"]);
    let s = sender(&r, SenderKind::MtaSts);
    assert_eq!(s.outcome, Delivery::Delivers, "{}", s.reason);
    assert_eq!(
        sender(&r, SenderKind::Opportunistic).outcome,
        Delivery::Delivers
    );
    let json = serde_json::to_value(&r).expect("json");
    assert_eq!(json["policy"]["mta_sts"]["policy"]["mode"], "enforce");
    assert_eq!(json["policy"]["mta_sts"]["fetch"]["status"], 200);
    assert!(json["policy"]["mta_sts"]["fetch"]["error"].is_null());
    assert_eq!(
        json["policy"]["tls_rpt"]["rua"][0],
        "mailto:tls-reports@example.test"
    );
}

#[test]
fn an_mx_no_pattern_covers_is_refused_by_enforcing_senders() {
    let w = World::new()
        .mx(true, false)
        .published("enforce", &["mx1.example.test"]);
    let r = w.probe(&[]);
    assert_eq!(r.status, Status::Warning, "{}", r.summary);
    let f = finding(&r, "mta_sts_mx_not_covered").expect("finding");
    assert_eq!(f.status, Status::Warning);
    assert_eq!(
        f.message,
        "a sender that enforces MTA-STS (e.g. Gmail) will not deliver to mx2.example.test: it matches none of the policy's mx patterns (mx1.example.test)"
    );
    assert_eq!(r.summary, f.message);
    let s = sender(&r, SenderKind::MtaSts);
    assert_eq!(s.outcome, Delivery::Delivers);
    assert!(s.reason.contains("not to mx2.example.test"), "{}", s.reason);
}

#[test]
fn no_mx_covered_is_critical() {
    let w = World::new()
        .mx(false, false)
        .published("enforce", &["mail.example.test"]);
    let r = w.probe(&[]);
    assert_eq!(r.status, Status::Critical, "{}", r.summary);
    assert_eq!(
        finding(&r, "mta_sts_mx_not_covered").map(|f| f.status),
        Some(Status::Critical)
    );
    assert_eq!(sender(&r, SenderKind::MtaSts).outcome, Delivery::Defers);
}

#[test]
fn a_wildcard_pattern_covers_one_label() {
    let w = World::new()
        .mx(true, false)
        .published("enforce", &["*.example.test"]);
    let r = w.probe(&[]);
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
    let p = policy(&r);
    assert!(
        p.mta_sts
            .mx
            .iter()
            .all(|m| m.pattern.as_deref() == Some("*.example.test")),
        "{:?}",
        p.mta_sts.mx
    );
}

#[test]
fn testing_mode_reports_what_tls_rpt_will_show_not_failures() {
    let w = World::new()
        .mx(true, false)
        .published("testing", &["mx1.example.test"]);
    let r = w.probe(&[]);
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
    let f = finding(&r, "mta_sts_mx_not_covered").expect("finding");
    assert_eq!(f.status, Status::Ok);
    assert!(
        f.message.starts_with(
            "MTA-STS testing mode: TLS-RPT reports will show failures for mx2.example.test"
        ),
        "{}",
        f.message
    );
    assert_eq!(sender(&r, SenderKind::MtaSts).outcome, Delivery::Delivers);
}

#[test]
fn an_expired_mx_certificate_under_enforce_fails_the_policy() {
    let w = World::new()
        .mx(false, true)
        .published("enforce", &["mx1.example.test"]);
    let r = w.probe(&[]);
    assert_eq!(r.status, Status::Critical);
    let f = finding(&r, "mta_sts_mx_certificate").expect("finding");
    assert_eq!(f.status, Status::Critical);
    assert!(
        f.message.starts_with(
            "a sender that enforces MTA-STS (e.g. Gmail) will not deliver to mx1.example.test: its certificate does not verify for mx1.example.test: "
        ),
        "{}",
        f.message
    );
    assert!(f.message.contains("expired"), "{}", f.message);
    assert_eq!(sender(&r, SenderKind::MtaSts).outcome, Delivery::Defers);
    // Opportunistic senders still deliver over the unverified TLS.
    assert_eq!(
        sender(&r, SenderKind::Opportunistic).outcome,
        Delivery::Delivers
    );
}

#[test]
fn a_policy_404_is_a_fetch_finding_with_the_status() {
    let w = World::new()
        .mx(false, false)
        .txt("_mta-sts.example.test", STS_TXT)
        .txt("_smtp._tls.example.test", RPT_TXT)
        .policy_host(
            "mta-sts.example.test",
            "HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found".into(),
        );
    let r = w.probe(&[]);
    assert_eq!(r.status, Status::Warning, "{}", r.summary);
    let fetch = policy(&r).mta_sts.fetch.as_ref().expect("fetch");
    assert_eq!(fetch.status, Some(404));
    assert_eq!(fetch.error.as_deref(), Some("HTTP status 404"));
    let f = finding(&r, "mta_sts_fetch_failed").expect("finding");
    assert!(f.message.contains(": HTTP status 404: "), "{}", f.message);
    assert_eq!(sender(&r, SenderKind::MtaSts).outcome, Delivery::Delivers);
}

#[test]
fn a_policy_host_with_the_wrong_certificate_name_is_named() {
    let w = World::new()
        .mx(false, false)
        .txt("_mta-sts.example.test", STS_TXT)
        .policy_host(
            "www.example.test",
            ok_policy(&policy_body("enforce", &["mx1.example.test"])),
        );
    let r = w.probe(&[]);
    let fetch = policy(&r).mta_sts.fetch.as_ref().expect("fetch");
    assert_eq!(fetch.status, None);
    let e = fetch.error.as_deref().expect("error");
    assert!(
        e.contains("www.example.test") && e.contains("mta-sts.example.test"),
        "{e}"
    );
    assert!(w.https.as_ref().is_some_and(|h| h.requests() == 0));
    assert!(policy(&r).mta_sts.policy.is_none());
    assert_eq!(r.status, Status::Warning);
}

#[test]
fn a_malformed_policy_is_named() {
    let w = World::new()
        .mx(false, false)
        .txt("_mta-sts.example.test", STS_TXT)
        .policy_host(
            "mta-sts.example.test",
            ok_policy("version: STSv1\nmode: enforce\nmx: mx1.example.test\n"),
        );
    let r = w.probe(&[]);
    let f = finding(&r, "mta_sts_policy_invalid").expect("finding");
    assert_eq!(f.status, Status::Warning);
    assert!(f.message.contains("no max_age field"), "{}", f.message);
    assert!(policy(&r).mta_sts.mx.is_empty());
}

#[test]
fn two_mta_sts_records_are_a_finding() {
    let w = World::new()
        .mx(false, false)
        .txt("_mta-sts.example.test", STS_TXT)
        .txt("_mta-sts.example.test", "v=STSv1; id=other;")
        .policy_host(
            "mta-sts.example.test",
            ok_policy(&policy_body("enforce", &["mx9.example.test"])),
        );
    let r = w.probe(&[]);
    let f = finding(&r, "mta_sts_txt_invalid").expect("finding");
    assert_eq!(f.status, Status::Warning);
    assert!(
        f.message.contains("2 TXT records start with v=STSv1"),
        "{}",
        f.message
    );
    // Senders act as if there were no policy: mx1 not being covered does not matter.
    assert!(finding(&r, "mta_sts_mx_not_covered").is_none());
    assert_eq!(r.status, Status::Warning);
}

#[test]
fn tls_rpt_malformed_is_a_warning_and_missing_a_note() {
    let w = World::new()
        .mx(false, false)
        .txt("_mta-sts.example.test", STS_TXT)
        .txt(
            "_smtp._tls.example.test",
            "v=TLSRPTv1; rua=tls-reports@example.test",
        )
        .policy_host(
            "mta-sts.example.test",
            ok_policy(&policy_body("enforce", &["mx1.example.test"])),
        );
    let r = w.probe(&[]);
    let f = finding(&r, "tls_rpt_invalid").expect("finding");
    assert_eq!(f.status, Status::Warning);
    assert!(
        policy(&r)
            .tls_rpt
            .error
            .as_deref()
            .is_some_and(|e| e.contains("not a mailto"))
    );
    assert_eq!(r.status, Status::Warning);

    let w = World::new()
        .mx(false, false)
        .txt("_mta-sts.example.test", STS_TXT)
        .policy_host(
            "mta-sts.example.test",
            ok_policy(&policy_body("enforce", &["mx1.example.test"])),
        );
    let r = w.probe(&[]);
    assert_eq!(
        finding(&r, "tls_rpt_missing").map(|f| f.status),
        Some(Status::Ok)
    );
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
}

#[test]
fn a_domain_without_policy_gets_no_fetch_and_no_findings() {
    let w = World::new().mx(false, false).policy_host(
        "mta-sts.example.test",
        ok_policy(&policy_body("enforce", &["nothing.test"])),
    );
    let r = w.probe(&[]);
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
    let p = policy(&r);
    assert!(p.mta_sts.fetch.is_none() && p.mta_sts.findings.is_empty());
    assert!(w.https.as_ref().is_some_and(|h| h.requests() == 0));
    assert_eq!(sender(&r, SenderKind::MtaSts).outcome, Delivery::Delivers);
}

#[test]
fn policy_flag_require_and_ignore() {
    let w = World::new().mx(false, false);
    let r = w.probe(&["--policy", "require-mta-sts"]);
    assert_eq!(r.status, Status::Critical);
    assert!(finding(&r, "mta_sts_required").is_some());
    let r = w.probe(&["--policy", "ignore"]);
    assert!(r.policy.is_none());
    assert_eq!(r.status, Status::Ok);
    let w = World::new()
        .mx(false, false)
        .published("enforce", &["mx1.example.test"]);
    let r = w.probe(&["--policy", "require-mta-sts"]);
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
}

#[test]
fn human_nagios_and_prometheus_show_the_policy() {
    let w = World::new()
        .mx(true, false)
        .published("enforce", &["mx1.example.test"]);
    let r = w.probe(&[]);
    let mut human = Vec::new();
    smtpprobe::report::human::render(&r, false, &mut human).expect("render");
    let human = String::from_utf8(human).expect("utf-8");
    println!("{human}");
    assert!(human.contains("Transport policies WARNING"), "{human}");
    assert!(
        human.contains(
            "  MTA-STS  mode enforce, max_age 86400 s, mx mx1.example.test  (id 20261130T000000)"
        ),
        "{human}"
    );
    assert!(
        human.contains("  TLS-RPT  reports to mailto:tls-reports@example.test"),
        "{human}"
    );
    assert!(human.contains("  MTA-STS enforcing sender   delivers    to mx1.example.test; not to mx2.example.test: it matches none"), "{human}");
    let mut nagios = Vec::new();
    smtpprobe::report::nagios::render(
        &r,
        &smtpprobe::thresholds::Thresholds::default(),
        &mut nagios,
    )
    .expect("render");
    let nagios = String::from_utf8(nagios).expect("utf-8");
    println!("{nagios}");
    assert!(nagios.starts_with("SMTP WARNING - a sender that enforces MTA-STS (e.g. Gmail) will not deliver to mx2.example.test"), "{nagios}");
    assert!(nagios.contains("'mta_sts_max_age'=86400s;;;0"), "{nagios}");
    assert!(
        nagios.contains("\nPolicy WARNING a sender that enforces MTA-STS"),
        "{nagios}"
    );
    let mut prom = Vec::new();
    smtpprobe::report::prometheus::render(&r, &mut prom).expect("render");
    let prom = String::from_utf8(prom).expect("utf-8");
    assert!(
        prom.contains("smtpprobe_mta_sts_mode{target=\"example.test\"} 2\n"),
        "{prom}"
    );
    assert!(
        prom.contains("smtpprobe_mta_sts_max_age_seconds{target=\"example.test\"} 86400\n"),
        "{prom}"
    );
    assert!(
        prom.contains(
            "smtpprobe_mta_sts_host_certificate_expiry_timestamp_seconds{target=\"example.test\"} "
        ),
        "{prom}"
    );
    assert!(
        prom.contains(
            "smtpprobe_policy_finding{target=\"example.test\",id=\"mta_sts_mx_not_covered\"} 1\n"
        ),
        "{prom}"
    );
}

// ---------------------------------------------------------------------------------------
// DANE (RFC 7672): TLSA records from the fake DNS, with their DNSSEC status.

use smtpprobe::policy::dane::{association, spki_sha256};
use smtpprobe::vocab::{DaneOutcome, Dnssec};

/// One MX (mx1.example.test) speaking STARTTLS unless `starttls` is false.
fn dane_world(expired: bool, starttls: bool) -> World {
    let mut w = World::new();
    let mut spec = LeafSpec {
        sans: &["mx1.example.test"],
        ..LeafSpec::default()
    };
    if expired {
        spec.not_before = now() - Duration::days(100);
        spec.not_after = now() - Duration::days(3);
    }
    let leaf = w.pki.leaf(spec);
    w.leaves.push(leaf.clone());
    let mut script = Script::new(leaf);
    script.offer_starttls = starttls;
    w.smtp.push(TestServer::start(script));
    w.dns = w
        .dns
        .a("mx1.example.test", "127.0.0.1")
        .mx(DOMAIN, &[(10, "mx1.example.test")]);
    w
}

impl World {
    fn leaf_spki(&self) -> Vec<u8> {
        spki_sha256(&self.leaves[0].chain[0]).expect("spki")
    }
    fn ca_spki(&self) -> Vec<u8> {
        association(&self.leaves[0].chain[1], 1, 1).expect("spki")
    }
    fn with_tlsa(mut self, dnssec: Dnssec, records: &[(u8, u8, u8, Vec<u8>)]) -> World {
        self.dns = self.dns.tlsa("mx1.example.test", dnssec, records);
        self
    }
}

fn dane(r: &Report) -> &smtpprobe::report::policy::DaneReport {
    r.servers[0].dane.as_ref().expect("dane report")
}

fn server_finding<'a>(r: &'a Report, id: &str) -> Option<&'a smtpprobe::report::FindingReport> {
    r.servers[0].findings.iter().find(|f| f.id == id)
}

#[test]
fn dane_ee_3_1_1_matching_is_verified_and_one_key_is_a_rollover_warning() {
    let w = dane_world(false, true);
    let spki = w.leaf_spki();
    let w = w.with_tlsa(Dnssec::Secure, &[(3, 1, 1, spki)]);
    let r = w.probe(&[]);
    let d = dane(&r);
    assert_eq!(d.outcome, DaneOutcome::DaneVerified, "{}", d.reason);
    assert_eq!(d.matched.as_ref().map(|m| m.depth), Some(0));
    assert_eq!(d.dnssec, Dnssec::Secure);
    assert_eq!(d.tlsa[0].usage, 3);
    let f = server_finding(&r, "dane_single_key").expect("rollover warning");
    assert_eq!(f.status, Status::Warning);
    assert_eq!(r.status, Status::Warning, "{}", r.summary);
    assert_eq!(sender(&r, SenderKind::Dane).outcome, Delivery::Delivers);
    // TLS-RPT is missing while DANE is in use: a note.
    assert!(finding(&r, "tls_rpt_missing").is_some());
    let json = serde_json::to_value(&r).expect("json");
    assert_eq!(json["servers"][0]["dane"]["outcome"], "dane_verified");
    assert_eq!(json["servers"][0]["dane"]["dnssec"], "secure");
    assert_eq!(json["servers"][0]["dane"]["matched"]["depth"], 0);
}

#[test]
fn two_records_for_rollover_one_current_one_next() {
    let w = dane_world(false, true);
    let spki = w.leaf_spki();
    let next = vec![0xab; 32];
    let w = w.with_tlsa(Dnssec::Secure, &[(3, 1, 1, next.clone()), (3, 1, 1, spki)]);
    let hex: String = next.iter().map(|b| format!("{b:02x}")).collect();
    let r = w.probe(&["--tlsa-next-key", &hex]);
    let d = dane(&r);
    assert_eq!(d.outcome, DaneOutcome::DaneVerified);
    let roll = d.rollover.as_ref().expect("rollover");
    assert_eq!(roll.current.len(), 1);
    assert_eq!(roll.unmatched, [format!("3 1 1 {hex}")]);
    assert_eq!(roll.next_key.as_ref().map(|n| n.published), Some(true));
    assert!(server_finding(&r, "dane_single_key").is_none());
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
    // A next key nobody published is a WARNING.
    let r = w.probe(&["--tlsa-next-key", &"cd".repeat(32)]);
    assert_eq!(
        server_finding(&r, "dane_next_key_missing").map(|f| f.status),
        Some(Status::Warning)
    );
}

#[test]
fn dane_ta_2_1_1_matching_the_issuing_ca_is_verified_at_depth_1() {
    let w = dane_world(false, true);
    let ca = w.ca_spki();
    let w = w.with_tlsa(Dnssec::Secure, &[(2, 1, 1, ca)]);
    let r = w.probe(&[]);
    let d = dane(&r);
    assert_eq!(d.outcome, DaneOutcome::DaneVerified, "{}", d.reason);
    assert_eq!(d.matched.as_ref().map(|m| m.depth), Some(1));
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
}

#[test]
fn a_tlsa_mismatch_is_critical_and_dane_senders_defer() {
    let w = dane_world(false, true).with_tlsa(Dnssec::Secure, &[(3, 1, 1, vec![0x11; 32])]);
    let r = w.probe(&[]);
    assert_eq!(dane(&r).outcome, DaneOutcome::DaneMismatch);
    let f = server_finding(&r, "dane_mismatch").expect("finding");
    assert_eq!(f.status, Status::Critical);
    assert!(
        f.message.starts_with("a sender that enforces DANE (e.g. Postfix) will not deliver to mx1.example.test: no TLSA record matches the presented certificate chain"),
        "{}",
        f.message
    );
    assert_eq!(r.status, Status::Critical);
    assert_eq!(sender(&r, SenderKind::Dane).outcome, Delivery::Defers);
    assert_eq!(
        sender(&r, SenderKind::Opportunistic).outcome,
        Delivery::Delivers
    );
}

#[test]
fn dane_ee_on_an_expired_certificate_still_delivers() {
    let w = dane_world(true, true);
    let spki = w.leaf_spki();
    let w = w.with_tlsa(Dnssec::Secure, &[(3, 1, 1, spki)]);
    let r = w.probe(&[]);
    assert_eq!(dane(&r).outcome, DaneOutcome::DaneVerified);
    assert_eq!(sender(&r, SenderKind::Dane).outcome, Delivery::Delivers);
}

#[test]
fn tlsa_published_without_starttls_is_critical() {
    let w = dane_world(false, false);
    let spki = w.leaf_spki();
    let w = w.with_tlsa(Dnssec::Secure, &[(3, 1, 1, spki)]);
    let r = w.probe(&[]);
    assert_eq!(dane(&r).outcome, DaneOutcome::DaneNoStarttls);
    assert_eq!(
        server_finding(&r, "dane_no_starttls").map(|f| f.status),
        Some(Status::Critical)
    );
    assert_eq!(r.status, Status::Critical);
}

#[test]
fn a_bogus_answer_is_critical_and_an_unsigned_zone_is_a_note() {
    let w = dane_world(false, true);
    let spki = w.leaf_spki();
    let w = w.with_tlsa(Dnssec::Bogus, &[(3, 1, 1, spki.clone())]);
    let r = w.probe(&[]);
    assert_eq!(dane(&r).outcome, DaneOutcome::Bogus);
    assert_eq!(
        server_finding(&r, "dane_bogus").map(|f| f.status),
        Some(Status::Critical)
    );
    assert_eq!(sender(&r, SenderKind::Dane).outcome, Delivery::Defers);

    let w = dane_world(false, true).with_tlsa(Dnssec::Insecure, &[(3, 1, 1, vec![0x11; 32])]);
    let r = w.probe(&[]);
    assert_eq!(dane(&r).outcome, DaneOutcome::Insecure);
    assert_eq!(
        server_finding(&r, "dane_insecure").map(|f| f.status),
        Some(Status::Ok)
    );
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
    assert_eq!(sender(&r, SenderKind::Dane).outcome, Delivery::Delivers);
}

/// One MX whose own TLSA record (3 1 1, secure) matches its key, in a domain whose MX
/// RRset is `mx`.
fn verified_under(mx: Dnssec) -> World {
    let w = dane_world(false, true);
    let spki = w.leaf_spki();
    let mut w = w.with_tlsa(Dnssec::Secure, &[(3, 1, 1, spki)]);
    w.dns = w.dns.mx_dnssec(mx);
    w
}

/// RFC 7672 §2.2.1: a bogus MX RRset is a failed MX lookup for every validating sender,
/// whatever the MX host's own (secure, matching) TLSA records say.
#[test]
fn a_bogus_mx_rrset_is_critical_and_dane_senders_defer_though_the_host_verifies() {
    let r = verified_under(Dnssec::Bogus).probe(&[]);
    assert_eq!(dane(&r).outcome, DaneOutcome::DaneVerified);
    assert!(
        dane(&r)
            .basis
            .ends_with("; MX RRset bogus: validating senders cannot resolve the MX"),
        "{}",
        dane(&r).basis
    );
    let f = finding(&r, "mx_dnssec_bogus").expect("mx_dnssec_bogus");
    assert_eq!(f.status, Status::Critical);
    for says in [
        "DANE senders",
        "validating resolver",
        "defer all mail",
        "expired RRSIG",
        "DS",
    ] {
        assert!(f.message.contains(says), "{}", f.message);
    }
    assert_eq!(r.status, Status::Critical);
    assert_eq!(r.summary, f.message);
    assert_eq!(policy(&r).mx_dnssec, Dnssec::Bogus);
    let dane_sender = sender(&r, SenderKind::Dane);
    assert_eq!(dane_sender.outcome, Delivery::Defers);
    assert!(
        dane_sender
            .reason
            .contains("cannot resolve the MX of example.test"),
        "{}",
        dane_sender.reason
    );
    let mut human = Vec::new();
    smtpprobe::report::human::render(&r, false, &mut human).expect("render");
    let human = String::from_utf8(human).expect("utf-8");
    assert!(human.contains("  MX       DNSSEC bogus  "), "{human}");
    let mut prom = Vec::new();
    smtpprobe::report::prometheus::render(&r, &mut prom).expect("render");
    let prom = String::from_utf8(prom).expect("utf-8");
    assert!(
        prom.contains(
            "smtpprobe_policy_finding{target=\"example.test\",id=\"mx_dnssec_bogus\"} 2\n"
        ),
        "{prom}"
    );
    let json = serde_json::to_value(&r).expect("json");
    assert_eq!(json["policy"]["mx_dnssec"], "bogus", "{json}");
    assert_eq!(
        json["policy"]["mx_dnssec_basis"], "the test's DNS says so",
        "{json}"
    );
}

/// A secure or an insecure MX RRset changes no status (RFC 7672 §2.2.1 lets DANE apply to
/// hosts of an insecure MX RRset); the basis says which, and what an insecure one risks.
#[test]
fn a_secure_or_insecure_mx_rrset_is_said_in_the_basis_without_a_status_change() {
    let mut w = verified_under(Dnssec::Secure);
    let secure = w.probe(&[]);
    assert!(
        dane(&secure).basis.ends_with("; MX RRset secure"),
        "{}",
        dane(&secure).basis
    );
    w.dns = w.dns.mx_dnssec(Dnssec::Insecure);
    let insecure = w.probe(&[]);
    let basis = &dane(&insecure).basis;
    assert!(
        basis.contains("MX RRset insecure: DANE still applies"),
        "{basis}"
    );
    assert!(
        basis.contains("another MX (MTA-STS covers that)"),
        "{basis}"
    );
    for r in [&secure, &insecure] {
        assert_eq!(dane(r).outcome, DaneOutcome::DaneVerified);
        assert!(finding(r, "mx_dnssec_bogus").is_none());
        assert_eq!(sender(r, SenderKind::Dane).outcome, Delivery::Delivers);
    }
    assert_eq!(secure.status, insecure.status);
    // No TLS-RPT record while DANE (not MTA-STS) is in use: the note names DANE.
    let note = finding(&secure, "tls_rpt_missing").expect("tls_rpt_missing");
    assert!(
        note.message.contains(": DANE is in use but"),
        "{}",
        note.message
    );
    assert_eq!(policy(&insecure).mx_dnssec, Dnssec::Insecure);
    // Without DANE for the host (no TLSA), the MX RRset's status is only named.
    let mut w = dane_world(false, true);
    w.dns = w.dns.mx_dnssec(Dnssec::Insecure);
    let r = w.probe(&[]);
    assert!(
        dane(&r).basis.ends_with("; MX RRset insecure"),
        "{}",
        dane(&r).basis
    );
}

#[test]
fn only_pkix_records_are_unusable_and_require_dane_wants_a_match() {
    let w = dane_world(false, true);
    let spki = w.leaf_spki();
    let w = w.with_tlsa(Dnssec::Secure, &[(1, 1, 1, spki)]);
    let r = w.probe(&[]);
    assert_eq!(dane(&r).outcome, DaneOutcome::DaneUnusable);
    assert_eq!(r.status, Status::Ok, "{}", r.summary);
    let r = w.probe(&["--policy", "require-dane"]);
    assert_eq!(
        finding(&r, "dane_required").map(|f| f.status),
        Some(Status::Critical)
    );
    assert_eq!(r.status, Status::Critical);
    let r = dane_world(false, true).probe(&[]);
    assert_eq!(dane(&r).outcome, DaneOutcome::NoTlsa);
}

#[test]
fn dane_in_the_human_report_and_prometheus() {
    let w = dane_world(false, true).with_tlsa(Dnssec::Secure, &[(3, 1, 1, vec![0x11; 32])]);
    let r = w.probe(&[]);
    let mut human = Vec::new();
    smtpprobe::report::human::render(&r, false, &mut human).expect("render");
    let human = String::from_utf8(human).expect("utf-8");
    println!("{human}");
    assert!(
        human.contains("  DANE dane_mismatch  DNSSEC secure: "),
        "{human}"
    );
    assert!(
        human.contains(&format!("    TLSA 3 1 1 {}\n", "11".repeat(32))),
        "{human}"
    );
    assert!(
        human.contains("  DANE enforcing sender      defers      a sender that enforces DANE"),
        "{human}"
    );
    let mut prom = Vec::new();
    smtpprobe::report::prometheus::render(&r, &mut prom).expect("render");
    let prom = String::from_utf8(prom).expect("utf-8");
    assert!(
        prom.contains("smtpprobe_dane_verified{target=\"example.test\",host=\"mx1.example.test\""),
        "{prom}"
    );
    assert!(
        prom.contains("\",port=\"") && prom.contains("\"} 0\n"),
        "{prom}"
    );
}

// ---------------------------------------------------------------------------------------
// --dnssec-from-resolver: the AD bit of a (fake) validating resolver on loopback.

/// A resolver on 127.0.0.1 (UDP) answering every TLSA query with `3 1 1 data`, every A
/// query with 127.0.0.1 and every AAAA query with NODATA, with AD set as `ad` says (but
/// never on AAAA when `aaaa_unsigned`), or SERVFAIL to TLSA when `servfail`.
/// Returns its address and the queries' (type, AD, DO) it saw.
type Seen = std::sync::Arc<std::sync::Mutex<Vec<(String, bool, bool)>>>;

fn fake_resolver(
    ad: bool,
    servfail: bool,
    aaaa_unsigned: bool,
    data: Vec<u8>,
) -> (std::net::SocketAddr, Seen) {
    use hickory_proto::op::{Message, OpCode, ResponseCode};
    use hickory_proto::rr::rdata::{A, TLSA};
    use hickory_proto::rr::{RData, Record, RecordType};
    let sock = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind");
    let addr = sock.local_addr().expect("addr");
    let seen = std::sync::Arc::new(std::sync::Mutex::new(vec![]));
    let log = seen.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok((n, from)) = sock.recv_from(&mut buf) {
            let Ok(q) = Message::from_vec(&buf[..n]) else {
                continue;
            };
            let Some(query) = q.queries.first().cloned() else {
                continue;
            };
            let dnssec_ok = q.edns.as_ref().is_some_and(|e| e.flags().dnssec_ok);
            if let Ok(mut l) = log.lock() {
                l.push((
                    query.query_type().to_string(),
                    q.metadata.authentic_data,
                    dnssec_ok,
                ));
            }
            let mut r = Message::response(q.metadata.id, OpCode::Query);
            r.metadata.recursion_available = true;
            r.metadata.authentic_data = ad;
            r.add_query(query.clone());
            let name = query.name().clone();
            match query.query_type() {
                RecordType::TLSA | RecordType::MX if servfail => {
                    r.metadata.response_code = ResponseCode::ServFail;
                    r.metadata.authentic_data = false;
                }
                RecordType::TLSA => {
                    let t = TLSA::new(3.into(), 1.into(), 1.into(), data.clone());
                    r.add_answer(Record::from_rdata(name, 60, RData::TLSA(t)));
                }
                RecordType::A => {
                    r.add_answer(Record::from_rdata(name, 60, RData::A(A::new(127, 0, 0, 1))));
                }
                RecordType::AAAA if aaaa_unsigned => r.metadata.authentic_data = false,
                _ => {}
            }
            if let Ok(bytes) = r.to_vec() {
                let _ = sock.send_to(&bytes, from);
            }
        }
    });
    (addr, seen)
}

fn tlsa_via(addr: std::net::SocketAddr) -> smtpprobe::dns::TlsaAnswer {
    use smtpprobe::dns::{HickoryLookup, Lookup};
    let lookup = HickoryLookup::new(&[addr], std::time::Duration::from_secs(2))
        .and_then(HickoryLookup::trusting_ad_bit)
        .expect("lookup");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(lookup.tlsa("mx1.example.test", 25))
}

#[test]
fn the_resolvers_ad_bit_decides_secure_or_insecure_and_servfail_is_bogus() {
    let (addr, seen) = fake_resolver(true, false, false, vec![0x42; 32]);
    let a = tlsa_via(addr);
    assert_eq!(a.dnssec, Dnssec::Secure, "{}", a.basis);
    let records = a.records.expect("records");
    assert_eq!(
        (records[0].usage, records[0].selector, records[0].matching),
        (3, 1, 1)
    );
    assert_eq!(records[0].data, vec![0x42; 32]);
    let seen = seen.lock().map(|s| s.clone()).unwrap_or_default();
    assert!(seen.contains(&("TLSA".into(), true, true)), "{seen:?}");
    assert!(seen.contains(&("A".into(), true, true)), "{seen:?}");
    assert!(seen.contains(&("AAAA".into(), true, true)), "{seen:?}");

    let (addr, _) = fake_resolver(false, false, false, vec![0x42; 32]);
    let a = tlsa_via(addr);
    assert_eq!(a.dnssec, Dnssec::Insecure);
    assert!(a.basis.contains("did not set AD"), "{}", a.basis);

    let (addr, _) = fake_resolver(true, true, false, vec![]);
    let a = tlsa_via(addr);
    assert_eq!(a.dnssec, Dnssec::Bogus);
    assert!(a.basis.contains("SERVFAIL"), "{}", a.basis);
}

/// The MX RRset's status through the resolver's AD bit: set secure, unset insecure,
/// SERVFAIL (what a validating resolver answers for a bogus RRset) bogus.
#[test]
fn the_resolvers_ad_bit_on_the_mx_answer_decides_the_mx_rrsets_status() {
    use smtpprobe::dns::{HickoryLookup, Lookup};
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    for (ad, servfail, want, says) in [
        (true, false, Dnssec::Secure, "set AD on the MX answer"),
        (
            false,
            false,
            Dnssec::Insecure,
            "did not set AD on the MX answer",
        ),
        (
            true,
            true,
            Dnssec::Bogus,
            "answered SERVFAIL to the MX query",
        ),
    ] {
        let (addr, seen) = fake_resolver(ad, servfail, false, vec![]);
        let lookup = HickoryLookup::new(&[addr], std::time::Duration::from_secs(2))
            .and_then(HickoryLookup::trusting_ad_bit)
            .expect("lookup");
        let m = rt.block_on(lookup.mx_dnssec("example.test"));
        assert_eq!(m.dnssec, want, "{}", m.basis);
        assert!(m.basis.contains(says), "{}", m.basis);
        let seen = seen.lock().map(|s| s.clone()).unwrap_or_default();
        assert!(seen.contains(&("MX".into(), true, true)), "{seen:?}");
    }
}

/// RFC 7672 §2.2: the host's AAAA RRset (here a denial) must be secure too, not only A.
#[test]
fn an_unsigned_aaaa_answer_makes_the_tlsa_insecure() {
    let (addr, _) = fake_resolver(true, false, true, vec![0x42; 32]);
    let a = tlsa_via(addr);
    assert_eq!(a.dnssec, Dnssec::Insecure, "{}", a.basis);
    assert!(
        a.basis.contains("did not set AD on the AAAA answer"),
        "{}",
        a.basis
    );
}

#[test]
fn bad_policy_options_are_usage_errors() {
    for (args, says) in [
        (
            vec!["example.test", "--tlsa-next-key", "zz"],
            "--tlsa-next-key \"zz\": neither a PEM certificate",
        ),
        (
            vec!["127.0.0.1:25", "--policy", "require-dane"],
            "needs a mail domain or a host name as TARGET",
        ),
        (
            vec!["mx.example.test:25", "--policy", "require-mta-sts"],
            "needs a mail domain as TARGET",
        ),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_smtpprobe"))
            .args(&args)
            .output()
            .expect("run smtpprobe");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{err}");
        assert!(err.contains(says), "{err}");
    }
}
