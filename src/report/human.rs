//! The human report: resolved MX set, then per server a transcript (C:/S: lines with the
//! time each step took) with the meaning under each reply, and a verdict.
//!
//! Every byte a server sent passes through [`escape`] before it reaches the terminal: control
//! characters (C0 and C1) and terminal escapes are shown as `\x1b`-style text, bidi
//! formatting characters as `\u{202e}`, never emitted raw. [`is_unsafe`] is the one list of
//! such characters; the other renderers use it too.

use super::tls::TlsMode;
use super::{AttemptReport, CheckReport, Report, ServerReport, StepReport};
use crate::exit::Status;
use crate::vocab::Phase;
use anstyle::{AnsiColor, Style};
use std::fmt::Write as _;
use std::io::Write;

/// The bidirectional formatting characters that can make text display in another order
/// than it is stored ("Trojan Source", CVE-2021-42574): the embeddings and overrides
/// U+202A–U+202E, the isolates U+2066–U+2069, and the marks U+200E, U+200F and U+061C.
pub fn is_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// The characters no renderer writes raw: C0 and C1 controls (U+0000–U+001F,
/// U+007F–U+009F, which includes the 8-bit CSI U+009B) and the bidi characters of
/// [`is_bidi`]. Each renderer shows them in its own way (escaped here and in JSON, as a
/// space or dropped in nagios, escaped text in Prometheus labels), never as they came.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi(c)
}

/// Makes untrusted text safe for a terminal: C0/C1 controls, DEL, and bidirectional
/// formatting characters ([`is_unsafe`]) are shown escaped (`\x1b`, `\x9b`, `\u{202e}`).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_unsafe(c) {
            let n = u32::from(c);
            if n < 0x100 {
                let _ = write!(out, "\\x{n:02x}");
            } else {
                let _ = write!(out, "\\u{{{n:x}}}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Certificate names shown at most; a certificate can carry a thousand.
const MAX_NAMES_SHOWN: usize = 20;

/// A certificate's names, the first [`MAX_NAMES_SHOWN`] of them and a count of the rest.
fn names(sans: &[String]) -> String {
    let shown = sans
        .iter()
        .take(MAX_NAMES_SHOWN)
        .cloned()
        .collect::<Vec<_>>();
    match sans.len().saturating_sub(shown.len()) {
        0 => shown.join(", "),
        more => format!("{} … and {more} more", shown.join(", ")),
    }
}

/// The longest part of a server's reply line shown, in bytes (RFC 5321 §4.5.3.1.5 allows
/// 512 octets per reply line; longer ones are cut with a count of what was left out).
pub const MAX_LINE_SHOWN: usize = 512;

/// Reply line `i` of a step as text to show: bytes that are not UTF-8 as `\xNN` (from the
/// raw bytes, when the report carries them; the JSON keeps U+FFFD), cut at
/// [`MAX_LINE_SHOWN`] bytes with "… (N more bytes)" counting what arrived beyond. Not yet
/// escaped for a terminal.
pub fn reply_line(st: &StepReport, i: usize) -> String {
    let text = match st.raw.get(i) {
        Some(raw) if std::str::from_utf8(raw).is_err() => {
            let mut t = String::with_capacity(raw.len());
            for chunk in raw.utf8_chunks() {
                t.push_str(chunk.valid());
                for b in chunk.invalid() {
                    let _ = write!(t, "\\x{b:02x}");
                }
            }
            t
        }
        _ => st.lines.get(i).cloned().unwrap_or_default(),
    };
    let received = st.lengths.get(i).copied().unwrap_or(text.len());
    if text.len() <= MAX_LINE_SHOWN && received <= text.len() {
        return text;
    }
    let mut cut = MAX_LINE_SHOWN.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let shown = &text[..cut];
    // Bytes received beyond what is shown (an escaped byte counts as one).
    let shown_bytes = st
        .raw
        .get(i)
        .map_or(shown.len(), |raw| shown_raw_bytes(shown, raw.len()));
    let more = received.saturating_sub(shown_bytes);
    if more == 0 {
        return shown.to_owned();
    }
    format!("{shown}… ({more} more bytes)")
}

/// How many received bytes `shown` stands for: each `\xNN` escape is one byte.
fn shown_raw_bytes(shown: &str, raw_len: usize) -> usize {
    let escapes = shown.matches("\\x").count();
    (shown.len() - escapes * 3).min(raw_len)
}

struct Palette {
    on: bool,
}

impl Palette {
    fn paint(&self, style: Style, text: &str) -> String {
        if self.on {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_owned()
        }
    }
    fn status(&self, s: Status) -> String {
        let color = match s {
            Status::Ok => AnsiColor::Green,
            Status::Warning => AnsiColor::Yellow,
            Status::Critical => AnsiColor::Red,
            Status::Unknown => AnsiColor::Magenta,
        };
        self.paint(Style::new().fg_color(Some(color.into())).bold(), s.label())
    }
    fn dim(&self, t: &str) -> String {
        self.paint(Style::new().dimmed(), t)
    }
    fn bold(&self, t: &str) -> String {
        self.paint(Style::new().bold(), t)
    }
    fn client(&self, t: &str) -> String {
        self.paint(Style::new().fg_color(Some(AnsiColor::Cyan.into())), t)
    }
}

pub fn render(report: &Report, color: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let p = Palette { on: color };
    header(&p, report, out)?;
    writeln!(out)?;
    dns_section(&p, report, out)?;
    if let Some(policy) = &report.policy {
        writeln!(out)?;
        policy_section(&p, policy, out)?;
    }
    for s in report.servers.iter().filter(|s| s.probed) {
        writeln!(out)?;
        server(&p, s, out)?;
    }
    Ok(())
}

/// The verdict: the target, its status and exit code, and the summary saying why. Said
/// once, here at the top; each server's section below says what it found.
fn header(p: &Palette, report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{} {} — {} (exit {})",
        p.bold("smtpprobe"),
        escape(&report.target),
        p.status(report.status),
        report.exit_code
    )?;
    writeln!(out, "  {}", escape(&report.summary))
}

/// How the target resolved: the kind of answer, then each MX with its addresses.
fn dns_section(p: &Palette, report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let d = &report.dns;
    let kind = match d.kind {
        crate::vocab::DnsKind::Mx => "MX records",
        crate::vocab::DnsKind::ImplicitMx => {
            "implicit MX (no MX records: the name itself, RFC 5321 §5.1)"
        }
        crate::vocab::DnsKind::NullMx => "null MX (RFC 7505)",
        crate::vocab::DnsKind::Direct => "direct (no MX lookup)",
    };
    writeln!(
        out,
        "{} {kind}  {}",
        p.bold("DNS"),
        p.dim(&format!(
            "resolver {}, {:.1} ms",
            escape(&d.resolver),
            d.elapsed_ms
        ))
    )?;
    for m in &d.mx {
        let probed: Vec<&ServerReport> = report
            .servers
            .iter()
            .filter(|s| s.host == m.exchange)
            .collect();
        let note = if !probed.is_empty() && probed.iter().all(|s| !s.probed) {
            // Not tried for a reason of the run's (--max-time), or because one answered.
            match probed.iter().find_map(|s| s.error.as_ref()) {
                Some(e) => p.dim(&format!("  ({})", escape(&e.message))),
                None => p.dim("  (not probed: a better server answered)"),
            }
        } else {
            String::new()
        };
        let addrs = if m.addresses.is_empty() {
            "-".to_owned()
        } else {
            escape(&m.addresses.join(", "))
        };
        writeln!(
            out,
            "  {:>5} {}  {}{note}",
            m.preference,
            escape(&m.exchange),
            addrs
        )?;
        if let Some(e) = &m.error {
            writeln!(out, "        {} {}", p.status(e.status), escape(&e.message))?;
        }
    }
    if let Some(e) = &d.error {
        writeln!(out, "  {} {}", p.status(e.status), escape(&e.message))?;
    }
    Ok(())
}

/// The domain's transport-security policies: MTA-STS (record, policy, fetch, each MX against
/// it), TLS-RPT, the policy findings, and one line per kind of sender.
fn policy_section(
    p: &Palette,
    policy: &crate::report::policy::PolicyReport,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let sts = &policy.mta_sts;
    writeln!(
        out,
        "{} {}",
        p.bold("Transport policies"),
        p.status(policy.status)
    )?;
    match (&sts.id, &sts.policy) {
        (_, Some(pol)) => writeln!(
            out,
            "  MTA-STS  mode {}, max_age {} s, mx {}{}",
            pol.mode.label(),
            pol.max_age,
            escape(&pol.mx.join(", ")),
            sts.id
                .as_ref()
                .map_or_else(String::new, |id| format!("  (id {})", escape(id)))
        )?,
        (Some(id), None) => writeln!(out, "  MTA-STS  record id {}, no usable policy", escape(id))?,
        (None, None) if sts.lookup_error.is_some() => writeln!(
            out,
            "  MTA-STS  {}",
            escape(sts.lookup_error.as_deref().unwrap_or_default())
        )?,
        (None, None) if sts.txt.is_empty() => writeln!(out, "  MTA-STS  none published")?,
        (None, None) => writeln!(out, "  MTA-STS  no valid record")?,
    }
    if let Some(f) = &sts.fetch {
        let how = match (&f.error, f.status) {
            (Some(e), _) => escape(e),
            (None, Some(s)) => format!("HTTP {s}"),
            (None, None) => String::new(),
        };
        let cert = f
            .certificate_days_left
            .map_or_else(String::new, |d| format!(", certificate {d} days left"));
        writeln!(
            out,
            "           {} {how}  {}",
            escape(&f.url),
            p.dim(&format!("{:.1} ms{cert}", f.elapsed_ms))
        )?;
    }
    for m in &sts.mx {
        let verdict = match m.passes {
            Some(true) => "passes",
            Some(false) => "fails ",
            None => "?     ",
        };
        let detail = match (&m.pattern, &m.reason) {
            (_, Some(r)) => escape(r),
            (Some(pat), None) => format!("covered by {}, certificate verified", escape(pat)),
            (None, None) => String::new(),
        };
        writeln!(out, "           {} {}: {detail}", verdict, escape(&m.host))?;
    }
    let rpt = &policy.tls_rpt;
    match (&rpt.error, rpt.rua.is_empty()) {
        (Some(e), _) => writeln!(out, "  TLS-RPT  {}", escape(e))?,
        (None, false) => writeln!(out, "  TLS-RPT  reports to {}", escape(&rpt.rua.join(", ")))?,
        (None, true) => writeln!(out, "  TLS-RPT  none published")?,
    }
    writeln!(
        out,
        "  MX       DNSSEC {}  {}",
        policy.mx_dnssec.word(),
        p.dim(&escape(&policy.mx_dnssec_basis))
    )?;
    for f in &sts.findings {
        writeln!(out, "  {} {}", p.status(f.status), escape(&f.message))?;
    }
    for s in &policy.senders {
        writeln!(
            out,
            "  {:<26} {:<11} {}",
            s.sender.label(),
            p.bold(s.outcome.label()),
            escape(&s.reason)
        )?;
    }
    Ok(())
}

/// DANE for one server: the outcome, the TLSA records with the DNSSEC status, the match.
fn dane_section(
    p: &Palette,
    d: &crate::report::policy::DaneReport,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let dnssec = d.dnssec.word();
    let outcome = serde_json::to_value(d.outcome)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    writeln!(
        out,
        "  {} {}  {}",
        p.bold("DANE"),
        outcome,
        p.dim(&format!("DNSSEC {dnssec}: {}", escape(&d.basis)))
    )?;
    for t in &d.tlsa {
        writeln!(
            out,
            "    TLSA {} {} {} {}",
            t.usage,
            t.selector,
            t.matching,
            escape(&t.data)
        )?;
    }
    writeln!(out, "    {}", escape(&d.reason))
}

/// One probed server: the transcript step by step, TLS, checks, findings and the error.
/// A server probed over more than one connection (a plain-text retry after a failed
/// STARTTLS handshake) shows each connection's transcript in turn, then the checks and
/// findings, which belong to the server.
fn server(p: &Palette, s: &ServerReport, out: &mut dyn Write) -> std::io::Result<()> {
    server_header(p, s, out)?;
    let retried = !s.attempts.is_empty();
    for (i, a) in s.attempts.iter().enumerate() {
        attempt(p, i + 1, a, s.tls.as_ref(), out)?;
    }
    if retried {
        connection_line(
            p,
            s.attempts.len() + 1,
            "plain text, the retry opportunistic senders make (no STARTTLS)",
            s.connect_ms,
            s.elapsed_ms,
            out,
        )?;
    }
    for st in &s.steps {
        step(p, st, out)?;
    }
    // The command that never got its reply ends the transcript, before the TLS summary.
    unanswered(p, s.unanswered.as_deref(), out)?;
    match &s.tls {
        Some(_) if retried && !s.steps.is_empty() => writeln!(
            out,
            "  {} none (the retry stayed in plain text)",
            p.bold("TLS")
        )?,
        Some(t) if !retried => tls_section(p, t, false, out)?,
        _ => {}
    }
    if let Some(d) = &s.dane {
        dane_section(p, d, out)?;
    }
    checks(p, &s.checks, out)?;
    findings(p, s, out)
}

/// A command sent that never got a reply.
fn unanswered(p: &Palette, req: Option<&str>, out: &mut dyn Write) -> std::io::Result<()> {
    if let Some(req) = req {
        writeln!(
            out,
            "  {} {}  {}",
            p.client("C:"),
            escape(req),
            p.dim("(no reply)")
        )?;
    }
    Ok(())
}

/// A connection given up before the one the server is judged by: its transcript, and the
/// TLS handshake that failed on it (the reason; the message is in the findings).
fn attempt(
    p: &Palette,
    n: usize,
    a: &AttemptReport,
    tls: Option<&super::tls::TlsReport>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let handshake = a.error.as_ref().is_some_and(|e| e.phase == Phase::Tls);
    let why = match &a.error {
        Some(_) if handshake => "STARTTLS; given up: the TLS handshake failed".to_owned(),
        Some(e) => format!("given up: {} ({})", escape(&e.message), e.kind),
        None => "given up".to_owned(),
    };
    connection_line(p, n, &why, a.connect_ms, a.elapsed_ms, out)?;
    for st in &a.steps {
        step(p, st, out)?;
    }
    if let Some(t) = tls.filter(|_| handshake) {
        tls_section(p, t, true, out)?;
    }
    unanswered(p, a.unanswered.as_deref(), out)
}

/// The line that opens one of a server's connections.
fn connection_line(
    p: &Palette,
    n: usize,
    what: &str,
    connect_ms: Option<f64>,
    elapsed_ms: f64,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let timing = match connect_ms {
        Some(c) => format!("connect {c:.1} ms, {elapsed_ms:.1} ms"),
        None => format!("{elapsed_ms:.1} ms"),
    };
    writeln!(
        out,
        "  {} {what}  {}",
        p.bold(&format!("Connection {n}:")),
        p.dim(&timing)
    )
}

fn server_header(p: &Palette, s: &ServerReport, out: &mut dyn Write) -> std::io::Result<()> {
    let addr = escape(s.address.as_deref().unwrap_or("no address"));
    let timing = match s.connect_ms {
        _ if !s.attempts.is_empty() => format!(
            "{} connections, total {:.1} ms",
            s.attempts.len() + 1,
            s.elapsed_ms + s.attempts.iter().map(|a| a.elapsed_ms).sum::<f64>()
        ),
        Some(c) => format!("connect {c:.1} ms, total {:.1} ms", s.elapsed_ms),
        None => format!("total {:.1} ms", s.elapsed_ms),
    };
    writeln!(
        out,
        "{} {} [{}]:{} — {}  {}",
        p.bold("Server"),
        escape(&s.host),
        addr,
        s.port,
        p.status(s.status),
        p.dim(&timing)
    )?;
    if let Some(h) = &s.helo {
        writeln!(
            out,
            "  {}",
            p.dim(&format!("(we call ourselves {})", escape(h)))
        )?;
    }
    Ok(())
}

/// One step of the transcript: what we sent, what the server answered, what it means.
fn step(p: &Palette, st: &StepReport, out: &mut dyn Write) -> std::io::Result<()> {
    if let Some(req) = &st.request {
        let note = if st.canary {
            p.dim("  (canary: a made-up name, to see whether the server tells users apart)")
        } else {
            String::new()
        };
        writeln!(out, "  {} {}{note}", p.client("C:"), escape(req))?;
    }
    let n = st.lines.len();
    for i in 0..n {
        let t = if i + 1 == n {
            format!("  {}", p.dim(&format!("{:.1} ms", st.elapsed_ms)))
        } else {
            String::new()
        };
        writeln!(out, "  S: {}{t}", escape(&reply_line(st, i)))?;
    }
    let mark = if st.status == Status::Ok {
        "→".to_owned()
    } else {
        p.status(st.status)
    };
    writeln!(out, "     {mark} {}", escape(&st.meaning))?;
    if !st.advice.is_empty() && st.status != Status::Ok {
        writeln!(
            out,
            "       {}",
            p.dim(&format!("what to do: {}", escape(&st.advice)))
        )?;
    }
    for a in &st.anomalies {
        writeln!(
            out,
            "       {} {}",
            p.status(Status::Warning),
            escape(&format!("anomaly: {a}"))
        )?;
    }
    Ok(())
}

/// The VRFY/RCPT checks, with their canary when one was asked.
fn checks(p: &Palette, checks: &[CheckReport], out: &mut dyn Write) -> std::io::Result<()> {
    if checks.is_empty() {
        return Ok(());
    }
    writeln!(out, "  {}", p.bold("Checks"))?;
    for c in checks {
        let kind = format!("{:?}", c.kind).to_uppercase();
        let code = c.code.map_or("-".to_owned(), |c| c.to_string());
        let outcome = serde_json::to_value(c.outcome)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        writeln!(
            out,
            "    {kind} {} → {code} {} ({outcome})",
            escape(&c.argument),
            p.status(c.status)
        )?;
        writeln!(out, "      {}", escape(&c.meaning))?;
        if let Some(r) = &c.requested {
            writeln!(
                out,
                "      {}",
                p.dim(&format!(
                    "asked as {} (given: {})",
                    escape(&c.argument),
                    escape(r)
                ))
            )?;
        }
        if let Some(can) = &c.canary {
            writeln!(
                out,
                "      {}",
                p.dim(&format!(
                    "canary {} → {}",
                    escape(&can.argument),
                    can.code.map_or("-".into(), |c| c.to_string())
                ))
            )?;
        }
    }
    Ok(())
}

/// The findings, then the error that stopped the conversation, if any.
fn findings(p: &Palette, s: &ServerReport, out: &mut dyn Write) -> std::io::Result<()> {
    if !s.findings.is_empty() {
        writeln!(out, "  {}", p.bold("Findings"))?;
        for f in &s.findings {
            writeln!(out, "    {} {}", p.status(f.status), escape(&f.message))?;
        }
    }
    if let Some(e) = &s.error {
        // A server left unjudged (our side failed) is UNKNOWN; any other error is critical.
        let weight = if s.status == Status::Unknown {
            Status::Unknown
        } else {
            Status::Critical
        };
        writeln!(
            out,
            "  {} {} ({}): {}",
            p.status(weight),
            escape(e.phase.error_name()),
            e.kind,
            escape(&e.message)
        )?;
    }
    Ok(())
}

/// Per server: how TLS went, what the server presented, and the verification verdict with
/// its reason and advice. Certificate text comes from the server: escaped like the rest.
/// `in_findings`: a handshake that failed is told in a finding (the plain-text retry's
/// `starttls_handshake_failed`), so only its reason and advice are shown here.
fn tls_section(
    p: &Palette,
    t: &super::tls::TlsReport,
    in_findings: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if t.mode == TlsMode::None {
        writeln!(
            out,
            "  {} none (the session stayed in plain text)",
            p.bold("TLS")
        )?;
        return Ok(());
    }
    let how = if t.mode == TlsMode::Implicit {
        "implicit TLS (RFC 8314)"
    } else {
        "STARTTLS (RFC 3207)"
    };
    let mut line = format!("  {} {how}", p.bold("TLS"));
    if let Some(v) = &t.version {
        let cipher = t.cipher.as_deref().unwrap_or("?");
        let _ = write!(line, ": {} {}", escape(v), escape(cipher));
        if let Some(k) = &t.key_exchange {
            let _ = write!(line, ", {}", escape(k));
        }
    }
    if let Some(ms) = t.handshake_ms {
        line.push_str(&format!("  {}", p.dim(&format!("handshake {ms:.1} ms"))));
    }
    writeln!(out, "{line}")?;
    for (i, c) in t.certificates.iter().enumerate() {
        let role = if i == 0 { "leaf" } else { "chain" };
        writeln!(
            out,
            "    {role} {}  {}",
            escape(&c.subject),
            p.dim(&format!("issued by {}", escape(&c.issuer)))
        )?;
        if i == 0 && !c.sans.is_empty() {
            writeln!(out, "         names: {}", escape(&names(&c.sans)))?;
        }
        let left = match (c.expired || c.days_left < 0, c.days_left) {
            (true, 0) => "expired less than a day ago".to_owned(),
            (true, d) => format!("expired {} day(s) ago", d.abs()),
            (false, 0) => "less than a day left".to_owned(),
            (false, d) => format!("{d} day(s) left"),
        };
        let key = match &c.key.curve {
            Some(curve) => format!("{} {}", escape(&c.key.kind), escape(curve)),
            None => format!("{} {}", escape(&c.key.kind), c.key.bits),
        };
        writeln!(
            out,
            "         {}",
            p.dim(&format!(
                "valid {} → {} ({left}); {key}; {}; serial {}",
                escape(&c.not_before),
                escape(&c.not_after),
                escape(&c.signature_algorithm),
                escape(&c.serial)
            ))
        )?;
    }
    tls_verdict(p, t, in_findings, out)?;
    if !t.extensions_after_tls.is_empty() {
        writeln!(
            out,
            "    {}",
            p.dim(&format!(
                "after TLS: {}",
                escape(&t.extensions_after_tls.join(", "))
            ))
        )?;
    }
    Ok(())
}

/// The verification verdict of a TLS section: verified, the handshake failed (reason and
/// advice only when `in_findings`), or not verified with the reason, message and advice.
fn tls_verdict(
    p: &Palette,
    t: &super::tls::TlsReport,
    in_findings: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let name = t.checked_name.as_deref().unwrap_or("-");
    let trust = escape(t.trust.as_deref().unwrap_or("-"));
    if t.verified {
        writeln!(
            out,
            "    {} certificate verified for {} {}",
            p.status(Status::Ok),
            escape(name),
            p.dim(&format!("(trust: {trust})"))
        )?;
    } else if let Some(e) = t
        .verify_error
        .as_ref()
        .filter(|_| in_findings && t.version.is_none())
    {
        let bad = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
        writeln!(
            out,
            "    {} ({}): see Findings",
            p.paint(bad, "HANDSHAKE FAILED"),
            e.reason
        )?;
        if !e.advice.is_empty() {
            writeln!(
                out,
                "       {}",
                p.dim(&format!("what to do: {}", escape(&e.advice)))
            )?;
        }
    } else if let Some(e) = t.verify_error.as_ref().filter(|_| t.version.is_none()) {
        // No handshake completed, so no certificate was seen: nothing was verified or not.
        let bad = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
        writeln!(
            out,
            "    {} ({}): {}",
            p.paint(bad, "HANDSHAKE FAILED"),
            e.reason,
            escape(&e.message)
        )?;
    } else if let Some(e) = &t.verify_error {
        // The finding carries the verdict (WARNING in auto mode, CRITICAL when required).
        let bad = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
        writeln!(
            out,
            "    {} for {} ({}): {} {}",
            p.paint(bad, "NOT VERIFIED"),
            escape(name),
            e.reason,
            escape(&e.message),
            p.dim(&format!("(trust: {trust})"))
        )?;
        if !e.advice.is_empty() {
            writeln!(
                out,
                "       {}",
                p.dim(&format!("what to do: {}", escape(&e.advice)))
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_certificate_with_many_names_is_cut_with_a_count() {
        use super::names;
        let sans: Vec<String> = (0..1000).map(|i| format!("n{i}.example.test")).collect();
        let shown = names(&sans);
        assert!(
            shown.starts_with("n0.example.test, n1.example.test"),
            "{shown}"
        );
        assert!(
            shown.ends_with("n19.example.test … and 980 more"),
            "{shown}"
        );
        assert_eq!(names(&sans[..2]), "n0.example.test, n1.example.test");
    }

    use super::escape;

    #[test]
    fn terminal_escapes_never_pass_raw() {
        let evil = "220 hi\x1b[2J\x1b]0;pwned\x07 \u{202e}txt\u{9b}31m";
        let e = escape(evil);
        assert!(!e.chars().any(|c| c.is_control()));
        assert!(e.contains("\\x1b[2J"));
        assert!(e.contains("\\u{202e}"));
        assert!(e.contains("\\x9b"));
    }

    #[test]
    fn every_c1_and_bidi_character_is_escaped() {
        let mut all: String = ('\u{80}'..='\u{9f}').collect();
        all.extend(('\u{202a}'..='\u{202e}').chain('\u{2066}'..='\u{2069}'));
        all.extend(['\u{200e}', '\u{200f}', '\u{61c}', '\u{7f}']);
        let e = escape(&all);
        assert!(e.is_ascii(), "{e}");
        assert!(e.starts_with("\\x80\\x81"));
        assert!(e.ends_with("\\u{200e}\\u{200f}\\u{61c}\\x7f"));
        // Other format characters and ordinary text stay as they are.
        assert_eq!(
            escape("mx.example.com é ✓ \u{200b}"),
            "mx.example.com é ✓ \u{200b}"
        );
    }
}
