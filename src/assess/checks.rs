//! What a VRFY, EXPN or RCPT check showed: the outcome of each (taking the canary, a
//! surely non-existent local part asked once per form, into account), how a health check
//! judges it, and the words for it.
//!
//! A 252 or a 250 alone tells nothing when the server says the same for everyone; the pair
//! (answer for the user, answer for the canary) does. That holds for the server's own
//! domains only: an RCPT in a domain it is not a mail exchanger for is about relaying
//! (accepted: `relayed`; refused: `relay_denied`; undecidable: `inconclusive`), judged with
//! the recipient domain's [`Relation`].

use super::relay::{self, Relation};
use crate::exit::Status;
use crate::knowledge::limits;
use crate::knowledge::relay as texts;
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
        | Outcome::Ambiguous
        | Outcome::RelayDenied => Status::Ok,
        Outcome::Relayed => Status::Critical,
        // Nagios' "could not determine": not a problem of the server's, not a pass either.
        Outcome::Inconclusive => Status::Unknown,
        Outcome::UnknownUser
        | Outcome::TemporaryFailure
        | Outcome::NotChecked
        | Outcome::BadArgument => Status::Warning,
    }
}

/// One check, judged: outcome, meaning and status, with the canary that was compared. Every
/// recipient is taken as the server's own (as [`report_in`] with [`Relation::Own`]).
pub fn report(c: &CheckFacts) -> CheckReport {
    report_in(c, &Relation::Own)
}

/// One check, judged, its recipient's domain standing in `relation` to the server.
pub fn report_in(c: &CheckFacts, relation: &Relation) -> CheckReport {
    let canary_code = c.canary.as_ref().map(|k| k.reply.code);
    let domain_refused = refuses_the_domain(c, relation);
    let relation = if c.kind == CheckKind::Rcpt {
        relation
    } else {
        &Relation::Own
    };
    let (outcome, discriminates) = match &c.reply {
        Some(r) if limits::session_limit(&r.text()).is_some() => (Outcome::NotChecked, None),
        Some(_) if domain_refused.is_some() => (Outcome::Disabled, None),
        Some(_) if c.relay_test && *relation == Relation::Own => (Outcome::Inconclusive, None),
        Some(r) if *relation != Relation::Own => {
            classify_foreign(r.code, r.enhanced, &r.text(), relation)
        }
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
        meaning: match (relation, &domain_refused) {
            (_, Some(why)) => why.clone(),
            (Relation::Own, None) if !c.relay_test => meaning(
                c,
                outcome,
                discriminates,
                canary.as_ref().and_then(|k| k.code),
            ),
            _ => foreign_meaning(c, outcome, relation),
        },
        status: match outcome {
            // Whether a user's RCPT was relayed could not be told: the answer about the user
            // stands (accepted is OK, refused a WARNING); only the relay test, which asked
            // nothing else, is left UNKNOWN.
            Outcome::Inconclusive if !c.relay_test => {
                if code.is_some_and(|c| (200..300).contains(&c)) {
                    Status::Ok
                } else {
                    Status::Warning
                }
            }
            o => status(o),
        },
        // The canary tells a catch-all apart in the server's own domains only.
        canary: canary.filter(|_| *relation == Relation::Own),
        discriminates,
        members: members(c),
        relay_test: c.relay_test,
    }
}

/// A VRFY or EXPN refused for the address's domain, not for the user: the words say the
/// server does not relay (or handle) that domain, or DNS places the domain elsewhere and the
/// made-up name of the same domain got the same refusal. A server answers these for its own
/// domains only (Debian's Exim: "550 <x@elsewhere.test> Mailing to remote domains not
/// supported", for the name and the canary alike). The meaning, when it is so.
fn refuses_the_domain(c: &CheckFacts, relation: &Relation) -> Option<String> {
    let (CheckKind::Vrfy | CheckKind::Expn, Some(r)) = (c.kind, &c.reply) else {
        return None;
    };
    if !(500..600).contains(&r.code) {
        return None;
    }
    let command = if c.kind == CheckKind::Vrfy {
        "VRFY"
    } else {
        "EXPN"
    };
    let text = r.text();
    let why = match relation {
        _ if texts::find(texts::RELAY_REFUSED, &text).is_some() => {
            "it says it does not handle that domain".to_owned()
        }
        Relation::Foreign {
            domain,
            exchangers,
            null_mx,
        } if texts::find(texts::DOMAIN_REFUSED, &text).is_some()
            || c.canary.as_ref().is_some_and(|k| k.reply.code == r.code) =>
        {
            relay::elsewhere(domain, exchangers, *null_mx)
        }
        _ => return None,
    };
    Some(format!(
        "the server refused {} ({}) for its domain: {why}; a server answers {command} for \
         the domains it receives mail for, so this says nothing about the user",
        c.argument, r.code
    ))
}

/// Whether a RCPT check's user was accepted where the made-up name of the same domain was
/// refused, or the other way round: a server that knows that domain's users (a relay does
/// not tell them apart). In a domain whose relation DNS could not settle (no records as
/// seen from here: an internal domain, split DNS), that makes the domain the server's own.
pub fn tells_users_apart(c: &CheckFacts) -> bool {
    let (CheckKind::Rcpt, false, Some(r), Some(k)) = (c.kind, c.relay_test, &c.reply, &c.canary)
    else {
        return false;
    };
    let accepted = |code: u16| (200..300).contains(&code);
    let refused = |code: u16| (500..600).contains(&code);
    (accepted(r.code) && refused(k.reply.code)) || (refused(r.code) && accepted(k.reply.code))
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

/// An EXPN answered with one member, the address asked itself (Exim answers EXPN of a
/// plain mailbox with "250 <alice@exim.test>").
fn expands_to_itself(c: &CheckFacts) -> bool {
    let bare = |a: &str| {
        a.trim()
            .trim_start_matches('<')
            .trim_end_matches('>')
            .to_ascii_lowercase()
    };
    match members(c).as_deref() {
        Some([one]) => bare(one) == bare(&c.argument),
        _ => false,
    }
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
        // EXPN of a plain mailbox expands to itself: an address, not a list.
        CheckKind::Expn if expands_to_itself(c) => "address",
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
        Outcome::Relayed | Outcome::RelayDenied | Outcome::Inconclusive => {
            foreign_meaning(c, outcome, &Relation::Own)
        }
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
        None => match c
            .reply
            .as_ref()
            .and_then(|r| limits::session_limit(&r.text()).map(|l| (r, l)))
        {
            Some((r, limit)) => format!(
                "{a} was not checked: the server answered \"{} {}\", {}'s limit on this session, \
                 not on the name or the command (the probe's canaries count too); ask fewer \
                 names per run, or ask the rest in another run",
                r.code,
                r.text(),
                limit.server
            ),
            None => format!(
                "{a} was not checked: no answer for it (the conversation ended first, or MAIL FROM was refused)"
            ),
        },
    }
}

/// What the answer to an RCPT in a domain that is not (or may not be) the server's own
/// means, or to the relay test.
fn foreign_meaning(c: &CheckFacts, outcome: Outcome, relation: &Relation) -> String {
    let a = &c.argument;
    let reply = c.reply.as_ref();
    let code = reply.map_or(0, |r| r.code);
    let test = if c.relay_test { "relay test: " } else { "" };
    let (domain, context) = match relation {
        Relation::Foreign {
            domain,
            exchangers,
            null_mx,
        } => (
            domain.as_str(),
            relay::elsewhere(domain, exchangers, *null_mx),
        ),
        Relation::Undecided { domain, why } => (domain.as_str(), why.clone()),
        Relation::Own => ("", String::new()),
    };
    let foreign = matches!(relation, Relation::Foreign { .. });
    match outcome {
        Outcome::Relayed => format!(
            "{test}the server accepted {a} ({code}) though {context}: it relays mail to other domains for this client"
        ),
        Outcome::RelayDenied if foreign => format!(
            "{test}the server refused {a} ({code}): it does not relay to {domain} for this client ({context}), as a closed server should; this says nothing about the user"
        ),
        Outcome::RelayDenied => format!(
            "{test}the server refused {a} ({code}) saying it does not relay: {domain} is not a domain it receives mail for; this says nothing about the user"
        ),
        Outcome::Inconclusive if *relation == Relation::Own => format!(
            "{test}{a} is in a domain this server receives mail for, so asking for it says nothing about relaying; give --relay-test=ADDR with an address in a domain hosted elsewhere"
        ),
        Outcome::Inconclusive if (200..300).contains(&code) => format!(
            "{test}the server accepted {a} ({code}), but whether that is relaying cannot be told: {context}"
        ),
        Outcome::Inconclusive
            if reply.is_some_and(|r| names_the_domain(r.code, r.enhanced, &r.text())) =>
        {
            format!(
                "{test}the server refused {a} ({code}) for the domain itself (the reply says {domain} does not resolve or accepts no mail), not clearly for relaying; test with an address in a domain that has real MX records elsewhere (--relay-test=ADDR)"
            )
        }
        Outcome::Inconclusive => format!(
            "{test}the server refused {a} ({code}), but whether that is a relay refusal cannot be told: {context}"
        ),
        Outcome::UnknownUser if foreign => format!(
            "{test}the server says {a} does not exist, though {context}: it looked the address up, which a server that does not relay has no reason to do; to test relaying, use an address that exists at {domain}"
        ),
        other => format!("{test}{}", meaning(c, other, None, None)),
    }
}

/// Does a refusal name the recipient's domain (it does not resolve, or publishes a null
/// MX, RFC 7505) rather than relaying or the user? 5.1.2 (bad destination system),
/// 5.1.10 (null MX), 556 (RFC 7504: the domain accepts no mail), or such words.
fn names_the_domain(code: u16, enhanced: Option<EnhancedCode>, text: &str) -> bool {
    let domain_code = enhanced.is_some_and(|e| e.subject == 1 && matches!(e.detail, 2 | 10));
    texts::find(texts::USER_UNKNOWN, text).is_none()
        && (texts::find(texts::DOMAIN_REFUSED, text).is_some() || domain_code || code == 556)
}

/// Classifies the reply to an RCPT in a domain that is not the server's own
/// ([`Relation::Foreign`]) or may not be ([`Relation::Undecided`]); the canary plays no
/// part. Accepted is `relayed` for a foreign domain and `inconclusive` for an undecided
/// one. A refusal is `relay_denied` when its words say so (whatever the enhanced code);
/// `inconclusive` when it names the domain itself (a server may refuse a domain that does
/// not resolve or publishes a null MX, whether it relays or not); judged as for the server's
/// own domains when the words or a 5.1.x code name the user; otherwise `relay_denied` for a
/// foreign domain and `inconclusive` for an undecided one. A 4xx is a temporary failure
/// unless its words refuse relaying.
pub fn classify_foreign(
    code: u16,
    enhanced: Option<EnhancedCode>,
    text: &str,
    relation: &Relation,
) -> (Outcome, Option<bool>) {
    let foreign = matches!(relation, Relation::Foreign { .. });
    let own = |code| classify(CheckKind::Rcpt, code, enhanced, text, None).0;
    let outcome = match code {
        200..=299 if foreign => Outcome::Relayed,
        200..=299 => Outcome::Inconclusive,
        400..=599 if texts::find(texts::RELAY_REFUSED, text).is_some() => Outcome::RelayDenied,
        400..=499 => Outcome::TemporaryFailure,
        _ if names_the_domain(code, enhanced, text) => Outcome::Inconclusive,
        _ if texts::find(texts::USER_UNKNOWN, text).is_some() => own(code),
        _ if enhanced.is_some_and(|e| e.subject == 1) => own(code),
        550..=559 if foreign => Outcome::RelayDenied,
        550..=559 => Outcome::Inconclusive,
        _ => own(code),
    };
    (outcome, None)
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

    fn foreign() -> Relation {
        Relation::Foreign {
            domain: "other.test".into(),
            exchangers: vec!["mx.other.test".into()],
            null_mx: false,
        }
    }

    fn undecided() -> Relation {
        Relation::Undecided {
            domain: "other.test".into(),
            why: "the MX lookup of other.test failed (timeout)".into(),
        }
    }

    #[test]
    fn foreign_rcpt_accepted_is_relayed_whatever_the_canary() {
        assert_eq!(
            classify_foreign(250, e("2.1.5"), "Ok", &foreign()).0,
            Outcome::Relayed
        );
        assert_eq!(
            classify_foreign(250, e("2.1.5"), "Ok", &undecided()).0,
            Outcome::Inconclusive
        );
        assert_eq!(status(Outcome::Relayed), Status::Critical);
        assert_eq!(status(Outcome::RelayDenied), Status::Ok);
        assert_eq!(status(Outcome::Inconclusive), Status::Unknown);
    }

    #[test]
    fn foreign_rcpt_refusals_are_relay_refusals_unless_they_name_the_domain_or_user() {
        let cases: &[(u16, &str, &str, Outcome)] = &[
            (
                550,
                "",
                "I cannot deliver mail for <x@other.test>",
                Outcome::RelayDenied,
            ),
            (
                554,
                "5.7.1",
                "<x@other.test>: Relay access denied",
                Outcome::RelayDenied,
            ),
            (550, "", "relay not permitted", Outcome::RelayDenied),
            (
                550,
                "5.7.1",
                "<x@other.test>... Relaying denied",
                Outcome::RelayDenied,
            ),
            // A qmail fork says it with 5.1.1: the words win.
            (
                553,
                "5.1.1",
                "Sorry, that domain isn't in my list of allowed rcpthosts.",
                Outcome::RelayDenied,
            ),
            (
                550,
                "",
                "Invalid recipient: <x@other.test>",
                Outcome::RelayDenied,
            ),
            (
                550,
                "5.1.1",
                "<x@other.test>: Recipient address rejected: User unknown in relay recipient table",
                Outcome::UnknownUser,
            ),
            (550, "5.1.1", "No such mailbox", Outcome::UnknownUser),
            (
                556,
                "5.1.10",
                "<x@other.test>: Recipient address rejected: Domain other.test does not accept mail (nullMX)",
                Outcome::Inconclusive,
            ),
            (
                550,
                "5.1.2",
                "<x@nx.test>: Recipient address rejected: Domain not found",
                Outcome::Inconclusive,
            ),
            (550, "", "Unrouteable address", Outcome::Inconclusive),
            (
                454,
                "4.7.1",
                "<x@other.test>: Relay access denied",
                Outcome::RelayDenied,
            ),
            (
                450,
                "4.1.2",
                "<x@other.test>: Recipient address rejected: Domain not found",
                Outcome::TemporaryFailure,
            ),
            (
                501,
                "5.1.3",
                "Bad recipient address syntax",
                Outcome::BadArgument,
            ),
        ];
        for (code, enh, text, want) in cases {
            let got = classify_foreign(*code, e(enh), text, &foreign()).0;
            assert_eq!(got, *want, "{code} {enh} {text}");
        }
        // With the domain undecided, only words that say so make a relay refusal.
        assert_eq!(
            classify_foreign(550, None, "Mailbox unavailable", &undecided()).0,
            Outcome::Inconclusive
        );
        assert_eq!(
            classify_foreign(554, e("5.7.1"), "Relay access denied", &undecided()).0,
            Outcome::RelayDenied
        );
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
