//! MTA-STS (RFC 8461) and TLS-RPT (RFC 8460), judged as a strict sender would: the
//! domain's records and policy, each MX host against the policy, the policy host, and one
//! verdict per kind of sender. The probe talks to every server as `--starttls` asked; what
//! an enforcing sender requires of an MX (covered by an `mx` pattern, STARTTLS with a
//! certificate that verifies for the MX name, RFC 8461 §4.1–4.2) is read from the
//! handshake every conversation records.
//!
//! Severity: in `enforce` mode an MX that fails is one an enforcing sender will not deliver
//! to — CRITICAL when no MX passes, WARNING when some do. In `testing` mode the same
//! failures are what TLS-RPT reports will show: OK, said as such. Faults in the records or
//! the policy host make senders act as if there were no policy: WARNING.

use super::{ExpiryDays, finding};
use crate::dns::DnsFailure;
use crate::exit::{Status, merge_all};
use crate::policy::https::Fetch;
use crate::policy::mta_sts::{self, Mode, Policy};
use crate::policy::{PolicyFacts, tls_rpt::RptTxt};
use crate::report::policy::{
    FetchReport, MtaStsReport, MxPolicyReport, PolicyReport, SenderReport, StsPolicyReport,
    TlsRptReport,
};
use crate::report::{FindingReport, ServerReport, ms};
use crate::tls::certificate_facts;
use crate::vocab::{Delivery, FindingId, SenderKind, StsMode, TlsMode};

/// What the judgement needs besides the policy facts.
pub struct Scope<'a> {
    /// The MX host names of the domain, in preference order.
    pub mx_hosts: Vec<String>,
    pub servers: &'a [ServerReport],
    /// Per server: whether it took the conversation through EHLO (judged before DANE).
    pub accepted: &'a [bool],
    pub days: ExpiryDays,
    /// `--policy require-mta-sts`.
    pub require: bool,
    /// `--policy require-dane`.
    pub require_dane: bool,
    /// The MX lookup itself found no DNS server answering, or timed out: the probe's own
    /// path to its resolver failed. A policy lookup that failed the same way then tells
    /// nothing about the domain (senders use their own resolvers): not checked, UNKNOWN,
    /// rather than a WARNING about the domain.
    pub resolver_down: bool,
}

/// Whether a policy record's failed lookup is the probe's own resolver failing, as the MX
/// lookup did (a lookup not made: UNKNOWN), rather than a fault senders meet too (WARNING).
fn resolver_failed(e: &DnsFailure, resolver_down: bool) -> bool {
    resolver_down && matches!(e, DnsFailure::Unreachable(_) | DnsFailure::Timeout)
}

/// The status of a policy record's failed lookup; `ours` as [`resolver_failed`] says.
fn lookup_status(ours: bool) -> Status {
    if ours {
        Status::Unknown
    } else {
        Status::Warning
    }
}

/// The policy section of the report.
pub fn judge(p: &PolicyFacts, scope: &Scope<'_>) -> PolicyReport {
    let mut sts = MtaStsReport {
        txt: vec![],
        lookup_error: None,
        id: None,
        policy: None,
        fetch: None,
        mx: vec![],
        findings: vec![],
    };
    let in_force = records_and_fetch(p, scope, &mut sts);
    if let Some(policy) = in_force {
        sts.mx = scope
            .mx_hosts
            .iter()
            .map(|h| mx_against(policy, h, scope.servers))
            .collect();
        sts.findings.extend(mx_findings(policy, &sts.mx));
    }
    let enforced = in_force.filter(|p| p.mode == Mode::Enforce);
    if scope.require && enforced.is_none() {
        sts.findings.push(finding(
            FindingId::MtaStsRequired,
            Status::Critical,
            format!(
                "--policy require-mta-sts: {} publishes no MTA-STS policy in enforce mode that senders can apply",
                p.domain
            ),
        ));
    }
    let dane_in_use = scope.servers.iter().any(|s| {
        s.dane
            .as_ref()
            .is_some_and(|d| d.dnssec == crate::vocab::Dnssec::Secure && !d.tlsa.is_empty())
    });
    let in_use = match (in_force.is_some(), dane_in_use) {
        (true, true) => Some("MTA-STS and DANE are"),
        (true, false) => Some("MTA-STS is"),
        (false, true) => Some("DANE is"),
        (false, false) => None,
    };
    let (tls_rpt, rpt_findings) = tls_rpt(p, in_use, scope.resolver_down);
    sts.findings.extend(rpt_findings);
    if scope.require_dane {
        sts.findings
            .extend(super::dane::required(scope.servers, &p.domain));
    }
    sts.findings
        .extend(super::dane::mx_bogus(&p.domain, &p.mx_dnssec));
    let senders = vec![
        opportunistic(scope),
        enforcing(enforced, &sts.mx, scope),
        super::dane::sender(scope.servers, scope.accepted, &p.domain, &p.mx_dnssec),
    ];
    PolicyReport {
        status: merge_all(sts.findings.iter().map(|f| f.status)),
        mta_sts: sts,
        tls_rpt,
        senders,
        mx_dnssec: p.mx_dnssec.dnssec,
        mx_dnssec_basis: p.mx_dnssec.basis.clone(),
    }
}

/// The TXT records, the fetch and the policy into `sts`; the policy senders apply, if any:
/// exactly one valid `v=STSv1` record and a policy that parsed, in a mode other than none.
fn records_and_fetch<'a>(
    p: &'a PolicyFacts,
    scope: &Scope<'_>,
    sts: &mut MtaStsReport,
) -> Option<&'a Policy> {
    let days = scope.days;
    let name = format!("_mta-sts.{}", p.domain);
    let mut txt_ok = false;
    match &p.mta_sts.txt {
        Ok(t) => {
            sts.txt.clone_from(&t.records);
            sts.id.clone_from(&t.id);
            txt_ok = t.id.is_some();
            if let Some(e) = &t.error {
                sts.findings.push(finding(
                    FindingId::MtaStsTxtInvalid,
                    Status::Warning,
                    format!("MTA-STS record {name}: {e}: senders act as if there were no policy"),
                ));
            }
        }
        Err(DnsFailure::NoData | DnsFailure::NxDomain) => {}
        Err(e) => {
            sts.lookup_error = Some(format!("the lookup failed ({})", failure(e)));
            let ours = resolver_failed(e, scope.resolver_down);
            let status = lookup_status(ours);
            let message = if ours {
                format!(
                    "MTA-STS record {name} not checked: the lookup failed like the MX lookup ({})",
                    failure(e)
                )
            } else {
                format!(
                    "MTA-STS record {name} could not be looked up ({}): senders cannot tell whether a policy applies",
                    failure(e)
                )
            };
            sts.findings
                .push(finding(FindingId::MtaStsTxtInvalid, status, message));
        }
    }
    if let Some(f) = &p.mta_sts.fetch {
        sts.fetch = Some(fetch_report(f));
        sts.findings.extend(fetch_findings(f, days));
    }
    let policy = match &p.mta_sts.policy {
        Some(Ok(pol)) => pol,
        Some(Err(e)) => {
            sts.findings.push(finding(
                FindingId::MtaStsPolicyInvalid,
                Status::Warning,
                format!(
                    "the MTA-STS policy of {} does not parse: {e}: senders ignore it",
                    p.domain
                ),
            ));
            return None;
        }
        None => return None,
    };
    sts.policy = Some(StsPolicyReport {
        mode: match policy.mode {
            Mode::Enforce => StsMode::Enforce,
            Mode::Testing => StsMode::Testing,
            Mode::None => StsMode::None,
        },
        mx: policy.mx.clone(),
        max_age: policy.max_age,
    });
    (txt_ok && policy.mode != Mode::None).then_some(policy)
}

fn failure(e: &DnsFailure) -> String {
    match e {
        DnsFailure::NxDomain => "NXDOMAIN".into(),
        DnsFailure::NoData => "no records".into(),
        DnsFailure::ServFail(rc) => rc.clone(),
        DnsFailure::Unreachable(who) => format!("no DNS server answers at {who}"),
        DnsFailure::Timeout => "timeout".into(),
        DnsFailure::Other(m) => m.clone(),
    }
}

fn fetch_report(f: &Fetch) -> FetchReport {
    let cert = f
        .tls
        .as_ref()
        .and_then(|t| t.chain.first().and_then(|c| certificate_facts(c, t.at)));
    FetchReport {
        url: f.url.clone(),
        status: f.status,
        error: f.error.as_ref().map(|e| e.detail.clone()),
        address: f.address.map(|a| a.to_string()),
        certificate_days_left: cert.as_ref().map(|c| c.days_left),
        certificate_not_after_unix: cert.as_ref().map(|c| c.not_after_unix),
        elapsed_ms: ms(f.elapsed),
    }
}

/// The policy host's faults: the fetch failed (exactly why), the body is not served as
/// text/plain, its certificate expires soon.
fn fetch_findings(f: &Fetch, days: ExpiryDays) -> Vec<FindingReport> {
    let mut out = vec![];
    if let Some(e) = &f.error {
        out.push(finding(
            FindingId::MtaStsFetchFailed,
            Status::Warning,
            format!(
                "the MTA-STS policy {} could not be fetched: {}: senders without a cached policy act as if there were none, those with one keep it until max_age runs out",
                f.url, e.detail
            ),
        ));
    }
    if f.body.is_some() {
        let media = f
            .content_type
            .as_deref()
            .and_then(|c| c.split(';').next())
            .map(|c| c.trim().to_ascii_lowercase());
        if media.as_deref() != Some("text/plain") {
            out.push(finding(
                FindingId::MtaStsPolicyInvalid,
                Status::Warning,
                format!(
                    "the MTA-STS policy {} is served as {} instead of text/plain (RFC 8461 §3.3): strict senders ignore it",
                    f.url,
                    f.content_type.as_deref().unwrap_or("no Content-Type")
                ),
            ));
        }
    }
    let cert = f
        .tls
        .as_ref()
        .and_then(|t| t.chain.first().and_then(|c| certificate_facts(c, t.at)));
    if let Some(c) = cert.filter(|c| f.error.is_none() && c.days_left <= days.warn) {
        let status = if c.days_left <= days.crit {
            Status::Critical
        } else {
            Status::Warning
        };
        out.push(finding(
            FindingId::MtaStsHostCertExpiring,
            status,
            format!(
                "the certificate of the MTA-STS policy host expires in {} days ({}): once it has, senders cannot refresh the policy",
                c.days_left, c.not_after
            ),
        ));
    }
    out
}

/// One MX host against the policy: covered, and its certificate as the probe saw it.
fn mx_against(policy: &Policy, host: &str, servers: &[ServerReport]) -> MxPolicyReport {
    let pattern = mta_sts::covering(policy, host).map(str::to_owned);
    let probed: Vec<&ServerReport> = servers
        .iter()
        .filter(|s| s.probed && s.host.eq_ignore_ascii_case(host) && s.tls.is_some())
        .collect();
    let cert: Option<Result<(), String>> = probed.first().and_then(|s| certificate(s));
    let reason = match (&pattern, &cert) {
        (None, _) => Some(format!(
            "it matches none of the policy's mx patterns ({})",
            policy.mx.join(", ")
        )),
        (_, Some(Err(why))) => Some(why.clone()),
        (_, None) => Some("not probed (an earlier MX answered; --all checks every MX)".into()),
        _ => None,
    };
    let passes = match (&pattern, &cert) {
        (None, _) | (_, Some(Err(_))) => Some(false),
        (_, None) => None,
        _ => Some(true),
    };
    MxPolicyReport {
        host: host.to_owned(),
        pattern,
        certificate_verified: cert.as_ref().map(Result::is_ok),
        passes,
        reason,
    }
}

/// Whether a probed server presented, over TLS, a certificate that verifies for its MX
/// name; `None` when the probe cannot tell (no conversation, `--insecure`).
fn certificate(s: &ServerReport) -> Option<Result<(), String>> {
    let t = s.tls.as_ref()?;
    if t.verified {
        return Some(Ok(()));
    }
    if let Some(e) = &t.verify_error {
        if e.reason == crate::vocab::VerifyReason::Insecure {
            return None;
        }
        return Some(Err(format!(
            "its certificate does not verify for {}: {}",
            s.host, e.message
        )));
    }
    if t.mode == TlsMode::None {
        return Some(Err("it does not offer STARTTLS".into()));
    }
    None
}

/// A finding per MX that fails the policy: in enforce mode CRITICAL when no MX passes,
/// WARNING when some do; in testing mode OK, as what TLS-RPT reports will show.
fn mx_findings(policy: &Policy, mx: &[MxPolicyReport]) -> Vec<FindingReport> {
    let passing = mx.iter().filter(|m| m.passes == Some(true)).count();
    mx.iter()
        .filter(|m| m.passes == Some(false))
        .map(|m| {
            let id = if m.pattern.is_none() {
                FindingId::MtaStsMxNotCovered
            } else {
                FindingId::MtaStsMxCertificate
            };
            let why = m.reason.clone().unwrap_or_default();
            match policy.mode {
                Mode::Enforce => finding(
                    id,
                    if passing == 0 {
                        Status::Critical
                    } else {
                        Status::Warning
                    },
                    format!(
                        "a sender that enforces MTA-STS (e.g. Gmail) will not deliver to {}: {why}",
                        m.host
                    ),
                ),
                _ => finding(
                    id,
                    Status::Ok,
                    format!(
                        "MTA-STS testing mode: TLS-RPT reports will show failures for {}: {why} (in enforce mode, enforcing senders would not deliver to it)",
                        m.host
                    ),
                ),
            }
        })
        .collect()
}

/// The TLS-RPT record: malformed is a WARNING, missing a note when MTA-STS or DANE is in
/// use (`in_use` names which, with its verb).
fn tls_rpt(
    p: &PolicyFacts,
    in_use: Option<&str>,
    resolver_down: bool,
) -> (TlsRptReport, Vec<FindingReport>) {
    let name = format!("_smtp._tls.{}", p.domain);
    let empty = RptTxt::default();
    let (r, lookup_error) = match &p.tls_rpt {
        Ok(r) => (r, None),
        Err(DnsFailure::NoData | DnsFailure::NxDomain) => (&empty, None),
        Err(e) => (&empty, Some(e)),
    };
    let ours = lookup_error.is_some_and(|e| resolver_failed(e, resolver_down));
    let status = lookup_status(ours);
    let error = r
        .error
        .clone()
        .or_else(|| lookup_error.map(|e| format!("the lookup failed ({})", failure(e))));
    let mut findings = vec![];
    if let Some(e) = &error {
        let message = if ours {
            format!("TLS-RPT record {name} not checked: {e}, like the MX lookup")
        } else {
            format!("TLS-RPT record {name}: {e}: senders send no TLS reports")
        };
        findings.push(finding(FindingId::TlsRptInvalid, status, message));
    } else if let Some(in_use) = in_use.filter(|_| !r.announced()) {
        findings.push(finding(
            FindingId::TlsRptMissing,
            Status::Ok,
            format!(
                "no TLS-RPT record at {name}: {in_use} in use but nobody receives reports of failed TLS deliveries (add v=TLSRPTv1; rua=mailto:…)"
            ),
        ));
    }
    let report = TlsRptReport {
        txt: r.records.clone(),
        rua: r.rua.clone(),
        error,
    };
    (report, findings)
}

/// The servers that took the conversation through EHLO.
fn accepting<'a>(scope: &'a Scope<'_>) -> impl Iterator<Item = &'a ServerReport> {
    scope
        .servers
        .iter()
        .zip(scope.accepted)
        .filter(|(_, a)| **a)
        .map(|(s, _)| s)
}

/// Today's default sender: delivers to the first MX that takes the conversation.
fn opportunistic(scope: &Scope<'_>) -> SenderReport {
    let (outcome, reason) = match accepting(scope).next() {
        Some(s) => (
            Delivery::Delivers,
            format!("{} takes the conversation{}", s.host, over(s)),
        ),
        None => (
            Delivery::Defers,
            "no MX took the conversation through EHLO".to_owned(),
        ),
    };
    SenderReport {
        sender: SenderKind::Opportunistic,
        outcome,
        reason,
    }
}

fn over(s: &ServerReport) -> &'static str {
    if !s.attempts.is_empty() {
        // The STARTTLS handshake failed and the conversation was had again in plain text.
        return " in plain text, after its STARTTLS handshake failed (a sender that does not retry without TLS defers)";
    }
    match s.tls.as_ref().map(|t| t.mode) {
        Some(TlsMode::StartTls) => " over STARTTLS",
        Some(TlsMode::Implicit) => " over TLS",
        _ => " in plain text",
    }
}

/// A sender that enforces MTA-STS: like an opportunistic one without a policy in enforce
/// mode; with one, only to MX hosts that pass it.
fn enforcing(enforced: Option<&Policy>, mx: &[MxPolicyReport], scope: &Scope<'_>) -> SenderReport {
    let sender = SenderKind::MtaSts;
    if enforced.is_none() {
        let o = opportunistic(scope);
        return SenderReport {
            sender,
            outcome: o.outcome,
            reason: format!(
                "no MTA-STS policy in enforce mode applies: as opportunistic ({})",
                o.reason
            ),
        };
    }
    let failing: Vec<String> = mx
        .iter()
        .filter(|m| m.passes == Some(false))
        .map(|m| format!("{}: {}", m.host, m.reason.as_deref().unwrap_or("fails")))
        .collect();
    let passing = mx.iter().find(|m| {
        m.passes == Some(true) && accepting(scope).any(|s| s.host.eq_ignore_ascii_case(&m.host))
    });
    let (outcome, reason) = match (passing, failing.is_empty()) {
        (Some(m), true) => (
            Delivery::Delivers,
            format!("to {}: covered and its certificate verifies", m.host),
        ),
        (Some(m), false) => (
            Delivery::Delivers,
            format!("to {}; not to {}", m.host, failing.join("; ")),
        ),
        (None, false) => (
            Delivery::Defers,
            format!("will not deliver to {}", failing.join("; ")),
        ),
        (None, true) => (
            Delivery::Unknown,
            "no MX that passes the policy was reached".to_owned(),
        ),
    };
    SenderReport {
        sender,
        outcome,
        reason,
    }
}
