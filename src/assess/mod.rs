//! The judgement layer: the only place that turns facts (what the DNS walk, the driver, the
//! session and the TLS handshake observed) and knowledge (what codes and texts mean) into
//! step meanings, check outcomes, findings, statuses, thresholds and the verdict.
//!
//! Layers below report facts and decide nothing; renderers above only render. A new check
//! (a DANE or MTA-STS requirement on one MX host, say) adds its facts below and its
//! judgement here, in a file of its own, called from [`server`] or [`report`].

pub mod checks;
pub mod dane;
pub mod dns;
pub mod fallback;
pub mod findings;
pub mod mta_sts;
pub mod relay;
pub mod steps;
pub mod thresholds;
pub mod tls;
pub mod verdict;

use crate::config::Config;
use crate::exit::{Status, merge_all};
use crate::facts::{Contact, Conversation, Recipients, ServerFacts, TargetFacts};
use crate::report::{DnsReport, FindingReport, MxReport, Report, SCHEMA, ServerReport, ms};
use crate::smtp::Context;
use crate::smtp::session::{Event, TlsPolicy};
use crate::vocab::{ErrorKind, FindingId, Phase, ProbeError, VerifyReason};

pub use tls::ExpiryDays;

/// A finding, as reports carry it.
pub(crate) fn finding(id: FindingId, status: Status, message: String) -> FindingReport {
    FindingReport {
        id,
        status,
        message,
    }
}

/// The whole report for one target: DNS, every server, the verdict, and the thresholds.
pub fn report(facts: &TargetFacts, cfg: &Config) -> Report {
    let days = expiry_days(cfg);
    let dns = dns_report(facts);
    let mut servers: Vec<ServerReport> = facts
        .servers
        .iter()
        .map(|s| server_in(s, days, &facts.recipients))
        .collect();
    // Whether each server took the conversation, before DANE weighs in (an opportunistic
    // sender does not look at TLSA records).
    let accepted: Vec<bool> = servers.iter().map(accepts).collect();
    dane::attach(
        &mut servers,
        &facts.servers,
        &facts.tlsa,
        cfg.tlsa_next_key.as_deref(),
        facts.policy.as_ref().map(|p| &p.mx_dnssec),
    );
    let gave_up = facts.gave_up.map(|after| verdict::GaveUp {
        after,
        tried: facts.servers.iter().filter(|s| tried(s)).count(),
        addresses: facts.servers.iter().filter(|s| s.address.is_some()).count(),
    });
    let (status, mut summary) = verdict::verdict_within(&dns, &servers, cfg.all, gave_up.as_ref());
    // The user chose not to verify: say so where monitoring looks first, even when OK.
    let unverified = servers.iter().any(|s| {
        s.tls
            .as_ref()
            .and_then(|t| t.verify_error.as_ref())
            .is_some_and(|e| e.reason == VerifyReason::Insecure)
    });
    if unverified {
        summary.push_str(" (certificate not verified: --insecure)");
    }
    let policy = facts.policy.as_ref().map(|p| {
        let scope = mta_sts::Scope {
            mx_hosts: dns_hosts(&dns),
            servers: &servers,
            accepted: &accepted,
            days,
            require: cfg.policy == crate::config::PolicyArg::RequireMtaSts,
            require_dane: cfg.policy == crate::config::PolicyArg::RequireDane,
            resolver_down: matches!(
                &facts.resolution.error,
                Some(crate::dns::DnsIssue::Lookup {
                    failure: crate::dns::DnsFailure::Unreachable(_)
                        | crate::dns::DnsFailure::Timeout,
                    ..
                })
            ),
        };
        mta_sts::judge(p, &scope)
    });
    let status = match &policy {
        Some(p) => verdict::with_policy(status, &mut summary, p),
        None => status,
    };
    let mut report = Report {
        schema: SCHEMA,
        tool: format!("smtpprobe {}", env!("CARGO_PKG_VERSION")),
        target: facts.target.clone(),
        status,
        exit_code: status.exit_code(),
        summary,
        dns,
        servers,
        elapsed_ms: ms(facts.elapsed),
        thresholds: vec![],
        policy,
    };
    thresholds::apply(&mut report, &cfg.thresholds);
    report
}

/// The certificate expiry thresholds of a configuration.
pub fn expiry_days(cfg: &Config) -> ExpiryDays {
    ExpiryDays {
        warn: cfg.tls.warn_days,
        crit: cfg.tls.crit_days,
    }
}

fn dns_report(facts: &TargetFacts) -> DnsReport {
    let r = &facts.resolution;
    DnsReport {
        kind: r.kind,
        resolver: facts.resolver.clone(),
        mx: r
            .mx
            .iter()
            .map(|h| MxReport {
                preference: h.preference,
                exchange: h.exchange.clone(),
                addresses: h.addresses.iter().map(ToString::to_string).collect(),
                error: h.error.as_ref().map(dns::problem_of),
            })
            .collect(),
        error: r.error.as_ref().map(dns::problem_of),
        elapsed_ms: ms(facts.dns_elapsed),
    }
}

/// The MX host names DNS gave, each once, in order.
fn dns_hosts(dns: &DnsReport) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    for m in &dns.mx {
        let host = m.exchange.trim_end_matches('.').to_owned();
        if !host.is_empty() && !out.iter().any(|h| h.eq_ignore_ascii_case(&host)) {
            out.push(host);
        }
    }
    out
}

/// Whether a server, once judged, took the conversation through EHLO/HELO without failing:
/// an MTA would stop there and not try the next one.
pub fn accepts(s: &ServerReport) -> bool {
    s.error.is_none()
        && !verdict::failed(s)
        && s.steps.iter().any(|st| {
            matches!(st.context, Context::Ehlo | Context::Helo) && (200..300).contains(&st.code)
        })
}

/// Whether a connection to the server was attempted.
fn tried(s: &ServerFacts) -> bool {
    matches!(
        s.contact,
        Contact::ConnectFailed { .. } | Contact::Talked(_)
    )
}

/// How a server's conversation is judged beyond its own replies: certificate expiry
/// thresholds, and the recipient domains as DNS showed them (for relaying).
#[derive(Clone, Copy)]
pub(crate) struct Judge<'a> {
    pub days: ExpiryDays,
    pub recipients: &'a Recipients,
}

/// One server, judged, with every recipient taken as its own (no relay judgement): see
/// [`server_in`].
pub fn server(facts: &ServerFacts, days: ExpiryDays) -> ServerReport {
    server_in(facts, days, &Recipients::default())
}

/// One server, judged, its RCPT checks read with the recipient domains as DNS showed them
/// (an RCPT accepted for a domain the server is not a mail exchanger for is relaying). A
/// server this machine could not connect to for want of its own resources (descriptors,
/// ports, buffers), or never tried because `--max-time` ran out, is UNKNOWN: nothing is
/// known about it. A conversation followed by a plain-text retry (its STARTTLS handshake
/// failed in auto mode) is judged by [`fallback`].
pub fn server_in(facts: &ServerFacts, days: ExpiryDays, recipients: &Recipients) -> ServerReport {
    let judge = Judge { days, recipients };
    if let Contact::Talked(c) = &facts.contact
        && let Some(retry) = &c.fallback
    {
        return fallback::judge(facts, c, retry, judge);
    }
    contact(facts, facts.policy, &facts.contact, judge)
}

/// One connection to a server (`facts` names it), held to `policy`, judged.
fn contact(
    facts: &ServerFacts,
    policy: TlsPolicy,
    contact: &Contact,
    judge: Judge<'_>,
) -> ServerReport {
    let mut report = blank(facts);
    match contact {
        Contact::NotProbed => report.probed = false,
        Contact::OutOfTime { max_time } => {
            report.probed = false;
            report.status = Status::Unknown;
            report.error = Some(ProbeError::new(
                Phase::Connect,
                ErrorKind::MaxTime,
                format!(
                    "not tried: the --max-time budget of {} s ran out before its turn",
                    verdict::secs(*max_time)
                ),
            ));
        }
        Contact::NoAddress(issue) => {
            let why = issue
                .as_ref()
                .map_or_else(|| "no address".to_owned(), |i| dns::problem_of(i).message);
            report.error = Some(ProbeError::new(Phase::Dns, ErrorKind::Dns, why));
            report.status = Status::Critical;
        }
        Contact::ConnectFailed { error, elapsed } => {
            report.error = Some(error.clone());
            report.status = if error.kind == ErrorKind::LocalResource {
                Status::Unknown
            } else {
                Status::Critical
            };
            report.elapsed_ms = ms(*elapsed);
        }
        Contact::Talked(c) => conversation(&mut report, facts, policy, c, judge),
    }
    report
}

/// A close while a reply was awaited, right after the server refused the command before:
/// that refusal is the cause, said with the close (Exim's ACL `drop` answers "550 …,
/// closing" and hangs up while our next pipelined command waits).
fn closed_after_refusal(mut e: ProbeError, t: &crate::smtp::session::Transcript) -> ProbeError {
    if e.kind != ErrorKind::Closed {
        return e;
    }
    let Some(last) = t.steps.last().filter(|s| s.reply.code >= 400) else {
        return e;
    };
    e.message = format!(
        "{}, right after its {}",
        e.message,
        findings::quoted_step(last)
    );
    e
}

/// The findings of the session's events, the greeting quoted where it refused us.
fn event_findings(t: &crate::smtp::session::Transcript, policy: TlsPolicy) -> Vec<FindingReport> {
    let greeting = t
        .steps
        .first()
        .filter(|s| s.context == Context::Greeting)
        .and_then(|s| s.reply.lines.first().cloned())
        .unwrap_or_default();
    t.events
        .iter()
        .map(|e| match e {
            // The close announced by a session limit is the limit's, not a missing 221.
            Event::QuitNoReply => findings::closed_at_limit(t)
                .unwrap_or_else(|| findings::of_event(*e, policy, &greeting)),
            _ => findings::of_event(*e, policy, &greeting),
        })
        .collect()
}

/// A server entry before any judgement: probed, OK, nothing seen yet.
fn blank(facts: &ServerFacts) -> ServerReport {
    ServerReport {
        host: facts.host.clone(),
        address: facts.address.map(|a| a.to_string()),
        port: facts.port,
        probed: true,
        status: Status::Ok,
        helo: None,
        extensions: vec![],
        connect_ms: None,
        steps: vec![],
        checks: vec![],
        findings: vec![],
        error: None,
        unanswered: None,
        elapsed_ms: 0.0,
        shared: false,
        tls: None,
        attempts: vec![],
        dane: None,
    }
}

/// A conversation, judged: every reply's meaning, the checks, the findings, TLS.
fn conversation(
    report: &mut ServerReport,
    facts: &ServerFacts,
    policy: TlsPolicy,
    c: &Conversation,
    judge: Judge<'_>,
) {
    let port = facts.port;
    let days = judge.days;
    let t = &c.drive.transcript;
    report.connect_ms = Some(ms(c.connect));
    report.helo = Some(c.helo.clone());
    report.extensions = t
        .capabilities
        .as_ref()
        .map(|c| c.raw.clone())
        .unwrap_or_default();
    let identity = relay::Identity::of(facts, t);
    // Domains DNS could not place, whose users the server told apart in this session.
    let known: Vec<String> = t
        .checks
        .iter()
        .filter(|k| checks::tells_users_apart(k))
        .filter_map(|k| Recipients::domain_of(&k.argument))
        .collect();
    report.checks = t
        .checks
        .iter()
        .map(|k| {
            let relation = match relay::relation(&k.argument, judge.recipients, &identity) {
                relay::Relation::Undecided { domain, .. } if known.contains(&domain) => {
                    relay::Relation::Own
                }
                r => r,
            };
            checks::report_in(k, &relation)
        })
        .collect();
    let software = steps::server_identity(t);
    let trusted_clients = software
        .map(|i| i.trusted_clients)
        .filter(|s| !s.is_empty())
        .unwrap_or(crate::knowledge::identity::TRUSTED_CLIENTS_ANY);
    relay::trusted_client_caveat(&mut report.checks, trusted_clients);
    report.steps = steps::steps(t, &report.checks, port, software);
    relay::settle_steps(&mut report.steps, &report.checks);
    report.findings = event_findings(t, policy);
    report
        .findings
        .extend(report.steps.iter().filter_map(findings::invalid_reply_code));
    let anomalies: Vec<Vec<_>> = t.steps.iter().map(|s| s.reply.anomalies.clone()).collect();
    report
        .findings
        .extend(findings::protocol_violation(&report.steps, &anomalies));
    report
        .findings
        .extend(findings::user_disclosure(&report.checks));
    report
        .findings
        .extend(relay::open_relay(&report.checks, c.client, trusted_clients));
    if c.drive.injected > 0 {
        report
            .findings
            .push(findings::starttls_injection(c.drive.injected));
    }
    let tls_facts = tls::TlsFacts {
        mode: c.drive.tls.as_ref().map(|o| o.mode),
        record: c.drive.tls.as_ref().map(|o| &o.handshake),
        transcript: t,
        policy,
        port,
        error: c.drive.error.as_ref(),
    };
    let (tls_report, tls_findings) = tls::assess(&tls_facts, days);
    report.findings.extend(tls_findings);
    let mut status = merge_all(
        report
            .steps
            .iter()
            .map(|s| s.status)
            .chain(report.checks.iter().map(|c| c.status))
            .chain(report.findings.iter().map(|f| f.status)),
    );
    if let Some(e) = &c.drive.error {
        // An early end after the server already spoke SMTP with us is still a failure to
        // complete the conversation; only a hitch at QUIT is less.
        status = status.merge(if e.phase == Phase::Reply(Context::Quit) {
            Status::Warning
        } else {
            Status::Critical
        });
    }
    report.status = status;
    report.error = c.drive.error.clone().map(|e| closed_after_refusal(e, t));
    report.unanswered = t.unanswered.as_ref().map(ToString::to_string);
    report.tls = Some(tls_report);
    report.elapsed_ms = ms(c.elapsed);
}
