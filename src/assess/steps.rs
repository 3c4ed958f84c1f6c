//! Every reply, with its meaning in the context of the whole session: the command it
//! answered, what the server said about itself (its identity, from the greeting and EHLO),
//! what it answered before, and the outcome of the check the reply belongs to. A meaning
//! never contradicts the check below it: a Postfix `252` for a user whose made-up twin got
//! `550` means the user exists, and says so.

use crate::exit::Status;
use crate::knowledge::{self, Meaning, identity};
use crate::report::{CheckReport, StepReport, ms};
use crate::smtp::command::Command;
use crate::smtp::session::{Step, Transcript};
use crate::smtp::{CheckKind, Context};
use crate::vocab::Outcome;

/// What the session showed, as it bears on reading one reply.
struct View<'a> {
    identity: Option<&'static identity::Identity>,
    checks: &'a [CheckReport],
    /// The port is a submission port (587, RFC 6409; 465, RFC 8314), where a sender must
    /// authenticate: a 530 to MAIL is the server doing its job.
    submission: bool,
}

/// The server software, as its greeting and EHLO (or HELO) reply announce it.
pub fn server_identity(t: &Transcript) -> Option<&'static identity::Identity> {
    let own_words = t
        .steps
        .iter()
        .filter(|s| matches!(s.context, Context::Greeting | Context::Ehlo | Context::Helo))
        .flat_map(|s| s.reply.lines.iter().map(String::as_str));
    identity::identify(own_words)
}

/// Every step of a transcript, judged; `port` is the server's, `identity` its software
/// as [`server_identity`] tells it.
pub fn steps(
    t: &Transcript,
    checks: &[CheckReport],
    port: u16,
    identity: Option<&'static identity::Identity>,
) -> Vec<StepReport> {
    let view = View {
        identity,
        checks,
        submission: matches!(port, 587 | 465),
    };
    t.steps
        .iter()
        .scan(false, |confirmed, s| {
            // Whether the server confirmed a name with 250/251 before this step.
            let before = *confirmed;
            *confirmed |=
                s.context == Context::Vrfy && !s.canary && matches!(s.reply.code, 250 | 251);
            Some(step(s, &view, before))
        })
        .collect()
}

/// One reply, with its meaning here. A canary's refusal is what was expected, so it is
/// judged OK, unless the server closes on it (421, 221).
fn step(s: &Step, view: &View<'_>, confirmed_before: bool) -> StepReport {
    // Server-specific rules only for the server that is talking (or one that did not say);
    // rules that assume the same answer for every name not once the server told names apart.
    let accept = |rule: &knowledge::rule::Rule| {
        let other_server = rule
            .server
            .zip(view.identity)
            .is_some_and(|(hint, id)| !id.agrees_with(hint));
        let blanket = rule.everyone && confirmed_before;
        !(other_server || blanket)
    };
    let mut m = knowledge::meaning_where(
        s.context,
        s.reply.code,
        s.reply.enhanced,
        &s.reply.text(),
        &accept,
    );
    if !s.canary {
        in_session(&mut m, s, view, confirmed_before);
    }
    let plain = shown_as_is(&s.reply);
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
        } else if view.submission && s.context == Context::Mail && s.reply.code == 530 {
            // RFC 6409 §4.3: healthy here; what it leaves unchecked is the checks' WARNING.
            Status::Ok
        } else {
            m.status
        },
        rule: m.rule,
        server_hint: m.server_hint,
        reason: step_reason(s),
        anomalies: s.reply.anomalies.iter().map(ToString::to_string).collect(),
        tls: s.tls,
        canary: s.canary,
        group: s.group,
        raw: if plain {
            Vec::new()
        } else {
            s.reply.raw.clone()
        },
        lengths: if plain {
            Vec::new()
        } else {
            s.reply.lengths.clone()
        },
    }
}

/// Whether every line of `r` is its received bytes, whole and short enough to show as it
/// is: then the renderers ([`crate::report::human::reply_line`]) need neither the raw bytes
/// nor the received lengths, and the report does not copy them (a bulk run builds
/// thousands of reports a second, and an EHLO reply has a dozen lines).
fn shown_as_is(r: &crate::smtp::reply::Reply) -> bool {
    use crate::report::human::MAX_LINE_SHOWN;
    r.raw.len() == r.lines.len()
        && r.lengths.len() == r.lines.len()
        && r.lines
            .iter()
            .zip(&r.raw)
            .zip(&r.lengths)
            .all(|((line, raw), &n)| {
                raw == line.as_bytes() && line.len() <= MAX_LINE_SHOWN && n <= line.len()
            })
}

/// The bounce reason of a refusal (the same knowledge function `explain` uses); none for a
/// success.
fn step_reason(s: &Step) -> Option<knowledge::classify::Reason> {
    if s.reply.code < 400 {
        return None;
    }
    let text = s.reply.text();
    knowledge::classify::classify(
        Some(s.context),
        Some(s.reply.code),
        s.reply.enhanced,
        &text,
        &text,
    )
    .reason
}

/// The check a step answered, if it answered one (the last reply for a check counts: a
/// bare VRFY name asked again qualified is a new argument).
fn check_of<'a>(s: &Step, checks: &'a [CheckReport]) -> Option<&'a CheckReport> {
    let (kind, arg) = match s.command.as_ref()? {
        Command::Vrfy(a) => (CheckKind::Vrfy, a),
        Command::Expn(a) => (CheckKind::Expn, a),
        Command::Rcpt(a) => (CheckKind::Rcpt, a),
        _ => return None,
    };
    checks
        .iter()
        .find(|c| c.kind == kind && c.argument == arg.as_str())
}

/// Rewrites a meaning that the rest of the session contradicts or makes precise.
fn in_session(m: &mut Meaning, s: &Step, view: &View<'_>, confirmed_before: bool) {
    let check = check_of(s, view.checks);
    let arg = check.map_or("", |c| c.argument.as_str());
    let canary = check.and_then(|c| c.canary.as_ref()).and_then(|k| k.code);
    let (summary, rule) = match (s.context, s.reply.code, check.map(|c| c.outcome)) {
        (Context::Vrfy, 252, Some(Outcome::Exists)) => (
            format!(
                "The server will not confirm {arg} outright (252), but it refused a made-up name with {}: it tells users apart, so {arg} exists. Its 252 is a cautious yes.",
                canary.unwrap_or(0)
            ),
            "session:vrfy_252_tells_users_apart",
        ),
        (Context::Vrfy, 252, _) if confirmed_before => (
            format!(
                "This server confirmed other names with 250 earlier in this session, so this 252 is about {arg} itself: it could not verify it here (typically an address it does not deliver locally, such as another domain or a forward), though it will try to deliver mail for it."
            ),
            "session:vrfy_252_after_250",
        ),
        (Context::Vrfy | Context::Rcpt, 250 | 251, Some(Outcome::CatchAll)) => (
            format!(
                "The server accepted {arg}, but it accepted a made-up name too: it takes any local part (catch-all), so this acceptance proves nothing about {arg}."
            ),
            "session:catch_all",
        ),
        _ => return,
    };
    m.summary = summary;
    m.rule = rule.to_owned();
}

#[cfg(test)]
mod tests {
    use super::shown_as_is;
    use crate::smtp::reply::{Limits, ReplyParser};

    fn reply(bytes: &[u8]) -> crate::smtp::reply::Reply {
        let mut p = ReplyParser::new(Limits::default());
        p.feed(bytes);
        p.next_reply().ok().flatten().expect("a reply")
    }

    #[test]
    fn raw_bytes_are_kept_only_when_a_renderer_needs_them() {
        assert!(shown_as_is(&reply(b"250-mx.test\r\n250 PIPELINING\r\n")));
        assert!(!shown_as_is(&reply(b"250-mx.test\r\n250 caf\xe9\r\n")));
        let long = format!("250 {}\r\n", "x".repeat(600));
        assert!(!shown_as_is(&reply(long.as_bytes())));
        let cut = format!("250 {}\r\n", "x".repeat(5000));
        assert!(!shown_as_is(&reply(cut.as_bytes())));
    }
}
