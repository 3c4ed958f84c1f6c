//! The judgement layer: the only place that turns facts (what the DNS walk, the driver, the
//! session and the TLS handshake observed) and knowledge (what codes and texts mean) into
//! step meanings, check outcomes, findings, statuses, thresholds and the verdict.
//!
//! Layers below report facts and decide nothing; renderers above only render. A new check
//! (a DANE or MTA-STS requirement on one MX host, say) adds its facts below and its
//! judgement here, in a file of its own, called from [`server`] or [`report`].

pub mod checks;
pub mod dns;
pub mod findings;
pub mod relay;
pub mod thresholds;
pub mod tls;
pub mod verdict;

use crate::config::Config;
use crate::exit::{Status, merge_all};
use crate::facts::{Contact, Conversation, Recipients, ServerFacts, TargetFacts};
use crate::knowledge;
use crate::report::{
    DnsReport, FindingReport, MxReport, Report, SCHEMA, ServerReport, StepReport, ms,
};
use crate::smtp::Context;
use crate::smtp::session::Step;
use crate::vocab::{ErrorKind, FindingId, Phase, ProbeError};

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
    let servers: Vec<ServerReport> = facts
        .servers
        .iter()
        .map(|s| server_in(s, days, &facts.recipients))
        .collect();
    let gave_up = facts.gave_up.map(|after| verdict::GaveUp {
        after,
        tried: facts.servers.iter().filter(|s| tried(s)).count(),
        addresses: facts.servers.iter().filter(|s| s.address.is_some()).count(),
    });
    let (status, summary) = verdict::verdict_within(&dns, &servers, cfg.all, gave_up.as_ref());
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

/// One server, judged, with every recipient taken as its own (no relay judgement): see
/// [`server_in`].
pub fn server(facts: &ServerFacts, days: ExpiryDays) -> ServerReport {
    server_in(facts, days, &Recipients::default())
}

/// One server, judged, its RCPT checks read with the recipient domains as DNS showed them
/// (an RCPT accepted for a domain the server is not a mail exchanger for is relaying). A
/// server this machine could not connect to for want of its own resources (descriptors,
/// ports, buffers), or never tried because `--max-time` ran out, is UNKNOWN: nothing is
/// known about it.
pub fn server_in(facts: &ServerFacts, days: ExpiryDays, recipients: &Recipients) -> ServerReport {
    let mut report = ServerReport {
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
        tls: None,
    };
    match &facts.contact {
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
        Contact::Talked(c) => conversation(&mut report, facts, c, (days, recipients)),
    }
    report
}

/// A conversation, judged: every reply's meaning, the checks, the findings, TLS.
fn conversation(
    report: &mut ServerReport,
    facts: &ServerFacts,
    c: &Conversation,
    (days, recipients): (ExpiryDays, &Recipients),
) {
    let t = &c.drive.transcript;
    report.connect_ms = Some(ms(c.connect));
    report.helo = Some(c.helo.clone());
    report.extensions = t
        .capabilities
        .as_ref()
        .map(|c| c.raw.clone())
        .unwrap_or_default();
    report.steps = t.steps.iter().map(step).collect();
    let identity = relay::Identity::of(facts, t);
    report.checks = t
        .checks
        .iter()
        .map(|k| checks::report_in(k, &relay::relation(&k.argument, recipients, &identity)))
        .collect();
    relay::settle_steps(&mut report.steps, &report.checks);
    report.findings = t
        .events
        .iter()
        .map(|e| findings::of_event(*e, facts.policy))
        .collect();
    report
        .findings
        .extend(report.steps.iter().filter_map(findings::invalid_reply_code));
    report
        .findings
        .extend(relay::open_relay(&report.checks, c.client));
    if c.drive.injected > 0 {
        report
            .findings
            .push(findings::starttls_injection(c.drive.injected));
    }
    let tls_facts = tls::TlsFacts {
        mode: c.drive.tls.as_ref().map(|o| o.mode),
        record: c.drive.tls.as_ref().map(|o| &o.handshake),
        transcript: t,
        policy: facts.policy,
        port: facts.port,
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
    report.error.clone_from(&c.drive.error);
    report.unanswered = t.unanswered.as_ref().map(ToString::to_string);
    report.tls = Some(tls_report);
    report.elapsed_ms = ms(c.elapsed);
}

/// One reply, with its meaning in context. A canary's refusal is what was expected, so it
/// is judged OK, unless the server closes on it (421, 221).
fn step(s: &Step) -> StepReport {
    let m = knowledge::meaning(s.context, s.reply.code, s.reply.enhanced, &s.reply.text());
    StepReport {
        command: s.command.as_ref().map(|c| c.verb().to_owned()),
        request: s.command.as_ref().map(ToString::to_string),
        context: s.context,
        code: s.reply.code,
        enhanced: s.reply.enhanced.map(|e| e.to_string()),
        lines: s.reply.lines.clone(),
        elapsed_ms: ms(s.elapsed),
        meaning: if s.canary {
            format!(
                "Answer for the canary, a made-up name asked for comparison: {}",
                m.summary
            )
        } else {
            m.summary
        },
        advice: m.advice,
        status: if s.canary && !matches!(s.reply.code, 421 | 221) {
            Status::Ok
        } else {
            m.status
        },
        rule: m.rule,
        server_hint: m.server_hint,
        anomalies: s.reply.anomalies.iter().map(ToString::to_string).collect(),
        tls: s.tls,
        canary: s.canary,
        group: s.group,
    }
}
