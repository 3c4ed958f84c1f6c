//! What a VRFY, EXPN or RCPT check showed: the outcome of each (taking the canary, a
//! surely non-existent local part asked once per form, into account), how a health check
//! judges it, and the words for it.
//!
//! A 252 or a 250 alone tells nothing when the server says the same for everyone; the pair
//! (answer for the user, answer for the canary) does.

use crate::exit::Status;
use crate::report::{CanaryReport, CheckReport};
use crate::smtp::CheckKind;
use crate::smtp::reply::EnhancedCode;
use crate::smtp::session::{CheckFacts, NotAsked};
use crate::vocab::Outcome;

/// How a health check judges an outcome.
pub fn status(outcome: Outcome) -> Status {
    match outcome {
        Outcome::Exists
        | Outcome::CannotVerify
        | Outcome::Disabled
        | Outcome::CatchAll
        | Outcome::Ambiguous => Status::Ok,
        Outcome::UnknownUser
        | Outcome::TemporaryFailure
        | Outcome::NotChecked
        | Outcome::BadArgument => Status::Warning,
    }
}

/// One check, judged: outcome, meaning and status, with the canary that was compared.
pub fn report(c: &CheckFacts) -> CheckReport {
    let canary_code = c.canary.as_ref().map(|k| k.reply.code);
    let (outcome, discriminates) = match &c.reply {
        Some(r) => classify(c.kind, r.code, r.enhanced, &r.text(), canary_code),
        None => (Outcome::NotChecked, None),
    };
    // Only a canary that was asked and answered, for a check that was answered, is shown.
    let canary = c
        .canary
        .as_ref()
        .filter(|_| c.reply.is_some())
        .map(|k| CanaryReport {
            argument: k.argument.clone(),
            code: Some(k.reply.code),
        });
    let code = c.reply.as_ref().map(|r| r.code);
    CheckReport {
        kind: c.kind,
        argument: c.argument.clone(),
        requested: c.requested.clone(),
        code,
        enhanced: c
            .reply
            .as_ref()
            .and_then(|r| r.enhanced)
            .map(|e| e.to_string()),
        outcome,
        meaning: meaning(
            c,
            outcome,
            discriminates,
            canary.as_ref().and_then(|k| k.code),
        ),
        status: status(outcome),
        canary,
        discriminates,
        members: members(c),
    }
}

/// What an EXPN reply expanded the list to: each line's text, without the code and the
/// enhanced code (RFC 5321 §3.5.2: one member per line of a 250 reply).
fn members(c: &CheckFacts) -> Option<Vec<String>> {
    let r = c.reply.as_ref()?;
    if c.kind != CheckKind::Expn || r.code != 250 {
        return None;
    }
    Some(
        r.texts()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect(),
    )
}

/// What a check's outcome means, in words, using the canary when there was one.
fn meaning(
    c: &CheckFacts,
    outcome: Outcome,
    discriminates: Option<bool>,
    canary: Option<u16>,
) -> String {
    let what = match c.kind {
        CheckKind::Vrfy => "user",
        CheckKind::Expn => "list",
        CheckKind::Rcpt => "recipient",
    };
    let a = &c.argument;
    match outcome {
        Outcome::Exists if discriminates == Some(true) => format!(
            "{what} {a} exists: the server answered {} for it but {} for a random name, so it tells users apart",
            c.reply.as_ref().map_or(0, |r| r.code),
            canary.unwrap_or(0)
        ),
        Outcome::Exists => format!("{what} {a} exists: the server confirmed it"),
        Outcome::CannotVerify if discriminates == Some(false) => format!(
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
        Outcome::NotChecked => not_checked(c),
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

/// Why a check has no answer.
fn not_checked(c: &CheckFacts) -> String {
    let a = &c.argument;
    let needs = if c.kind == CheckKind::Rcpt && a.is_ascii() {
        "the MAIL FROM address is not ASCII and needs"
    } else {
        "its argument is not ASCII and needs"
    };
    match c.not_asked {
        Some(NotAsked::NoSmtpUtf8) => format!(
            "{a} was not checked: {needs} SMTPUTF8 (RFC 6531), which this server does not offer in its EHLO reply; sending it anyway would be a protocol error"
        ),
        Some(NotAsked::Utf8NotAllowed) => format!(
            "{a} was not checked: {needs} SMTPUTF8 (RFC 6531); add --smtputf8 to ask servers that offer it"
        ),
        None => format!(
            "{a} was not checked: no answer for it (the conversation ended first, or MAIL FROM was refused)"
        ),
    }
}

/// Classifies the reply to one check. `canary` is the code the canary got for the same kind
/// of check, when one was asked.
///
/// Returns the outcome and whether the server tells users apart (`None` when unknown).
pub fn classify(
    kind: CheckKind,
    code: u16,
    enhanced: Option<EnhancedCode>,
    text: &str,
    canary: Option<u16>,
) -> (Outcome, Option<bool>) {
    let discriminates = canary.and_then(|c| discriminates(code, c));
    // An enhanced code names the subject precisely: 5.1.x (addressing) beats words in the
    // text such as "relay" in Postfix's "User unknown in relay recipient table".
    let policy = match enhanced {
        Some(e) if e.subject == 7 => true,
        Some(e) if e.subject == 1 => false,
        _ => looks_like_policy(text),
    };
    let outcome = match code {
        250 | 251 => {
            if canary.is_some_and(|c| c == 250 || c == 251) {
                Outcome::CatchAll
            } else {
                Outcome::Exists
            }
        }
        252 => {
            if discriminates == Some(true) {
                Outcome::Exists
            } else {
                Outcome::CannotVerify
            }
        }
        553 if looks_ambiguous(text) => Outcome::Ambiguous,
        501 => Outcome::BadArgument,
        500 | 502 | 504 => Outcome::Disabled,
        550 | 551 | 553 | 554 if policy => Outcome::Disabled,
        550 | 551 | 553 => Outcome::UnknownUser,
        400..=499 => Outcome::TemporaryFailure,
        _ if policy => Outcome::Disabled,
        _ => match kind {
            // Anything else negative to RCPT still refuses this recipient.
            CheckKind::Rcpt if code >= 500 => Outcome::UnknownUser,
            _ => Outcome::Disabled,
        },
    };
    (outcome, discriminates)
}

/// Does the server answer differently for a real name and for the canary?
/// `Some(true)`: the canary was refused as unknown while the name was not.
/// `Some(false)`: both got the same positive class of answer. `None`: the pair tells nothing
/// (e.g. the canary got a temporary failure).
fn discriminates(code: u16, canary: u16) -> Option<bool> {
    let unknown = |c: u16| matches!(c, 550 | 551 | 553);
    let positive = |c: u16| (250..=252).contains(&c);
    if unknown(canary) && positive(code) {
        Some(true)
    } else if positive(canary) && positive(code) {
        Some(false)
    } else if unknown(canary) && unknown(code) {
        // The server does refuse unknown users, so the answer for the name is meaningful.
        Some(true)
    } else {
        None
    }
}

fn looks_ambiguous(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    t.contains("ambiguous") || t.contains("multiple") || t.contains("several")
}

/// Texts that mean "refused by policy" rather than "no such user".
fn looks_like_policy(text: &str) -> bool {
    let t = text.to_ascii_lowercase();
    [
        "administrative prohibition",
        "disabled",
        "not allowed",
        "not permitted",
        "denied",
        "relay",
        "policy",
        "refused",
    ]
    .iter()
    .any(|p| t.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(s: &str) -> Option<EnhancedCode> {
        EnhancedCode::parse(s)
    }

    #[test]
    fn vrfy_252_alone_cannot_verify() {
        let (o, d) = classify(CheckKind::Vrfy, 252, e("2.0.0"), "alice", None);
        assert_eq!((o, d), (Outcome::CannotVerify, None));
    }

    #[test]
    fn postfix_252_with_550_canary_means_exists() {
        let (o, d) = classify(CheckKind::Vrfy, 252, e("2.0.0"), "alice", Some(550));
        assert_eq!((o, d), (Outcome::Exists, Some(true)));
    }

    #[test]
    fn exim_252_for_everyone_cannot_verify() {
        let (o, d) = classify(
            CheckKind::Vrfy,
            252,
            None,
            "Administrative prohibition",
            Some(252),
        );
        assert_eq!((o, d), (Outcome::CannotVerify, Some(false)));
    }

    #[test]
    fn rcpt_accepted_for_canary_is_catch_all() {
        let (o, d) = classify(CheckKind::Rcpt, 250, e("2.1.5"), "Ok", Some(250));
        assert_eq!((o, d), (Outcome::CatchAll, Some(false)));
    }

    #[test]
    fn unknown_policy_ambiguous_disabled_temporary() {
        assert_eq!(
            classify(CheckKind::Rcpt, 550, e("5.1.1"), "User unknown", None).0,
            Outcome::UnknownUser
        );
        assert_eq!(
            classify(CheckKind::Rcpt, 550, e("5.7.1"), "Relaying denied", None).0,
            Outcome::Disabled
        );
        assert_eq!(
            classify(CheckKind::Vrfy, 553, None, "User ambiguous", None).0,
            Outcome::Ambiguous
        );
        assert_eq!(
            classify(
                CheckKind::Rcpt,
                550,
                e("5.1.1"),
                "User unknown in relay recipient table",
                None
            )
            .0,
            Outcome::UnknownUser
        );
        assert_eq!(
            classify(
                CheckKind::Vrfy,
                501,
                None,
                "root: recipient address must contain a domain",
                None
            )
            .0,
            Outcome::BadArgument
        );
        assert_eq!(
            classify(
                CheckKind::Vrfy,
                502,
                e("5.5.1"),
                "VRFY command is disabled",
                None
            )
            .0,
            Outcome::Disabled
        );
        assert_eq!(
            classify(CheckKind::Rcpt, 450, e("4.7.1"), "greylisted", None).0,
            Outcome::TemporaryFailure
        );
        assert_eq!(
            classify(CheckKind::Vrfy, 250, None, "Alice <alice@x>", Some(550)).0,
            Outcome::Exists
        );
    }
}
