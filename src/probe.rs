//! One target, end to end: resolve → connect → drive each server's conversation → report.
//! The conversation logic lives in [`crate::smtp::session`]; I/O in [`crate::driver`];
//! meanings in [`crate::knowledge`]. This module only orchestrates and assembles the report.

use crate::config::{Config, Target};
use crate::dns::{self, DnsKind, HickoryLookup, Lookup, Resolution};
use crate::driver::{self, ProbeError, Timeouts};
use crate::exit::{Status, merge_all};
use crate::knowledge;
use crate::knowledge::outcome::{CheckKind, Outcome};
use crate::report::*;
use crate::smtp::command::WireArg;
use crate::smtp::session::{Canary, CheckResult, Plan, Session, StartTlsPolicy, Transcript};
use crate::tls::TlsContext;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;
use tokio::time::Instant;

/// One server to try: a host name and one of its addresses.
#[derive(Debug, Clone)]
struct Candidate {
    host: String,
    address: Option<IpAddr>,
    port: u16,
    dns_problem: Option<String>,
}

/// Runs the whole probe with the real resolver (only built when DNS is needed).
pub async fn run(cfg: &Config) -> Report {
    if cfg.target.is_ip() {
        return run_with(cfg, &NoLookup).await;
    }
    match HickoryLookup::new(&cfg.resolvers, cfg.timeout.min(Duration::from_secs(5))) {
        Ok(l) => run_with(cfg, &l).await,
        Err(message) => {
            let dns = DnsReport {
                kind: DnsKind::Mx,
                resolver: resolver_label(cfg),
                mx: vec![],
                error: Some(dns::DnsProblem {
                    kind: "other".into(),
                    message,
                    status: Status::Unknown,
                }),
                elapsed_ms: 0.0,
            };
            finish_report(cfg, dns, vec![], Instant::now())
        }
    }
}

/// A lookup for targets that need none (an IP literal).
struct NoLookup;

impl Lookup for NoLookup {
    async fn mx(&self, _: &str) -> Result<Vec<(u16, String)>, dns::DnsFailure> {
        Err(dns::DnsFailure::Other(
            "no DNS for a literal address".into(),
        ))
    }
    async fn addrs(&self, _: &str, _: bool) -> Result<dns::AddrAnswer, dns::DnsFailure> {
        Err(dns::DnsFailure::Other(
            "no DNS for a literal address".into(),
        ))
    }
}

fn resolver_label(cfg: &Config) -> String {
    if cfg.resolvers.is_empty() {
        "system".into()
    } else {
        cfg.resolvers
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// Runs the probe with a given lookup (tests use an in-process DNS or a fake).
pub async fn run_with<L: Lookup>(cfg: &Config, lookup: &L) -> Report {
    let started = Instant::now();
    let resolution = dns::resolve(lookup, &cfg.target, cfg.family).await;
    let dns_elapsed = started.elapsed();
    let candidates = candidates(&resolution, cfg.port);
    // Shared by every server; loads the trust store only if a handshake happens.
    let tls = TlsContext::new(cfg.tls.clone());
    // Read once per run, not per server.
    let helo = cfg.helo.clone().or_else(local_fqdn);
    let mut servers: Vec<ServerReport> = Vec::new();
    if cfg.all {
        let futs = candidates
            .iter()
            .map(|c| probe_candidate(cfg, &tls, helo.as_ref(), c));
        servers = dns::join_all(futs).await;
    } else {
        let mut done = false;
        for c in &candidates {
            if done {
                servers.push(not_probed(c));
                continue;
            }
            let s = probe_candidate(cfg, &tls, helo.as_ref(), c).await;
            // Stop like an MTA would: at the first server that took the conversation through
            // EHLO/HELO without failing; a 421 or a close mid-way means "try the next one".
            done = s.error.is_none() && s.status != Status::Critical && completed(&s);
            servers.push(s);
        }
    }
    let dns = DnsReport {
        kind: resolution.kind,
        resolver: if cfg.target.is_ip() {
            "none".into()
        } else {
            resolver_label(cfg)
        },
        mx: resolution
            .mx
            .iter()
            .map(|h| MxReport {
                preference: h.preference,
                exchange: h.exchange.clone(),
                addresses: h.addresses.iter().map(ToString::to_string).collect(),
                error: h.error.clone(),
            })
            .collect(),
        error: resolution.error.clone(),
        elapsed_ms: ms(dns_elapsed),
    };
    finish_report(cfg, dns, servers, started)
}

fn completed(s: &ServerReport) -> bool {
    s.steps
        .iter()
        .any(|st| matches!(st.context.as_str(), "ehlo" | "helo") && (200..300).contains(&st.code))
}

fn candidates(r: &Resolution, port: u16) -> Vec<Candidate> {
    let mut out = Vec::new();
    for h in &r.mx {
        if h.addresses.is_empty() {
            out.push(Candidate {
                host: h.exchange.clone(),
                address: None,
                port,
                dns_problem: Some(
                    h.error
                        .as_ref()
                        .map_or_else(|| "no address".to_owned(), |e| e.message.clone()),
                ),
            });
        }
        for a in &h.addresses {
            out.push(Candidate {
                host: h.exchange.clone(),
                address: Some(*a),
                port,
                dns_problem: None,
            });
        }
    }
    out
}

fn not_probed(c: &Candidate) -> ServerReport {
    ServerReport {
        host: c.host.clone(),
        address: c.address.map(|a| a.to_string()),
        port: c.port,
        probed: false,
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
    }
}

/// The name to give in EHLO/HELO: `default` (--helo, else this machine's FQDN), else an
/// address literal of our end of the connection (RFC 5321 §4.1.4, §4.1.3).
fn helo_name(default: Option<&WireArg>, local: Option<SocketAddr>) -> WireArg {
    match default {
        Some(h) => h.clone(),
        None => WireArg::address_literal(local.map_or(IpAddr::from([127, 0, 0, 1]), |l| l.ip())),
    }
}

/// This machine's name when it is fully qualified (has a dot and only hostname characters).
fn local_fqdn() -> Option<WireArg> {
    let raw = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .ok()?;
    let name = raw.trim();
    let valid = name.contains('.')
        && !name.ends_with(".localdomain")
        && name
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    if valid {
        WireArg::token(name).ok()
    } else {
        None
    }
}

/// A local part that surely does not exist, different on every run.
fn canary_local() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    h.write_u32(std::process::id());
    format!("nx-probe-{:012x}", h.finish() & 0xffff_ffff_ffff)
}

fn plan(cfg: &Config, helo: WireArg) -> Plan {
    let canary = (cfg.canary && !(cfg.vrfy.is_empty() && cfg.rcpt.is_empty())).then(|| Canary {
        local: canary_local(),
    });
    Plan {
        helo_name: helo,
        vrfy: cfg.vrfy.clone(),
        expn: cfg.expn.clone(),
        rcpt: cfg.rcpt.clone(),
        mail_from: cfg.mail_from.clone(),
        canary,
        starttls: if cfg.tls.implicit {
            StartTlsPolicy::Never
        } else {
            cfg.starttls
        },
        implicit_tls: cfg.tls.implicit,
        qualify_domain: match &cfg.target {
            Target::Domain(d) => Some(d.clone()),
            Target::Direct { .. } => None,
        },
    }
}

async fn probe_candidate(
    cfg: &Config,
    tls: &TlsContext,
    helo: Option<&WireArg>,
    c: &Candidate,
) -> ServerReport {
    let started = Instant::now();
    let mut report = not_probed(c);
    report.probed = true;
    let Some(ip) = c.address else {
        report.error = Some(ProbeError::new(
            "resolve",
            "dns",
            c.dns_problem.clone().unwrap_or_default(),
        ));
        report.status = Status::Critical;
        return report;
    };
    let addr = SocketAddr::new(ip, c.port);
    let timeouts = Timeouts {
        connect: cfg.connect_timeout,
        reply: cfg.timeout,
        deadline: cfg.deadline,
    };
    let mut stream = match driver::connect(addr, timeouts.connect).await {
        Ok(s) => s,
        Err(e) => {
            report.error = Some(e);
            report.status = Status::Critical;
            report.elapsed_ms = ms(started.elapsed());
            return report;
        }
    };
    report.connect_ms = Some(ms(started.elapsed()));
    let helo = helo_name(helo, stream.local_addr().ok());
    report.helo = Some(helo.to_string());
    let session = Session::new(plan(cfg, helo));
    // Implicit TLS and --starttls require verify strictly: a failed verification ends the
    // handshake, as it would for a strict sender. Auto records it and goes on.
    let strict = cfg.tls.implicit || cfg.starttls == StartTlsPolicy::Require;
    let tls_plan = driver::TlsPlan {
        ctx: tls,
        host: &c.host,
        implicit: cfg.tls.implicit,
        strict,
    };
    let (mut transcript, error, outcome) = driver::drive_tls(
        driver::QuickAck(&mut stream),
        session,
        timeouts,
        Instant::now(),
        Some(tls_plan),
    )
    .await;
    let (tls_report, tls_findings) = crate::tls::assess(
        outcome.as_ref().map(|o| o.mode),
        outcome.as_ref().map(|o| &o.handshake),
        &transcript,
        &cfg.tls,
        strict,
        c.port,
    );
    transcript.findings.extend(tls_findings);
    fill_from_transcript(&mut report, transcript, error);
    report.tls = Some(tls_report);
    report.elapsed_ms = ms(started.elapsed());
    report
}

/// Turns a finished conversation into the report's server entry, with meanings.
pub fn fill_from_transcript(report: &mut ServerReport, t: Transcript, error: Option<ProbeError>) {
    let t_unanswered = t.unanswered.as_ref().map(ToString::to_string);
    report.extensions = t
        .capabilities
        .as_ref()
        .map(|c| c.raw.clone())
        .unwrap_or_default();
    report.steps = t
        .steps
        .iter()
        .map(|s| {
            let m = knowledge::meaning(s.context, s.reply.code, s.reply.enhanced, &s.reply.text());
            StepReport {
                command: s.command.as_ref().map(|c| c.verb().to_owned()),
                request: s.command.as_ref().map(ToString::to_string),
                context: s.context.name().to_owned(),
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
            }
        })
        .collect();
    report.checks = t.checks.iter().map(check_report).collect();
    report.findings = t
        .findings
        .iter()
        .map(|f| FindingReport {
            id: f.id.to_owned(),
            status: f.status,
            message: f.message.clone(),
        })
        .collect();
    let mut status = merge_all(
        report
            .steps
            .iter()
            .map(|s| s.status)
            .chain(report.checks.iter().map(|c| c.status))
            .chain(report.findings.iter().map(|f| f.status)),
    );
    if let Some(e) = &error {
        // An early end after the server already spoke SMTP with us is still a failure to
        // complete the conversation.
        let s = if e.phase == "quit" {
            Status::Warning
        } else {
            Status::Critical
        };
        status = status.merge(s);
    }
    report.status = status;
    report.error = error;
    report.unanswered = t_unanswered;
}

fn check_report(c: &CheckResult) -> CheckReport {
    CheckReport {
        kind: c.kind,
        argument: c.argument.clone(),
        requested: c.requested.clone(),
        code: c.reply.as_ref().map(|r| r.code),
        enhanced: c
            .reply
            .as_ref()
            .and_then(|r| r.enhanced)
            .map(|e| e.to_string()),
        outcome: c.outcome,
        meaning: check_meaning(c),
        status: c.outcome.status(),
        canary: c.canary.as_ref().map(|(argument, code)| CanaryReport {
            argument: argument.clone(),
            code: *code,
        }),
        discriminates: c.discriminates,
    }
}

/// What a check's outcome means, in words, using the canary when there was one.
fn check_meaning(c: &CheckResult) -> String {
    let what = match c.kind {
        CheckKind::Vrfy => "user",
        CheckKind::Expn => "list",
        CheckKind::Rcpt => "recipient",
    };
    let a = &c.argument;
    let canary = c.canary.as_ref().and_then(|(_, code)| *code);
    match c.outcome {
        Outcome::Exists if c.discriminates == Some(true) => format!(
            "{what} {a} exists: the server answered {} for it but {} for a random name, so it tells users apart",
            c.reply.as_ref().map_or(0, |r| r.code),
            canary.unwrap_or(0)
        ),
        Outcome::Exists => format!("{what} {a} exists: the server confirmed it"),
        Outcome::CannotVerify if c.discriminates == Some(false) => format!(
            "the server will not tell whether {a} exists: it gave the same answer for a random name; it will still accept mail — use --rcpt for a reliable check"
        ),
        Outcome::CannotVerify => format!(
            "the server will neither confirm nor deny {a} (252), yet accepts mail for delivery; use --rcpt for a reliable check"
        ),
        Outcome::UnknownUser => format!("the server says {what} {a} does not exist here"),
        Outcome::Ambiguous => {
            format!("{a} matches several {what}s on this server; be more specific")
        }
        Outcome::Disabled => format!(
            "the server refuses this check ({}); it says nothing about {a}",
            if c.kind == CheckKind::Rcpt {
                "policy refusal"
            } else {
                "command disabled or refused by policy"
            }
        ),
        Outcome::TemporaryFailure => {
            format!("temporary failure for {a}: nothing is known yet; try again later")
        }
        Outcome::CatchAll => format!(
            "the server accepts {a}, but also a random name: it accepts any local part (catch-all), so acceptance proves nothing"
        ),
        Outcome::NotChecked => format!(
            "{a} was not checked: no answer for it (the conversation ended first, or MAIL FROM was refused)"
        ),
        Outcome::BadArgument => format!(
            "the server did not accept {a:?} in this form (501); it said nothing about the name: {}",
            if a.contains('@') {
                "check the address syntax".to_owned()
            } else {
                format!("try a full address, e.g. {a}@domain")
            }
        ),
    }
}

/// Computes the overall verdict and summary, and assembles the report.
fn finish_report(
    cfg: &Config,
    dns: DnsReport,
    servers: Vec<ServerReport>,
    started: Instant,
) -> Report {
    let (status, summary) = verdict(&dns, &servers, cfg.all);
    Report {
        schema: SCHEMA,
        tool: format!("smtpprobe {}", env!("CARGO_PKG_VERSION")),
        target: cfg.target_text.clone(),
        status,
        exit_code: status.exit_code(),
        summary,
        dns,
        servers,
        elapsed_ms: ms(started.elapsed()),
        thresholds: vec![],
    }
}

/// The worst reply of a server that was not OK (the first of equals), as "MAIL answered
/// "530 5.7.57 …": <meaning>": every reply is judged, not only the greeting.
fn worst_reply(s: &ServerReport) -> Option<(Status, String)> {
    let st = s
        .steps
        .iter()
        .filter(|st| st.status != Status::Ok)
        .reduce(|a, b| {
            if b.status.merge(a.status) == a.status {
                a
            } else {
                b
            }
        })?;
    let what = st.command.as_deref().unwrap_or(&st.context);
    let line = st.lines.first().map_or("", String::as_str);
    // The first sentence is enough for a one-line summary; the reports carry the rest.
    let meaning = st
        .meaning
        .split_once(". ")
        .map_or(st.meaning.as_str(), |(first, _)| first);
    let meaning = meaning.trim_end_matches('.');
    Some((st.status, format!("{what} answered {line:?}: {meaning}")))
}

/// The domain's verdict over its servers.
/// - DNS gave no server: the DNS problem's status.
/// - Default mode: the first server that completed decides; failures before it make the
///   domain degraded (WARNING); no server completing is CRITICAL.
/// - `--all`: every server counts; some failing while others work is WARNING.
pub fn verdict(dns: &DnsReport, servers: &[ServerReport], all: bool) -> (Status, String) {
    if let Some(e) = &dns.error
        && servers.is_empty()
    {
        return (e.status, e.message.clone());
    }
    let probed: Vec<&ServerReport> = servers.iter().filter(|s| s.probed).collect();
    if probed.is_empty() {
        return (Status::Critical, "no mail server to contact".into());
    }
    let failed = |s: &&ServerReport| s.status == Status::Critical;
    let working: Vec<&&ServerReport> = probed.iter().filter(|s| !failed(s)).collect();
    let broken: Vec<&&ServerReport> = probed.iter().filter(|s| failed(s)).collect();
    // A broken MX entry while another server works makes the domain degraded, not down.
    let mx_warn = merge_all(dns.mx.iter().filter_map(|m| m.error.as_ref()).map(
        |e| match e.status {
            Status::Critical => Status::Warning,
            s => s,
        },
    ));
    let name = |s: &ServerReport| {
        format!(
            "{} [{}]:{}",
            s.host,
            s.address.as_deref().unwrap_or("-"),
            s.port
        )
    };
    if working.is_empty() {
        let first = broken[0];
        let why = first
            .error
            .as_ref()
            .map(|e| e.message.clone())
            .or_else(|| {
                first
                    .findings
                    .iter()
                    .find(|f| f.status == Status::Critical)
                    .map(|f| f.message.clone())
            })
            .or_else(|| worst_reply(first).map(|(_, m)| m))
            .unwrap_or_else(|| "critical reply".into());
        let n = probed.len();
        return (
            Status::Critical,
            if n == 1 {
                format!("{}: {why}", name(first))
            } else {
                format!("all {n} servers failed; {}: {why}", name(first))
            },
        );
    }
    let best = merge_all(working.iter().map(|s| s.status));
    let mut status = best.merge(mx_warn);
    let mut summary = if all {
        format!(
            "{} of {} servers OK",
            working.iter().filter(|s| s.status == Status::Ok).count(),
            probed.len()
        )
    } else {
        let s = working[0];
        let quit = if s
            .steps
            .iter()
            .any(|st| st.context == "quit" && st.code == 221)
        {
            ", 221 after QUIT"
        } else {
            ""
        };
        format!(
            "{} answered {}{quit}",
            name(s),
            s.steps.first().map_or(0, |st| st.code)
        )
    };
    if !broken.is_empty() {
        status = status.merge(Status::Warning);
        summary = format!(
            "degraded: {} of {} servers failed ({}); {summary}",
            broken.len(),
            probed.len(),
            name(broken[0])
        );
    }
    // Name the worst thing seen on a working server.
    if status != Status::Ok
        && let Some(msg) = working
            .iter()
            .flat_map(|s| {
                s.findings
                    .iter()
                    .map(|f| (f.status, f.message.clone()))
                    .chain(s.checks.iter().map(|c| (c.status, c.meaning.clone())))
                    .chain(worst_reply(s))
            })
            .filter(|(st, _)| *st != Status::Ok)
            .reduce(|a, b| {
                if b.0.exit_code() > a.0.exit_code() {
                    b
                } else {
                    a
                }
            })
            .map(|(_, m)| m)
    {
        summary = format!("{summary}; {msg}");
    }
    (status, summary)
}
