//! Why a reply refused mail, in the vocabulary bounce pipelines already use: a `reason`
//! (Sisimai 5's names, lower case, plus `greylisting`), a `bounce` type (`hard`/`soft`,
//! following what the provider means rather than the first digit alone), who must act, the
//! provider that answered and the DNS blocklist it names.
//!
//! Decided in this order, first match wins:
//! 1. [`TEXT_RULES`]: phrases of a provider or a server that say exactly what happened
//!    (`[TSS04]`, `5.7.26 … DMARC`, `user unknown`, `blocked using`), then keywords
//!    (dmarc, spf, dkim, ptr/reverse, rate, quota, greylist);
//! 2. [`ENHANCED`]: the enhanced status code, exact then by subject (it beats a code-only
//!    rule: 452 + 4.2.2 is a full mailbox, 552 + 5.7.x is policy, 421 + 4.7.x after MAIL
//!    is a reputation deferral);
//! 3. the basic code in its context ([`by_code`]).
//!
//! Never here: output wording of the explanation (that is `meaning`), I/O.

use super::Context;
use super::providers;
use crate::smtp::reply::EnhancedCode;
use serde::{Deserialize, Serialize};

/// Sisimai 5's bounce reasons (the newer names only: `ratelimited`, `emailtoolarge`),
/// plus `greylisting`. Serialised lower case, exactly as Sisimai names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    AuthFailure,
    BadReputation,
    Blocked,
    ContentError,
    Delivered,
    EmailTooLarge,
    Expired,
    FailedStartTls,
    Feedback,
    Filtered,
    HasMoved,
    HostUnknown,
    MailboxFull,
    MailerError,
    NetworkError,
    NoRelaying,
    NotAccept,
    NotCompliantRfc,
    OnHold,
    PolicyViolation,
    RateLimited,
    Rejected,
    RequirePtr,
    SecurityError,
    SpamDetected,
    Suppressed,
    Suspend,
    SyntaxError,
    SystemError,
    SystemFull,
    Undefined,
    UserUnknown,
    Vacation,
    VirusDetected,
    Greylisting,
}

impl Reason {
    /// Every reason, for tests and documentation.
    pub const ALL: [Reason; 35] = [
        Reason::AuthFailure,
        Reason::BadReputation,
        Reason::Blocked,
        Reason::ContentError,
        Reason::Delivered,
        Reason::EmailTooLarge,
        Reason::Expired,
        Reason::FailedStartTls,
        Reason::Feedback,
        Reason::Filtered,
        Reason::HasMoved,
        Reason::HostUnknown,
        Reason::MailboxFull,
        Reason::MailerError,
        Reason::NetworkError,
        Reason::NoRelaying,
        Reason::NotAccept,
        Reason::NotCompliantRfc,
        Reason::OnHold,
        Reason::PolicyViolation,
        Reason::RateLimited,
        Reason::Rejected,
        Reason::RequirePtr,
        Reason::SecurityError,
        Reason::SpamDetected,
        Reason::Suppressed,
        Reason::Suspend,
        Reason::SyntaxError,
        Reason::SystemError,
        Reason::SystemFull,
        Reason::Undefined,
        Reason::UserUnknown,
        Reason::Vacation,
        Reason::VirusDetected,
        Reason::Greylisting,
    ];

    /// The JSON string (`"userunknown"`).
    pub fn name(self) -> &'static str {
        use Reason::*;
        match self {
            AuthFailure => "authfailure",
            BadReputation => "badreputation",
            Blocked => "blocked",
            ContentError => "contenterror",
            Delivered => "delivered",
            EmailTooLarge => "emailtoolarge",
            Expired => "expired",
            FailedStartTls => "failedstarttls",
            Feedback => "feedback",
            Filtered => "filtered",
            HasMoved => "hasmoved",
            HostUnknown => "hostunknown",
            MailboxFull => "mailboxfull",
            MailerError => "mailererror",
            NetworkError => "networkerror",
            NoRelaying => "norelaying",
            NotAccept => "notaccept",
            NotCompliantRfc => "notcompliantrfc",
            OnHold => "onhold",
            PolicyViolation => "policyviolation",
            RateLimited => "ratelimited",
            Rejected => "rejected",
            RequirePtr => "requireptr",
            SecurityError => "securityerror",
            SpamDetected => "spamdetected",
            Suppressed => "suppressed",
            Suspend => "suspend",
            SyntaxError => "syntaxerror",
            SystemError => "systemerror",
            SystemFull => "systemfull",
            Undefined => "undefined",
            UserUnknown => "userunknown",
            Vacation => "vacation",
            VirusDetected => "virusdetected",
            Greylisting => "greylisting",
        }
    }

    /// Who must act for mail to get through.
    pub fn acts(self) -> Option<Acts> {
        use Reason::*;
        Some(match self {
            Delivered | Feedback | Vacation => return None,
            MailboxFull | Suspend => Acts::Recipient,
            SystemError | SystemFull | MailerError | NotAccept | HostUnknown | NetworkError
            | Expired | OnHold | Undefined => Acts::Receiver,
            _ => Acts::Sender,
        })
    }

    /// Whether retrying the same message later can succeed, whatever the first digit says.
    fn soft(self) -> bool {
        use Reason::*;
        matches!(
            self,
            RateLimited | Greylisting | MailboxFull | SystemFull | SystemError
        )
    }
}

/// Whose refusal a line reports, and so whose administrator reads it: the sending side
/// (`host … said:`, a bounce, a deferral in the queue) or the receiving side (our own
/// server refused someone: Postfix `NOQUEUE: reject:`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    #[default]
    Sender,
    Receiver,
}

/// How a receiving server logs a refusal it gave (matched case-sensitively, as written).
/// A line that also quotes a remote server (`said:`) is the sender's.
#[rustfmt::skip]
pub const RECEIVING_MARKERS: &[(&str, &str)] = &[
    ("NOQUEUE: reject: ", "Postfix smtpd (https://www.postfix.org/SMTPD_ACCESS_README.html, \"NOQUEUE: reject: RCPT from …\")"),
    (": reject: ", "Postfix smtpd and cleanup header/body checks (https://www.postfix.org/header_checks.5.html, \"reject: header …\")"),
    ("milter-reject: ", "Postfix milter replies (https://www.postfix.org/MILTER_README.html)"),
    (" rejected RCPT ", "Exim main log (https://www.exim.org/exim-html-current/doc/html/spec_html/ch-log_files.html, \"rejected RCPT\")"),
    (" rejected MAIL ", "Exim main log (same chapter)"),
    (" rejected after DATA", "Exim main log (same chapter)"),
    (" rejected EHLO ", "Exim main log (same chapter)"),
    (" rejected HELO ", "Exim main log (same chapter)"),
    ("ruleset=check_", "Sendmail rulesets (https://www.sendmail.org/~ca/email/doc8.12/op-sh-5.html, \"ruleset=check_rcpt, … reject=550 …\")"),
];

impl Side {
    /// The side a pasted line or log record is written from.
    pub fn of(line: &str) -> Side {
        let receiving = (line.starts_with("reject: ")
            || RECEIVING_MARKERS.iter().any(|(m, _)| line.contains(m)))
            && !line.contains(" said:");
        if receiving {
            Side::Receiver
        } else {
            Side::Sender
        }
    }
}

/// Advice for the reader of a pasted line or log row: the sender's administrator
/// (`host … said:`, a bounce) or the receiver's ([`Side::Receiver`]: our server refused
/// someone). Never about "the probe".
pub fn advice(reason: Reason, side: Side) -> &'static str {
    match side {
        Side::Sender => sender_advice(reason),
        Side::Receiver => RECEIVER_ADVICE
            .iter()
            .find(|a| a.reasons.contains(&reason))
            .map_or(RECEIVER_DEFAULT, |a| a.text),
    }
}

/// Advice for the administrator of a server that refused someone, by reason.
pub struct ReceiverAdvice {
    pub reasons: &'static [Reason],
    pub text: &'static str,
    pub source: &'static str,
}

/// What the receiving side's administrator should make of a refusal their server gave.
#[rustfmt::skip]
pub const RECEIVER_ADVICE: &[ReceiverAdvice] = &[
    ReceiverAdvice { reasons: &[NoRelaying],
        text: "Your server refused to relay for a client that is not allowed to send through it: normal for strangers; if it is one of your users, they must authenticate (submission port 587) or be in mynetworks.",
        source: "https://www.postfix.org/postconf.5.html#smtpd_relay_restrictions (permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination); RFC 6409 §3.1 (port 587)" },
    ReceiverAdvice { reasons: &[UserUnknown],
        text: "Your server refused an unknown recipient: nothing to do unless the address should exist (then add it, or fix the recipient maps or aliases).",
        source: "https://www.postfix.org/LOCAL_RECIPIENT_README.html; https://www.postfix.org/ADDRESS_VERIFICATION_README.html" },
    ReceiverAdvice { reasons: &[Blocked, BadReputation],
        text: "Your server refused the client by policy (a DNS blocklist, its HELO or its DNS): normal for spam sources; if this sender is legitimate, allow it before the check that fired (e.g. a client access map) or drop that check.",
        source: "https://www.postfix.org/postconf.5.html#reject_rbl_client; https://www.postfix.org/SMTPD_ACCESS_README.html" },
    ReceiverAdvice { reasons: &[RequirePtr],
        text: "Your server refused a client without valid reverse DNS: expected for botnets; a legitimate sender must fix its PTR record (or you allow it by address).",
        source: "https://www.postfix.org/postconf.5.html#reject_unknown_client_hostname" },
    ReceiverAdvice { reasons: &[Greylisting],
        text: "Your server greylisted the client: a real mail server retries and gets through; nothing to do.",
        source: "https://www.postfix.org/SMTPD_POLICY_README.html (greylisting policy servers)" },
    ReceiverAdvice { reasons: &[AuthFailure],
        text: "Your server refused a message failing SPF, DKIM or DMARC: the sender's domain must fix its authentication; allow it locally only if you trust it.",
        source: "RFC 7489 §6.6.4 (a receiver may reject on DMARC policy p=reject)" },
    ReceiverAdvice { reasons: &[Rejected],
        text: "Your server refused the sender address (unknown domain, failed verification, or a sender rule): normal for forged senders; check the rule if the sender is real.",
        source: "https://www.postfix.org/postconf.5.html#reject_unknown_sender_domain; https://www.postfix.org/postconf.5.html#smtpd_sender_restrictions" },
    ReceiverAdvice { reasons: &[SpamDetected, ContentError, VirusDetected, PolicyViolation, Filtered],
        text: "Your server's content or policy filter refused the message: the log line names the check (header/body check, milter, policy service); loosen it only if the message was legitimate.",
        source: "https://www.postfix.org/header_checks.5.html; https://www.postfix.org/MILTER_README.html" },
    ReceiverAdvice { reasons: &[SyntaxError, NotCompliantRfc],
        text: "Your server refused a client that broke the protocol (bad HELO name, bad address syntax, pipelining too early): normal for spam software; a legitimate sender must fix its client.",
        source: "https://www.postfix.org/postconf.5.html#reject_invalid_helo_hostname; RFC 5321 §4.1.1.1" },
    ReceiverAdvice { reasons: &[RateLimited],
        text: "Your server limited a client's rate or connections: nothing to do unless a legitimate sender hits it often (then raise its limit).",
        source: "https://www.postfix.org/postconf.5.html#smtpd_client_connection_rate_limit (anvil)" },
    ReceiverAdvice { reasons: &[EmailTooLarge],
        text: "Your server refused a message over its size limit: raise the limit only if such messages should be accepted.",
        source: "https://www.postfix.org/postconf.5.html#message_size_limit" },
    ReceiverAdvice { reasons: &[MailboxFull, SystemFull],
        text: "Your server refused mail because a mailbox or the queue disk is full: free space or raise the quota.",
        source: "https://www.postfix.org/postconf.5.html#queue_minfree" },
];

/// Receiver advice when no entry of [`RECEIVER_ADVICE`] names the reason.
const RECEIVER_DEFAULT: &str = "Your server refused this: the log line names the restriction that fired; change it only if the client is legitimate.";

/// Advice for the sending side of a refusal.
fn sender_advice(reason: Reason) -> &'static str {
    match reason {
        UserUnknown => {
            "The address does not exist: correct it or remove it from your list; retrying will not help."
        }
        HostUnknown => {
            "The recipient's domain or its mail host cannot be found: check the domain for typos."
        }
        MailboxFull => {
            "The recipient's mailbox is full: try again later or reach them another way."
        }
        Suspend => {
            "The recipient's account is disabled: remove the address or reach them another way."
        }
        HasMoved => "The mailbox has moved: use the new address the reply gives.",
        BadReputation => {
            "The receiver distrusts your sending IP or domain: slow down, check complaint rates and blocklists, and follow the provider's sender guidelines."
        }
        Blocked => {
            "Your sending IP or domain is blocked: look it up on the named blocklist or the provider's postmaster page and request delisting once the cause is fixed."
        }
        RateLimited => {
            "You send too fast for this receiver: lower the rate and concurrency to it; the queue will retry."
        }
        Greylisting => {
            "Greylisting: your server retries and the mail gets through; nothing to do unless it keeps failing."
        }
        AuthFailure => {
            "Your mail fails SPF, DKIM or DMARC: publish SPF for the sending IP, sign with DKIM aligned with the From domain."
        }
        RequirePtr => {
            "Your sending IP lacks a valid reverse DNS (PTR) that matches its name: ask the IP's owner to set one."
        }
        SpamDetected | ContentError | VirusDetected => {
            "The receiver's filter refused the content: check the message, its links and attachments."
        }
        PolicyViolation | Filtered => {
            "A policy of the receiving site refused the message: the text names it; contact the recipient's administrator if it should pass."
        }
        NotCompliantRfc => {
            "The message breaks the format rules (RFC 5322 headers, bare CR/LF): fix the software that generated it."
        }
        EmailTooLarge => {
            "The message is too large for the receiver: send it smaller or share the file another way."
        }
        NoRelaying => {
            "The server will not relay for you: send to the recipient domain's own MX, or authenticate to your submission server."
        }
        SecurityError => {
            "Authentication was refused or is required: check the user name, password and mechanism (and use TLS)."
        }
        FailedStartTls => {
            "TLS is required or failed: check the TLS versions and certificates on both sides."
        }
        Rejected => {
            "The receiver refused your sender address: check its domain's DNS (MX/A) and that sender verification can reach it."
        }
        SyntaxError => {
            "The receiver did not accept a command: check the client's HELO name and command syntax."
        }
        NetworkError => {
            "The receiving host could not be reached: check DNS and connectivity to it; the queue will retry."
        }
        Expired => {
            "The message stayed in the queue too long and was given up: find out why earlier attempts failed."
        }
        SystemError | SystemFull | MailerError => {
            "The receiving system had a problem of its own: retry later; if it persists, tell its postmaster."
        }
        NotAccept => {
            "The recipient's domain accepts no mail (null MX): the address cannot receive mail."
        }
        Delivered | Feedback | Vacation | Suppressed | OnHold | Undefined => "",
    }
}

/// A bounce type: permanent (`hard`) or worth retrying (`soft`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bounce {
    Hard,
    Soft,
}

/// Who must act: the sender's mail administrator, the receiving side's, or the recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Acts {
    Sender,
    Receiver,
    Recipient,
}

/// The classification of one reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Classification {
    pub reason: Option<Reason>,
    pub bounce: Option<Bounce>,
    pub acts: Option<Acts>,
    pub provider: Option<String>,
    pub blocklist: Option<String>,
    /// Which rule decided the reason (`"text:tss04"`, `"enhanced:5.1.1"`, `"code:550"`).
    pub rule: String,
    /// A provider that uses a code against its definition, said plainly.
    pub note: Option<String>,
}

/// A phrase rule: any fragment (lower case) in the text decides the reason.
#[derive(Debug, Clone, Copy)]
pub struct TextRule {
    pub id: &'static str,
    pub text: &'static [&'static str],
    pub reason: Reason,
    /// Overrides the bounce type the code gives (a 5xx that is really temporary).
    pub bounce: Option<Bounce>,
    /// Said when the provider's code contradicts what it means.
    pub note: &'static str,
    pub source: &'static str,
}

const fn t(id: &'static str, text: &'static [&'static str], reason: Reason) -> TextRule {
    TextRule {
        id,
        text,
        reason,
        bounce: None,
        note: "",
        source: "",
    }
}

impl TextRule {
    const fn src(self, source: &'static str) -> TextRule {
        TextRule { source, ..self }
    }
    const fn hard(self) -> TextRule {
        TextRule {
            bounce: Some(Bounce::Hard),
            ..self
        }
    }
    const fn soft(self, note: &'static str) -> TextRule {
        TextRule {
            bounce: Some(Bounce::Soft),
            note,
            ..self
        }
    }
    /// What the provider's own documentation says the reader can do.
    const fn note(self, note: &'static str) -> TextRule {
        TextRule { note, ..self }
    }
}

use Reason::*;

/// Phrases, most specific first: providers' own codes and texts, then generic keywords.
#[rustfmt::skip]
pub const TEXT_RULES: &[TextRule] = &[
    // --- Yahoo / AOL (https://senders.yahooinc.com/smtp-error-codes/) ---
    t("yahoo_tss04", &["[tss04]"], BadReputation).src("https://senders.yahooinc.com/smtp-error-codes/ (TSS04: deferred for user complaints or unexpected volume)"),
    t("yahoo_tss05", &["[tss05]"], BadReputation).src("https://github.com/KumoCorp/kumomta/pull/376 (Yahoo: TSS04, TSS05, IPTS04, IPTS05 are one deferral: unexpected volume or user complaints)"),
    t("yahoo_tss06_07", &["[tss06]", "[tss07]"], Blocked).src("https://senders.yahooinc.com/smtp-error-codes/ (TSS06/TSS07: permanently deferred / on a Spamhaus list)"),
    t("yahoo_ts02", &["[ts02]", "[ts01]", "[ts03]"], BadReputation).src("https://senders.yahooinc.com/smtp-error-codes/ (TS0x: temporarily deferred)"),
    t("yahoo_tss09", &["[tss09]"], Blocked).src("https://senders.yahooinc.com/smtp-error-codes/ (TSS09: all messages permanently deferred)"),
    t("yahoo_tss11", &["[tss11]"], SpamDetected).src("https://senders.yahooinc.com/smtp-error-codes/ (TSS11: message content)"),
    t("yahoo_tss12", &["[tss12]"], AuthFailure).src("https://senders.yahooinc.com/smtp-error-codes/ (TSS12: DMARC)"),
    t("yahoo_ipts", &["[ipts0"], BadReputation).src("https://github.com/KumoCorp/kumomta/pull/376 (IPTS04/IPTS05: deferred for volume or complaints, like TSS04)"),
    t("yahoo_bl21_bl23", &["[bl21]", "[bl23]"], Blocked).src("https://senders.yahooinc.com/smtp-error-codes/ (BL21/BL23: on a Spamhaus list)"),
    t("yahoo_299", &["[299]"], PolicyViolation).src("https://senders.yahooinc.com/smtp-error-codes/ (554 Message not allowed - [299]: not accepted for policy reasons)"),
    t("yahoo_291", &["headers are not rfc compliant", "not rfc compliant"], NotCompliantRfc).src("https://senders.yahooinc.com/smtp-error-codes/ ([291])"),
    t("yahoo_disabled", &["disabled or discontinued"], Suspend).src("https://senders.yahooinc.com/smtp-error-codes/ ([#102])"),
    t("yahoo_no_account", &["doesn't have a yahoo.com account", "does not have a yahoo.com account"], UserUnknown),
    // --- Apple iCloud (https://support.apple.com/en-us/102322) ---
    t("apple_cs01", &["[cs01]"], PolicyViolation).src("https://support.apple.com/en-us/102322 (CS01: message rejected due to local policy)"),
    t("apple_hm08", &["[hm08]"], PolicyViolation).src("https://support.apple.com/en-us/102322 (HM08: content)"),
    t("apple_hm07", &["[hm07]"], PolicyViolation).src("https://support.apple.com/en-us/102322 (HM07: DMARC)"),
    t("apple_hm0x", &["[hm0"], PolicyViolation).src("https://support.apple.com/en-us/102322"),
    t("apple_excessive_volume", &["excessive volume"], RateLimited).src("https://support.apple.com/en-us/102322 (4.7.1 excessive volume)"),
    // --- Microsoft (https://learn.microsoft.com/…/non-delivery-reports-in-exchange-online) ---
    t("m365_s3150", &["(s3150)", "(s3140)", "part of their network is on our block list"], Blocked).src("https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/send-receive-emails-socketerror (S3150)"),
    t("m365_banned_ip", &["banned sending ip"], Blocked),
    t("m365_not_accepted_ip", &["traffic not accepted from this ip"], BadReputation).src("https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-708"),
    t("m365_recipient_not_found", &["resolver.adr.recipientnotfound", "resolver.adr.recipnotfound", "recipient address rejected: access denied"], UserUnknown)
        .src("https://www.spamresource.com/2025/02/550-541-it-most-often-means-user-unknown.html"),
    t("m365_external_forwarding", &["does not allow external forwarding"], PolicyViolation),
    t("m365_server_busy", &["server busy. please try again later"], RateLimited),
    t("m365_rate_limit_reputation", &["temporarily rate limited due to ip reputation"], BadReputation).src("https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online (4.7.650)"),
    t("m365_rate_limit", &["exceeded the rate limit", "concurrent connections"], RateLimited),
    t("m365_not_authorized", &["resolver.rst.notauthorized", "resolver.rst.authrequired"], Rejected),
    t("m365_temporary_server_error", &["temporary server error"], SystemError),
    t("m365_expired", &["queue.expired"], Expired),
    // --- Google (https://support.google.com/a/answer/3726730) ---
    t("gmail_reputation", &["very low reputation", "low reputation of the sending", "ip reputation"], BadReputation).src("https://support.google.com/a/answer/3726730 (4.7.0 / 5.7.1 reputation)"),
    t("gmail_unsolicited_rate", &["unusual rate of unsolicited mail"], BadReputation).src("https://support.google.com/a/answer/3726730 (4.7.28)"),
    t("gmail_receiving_too_fast", &["receiving mail at a rate", "receiving mail too quickly"], RateLimited).soft("Google uses 4.2.1 (mailbox disabled) for a rate limit on the recipient's side.").src("https://support.google.com/a/answer/3726730 (4.2.1)"),
    t("gmail_over_quota_perm", &["overquotaperm"], MailboxFull).hard().src("https://support.google.com/a/answer/3726730 (OverQuotaPerm: an inactive account over quota)"),
    t("gmail_over_quota", &["is over quota", "out of storage space", "inbox is out of storage"], MailboxFull).src("https://support.google.com/a/answer/3726730 (4.2.2 / 5.2.2)"),
    t("gmail_disabled", &["account that you tried to reach is disabled", "account is disabled"], Suspend),
    t("gmail_no_such_user", &["account that you tried to reach does not exist", "p=nosuchuser"], UserUnknown),
    t("gmail_ipv6", &["ipv6 sending guidelines", "ipv6 address does not meet"], RequirePtr).src("https://support.google.com/a/answer/3726730 (5.7.25 / ipv6 guidelines)"),
    t("gmail_not_authorized", &["notauthorized", "not authorized to send"], Blocked).src("https://support.google.com/a/answer/3726730 (5.7.1 NotAuthorized)"),
    t("gmail_blocked_message", &["blockedmessage", "has been blocked. for more information, go to"], PolicyViolation).src("https://support.google.com/a/answer/3726730 (552-5.7.0 BlockedMessage)"),
    t("gmail_likely_unsolicited", &["likely unsolicited mail", "likely suspicious due to"], SpamDetected).src("https://support.google.com/a/answer/3726730 (5.7.1 unsolicited message)"),
    t("gmail_rfc5322", &["not rfc 5322 compliant", "rfc 5322", "multiple from", "duplicate headers"], NotCompliantRfc),
    // --- Mimecast, Proofpoint, Barracuda, GMX, T-Online, Orange, Zoho, Bluewin ---
    t("mimecast_envelope_blocked", &["envelope blocked", "blocked senders"], Rejected).src("https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754 (Envelope blocked: the sender is on a block list of the recipient's organisation)"),
    // Mimecast documents this reply as content, not policy: "a signature was detected that could
    // either be a virus, or a spam score over the maximum threshold"; the recipient's
    // administrator can let the sender past the spam check (Permitted Senders / Auto Allow
    // policy), never past the virus check.
    t("mimecast_security_policies", &["email rejected due to security policies"], SpamDetected).note("Mimecast: a virus signature or a spam score over its threshold. The recipient's administrator can let your address past the spam check (a Permitted Senders policy), never past the virus check.").src("https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754 (554 Email rejected due to security policies; quoted in Sisimai's Rhost::Mimecast, v4.25.15)"),
    t("mimecast_open_relay", &["open relay not allowed"], NoRelaying).src("https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754"),
    t("mimecast_spoofing", &["anti-spoofing", "spoofing", "spoofed"], PolicyViolation).src("https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754 (Rejected by Anti-Spoofing policy)"),
    t("mimecast_greylist", &["internal resource temporarily unavailable"], SystemError).src("https://community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754"),
    t("mimecast_invalid_recipient", &["invalid recipient"], UserUnknown),
    t("proofpoint_invalid", &["marked as invalid"], UserUnknown),
    t("barracuda_reputation", &["barracuda reputation", "barracudacentral"], Blocked).src("https://www.barracudacentral.org/rbl"),
    t("tonline_blocked", &["dialup", "dynamic ip"], Blocked).src("https://postmaster.t-online.de/index.en.html"),
    t("orange_ofr", &["ofr_999", "ofr004"], RateLimited).src("https://postmaster.orange.fr/"),
    t("gmx_reputation", &["ip address is block listed", "blocked by reputation", "reputation"], BadReputation).src("https://postmaster.gmx.net/en/error-messages"),
    // --- Provider codes used against their definition ---
    t("m365_per_hour_limit", &["limit for the number of messages they can receive", "messages they can receive per hour"], RateLimited)
        .soft("Microsoft answers 554 5.2.122 (permanent) for a per-hour receiving limit: it is temporary, retry later.")
        .src("https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online (5.2.121/5.2.122)"),
    t("m365_queue_quota", &["organization queue quota exceeded", "queue quota exceeded"], RateLimited),
    t("zoho_mailpolicy", &["mailpolicy violation", "policy violation"], PolicyViolation)
        .src("https://www.zoho.com/mail/help/adminconsole/email-delivery-issues.html (554 5.2.3 MailPolicy violation: Zoho uses 5.2.3, message length, for a policy block)"),
    t("hmailserver_route_list", &["not in route list"], UserUnknown).hard()
        .src("hMailServer answers 421 (temporary) for a recipient its route does not list: permanent in fact"),
    t("gmx_policy_restrictions", &["reject due to policy restrictions", "c=hi"], NotCompliantRfc)
        .src("https://postmaster.web.de/en/case?c=hi (header not RFC 5321/5322 compliant)"),
    t("orange_invalid_sender", &["invalid sender", "emetteur invalide"], Rejected).src("https://postmaster.orange.fr/ (OFR_415)"),
    t("orange_size", &["maximum size of the message", "taille limite"], EmailTooLarge).src("https://postmaster.orange.fr/ (OFR_514)"),
    t("postfix_host_not_found", &["host or domain name not found"], HostUnknown),
    t("postfix_suspended", &["delivery temporarily suspended", "name service error"], NetworkError),
    t("delivered", &["stat=sent", "status=sent", "message accepted for delivery", "queued as"], Delivered),
    // --- Generic phrases ---
    t("filtered", &["message filtered"], Filtered),
    t("rfc_compliance", &["bare cr", "bare lf", "822.bis", "rfc5322", "not exactly one"], NotCompliantRfc),
    t("content_policy", &["not accepted for policy reasons", "security policies", "potential security issue"], PolicyViolation),
    t("content", &["banned content", "header value not allowed"], ContentError),
    t("helo_fqdn", &["helo command rejected", "need fully-qualified hostname"], Blocked),
    t("greylisting", &["greylist", "graylist", "grey-list", "gray-list", "try again later, greylisted", "postgrey"], Greylisting),
    t("sender_rejected", &["sender address rejected", "sender rejected", "domain of sender address", "sender verify failed", "verification failed for", "sender domain", "invalid dns mx or a/aaaa"], Rejected),
    t("blocked_using", &["blocked using", "listed at", "listed on", "listed by", "blacklisted", "blocklisted", "blocklist", "blacklist", "rbl", "dnsbl", "spamhaus", "spamcop"], Blocked),
    t("dmarc", &["dmarc"], AuthFailure),
    t("spf_dkim", &["spf", "dkim", "unauthenticated email", "sender is unauthenticated", "mail is unauthenticated", "not authenticated"], AuthFailure),
    t("ptr", &["reverse dns", "reverse lookup", "ptr record", "cannot find your hostname", "cannot find your reverse hostname", "no ptr", "dns ptr", "rdns", "reverse hostname"], RequirePtr),
    t("relay", &["relay access denied", "relaying denied", "relay not permitted", "not permitted to relay", "as a relay", "relaying disallowed", "non-local e-mail address", "non-local address", "relaying not allowed", "unable to relay", "allowed rcpthosts", "we do not relay", "relay denied"], NoRelaying),
    t("smtp_auth_required", &["unauthenticated senders", "smtp authentication is required", "authentication required", "requires authentication"], SecurityError),
    t("virus", &["virus", "malware", "infected"], VirusDetected),
    t("spam", &["spam", "unsolicited", "unwanted", "inappropriate", "junk mail", "content filter", "bulk mail"], SpamDetected),
    t("user_unknown", &["user unknown", "unknown user", "no such user", "does not exist", "doesn't exist", "user not found", "recipient not found", "unknown recipient", "invalid mailbox", "mailbox not found", "no mailbox", "address rejected: undeliverable", "no such recipient", "recipient unknown", "not known at this site", "recipient not known", "not a valid rfc-5321 address", "this user doesn't have a", "addressee unknown", "not a valid recipient", "mailbox unavailable"], UserUnknown),
    t("mailbox_full", &["over quota", "quota exceeded", "mailbox full", "mailbox is full", "exceeded storage", "insufficient storage", "mailbox size limit", "exceeds quota", "quota"], MailboxFull),
    t("too_large", &["message size exceeds", "message too big", "message too large", "stream is more than", "size limit", "exceeds size", "message is too large", "too large"], EmailTooLarge),
    t("rate", &["max message per connection", "too many errors", "rate limit", "ratelimit", "rate-limit", "too many connections", "too many messages", "too many recipients", "too many concurrent", "too fast", "temporarily deferred", "exceeded the maximum"], RateLimited),
    t("suspended", &["account disabled", "account has been disabled", "mailbox is disabled", "user disabled", "suspended", "archived recipient", "inactive", "mailbox disabled", "deactivated"], Suspend),
    t("host_unknown", &["unrouteable address", "unroutable address", "non-existent host", "host not found", "domain not found", "host unknown", "name or service not known", "no mx", "nxdomain", "unrouteable mail domain"], HostUnknown),
    t("no_mail", &["does not accept mail", "accepts no mail", "null mx"], NotAccept),
    t("tls", &["tls version", "starttls", "tls required", "must issue a starttls", "encryption required", "tls is required"], FailedStartTls),
    t("auth", &["invalid login", "username and password not accepted", "invalid username or password", "authentication failed", "authentication credentials invalid", "invalid credentials", "authentication required"], SecurityError),
    t("expired", &["retry timeout exceeded", "too long in the queue", "been in the queue too long", "message expired", "delivery time expired", "retry time not reached", "long failure period"], Expired),
    t("network", &["connection timed out", "connection refused", "no route to host", "lost connection", "network is unreachable"], NetworkError),
];

/// Words too common to beat an enhanced code that says more (`blocked` appears in a
/// 5.7.26 DMARC refusal): consulted after the decisive enhanced codes, before the vague
/// ones (X.7.0, X.7.1) and the basic code.
#[rustfmt::skip]
pub const WEAK_TEXT_RULES: &[TextRule] = &[
    t("policy", &["policy", "prohibited", "not permitted"], PolicyViolation),
    t("blocked_generic", &["access denied", "blocked", "banned", "refused", "not allowed", "denied", "rejected"], Blocked),
];

/// (subject, detail or `None` for the whole subject), reason, source.
pub type EnhancedReason = ((u16, Option<u16>), Reason, &'static str);

/// Enhanced codes that say what happened, by (subject, detail); `None` detail = the whole
/// subject. Looked up after the phrases, before the basic code.
#[rustfmt::skip]
pub const ENHANCED: &[EnhancedReason] = &[
    ((1, Some(1)), UserUnknown, "RFC 3463 X.1.1 bad destination mailbox address"),
    ((1, Some(0)), UserUnknown, "RFC 3463 X.1.0 other address status"),
    ((1, Some(2)), HostUnknown, "RFC 3463 X.1.2 bad destination system address"),
    ((1, Some(3)), SyntaxError, "RFC 3463 X.1.3 bad destination mailbox address syntax"),
    ((1, Some(6)), HasMoved, "RFC 3463 X.1.6 destination mailbox has moved"),
    ((1, Some(7)), Rejected, "RFC 3463 X.1.7 bad sender's mailbox address syntax"),
    ((1, Some(8)), Rejected, "RFC 3463 X.1.8 bad sender's system address"),
    ((1, Some(10)), NotAccept, "RFC 7505 X.1.10 recipient address has null MX"),
    ((2, Some(1)), Suspend, "RFC 3463 X.2.1 mailbox disabled"),
    ((2, Some(2)), MailboxFull, "RFC 3463 X.2.2 mailbox full"),
    ((2, Some(3)), EmailTooLarge, "RFC 3463 X.2.3 message length exceeds administrative limit"),
    ((2, Some(4)), MailerError, "RFC 3463 X.2.4 mailing list expansion problem"),
    ((3, Some(1)), SystemFull, "RFC 3463 X.3.1 mail system full"),
    ((3, Some(4)), EmailTooLarge, "RFC 3463 X.3.4 message too big for system"),
    ((3, None), SystemError, "RFC 3463 X.3.* mail system status"),
    ((4, Some(7)), Expired, "RFC 3463 X.4.7 delivery time expired"),
    ((4, Some(1)), NetworkError, "RFC 3463 X.4.1 no answer from host"),
    ((4, None), NetworkError, "RFC 3463 X.4.* network and routing status"),
    ((5, Some(3)), RateLimited, "RFC 3463 X.5.3 too many recipients"),
    ((5, None), SyntaxError, "RFC 3463 X.5.* mail delivery protocol status"),
    ((6, None), ContentError, "RFC 3463 X.6.* message content or media status"),
    ((7, Some(8)), SecurityError, "RFC 4954 X.7.8 authentication credentials invalid"),
    ((7, Some(9)), SecurityError, "RFC 4954 X.7.9 authentication mechanism too weak"),
    ((7, Some(10)), FailedStartTls, "RFC 5248 X.7.10 encryption needed"),
    ((7, Some(11)), FailedStartTls, "RFC 4954 X.7.11 encryption required"),
    ((7, Some(14)), SecurityError, "RFC 6710 X.7.14 trust relationship required"),
    ((7, Some(20)), AuthFailure, "RFC 7372 X.7.20 no passing DKIM signature"),
    ((7, Some(21)), AuthFailure, "RFC 7372 X.7.21"),
    ((7, Some(22)), AuthFailure, "RFC 7372 X.7.22"),
    ((7, Some(23)), AuthFailure, "RFC 7372 X.7.23 SPF validation failed"),
    ((7, Some(24)), AuthFailure, "RFC 7372 X.7.24 SPF validation error"),
    ((7, Some(25)), RequirePtr, "RFC 7372 X.7.25 reverse DNS validation failed"),
    ((7, Some(26)), AuthFailure, "RFC 7372 X.7.26 multiple authentication checks failed"),
    ((7, Some(27)), NotAccept, "RFC 7505 X.7.27 sender address has null MX"),
    ((7, Some(28)), BadReputation, "Google 4.7.28: unsolicited mail rate from the IP"),
    ((7, Some(500)), RateLimited, "Microsoft 4.7.500 server busy"),
    ((7, Some(511)), Blocked, "Microsoft 5.7.511 banned sender"),
    ((7, Some(515)), AuthFailure, "Microsoft 5.7.515 sender authentication requirements"),
    ((7, Some(520)), PolicyViolation, "Microsoft 5.7.520 external forwarding not allowed"),
    ((7, Some(650)), BadReputation, "Microsoft 4.7.650 rate limited for IP reputation"),
    ((7, Some(651)), BadReputation, "Microsoft 4.7.651 rate limited for IP/domain reputation"),
    ((7, Some(708)), BadReputation, "Microsoft 5.7.708 traffic not accepted from this IP (low reputation)"),
    ((7, Some(750)), Blocked, "Microsoft 5.7.750 unregistered domain"),
    ((7, Some(13)), Suspend, "RFC 3463 X.7.13 user account disabled"),
    ((7, Some(12)), SecurityError, "RFC 4954 X.7.12 password transition needed"),
    ((7, Some(1)), PolicyViolation, "RFC 3463 X.7.1 delivery not authorized"),
];

/// Whether `code` is one of Microsoft's banned-IP range (5.7.606–5.7.649).
fn microsoft_banned(e: EnhancedCode) -> bool {
    e.subject == 7 && (606..=649).contains(&e.detail)
}

/// The reason a decisive enhanced code gives (X.1.1, X.2.2, X.7.26 …), or `None`.
fn by_enhanced(e: EnhancedCode, code: Option<u16>) -> Option<Reason> {
    if microsoft_banned(e) {
        return Some(Blocked);
    }
    // 421 + 4.7.x (after MAIL, or at the greeting): a reputation deferral, not a session cut.
    if e.subject == 7 && code == Some(421) && !matches!(e.detail, 1 | 28 | 500 | 650 | 651) {
        return Some(BadReputation);
    }
    if e.subject == 7 && matches!(e.detail, 0 | 1) {
        return None;
    }
    ENHANCED
        .iter()
        .find(|((s, d), _, _)| *s == e.subject && d.is_none_or(|d| d == e.detail))
        .map(|(_, r, _)| *r)
}

/// The reason a vague security/policy code (X.7.0, X.7.1, or another X.7.* no table names)
/// gives in its context.
fn by_vague_enhanced(e: EnhancedCode, ctx: Option<Context>, code: Option<u16>) -> Option<Reason> {
    // An authentication reply's code says more than its vague 5.7.0.
    if code.is_some_and(|c| matches!(c, 454 | 530 | 534 | 535 | 538)) {
        return None;
    }
    // 450/451 4.7.1 with nothing else said: the classic greylisting answer.
    if e.class == 4 && e.subject == 7 && e.detail == 1 {
        return Some(Greylisting);
    }
    (e.subject == 7).then_some(match ctx {
        Some(Context::Greeting | Context::Ehlo | Context::Helo | Context::Mail) => Blocked,
        Some(Context::Data | Context::EndOfData | Context::Bdat) => SpamDetected,
        _ => PolicyViolation,
    })
}

/// The reason the basic code gives in its context.
fn by_code(code: u16, ctx: Option<Context>) -> Reason {
    use Context as C;
    match (code, ctx) {
        (200..=399, Some(C::EndOfData)) => Delivered,
        (200..=399, _) => Delivered,
        (421, Some(C::Greeting)) => Blocked,
        (421, _) => SystemError,
        (450, Some(C::Mail)) => Rejected,
        (450, _) => OnHold,
        (451, _) => SystemError,
        (452, Some(C::Rcpt)) => RateLimited,
        (452, _) => SystemFull,
        (454, Some(C::StartTls)) => FailedStartTls,
        (454 | 530 | 534 | 535 | 538, _) => SecurityError,
        (500..=504, _) => SyntaxError,
        (521 | 556, _) => NotAccept,
        (550 | 553, Some(C::Mail)) => Rejected,
        (550 | 553, Some(C::Rcpt)) => UserUnknown,
        (550, Some(C::Data | C::EndOfData | C::Bdat)) => PolicyViolation,
        (551, _) => HasMoved,
        (552, Some(C::Rcpt)) => MailboxFull,
        (552, _) => EmailTooLarge,
        (554, Some(C::Data | C::EndOfData | C::Bdat)) => PolicyViolation,
        (554 | 550 | 553, _) => Blocked,
        (400..=499, _) => SystemError,
        _ => Undefined,
    }
}

/// Who answered: the host or the text first, then an address in the reply's own text
/// (only when it carries a code: a code-less line's "<x@gmail.com>:" is the recipient),
/// then provider-specific codes (Microsoft's 5.4.1 "Access denied" and 5.7.5xx-7xx,
/// Gmail's wording of 5.7.26).
fn answering_provider(
    hay: &str,
    lowered: &str,
    code: Option<u16>,
    enhanced: Option<EnhancedCode>,
) -> Option<&'static str> {
    let exact = |s: u16, d: u16| enhanced.is_some_and(|e| e.subject == s && e.detail == d);
    providers::provider_in(hay)
        .or_else(|| code.and_then(|_| providers::provider_of_addresses(lowered)))
        .or_else(|| (exact(4, 1) && lowered.contains("access denied")).then_some("microsoft"))
        .or_else(|| (exact(7, 26) && lowered.contains("unauthenticated")).then_some("google"))
        .or_else(|| {
            enhanced
                .is_some_and(|e| e.subject == 7 && (500..800).contains(&e.detail))
                .then_some("microsoft")
        })
}

/// A block or policy refusal answering MAIL FROM is a refusal of the sender (`rejected`).
fn sender_refused(r: Reason, ctx: Option<Context>) -> Reason {
    match (r, ctx) {
        (Blocked | PolicyViolation, Some(Context::Mail)) => Rejected,
        (r, _) => r,
    }
}

fn find_text(rules: &'static [TextRule], lowered: &str) -> Option<&'static TextRule> {
    let pairs = Pairs::of(lowered);
    rules.iter().find(|r| {
        r.text
            .iter()
            .any(|f| pairs.may_contain(f) && lowered.contains(f))
    })
}

/// Which byte pairs occur in a text (public for the other phrase tables): a cheap test that rules out most fragments before a
/// substring search (there are hundreds of fragments; `explain --log` classifies many
/// lines).
pub struct Pairs(Box<[u64; 1024]>);

impl Pairs {
    /// The byte pairs of `text`.
    pub fn of(text: &str) -> Pairs {
        let mut bits = Box::new([0u64; 1024]);
        for w in text.as_bytes().windows(2) {
            let i = (usize::from(w[0]) << 8) | usize::from(w[1]);
            bits[i / 64] |= 1 << (i % 64);
        }
        Pairs(bits)
    }

    /// False when `fragment`'s first or last byte pair is absent (then it cannot occur).
    pub fn may_contain(&self, fragment: &str) -> bool {
        let b = fragment.as_bytes();
        let has = |x: u8, y: u8| {
            let i = (usize::from(x) << 8) | usize::from(y);
            self.0[i / 64] & (1 << (i % 64)) != 0
        };
        match b.len() {
            0 | 1 => true,
            n => has(b[0], b[1]) && has(b[n - 2], b[n - 1]),
        }
    }
}

/// Classifies one reply. `whole` is the whole pasted line (host names, wrappers); `text`
/// the reply text. `code` is `None` when only an enhanced code was given.
pub fn classify(
    ctx: Option<Context>,
    code: Option<u16>,
    enhanced: Option<EnhancedCode>,
    text: &str,
    whole: &str,
) -> Classification {
    let lowered = text.to_lowercase();
    let whole_lower = whole.to_lowercase();
    // A receiving-side line (Postfix "NOQUEUE: reject: …"): the reply is our own server's.
    let receiving = Side::of(whole) == Side::Receiver;
    let hay = providers::without_addresses(&whole_lower);
    let provider = (!receiving)
        .then(|| answering_provider(&hay, &lowered, code, enhanced))
        .flatten();
    let blocklist = providers::blocklist_in(&hay);
    let success = code.is_some_and(|c| c < 400) || enhanced.is_some_and(|e| e.class == 2);
    let mut rule = String::new();
    let mut note = None;
    let mut forced_bounce = None;
    let reason = if success {
        rule.push_str("success");
        let logged = find_text(TEXT_RULES, &whole_lower).is_some_and(|r| r.reason == Delivered);
        (ctx == Some(Context::EndOfData) || logged).then_some(Delivered)
    } else if let Some(r) = find_text(TEXT_RULES, &lowered) {
        rule = format!("text:{}", r.id);
        forced_bounce = r.bounce;
        if !r.note.is_empty() {
            note = Some(r.note.to_string());
        }
        Some(r.reason)
    } else if let Some(r) = enhanced.and_then(|e| by_enhanced(e, code)) {
        rule = format!(
            "enhanced:{}",
            enhanced.map(|e| e.to_string()).unwrap_or_default()
        );
        Some(r)
    } else if let Some(r) = find_text(WEAK_TEXT_RULES, &lowered) {
        rule = format!("text:{}", r.id);
        Some(sender_refused(r.reason, ctx))
    } else if let Some(r) = enhanced.and_then(|e| by_vague_enhanced(e, ctx, code)) {
        rule = format!(
            "enhanced:{}",
            enhanced.map(|e| e.to_string()).unwrap_or_default()
        );
        Some(sender_refused(r, ctx))
    } else if let Some(c) = code {
        rule = format!("code:{c}");
        Some(by_code(c, ctx))
    } else if enhanced.is_some() {
        rule.push_str("none");
        Some(Undefined)
    } else {
        // Text without any code: only a phrase can say anything.
        rule.push_str("none");
        None
    };
    let reason = match (reason, blocklist) {
        // A named blocklist is a block, whatever phrase matched first.
        (Some(PolicyViolation | SpamDetected | Undefined | BadReputation), Some(_)) if !success => {
            Some(Blocked)
        }
        (r, _) => r,
    };
    let bounce = if success || matches!(reason, None | Some(Delivered)) {
        None
    } else {
        let temporary = match (code, enhanced) {
            (Some(c), _) => c / 100 == 4,
            (None, Some(e)) => e.class == 4,
            // Postfix "deferred", Exim's "== … defer (…)", "temporary failure".
            (None, None) => whole_lower.contains("defer") || whole_lower.contains("temporar"),
        };
        Some(match forced_bounce {
            Some(b) => b,
            None if temporary || reason.is_some_and(Reason::soft) => Bounce::Soft,
            None => Bounce::Hard,
        })
    };
    if note.is_none() && code.is_some_and(|c| c / 100 == 5) && reason == Some(RateLimited) {
        note = Some(
            "The provider sends a permanent (5xx) code for a temporary rate limit: retry later, more slowly.".into(),
        );
    }
    // A block whose only recognisable party is a DNSBL names that list as the provider.
    let provider = provider.or(blocklist.filter(|b| matches!(*b, "spamhaus" | "spamcop")));
    Classification {
        reason,
        bounce,
        acts: reason.and_then(Reason::acts).filter(|_| !success),
        provider: provider.map(str::to_string),
        blocklist: blocklist.map(str::to_string),
        rule,
        note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_sisimai_5_lower_case_and_the_json_strings() {
        for r in Reason::ALL {
            let json = serde_json::to_string(&r).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", r.name()));
            assert!(!["speeding", "toomanyconn", "mesgtoobig", "exceedlimit"].contains(&r.name()));
        }
    }

    #[test]
    fn text_rules_are_lower_case() {
        for r in TEXT_RULES.iter().chain(WEAK_TEXT_RULES) {
            assert!(r.text.iter().all(|f| *f == f.to_lowercase()), "{}", r.id);
        }
    }
}
