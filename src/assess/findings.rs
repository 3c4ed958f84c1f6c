//! Conversation events, judged: what each fact the session recorded means for the health of
//! the server, in the server's TLS policy, and the words for it.

use super::finding;
use crate::exit::Status;
use crate::knowledge::sequences;
use crate::report::{CheckReport, FindingReport, StepReport};
use crate::smtp::CheckKind;
use crate::smtp::Context;
use crate::smtp::reply::Anomaly;
use crate::smtp::session::{Event, Step, TlsPolicy, Transcript};
use crate::vocab::Outcome;
use crate::vocab::{FindingId, Phase};

/// The finding an event is, for a server held to `policy`; `greeting` is the first line of
/// the server's greeting, quoted when the greeting refused the session (the text says why:
/// a blocklist, a maintenance window).
pub fn of_event(event: Event, policy: TlsPolicy, greeting: &str) -> FindingReport {
    use Status::{Critical, Ok, Warning};
    let (id, status, message) = match event {
        Event::Unsolicited { code, after } => unsolicited(code, after),
        Event::UnsolicitedBytes { bytes, after } => (
            FindingId::UnsolicitedReply,
            Warning,
            format!(
                "the server sent {bytes} byte(s) nobody asked for {}, not a complete reply; they were discarded, never read as the answer to our next command",
                when(after)
            ),
        ),
        Event::UnsolicitedFlood { more } => (
            FindingId::UnsolicitedReply,
            Warning,
            format!(
                "the server kept sending replies nobody asked for: {more} more than shown; a client that matched them to its commands would misread every answer"
            ),
        ),
        Event::ServiceNotAvailable { code } | Event::NoSmtpService { code } => {
            greeting_refused(code, greeting)
        }
        Event::ServerClosing => (
            FindingId::ServerClosing,
            Critical,
            "the server sent 421 and is closing the connection mid-conversation".into(),
        ),
        Event::UnsolicitedClose { context } => (
            FindingId::UnsolicitedClose,
            Critical,
            format!(
                "the server answered {} with 221 and closed: it is shutting down or ending the session on its own",
                match context {
                    Context::Greeting => "the connection".to_owned(),
                    c => c.name().to_uppercase(),
                }
            ),
        ),
        Event::BadGreeting { code } => (
            FindingId::BadGreeting,
            Critical,
            format!("the greeting was {code}, not 220"),
        ),
        Event::EhloRefused { code } => (
            FindingId::EhloRefused,
            Critical,
            format!("the server refused EHLO with {code}"),
        ),
        Event::HeloFallback { code } => (
            FindingId::HeloFallback,
            Ok,
            format!("EHLO was answered with {code}; fell back to HELO (no ESMTP extensions)"),
        ),
        Event::HeloRefused { code } => (
            FindingId::HeloRefused,
            Critical,
            format!("the server refused HELO with {code}"),
        ),
        Event::StartTlsMissing { .. } | Event::StartTlsRefused { .. } => starttls(event, policy),
        Event::StartTlsAfterTls => (
            FindingId::StartTlsAfterTls,
            Warning,
            "STARTTLS is still advertised after TLS was established (RFC 3207 §4.2 says it must not be)".into(),
        ),
        Event::MailRefused { code } => (
            FindingId::MailRefused,
            Warning,
            format!("the server refused MAIL FROM with {code}, so RCPT checks could not run"),
        ),
        Event::QuitUnexpected { code } => (
            FindingId::QuitUnexpected,
            Warning,
            format!("QUIT was answered with {code}, not 221"),
        ),
        Event::QuitNoReply => (
            FindingId::QuitNoReply,
            Ok,
            "the server closed the connection after QUIT without sending 221".into(),
        ),
        Event::ConnectionClosed { stage } => (
            FindingId::ConnectionClosed,
            Critical,
            format!(
                "the server closed the connection while we waited for the {} reply",
                Phase::from(stage).error_name()
            ),
        ),
    };
    finding(id, status, message)
}

/// The server closed the connection right after a reply that announced a limit on the
/// session (Exim's "554 Too many nonmail commands" drops the connection): our QUIT found
/// it closed. Said with the reply that caused it, as a WARNING: the checks after the limit
/// were not answered, though the server did nothing wrong.
pub fn closed_at_limit(t: &Transcript) -> Option<FindingReport> {
    let last = t.steps.iter().rev().find(|s| s.context != Context::Quit)?;
    let limit = crate::knowledge::limits::session_limit(&last.reply.text())?;
    let after = quoted_step(last);
    Some(finding(
        FindingId::ConnectionClosed,
        Status::Warning,
        format!(
            "the server closed the connection after its {after}: {}'s limit on one session, \
             so the commands after it were not answered; ask fewer names per run",
            limit.server
        ),
    ))
}

/// A success code the command cannot get (RFC 5321 §4.3.2): a client reading it by its
/// first digit takes it for success. After EHLO/HELO the session is not usable.
pub fn invalid_reply_code(step: &StepReport) -> Option<FindingReport> {
    let seq = sequences::sequence(step.context)?;
    if !sequences::is_invalid_positive(step.context, step.code)
        // A 221 to anything but QUIT is already reported as the server closing.
        || (step.code == 221 && step.context != Context::Quit)
    {
        return None;
    }
    let what = step.command.as_deref().unwrap_or("the connection");
    let allowed: Vec<String> = seq.positive.iter().map(ToString::to_string).collect();
    let critical = matches!(step.context, Context::Ehlo | Context::Helo);
    Some(finding(
        FindingId::InvalidReplyCode,
        if critical {
            Status::Critical
        } else {
            Status::Warning
        },
        format!(
            "{what} was answered with {}, a success code it cannot get (only {}: {}){}",
            step.code,
            allowed.join(", "),
            seq.source,
            if critical {
                "; the session is not usable, so the probe stopped"
            } else {
                "; a client reading the first digit would take it for success"
            }
        ),
    ))
}

/// Replies that break RFC 5321's reply syntax, in one finding per server: which anomalies,
/// on which commands. Non-UTF-8 text and cut-off replies are reported elsewhere.
pub fn protocol_violation(
    steps: &[StepReport],
    anomalies: &[Vec<Anomaly>],
) -> Option<FindingReport> {
    let mut seen: Vec<(&'static str, Vec<String>)> = Vec::new();
    for (st, list) in steps.iter().zip(anomalies) {
        // Named only when the step has an anomaly to report (most have none).
        let where_ = || {
            st.command
                .clone()
                .unwrap_or_else(|| st.context.name().to_owned())
        };
        for a in list {
            let what = match a {
                Anomaly::BareLf => "bare LF line ends (RFC 5321 §2.3.8 requires CRLF)",
                Anomaly::MixedCodes { .. } => "lines with another code inside one reply (§4.2.1)",
                Anomaly::Garbage => "lines without a reply code inside a multi-line reply (§4.2.1)",
                Anomaly::LongLine { .. } => "lines over the length limit (§4.5.3.1.5: 512 octets)",
                Anomaly::BadSeparator => "a code followed by neither space nor hyphen (§4.2.1)",
                Anomaly::OddCode { .. } => "codes outside RFC 5321's range (§4.2)",
                Anomaly::NonUtf8 | Anomaly::Truncated { .. } => continue,
            };
            let place = where_();
            match seen.iter_mut().find(|(w, _)| *w == what) {
                Some((_, places)) if !places.contains(&place) => places.push(place),
                Some(_) => {}
                None => seen.push((what, vec![place])),
            }
        }
    }
    if seen.is_empty() {
        return None;
    }
    let list: Vec<String> = seen
        .iter()
        .map(|(what, places)| format!("{what} in the {} reply", places.join(", ")))
        .collect();
    Some(finding(
        FindingId::ProtocolViolation,
        Status::Warning,
        format!(
            "the server breaks SMTP's reply syntax: {}; this probe reads through it, but strict clients (and some MTAs) may fail or misread",
            list.join("; ")
        ),
    ))
}

/// VRFY or EXPN tells who exists here: an address harvester's tool. Hardening advice, not a
/// failure (OK): many sites choose to answer.
pub fn user_disclosure(checks: &[CheckReport]) -> Option<FindingReport> {
    let told: Vec<String> = checks
        .iter()
        .filter_map(|c| match (c.kind, c.outcome) {
            (CheckKind::Vrfy, Outcome::Exists) => Some(format!(
                "VRFY confirmed {}{}",
                c.argument,
                if c.code == Some(252) {
                    " (252, but a made-up name was refused)"
                } else {
                    ""
                }
            )),
            (CheckKind::Expn, _) => c
                .members
                .as_ref()
                .filter(|m| !m.is_empty())
                .map(|m| format!("EXPN {} listed {} member(s)", c.argument, m.len())),
            _ => None,
        })
        .collect();
    if told.is_empty() {
        return None;
    }
    Some(finding(
        FindingId::UserDisclosure,
        Status::Ok,
        format!(
            "the server tells who exists here ({}): address harvesters use this; to stop it, disable VRFY and EXPN (Postfix: disable_vrfy_command = yes; Sendmail: PrivacyOptions=novrfy,noexpn; Exim: no acl_smtp_vrfy/acl_smtp_expn that accepts)",
            told.join("; ")
        ),
    ))
}

/// When an unsolicited reply came, in words.
fn when(after: Context) -> String {
    match after {
        Context::Greeting => "right after the greeting, before any command".to_owned(),
        c => format!(
            "after the {} reply, before our next command",
            c.name().to_uppercase()
        ),
    }
}

/// A reply that was waiting before our next command. It answers nothing: a 221 or 421
/// means the server closes the session on its own.
fn unsolicited(code: u16, after: Context) -> (FindingId, Status, String) {
    match code {
        221 => (
            FindingId::UnsolicitedClose,
            Status::Critical,
            format!(
                "221 sent {}: the server closes the session on its own{} (RFC 5321 §3.8: a server that must shut down should say 421)",
                when(after),
                if after == Context::Greeting {
                    ", so it closes every session"
                } else {
                    ""
                }
            ),
        ),
        421 => (
            FindingId::ServerClosing,
            Status::Critical,
            format!(
                "421 sent {}: the server is closing the connection (service not available)",
                when(after)
            ),
        ),
        _ => (
            FindingId::UnsolicitedReply,
            Status::Warning,
            format!(
                "the server sent a {code} reply nobody asked for, {}; it was not taken as the answer to our next command",
                when(after)
            ),
        ),
    }
}

/// A greeting that refused the session, temporarily (4xx) or for good (5xx), quoted.
fn greeting_refused(code: u16, greeting: &str) -> (FindingId, Status, String) {
    let said = quoted(greeting, code);
    if code < 500 {
        (
            FindingId::ServiceNotAvailable,
            Status::Critical,
            format!(
                "the server refused the session for now, answering the connection with {said}: senders retry later"
            ),
        )
    } else {
        (
            FindingId::NoSmtpService,
            Status::Critical,
            format!(
                "the server refused the session, answering the connection with {said}: no SMTP service here for us"
            ),
        )
    }
}

/// A step's reply quoted as [`quoted`] does, with the command it answered:
/// `"550 5.7.1 … closing" to RCPT TO:<a@b>`.
pub(crate) fn quoted_step(step: &Step) -> String {
    let line = step.reply.lines.first().map_or("", String::as_str);
    match &step.command {
        Some(c) => format!("{} to {c}", quoted(line, step.reply.code)),
        None => quoted(line, step.reply.code),
    }
}

/// A reply's first line in quotes, cut to 200 characters; its bare code when it has no
/// line (or is not that reply's).
pub(crate) fn quoted(line: &str, code: u16) -> String {
    let line = line.trim();
    if !line.starts_with(&code.to_string()) {
        return code.to_string();
    }
    let mut cut: String = line.chars().take(200).collect();
    if cut.len() < line.len() {
        cut.push('…');
    }
    format!("\"{cut}\"")
}

/// STARTTLS not offered or refused: CRITICAL when the policy requires TLS.
fn starttls(event: Event, policy: TlsPolicy) -> (FindingId, Status, String) {
    let status = if policy == TlsPolicy::Required {
        Status::Critical
    } else {
        Status::Warning
    };
    match event {
        Event::StartTlsRefused { code } => (
            FindingId::StartTlsRefused,
            status,
            format!("the server answered STARTTLS with {code}; the session stays unencrypted"),
        ),
        Event::StartTlsMissing { after_helo: true } => (
            FindingId::StartTlsMissing,
            status,
            if policy == TlsPolicy::Required {
                "STARTTLS is required but the server refused EHLO: in the HELO session it allows, no extension and so no STARTTLS can be offered (RFC 3207 §4)"
            } else {
                "the server refused EHLO: in the HELO session it allows, STARTTLS cannot be offered (RFC 3207 §4), so mail to it travels unencrypted"
            }
            .into(),
        ),
        _ if policy == TlsPolicy::Required => (
            FindingId::StartTlsMissing,
            status,
            "STARTTLS is required but the server does not offer it".into(),
        ),
        _ => (
            FindingId::StartTlsMissing,
            status,
            "the server does not offer STARTTLS: mail to it travels unencrypted".into(),
        ),
    }
}

/// Bytes between the 220 to STARTTLS and the handshake: the STARTTLS response injection
/// class of bug (CVE-2011-0411), on the server or on the path.
pub fn starttls_injection(bytes: usize) -> FindingReport {
    finding(
        FindingId::StartTlsInjection,
        Status::Critical,
        format!(
            "the server (or something on the path) sent {bytes} byte(s) after its 220 to STARTTLS and before the TLS handshake; they were discarded, never taken as TLS or SMTP. A client that kept them would accept forged replies (STARTTLS response injection, the CVE-2011-0411 class of bug): check the MTA version and any proxy or firewall doing SMTP inspection"
        ),
    )
}
