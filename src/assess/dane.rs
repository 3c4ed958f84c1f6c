//! DANE for SMTP (RFC 7672), judged per server as a DANE-enforcing sender (Postfix, Exim,
//! Microsoft 365) would: the MX host's TLSA records and their DNSSEC status (found by the
//! run: the resolver's AD bit with `--dnssec-from-resolver`), against the chain the server
//! presented in the probe's handshake. The conversation is the one `--starttls` asked for.
//!
//! Outcomes: `dane_verified` (a usable record authenticates the chain), `dane_unusable` (a
//! secure RRset with no usable record: TLS is mandatory, unauthenticated), `dane_mismatch`
//! and `dane_no_starttls` (CRITICAL: DANE senders defer), `bogus` (CRITICAL), `insecure`
//! (TLSA in an unsigned zone: DANE does not apply; a note), `no_tlsa`, `indeterminate`
//! (the DNSSEC status is not known). Plus the rollover check: which records match the
//! current chain, which match nothing, one DANE-EE key only (WARNING), `--tlsa-next-key`.
//!
//! The domain's MX RRset (RFC 7672 §2.2.1): a DANE sender may use DANE with MX hosts from
//! an insecure MX RRset (their own TLSA still applies; said in each server's basis, no
//! status change), but a bogus one is a failed MX lookup for every sender that validates
//! DNSSEC — DANE senders and any sender behind a validating resolver — so all their mail
//! for the domain is deferred, whatever the hosts' TLSA say: CRITICAL (`mx_dnssec_bogus`),
//! and the DANE sender defers.

use super::finding;
use crate::dns::{MxDnssec, TlsaAnswer};
use crate::exit::Status;
use crate::facts::{Contact, ServerFacts};
use crate::policy::dane::{self, Tlsa, TlsaLookup, hex};
use crate::report::policy::{
    DaneMatch, DaneReport, NextKeyReport, RolloverReport, SenderReport, TlsaReport,
};
use crate::report::{FindingReport, ServerReport};
use crate::vocab::{DaneOutcome, Delivery, Dnssec, FindingId, SenderKind};
use rustls::pki_types::CertificateDer;

/// What a server presented, as DANE reads it.
enum Presented<'a> {
    /// No STARTTLS (or the handshake failed before a certificate; the reason given).
    NoTls(Option<String>),
    Chain(&'a [CertificateDer<'static>], i64),
}

fn presented(s: &ServerFacts) -> Option<Presented<'_>> {
    let Contact::Talked(c) = &s.contact else {
        return None;
    };
    let Some(t) = &c.drive.tls else {
        return Some(Presented::NoTls(None));
    };
    let h = &t.handshake;
    if h.chain.is_empty() {
        let why = h.failure.as_ref().map(|f| f.message.clone());
        return Some(Presented::NoTls(why));
    }
    Some(Presented::Chain(&h.chain, h.at))
}

/// Sets `servers[i].dane` (and its findings and status) for every server whose MX host
/// had its TLSA records looked up; `mx`: the domain's MX RRset, when it was validated.
pub fn attach(
    reports: &mut [ServerReport],
    facts: &[ServerFacts],
    lookups: &[TlsaLookup],
    next_key: Option<&[u8]>,
    mx: Option<&MxDnssec>,
) {
    for (r, f) in reports.iter_mut().zip(facts) {
        let Some(l) = lookups
            .iter()
            .find(|l| l.host.eq_ignore_ascii_case(&f.host))
        else {
            continue;
        };
        let Some(shown) = presented(f) else {
            continue;
        };
        let (mut dane, findings) = judge(&f.host, &l.answer, &shown, next_key);
        if let Some(mx) = mx {
            let applies = dane.dnssec == Dnssec::Secure && !dane.tlsa.is_empty();
            dane.basis = format!("{}; {}", dane.basis, mx_phrase(mx.dnssec, applies));
        }
        r.status = findings.iter().fold(r.status, |s, f| s.merge(f.status));
        r.findings.extend(findings);
        r.dane = Some(dane);
    }
}

/// The MX RRset's status as said in a server's DANE basis; `applies`: the host's TLSA
/// records are secure, so DANE applies to it whatever the MX RRset is.
fn mx_phrase(mx: Dnssec, applies: bool) -> String {
    match mx {
        Dnssec::Insecure if applies => "MX RRset insecure: DANE still applies to this host (RFC 7672 §2.2.1), but whoever can forge DNS answers can send mail to another MX (MTA-STS covers that)".into(),
        Dnssec::Bogus => "MX RRset bogus: validating senders cannot resolve the MX".into(),
        d => format!("MX RRset {}", d.word()),
    }
}

/// `mx_dnssec_bogus`: the MX RRset of `domain` fails DNSSEC validation.
pub fn mx_bogus(domain: &str, mx: &MxDnssec) -> Option<FindingReport> {
    (mx.dnssec == Dnssec::Bogus).then(|| {
        finding(
            FindingId::MxDnssecBogus,
            Status::Critical,
            format!(
                "the MX records of {domain} fail DNSSEC validation: senders that validate DNSSEC — DANE senders (Postfix, Exim, Microsoft 365) and any sender behind a validating resolver — cannot resolve the MX and defer all mail, whatever the MX hosts' TLSA records say. Likely cause: expired RRSIG signatures (the zone was not re-signed in time) or a DS at the parent that no longer matches the zone's keys; re-sign the zone or correct the DS, then check the MX through a validating resolver (delv {domain} MX). Found: {}",
                mx.basis
            ),
        )
    })
}

fn record_report(t: &Tlsa) -> TlsaReport {
    TlsaReport {
        usage: t.usage,
        selector: t.selector,
        matching: t.matching,
        data: hex(&t.data),
    }
}

/// One server's DANE report and findings.
fn judge(
    host: &str,
    answer: &TlsaAnswer,
    shown: &Presented<'_>,
    next_key: Option<&[u8]>,
) -> (DaneReport, Vec<FindingReport>) {
    let records: &[Tlsa] = answer.records.as_deref().unwrap_or(&[]);
    let mut report = DaneReport {
        tlsa: records.iter().map(record_report).collect(),
        dnssec: answer.dnssec,
        outcome: DaneOutcome::NoTlsa,
        matched: None,
        rollover: None,
        basis: answer.basis.clone(),
        reason: String::new(),
    };
    let mut findings = vec![];
    let (outcome, reason) = match (&answer.records, answer.dnssec) {
        (_, Dnssec::Bogus) => {
            let why = format!(
                "DNSSEC validation failed for {host} ({}): DANE senders defer",
                answer.basis
            );
            findings.push(finding(FindingId::DaneBogus, Status::Critical, why.clone()));
            (DaneOutcome::Bogus, why)
        }
        (Err(e), _) => (
            DaneOutcome::Indeterminate,
            format!(
                "the TLSA lookup of {host} failed ({e:?}): DANE senders defer until it answers"
            ),
        ),
        (Ok(r), _) if r.is_empty() => (
            DaneOutcome::NoTlsa,
            format!("{host} publishes no TLSA record: DANE does not apply"),
        ),
        (Ok(_), Dnssec::Insecure | Dnssec::Indeterminate) => {
            let (o, why) = if answer.dnssec == Dnssec::Insecure {
                (
                    DaneOutcome::Insecure,
                    format!(
                        "TLSA records of {host} are not DNSSEC-secure ({}): DANE does not apply, senders treat the MX as opportunistic",
                        answer.basis
                    ),
                )
            } else {
                (
                    DaneOutcome::Indeterminate,
                    format!(
                        "TLSA records of {host} are published but their DNSSEC status is not known ({})",
                        answer.basis
                    ),
                )
            };
            findings.push(finding(FindingId::DaneInsecure, Status::Ok, why.clone()));
            (o, why)
        }
        (Ok(r), Dnssec::Secure) => secure(host, r, shown, next_key, &mut report, &mut findings),
    };
    report.outcome = outcome;
    report.reason = reason;
    (report, findings)
}

/// A secure TLSA RRset against what the server presented.
fn secure(
    host: &str,
    records: &[Tlsa],
    shown: &Presented<'_>,
    next_key: Option<&[u8]>,
    report: &mut DaneReport,
    findings: &mut Vec<FindingReport>,
) -> (DaneOutcome, String) {
    let chain = match shown {
        Presented::NoTls(why) => {
            let why = format!(
                "{host} publishes secure TLSA records but {}: DANE senders defer",
                why.as_deref().map_or_else(
                    || "offers no STARTTLS".to_owned(),
                    |w| format!("the TLS handshake failed ({w})")
                )
            );
            findings.push(finding(
                FindingId::DaneNoStarttls,
                Status::Critical,
                why.clone(),
            ));
            return (DaneOutcome::DaneNoStarttls, why);
        }
        Presented::Chain(chain, at) => (*chain, *at),
    };
    if !records.iter().any(Tlsa::usable) {
        let why = format!(
            "the secure TLSA records of {host} have no usable record (DANE-TA(2) or DANE-EE(3)): DANE senders require TLS but do not authenticate it"
        );
        findings.push(finding(FindingId::DaneUnusable, Status::Ok, why.clone()));
        return (DaneOutcome::DaneUnusable, why);
    }
    report.rollover = Some(rollover(host, records, chain.0, next_key, findings));
    match dane::authenticate(records, chain.0, host, chain.1) {
        Ok(m) => {
            let why = format!(
                "TLSA {} matches the certificate at depth {} (the {})",
                m.record,
                m.depth,
                if m.depth == 0 {
                    "server's own"
                } else {
                    "trust anchor"
                }
            );
            report.matched = Some(DaneMatch {
                record: m.record,
                depth: m.depth,
            });
            (DaneOutcome::DaneVerified, why)
        }
        Err(notes) => {
            let extra = if notes.is_empty() {
                String::new()
            } else {
                format!(" ({})", notes.join("; "))
            };
            let why = format!(
                "a sender that enforces DANE (e.g. Postfix) will not deliver to {host}: no TLSA record matches the presented certificate chain{extra}; leaf SPKI SHA-256 {}",
                chain
                    .0
                    .first()
                    .and_then(|c| dane::spki_sha256(c))
                    .map(|h| hex(&h))
                    .unwrap_or_default()
            );
            findings.push(finding(
                FindingId::DaneMismatch,
                Status::Critical,
                why.clone(),
            ));
            (DaneOutcome::DaneMismatch, why)
        }
    }
}

/// Which usable records match the current chain, which match nothing; one DANE-EE key
/// only is a WARNING, and so is a `--tlsa-next-key` no record names.
fn rollover(
    host: &str,
    records: &[Tlsa],
    chain: &[CertificateDer<'static>],
    next_key: Option<&[u8]>,
    findings: &mut Vec<FindingReport>,
) -> RolloverReport {
    let (mut current, mut unmatched) = (vec![], vec![]);
    for t in records.iter().filter(|t| t.usable()) {
        let hit = chain.iter().enumerate().any(|(depth, c)| {
            (t.usage == 3) == (depth == 0)
                && dane::association(c, t.selector, t.matching).as_deref() == Some(&t.data[..])
        });
        if hit {
            current.push(t.text());
        } else {
            unmatched.push(t.text());
        }
    }
    let ee: Vec<&Tlsa> = records
        .iter()
        .filter(|t| t.usable() && t.usage == 3)
        .collect();
    let ta = records.iter().any(|t| t.usable() && t.usage == 2);
    if ee.len() == 1 && !ta {
        findings.push(finding(
            FindingId::DaneSingleKey,
            Status::Warning,
            format!(
                "{host} publishes one DANE-EE record only ({}): the next key rollover breaks delivery from DANE senders unless a record for the next key is published first (--tlsa-next-key checks it)",
                ee[0].text()
            ),
        ));
    }
    let next_key = next_key.map(|k| {
        let published = records.iter().any(|t| {
            t.usage == 3
                && t.selector == 1
                && match t.matching {
                    1 => t.data == k,
                    _ => false,
                }
        });
        if !published {
            findings.push(finding(
                FindingId::DaneNextKeyMissing,
                Status::Warning,
                format!(
                    "no TLSA record of {host} names the next key (3 1 1 {}): publish it before the key changes, or DANE senders will defer",
                    hex(k)
                ),
            ));
        }
        NextKeyReport {
            spki_sha256: hex(k),
            published,
        }
    });
    RolloverReport {
        current,
        unmatched,
        next_key,
    }
}

/// A sender that enforces DANE: it delivers to the first MX that DANE does not stop, and
/// to none when `mx`, the domain's MX RRset, is bogus (it cannot resolve the MX).
/// `accepted[i]`: whether `servers[i]` took the conversation, DANE aside.
pub fn sender(
    servers: &[ServerReport],
    accepted: &[bool],
    domain: &str,
    mx: &MxDnssec,
) -> SenderReport {
    if mx.dnssec == Dnssec::Bogus {
        return SenderReport {
            sender: SenderKind::Dane,
            outcome: Delivery::Defers,
            reason: format!(
                "it cannot resolve the MX of {domain}: its MX records fail DNSSEC validation"
            ),
        };
    }
    let probed: Vec<(&ServerReport, bool)> = servers
        .iter()
        .zip(accepted.iter().copied())
        .filter(|(s, _)| s.probed)
        .collect();
    let blocked = |s: &ServerReport| {
        s.dane.as_ref().is_some_and(|d| {
            matches!(
                d.outcome,
                DaneOutcome::DaneMismatch | DaneOutcome::DaneNoStarttls | DaneOutcome::Bogus
            )
        })
    };
    let ok = probed
        .iter()
        .find(|(s, a)| *a && !blocked(s))
        .map(|(s, _)| *s);
    let failing: Vec<String> = probed
        .iter()
        .map(|(s, _)| *s)
        .filter(|s| blocked(s))
        .map(|s| {
            s.dane
                .as_ref()
                .map_or_else(String::new, |d| d.reason.clone())
        })
        .collect();
    let (outcome, reason) = match ok {
        Some(s) => {
            let how = s
                .dane
                .as_ref()
                .map_or("DANE not looked up", |d| match d.outcome {
                    DaneOutcome::DaneVerified => "DANE-authenticated",
                    DaneOutcome::DaneUnusable => "TLS required, not authenticated",
                    _ => "DANE does not apply: as opportunistic",
                });
            (Delivery::Delivers, format!("to {} ({how})", s.host))
        }
        None if !failing.is_empty() => (Delivery::Defers, failing.join("; ")),
        None => (
            Delivery::Defers,
            "no MX took the conversation through EHLO".into(),
        ),
    };
    SenderReport {
        sender: SenderKind::Dane,
        outcome,
        reason,
    }
}

/// `--policy require-dane`: CRITICAL unless DANE authenticates some MX.
pub fn required(servers: &[ServerReport], domain: &str) -> Option<FindingReport> {
    let verified = servers.iter().any(|s| {
        s.dane
            .as_ref()
            .is_some_and(|d| d.outcome == DaneOutcome::DaneVerified)
    });
    (!verified).then(|| {
        finding(
            FindingId::DaneRequired,
            Status::Critical,
            format!("--policy require-dane: DANE authenticates no MX of {domain}"),
        )
    })
}
