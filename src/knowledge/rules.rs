//! Context rules: what a reply means for the command it answered.
//!
//! A rule is data: a context pattern, a code pattern, an optional enhanced-code pattern and
//! optional text fragments, and what they mean (summary, advice, status). [`best`] picks the
//! most specific matching rule; server-specific texts live in [`super::vendors`] and use the
//! same type. Nothing here reads the network or the clock.
//!
//! Specificity, compared in this order (higher wins; ties go to the earlier rule):
//! 1. a rule that matches the reply text (a known server phrase);
//! 2. the code: one code (or a short list) beats a whole class, which beats any code;
//! 3. the context: a list of commands beats "all but", which beats any;
//! 4. the enhanced code: an exact code beats a subject, which beats none.
//!
//! # References
//! - RFC 5321 §4.2.1 (classes), §4.3.2 (which replies each command may get), §3.5.3 (VRFY and
//!   EXPN replies: 250, 251, 252, 550, 551, 553), §3.8 (421 and closing), §4.1.1.10 (QUIT).
//! - RFC 3207 §4 (STARTTLS: 220, 454, 501), RFC 4954 §4, §6 (AUTH), RFC 7504 (521, 556).
//! - RFC 3463 §3.2 (X.1.1), §3.8 (X.7.1); greylisting uses 450/451 with 4.7.1 by convention.

use super::Context;
use crate::exit::Status;
use crate::smtp::reply::EnhancedCode;

/// Which contexts a rule applies to.
#[derive(Debug, Clone, Copy)]
pub enum Ctx {
    Any,
    Only(&'static [Context]),
    Except(&'static [Context]),
}

/// Which basic codes a rule applies to.
#[derive(Debug, Clone, Copy)]
pub enum CodePat {
    Any,
    /// A first digit (2–5).
    Class(u16),
    OneOf(&'static [u16]),
}

/// Which enhanced codes a rule applies to; class-independent (the class follows the basic
/// code, RFC 3463 §2).
#[derive(Debug, Clone, Copy)]
pub enum EnhPat {
    /// `X.subject.*`
    Subject(u16),
    /// `X.subject.detail`
    Exact(u16, u16),
}

/// One rule. `text` fragments are matched case-insensitively; any one suffices.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    pub ctx: Ctx,
    pub code: CodePat,
    pub enhanced: Option<EnhPat>,
    pub text: &'static [&'static str],
    /// The server or provider a matching text identifies.
    pub server: Option<&'static str>,
    pub status: Status,
    pub summary: &'static str,
    pub advice: &'static str,
    /// Where the text or behaviour was observed (URL or repository/path), for text rules.
    pub source: &'static str,
}

impl Rule {
    fn matches_ctx(&self, ctx: Option<Context>) -> bool {
        match (self.ctx, ctx) {
            (Ctx::Any, _) => true,
            // Without a known context only context-free rules and text rules apply.
            (_, None) => !self.text.is_empty(),
            (Ctx::Only(list), Some(c)) => list.contains(&c),
            (Ctx::Except(list), Some(c)) => !list.contains(&c),
        }
    }

    fn matches_code(&self, code: u16) -> bool {
        match self.code {
            CodePat::Any => true,
            CodePat::Class(d) => code / 100 == d,
            CodePat::OneOf(list) => list.contains(&code),
        }
    }

    fn matches_enhanced(&self, enhanced: Option<EnhancedCode>) -> bool {
        match (self.enhanced, enhanced) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(EnhPat::Subject(s)), Some(e)) => e.subject == s,
            (Some(EnhPat::Exact(s, d)), Some(e)) => e.subject == s && e.detail == d,
        }
    }

    fn matches_text(&self, lowered: &str) -> bool {
        self.text.is_empty() || self.text.iter().any(|t| lowered.contains(t))
    }

    /// Whether this rule applies. `text_lower` must already be lower-cased.
    pub fn matches(
        &self,
        ctx: Option<Context>,
        code: u16,
        enhanced: Option<EnhancedCode>,
        text_lower: &str,
    ) -> bool {
        self.matches_ctx(ctx)
            && self.matches_code(code)
            && self.matches_enhanced(enhanced)
            && self.matches_text(text_lower)
    }

    /// Specificity key (see the module docs); compared lexicographically.
    pub fn specificity(&self) -> (u8, u8, u8, u8) {
        let text = u8::from(!self.text.is_empty());
        let code = match self.code {
            CodePat::Any => 0,
            CodePat::Class(_) => 1,
            CodePat::OneOf(_) => 2,
        };
        let ctx = match self.ctx {
            Ctx::Any => 0,
            Ctx::Except(_) => 1,
            Ctx::Only(_) => 2,
        };
        let enhanced = match self.enhanced {
            None => 0,
            Some(EnhPat::Subject(_)) => 1,
            Some(EnhPat::Exact(..)) => 2,
        };
        (text, code, ctx, enhanced)
    }
}

/// The most specific rule matching the reply, among [`RULES`] and the server texts.
/// `ctx` is `None` when the command is unknown (e.g. `explain` without `--after`).
pub fn best(
    ctx: Option<Context>,
    code: u16,
    enhanced: Option<EnhancedCode>,
    text: &str,
) -> Option<&'static Rule> {
    let lowered = text.to_lowercase();
    let mut best: Option<&'static Rule> = None;
    for rule in RULES.iter().chain(super::vendors::SERVER_TEXTS) {
        if rule.matches(ctx, code, enhanced, &lowered)
            && best.is_none_or(|b| rule.specificity() > b.specificity())
        {
            best = Some(rule);
        }
    }
    best
}

/// Looks a rule up by id (for tests and documentation).
pub fn by_id(id: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .chain(super::vendors::SERVER_TEXTS)
        .find(|r| r.id == id)
}

use Context::*;

const fn rule(
    id: &'static str,
    ctx: Ctx,
    code: CodePat,
    enhanced: Option<EnhPat>,
    status: Status,
    summary: &'static str,
    advice: &'static str,
) -> Rule {
    Rule {
        id,
        ctx,
        code,
        enhanced,
        text: &[],
        server: None,
        status,
        summary,
        advice,
        source: "",
    }
}

const OK: Status = Status::Ok;
const WARN: Status = Status::Warning;
const CRIT: Status = Status::Critical;

/// The context rules (not server-specific). Ids are stable: reports and tests use them.
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    // --- Closing: 221 and 421 (RFC 5321 §3.8, §4.1.1.10) ---
    rule("quit_221", Ctx::Only(&[Quit]), CodePat::OneOf(&[221]), None, OK,
        "The normal, graceful end of the session: the server acknowledges QUIT and closes.",
        ""),
    rule("quit_other", Ctx::Only(&[Quit]), CodePat::Any, None, WARN,
        "QUIT should be answered with 221; this server answered something else, though the session ends anyway.",
        "Nothing to do for the probe. Operator: the server's QUIT handling is non-standard."),
    rule("unsolicited_221", Ctx::Only(&[Unsolicited]), CodePat::OneOf(&[221]), None, CRIT,
        "The server is closing the connection on its own, without being asked to: a shutdown, an idle timeout, or too many errors.",
        "Find out why: look at the text, at how long the session was idle, and at the commands just before. Operator: check timeouts and error limits."),
    rule("closing_221", Ctx::Except(&[Quit, Unsolicited]), CodePat::OneOf(&[221]), None, CRIT,
        "The server answered this command by closing the connection: it is hanging up on us (shutdown, timeout, too many errors, or a policy that ends the session).",
        "Find out why from the text and the server's logs; the session cannot continue."),
    rule("greeting_421", Ctx::Only(&[Greeting]), CodePat::OneOf(&[421]), None, CRIT,
        "The server refuses to serve us right now and closes at once: it is overloaded, rate-limiting, or temporarily blocking our address.",
        "Retry later and read the text for a reason. If it persists from several networks, the service is down. Operator: check load, connection limits and blocklists."),
    rule("starttls_421", Ctx::Only(&[StartTls]), CodePat::OneOf(&[421]), None, CRIT,
        "The server answered STARTTLS by closing the connection: TLS cannot be set up there now (TLS misconfigured or unavailable) and it ends the session.",
        "Operator: check the TLS certificate, key and library. A client that requires TLS cannot deliver here."),
    rule("unsolicited_421", Ctx::Only(&[Unsolicited]), CodePat::OneOf(&[421]), None, CRIT,
        "The server announced that it is closing the connection, without being asked: typically a shutdown, an idle timeout or too many errors.",
        "Retry later; find out why from the text. Operator: check shutdowns, timeouts and error limits."),
    rule("session_421", Ctx::Except(&[Greeting, StartTls, Unsolicited]), CodePat::OneOf(&[421]), None, CRIT,
        "In the middle of the session the server says it cannot continue and closes the connection (shutdown, timeout, resource limits, too many errors).",
        "Retry later; if it happens at the same step every time, look at that step. Operator: check the logs for why the session was cut."),

    // --- Greeting (RFC 5321 §3.1, §4.3.2) ---
    rule("greeting_220", Ctx::Only(&[Greeting]), CodePat::OneOf(&[220]), None, OK,
        "The server is ready: an SMTP service is answering on this address.",
        ""),
    rule("greeting_554", Ctx::Only(&[Greeting]), CodePat::OneOf(&[554]), None, CRIT,
        "No SMTP service here for us: the server refuses the session from the start, usually because our address is blocklisted or the host does not offer mail service.",
        "Check whether the probe's IP address is on a blocklist, and whether this is really the domain's MX. Operator: 554 for everyone means the service is closed."),
    rule("greeting_521_556", Ctx::Only(&[Greeting]), CodePat::OneOf(&[521, 556]), None, CRIT,
        "This host accepts no mail at all (RFC 7504): the refusal is about the host, not about us.",
        "Check the domain's MX records: mail should not be sent to this host. Operator: if it should receive mail, fix its configuration."),
    rule("greeting_2xx", Ctx::Only(&[Greeting]), CodePat::Class(2), None, WARN,
        "The greeting should be 220; this server opened with another positive code, which some clients will not accept.",
        "Operator: send 220 as the greeting (RFC 5321 §4.3.2)."),
    rule("greeting_4xx", Ctx::Only(&[Greeting]), CodePat::Class(4), None, CRIT,
        "The server refuses the session for now, before any command.",
        "Retry later and read the text for a reason."),
    rule("greeting_5xx", Ctx::Only(&[Greeting]), CodePat::Class(5), None, CRIT,
        "The server refuses the session permanently, before any command.",
        "Read the text; check blocklists and that this is the right host."),

    // --- EHLO / HELO (RFC 5321 §4.1.1.1) ---
    rule("ehlo_250", Ctx::Only(&[Ehlo]), CodePat::OneOf(&[250]), None, OK,
        "The server accepted EHLO and listed the extensions it supports.",
        ""),
    rule("ehlo_not_supported", Ctx::Only(&[Ehlo]), CodePat::OneOf(&[500, 502, 504, 550]), None, OK,
        "The server does not support or refuses EHLO; a client falls back to HELO and continues without extensions (no STARTTLS, no SIZE, no PIPELINING).",
        "The probe falls back to HELO. Operator: without EHLO there is no STARTTLS, so mail to this host travels unencrypted."),
    rule("ehlo_501", Ctx::Only(&[Ehlo, Helo]), CodePat::OneOf(&[501]), None, CRIT,
        "The server rejects the name we gave in EHLO/HELO as syntactically invalid.",
        "Use a fully qualified domain name or an address literal such as [192.0.2.1] as the EHLO name."),
    rule("ehlo_4xx", Ctx::Only(&[Ehlo]), CodePat::Class(4), None, CRIT,
        "The server refuses EHLO for now; the session cannot go on.",
        "Retry later and read the text."),
    rule("ehlo_5xx", Ctx::Only(&[Ehlo]), CodePat::Class(5), None, CRIT,
        "The server refuses EHLO permanently (often a policy on the client's name or address).",
        "Read the text; check the EHLO name and the probe's reverse DNS."),
    rule("helo_250", Ctx::Only(&[Helo]), CodePat::OneOf(&[250]), None, OK,
        "The server accepted HELO; the session goes on without SMTP extensions.",
        ""),
    rule("helo_4xx", Ctx::Only(&[Helo]), CodePat::Class(4), None, CRIT,
        "The server refuses HELO for now; the session cannot go on.",
        "Retry later and read the text."),
    rule("helo_5xx", Ctx::Only(&[Helo]), CodePat::Class(5), None, CRIT,
        "The server refuses HELO permanently; no mail can be sent in this session.",
        "Read the text; check the HELO name and the probe's reverse DNS."),

    // --- MAIL (RFC 5321 §4.1.1.2; RFC 4954 §6) ---
    rule("mail_250", Ctx::Only(&[Mail]), CodePat::OneOf(&[250]), None, OK,
        "The server accepted the envelope sender; recipients can be tried next.",
        ""),
    rule("mail_530", Ctx::Only(&[Mail]), CodePat::OneOf(&[530]), None, CRIT,
        "The server wants authentication (usually 5.7.0) before accepting a sender. On a submission port that is expected; on an inbound MX it means the server will not take mail from the Internet for its own domains.",
        "On a submission port, authenticate (AUTH after STARTTLS). Operator of an MX: accept unauthenticated mail for local domains on port 25."),
    rule("mail_530_570", Ctx::Only(&[Mail]), CodePat::OneOf(&[530]), Some(EnhPat::Exact(7, 0)), CRIT,
        "Authentication required (530 5.7.0): the server will not accept a sender from an unauthenticated client. Normal on a submission port (587); on an inbound MX on port 25 it means no mail from the Internet is accepted.",
        "On a submission port, authenticate (AUTH after STARTTLS). Operator of an MX: accept unauthenticated mail for local domains on port 25."),
    rule("mail_503", Ctx::Only(&[Mail]), CodePat::OneOf(&[503]), None, WARN,
        "MAIL came at the wrong moment: before EHLO/HELO succeeded, or while a transaction was already open.",
        "Check that EHLO succeeded; send RSET before starting a new transaction."),
    rule("mail_501_553", Ctx::Only(&[Mail]), CodePat::OneOf(&[501, 553]), None, WARN,
        "The server rejects our sender address: malformed, or not acceptable to its policy (e.g. a domain that does not exist).",
        "Use --mail-from with a real, fully qualified address whose domain has DNS records."),
    rule("mail_4xx", Ctx::Only(&[Mail]), CodePat::Class(4), None, WARN,
        "The server refuses our sender for now: greylisting, a failed DNS check of the sender domain, or a temporary limit.",
        "Retry in a few minutes; a real mail server would retry on its own."),
    rule("mail_5xx", Ctx::Only(&[Mail]), CodePat::Class(5), None, WARN,
        "The server refuses our sender permanently, by policy or because of our address or IP; recipients cannot be tested in this session.",
        "Read the text: it often names a blocklist or a policy. Try another --mail-from, or probe from another network."),

    // --- RCPT (RFC 5321 §4.1.1.3, §3.6) ---
    rule("rcpt_250", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[250]), None, OK,
        "The server accepts mail for this recipient. Some servers accept every address (catch-all) and reject later; the canary check tells which.",
        ""),
    rule("rcpt_251", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[251]), None, OK,
        "The recipient is not local but the server accepts the mail and will forward it.",
        ""),
    rule("rcpt_450_451_471", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[450, 451]), Some(EnhPat::Exact(7, 1)), WARN,
        "A temporary policy refusal, most often greylisting: the server turns away the first attempt from an unknown sender and accepts a retry after a few minutes.",
        "Retry after a few minutes (real mail servers do). If it never clears, the sender or IP is being held back by reputation."),
    rule("rcpt_450", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[450]), None, WARN,
        "The mailbox is not available right now: greylisting, a busy mailbox, or a temporary check that failed.",
        "Retry later; read the text for the reason."),
    rule("rcpt_451", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[451]), None, WARN,
        "The server had a temporary problem handling this recipient (a failed lookup, greylisting, a back end unavailable).",
        "Retry later; if it persists, tell the server's operator the exact text and time."),
    rule("rcpt_452", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[452]), None, WARN,
        "Too many recipients in this transaction, or the server is short of storage.",
        "Send the remaining recipients in another transaction, or retry later."),
    rule("rcpt_4xx", Ctx::Only(&[Rcpt]), CodePat::Class(4), None, WARN,
        "The recipient was refused for now; nothing is known yet about whether it exists.",
        "Retry later."),
    rule("rcpt_550_511", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[550]), Some(EnhPat::Exact(1, 1)), WARN,
        "No such mailbox: the server says this user does not exist at this domain.",
        "Check the address for typos; ask the recipient for the right one."),
    rule("rcpt_550_571", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[550]), Some(EnhPat::Exact(7, 1)), WARN,
        "Refused by policy, not because the user is unknown: most often relaying denied (this server does not receive mail for that domain) or a block on the sender or its IP.",
        "Make sure you are talking to the recipient domain's own MX; read the text for a block reason. Authenticate if you meant to relay."),
    rule("rcpt_5xx_policy", Ctx::Only(&[Rcpt]), CodePat::Class(5), Some(EnhPat::Subject(7)), WARN,
        "Refused by a security or policy rule (relaying, reputation, sender authentication), not because the user is unknown.",
        "Read the text and the enhanced code; check you are at the right MX and that the sender domain's SPF/DKIM/DMARC are in order."),
    rule("rcpt_5xx_address", Ctx::Only(&[Rcpt]), CodePat::Class(5), Some(EnhPat::Subject(1)), WARN,
        "The address is wrong: the user or the domain does not exist here, or the syntax is bad.",
        "Check the address for typos."),
    rule("rcpt_550", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[550]), None, WARN,
        "The recipient was refused permanently: unknown mailbox, or a policy. Without an enhanced code, the text is the only clue.",
        "Read the text: \"unknown\", \"no such user\" mean the address is wrong; \"relay\", \"denied\", \"blocked\" mean policy."),
    rule("rcpt_551", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[551]), None, WARN,
        "The user is not hosted here and the server will not forward; the text may give the right address.",
        "Use the address the text suggests."),
    rule("rcpt_552", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[552]), None, WARN,
        "The recipient's storage is exhausted (mailbox over quota) or the message would be too large.",
        "Tell the recipient by other means; retry later."),
    rule("rcpt_553", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[553]), None, WARN,
        "The recipient address is not allowed: bad syntax, or a name the server will not accept.",
        "Check the address syntax."),
    rule("rcpt_554", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[554]), None, WARN,
        "After RCPT, 554 is a policy rejection of this recipient or of us (relaying denied, blocklist) — not the \"no service here\" it means as a greeting.",
        "Read the text and the enhanced code; check blocklists and that this is the recipient domain's MX."),
    rule("rcpt_556", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[556]), None, WARN,
        "The recipient's domain accepts no mail at all (typically a null MX, RFC 7505).",
        "Do not retry; check the domain for a typo."),
    rule("rcpt_503", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[503]), None, WARN,
        "RCPT came out of order: usually MAIL FROM failed or was never sent.",
        "Look at the reply to MAIL FROM."),
    rule("rcpt_5xx", Ctx::Only(&[Rcpt]), CodePat::Class(5), None, WARN,
        "The recipient was refused permanently.",
        "Read the enhanced code and the text."),

    // --- VRFY and EXPN (RFC 5321 §3.5) ---
    rule("vrfy_250", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[250]), None, OK,
        "The server confirms that the user exists (the text usually gives the full address). If a made-up user also gets 250, the server confirms everything and this says nothing.",
        ""),
    rule("vrfy_251", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[251]), None, OK,
        "The user exists but is not local: the server will forward mail to the address it gives.",
        ""),
    rule("vrfy_252", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[252]), None, OK,
        "The server will neither confirm nor deny that the user exists — usually a deliberate anti-harvesting choice — but will accept mail for it. It is not a \"yes\".",
        "RCPT TO is the reliable check. A 252 means something only if a made-up user gets a different answer (the canary)."),
    rule("vrfy_500", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[500]), None, OK,
        "The server does not know VRFY at all (some servers, OpenSMTPD for one, do not implement it).",
        "Use RCPT TO to check the address."),
    rule("vrfy_502", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[502]), None, OK,
        "VRFY is switched off on this server: a common, deliberate choice against address harvesting.",
        "Use RCPT TO to check the address."),
    rule("vrfy_550", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[550]), None, OK,
        "The server says this user does not exist here (or refuses to look it up). Servers that really verify, such as Postfix, answer 550 5.1.1 for unknown users.",
        "Check the address; confirm with RCPT TO."),
    rule("vrfy_551", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[551]), None, OK,
        "The user is not local and the server will not forward; the text may name the right address.",
        ""),
    rule("vrfy_553", Ctx::Only(&[Vrfy, Expn]), CodePat::OneOf(&[553]), None, OK,
        "The name is ambiguous (it matches several mailboxes) or not allowed.",
        "Give a more exact address."),
    rule("expn_250", Ctx::Only(&[Expn]), CodePat::OneOf(&[250]), None, OK,
        "The server expanded the mailing list: each line names a member.",
        "Operator: EXPN discloses list members; most servers disable it."),
    rule("expn_252", Ctx::Only(&[Expn]), CodePat::OneOf(&[252]), None, OK,
        "The server will neither expand nor deny the list, but would accept mail for it.",
        "RCPT TO is the reliable check for the address itself."),
    rule("expn_500_502", Ctx::Only(&[Expn]), CodePat::OneOf(&[500, 502]), None, OK,
        "EXPN is not implemented or switched off: the usual, deliberate choice.",
        "Use RCPT TO to check the address."),
    rule("expn_550", Ctx::Only(&[Expn]), CodePat::OneOf(&[550]), None, OK,
        "The server refuses to expand this name: no such list, or expansion not allowed.",
        ""),
    rule("vrfy_expn_4xx", Ctx::Only(&[Vrfy, Expn]), CodePat::Class(4), None, WARN,
        "The server could not answer for now.",
        "Retry later, or use RCPT TO."),
    rule("vrfy_expn_501", Ctx::Only(&[Vrfy, Expn]), CodePat::OneOf(&[501]), None, OK,
        "The server did not accept the argument's form (syntax error in parameters): it says nothing yet about whether the name exists. Some servers (Exim, for one) want a full address here.",
        "Use a full address (--vrfy user@domain); when it probes a mail domain, smtpprobe asks once more as name@domain by itself."),
    rule("mail_rcpt_501", Ctx::Only(&[Mail, Rcpt]), CodePat::OneOf(&[501]), None, WARN,
        "The server did not accept the address's syntax (syntax error in parameters): RFC 5321 wants a path like <local@domain>. It says nothing about whether the mailbox exists.",
        "Give a full address, e.g. --rcpt user@example.com (for --mail-from too)."),
    rule("vrfy_expn_5xx", Ctx::Only(&[Vrfy, Expn]), CodePat::Class(5), None, OK,
        "The server refuses to answer. It is allowed to: VRFY and EXPN are optional to honour.",
        "Use RCPT TO to check the address."),

    // --- RSET, NOOP ---
    rule("rset_250", Ctx::Only(&[Rset]), CodePat::OneOf(&[250]), None, OK,
        "The transaction was reset; the session goes on.", ""),
    rule("noop_250", Ctx::Only(&[Noop]), CodePat::OneOf(&[250]), None, OK,
        "The server is alive and answering.", ""),
    rule("rset_noop_failed", Ctx::Only(&[Rset, Noop]), CodePat::Any, None, WARN,
        "RSET and NOOP must always succeed with 250 (RFC 5321 §4.1.1.5, §4.1.1.9); this server answered otherwise.",
        "Operator: the server's handling of this basic command is broken."),

    // --- STARTTLS (RFC 3207 §4) ---
    rule("starttls_220", Ctx::Only(&[StartTls]), CodePat::OneOf(&[220]), None, OK,
        "The server is ready for TLS: the handshake starts now, and afterwards the client sends EHLO again.",
        ""),
    rule("starttls_454", Ctx::Only(&[StartTls]), CodePat::OneOf(&[454]), None, WARN,
        "TLS is not available right now, although the server advertised it: typically a certificate or key problem on the server.",
        "Operator: check the certificate, key and TLS library logs. Senders will fall back to plaintext or defer."),
    rule("starttls_501", Ctx::Only(&[StartTls]), CodePat::OneOf(&[501]), None, WARN,
        "Syntax error: STARTTLS takes no argument, so the server rejected the command as sent.",
        "Send STARTTLS with no argument."),
    rule("starttls_not_supported", Ctx::Only(&[StartTls]), CodePat::OneOf(&[500, 502]), None, WARN,
        "The server does not support STARTTLS: mail to it travels unencrypted.",
        "Operator: enable STARTTLS with a valid certificate."),
    rule("starttls_503", Ctx::Only(&[StartTls]), CodePat::OneOf(&[503]), None, WARN,
        "STARTTLS came at the wrong moment (before EHLO, or TLS is already active).",
        "Send EHLO first; do not repeat STARTTLS inside TLS."),
    rule("starttls_failed", Ctx::Only(&[StartTls]), CodePat::Any, None, WARN,
        "The server did not agree to start TLS.",
        "Read the text. Operator: check the TLS configuration."),

    // --- AUTH (RFC 4954 §4, §6) ---
    rule("auth_235", Ctx::Only(&[Auth]), CodePat::OneOf(&[235]), None, OK,
        "Authentication succeeded.", ""),
    rule("auth_334", Ctx::Only(&[Auth]), CodePat::OneOf(&[334]), None, OK,
        "The server sent an authentication challenge and waits for the client's answer.", ""),
    rule("auth_454", Ctx::Only(&[Auth]), CodePat::OneOf(&[454]), None, WARN,
        "Authentication failed for a temporary reason on the server side (its password back end).",
        "Retry later. Operator: check the authentication back end."),
    rule("auth_535", Ctx::Only(&[Auth]), CodePat::OneOf(&[535]), None, WARN,
        "The credentials were rejected.",
        "Check the user name and password (or app password)."),
    rule("auth_534_538", Ctx::Only(&[Auth]), CodePat::OneOf(&[534, 538]), None, WARN,
        "The mechanism is not acceptable here: too weak, or only allowed over TLS.",
        "Run STARTTLS first, or pick a stronger mechanism."),
    rule("auth_500", Ctx::Only(&[Auth]), CodePat::OneOf(&[500]), None, WARN,
        "The server rejected the AUTH line: either it does not support AUTH, or a line of the exchange was longer than it accepts (5.5.6).",
        "Check that EHLO advertised AUTH; use a mechanism with shorter exchanges."),
    rule("auth_504", Ctx::Only(&[Auth]), CodePat::OneOf(&[504]), None, WARN,
        "The server does not support this authentication mechanism.",
        "Use a mechanism listed in the EHLO AUTH line."),
    rule("auth_failed", Ctx::Only(&[Auth]), CodePat::Any, None, WARN,
        "Authentication did not succeed.",
        "Read the text and the enhanced code."),

    // --- 500 vs 502 vs 504 anywhere else (RFC 5321 §4.2.3, §4.2.4) ---
    rule("command_500", Ctx::Except(&[Greeting, Unsolicited, Vrfy, Expn]), CodePat::OneOf(&[500]), None, WARN,
        "The server did not recognise the command at all (or the line was too long or garbled) — unlike 502, which means it knows the command but does not carry it out.",
        "Check the command for typos or stray bytes."),
    rule("command_502", Ctx::Except(&[Greeting, Unsolicited, Vrfy, Expn]), CodePat::OneOf(&[502]), None, WARN,
        "The server knows this command but does not carry it out (not implemented or switched off) — unlike 500, which means it did not recognise it.",
        "Use another way to reach the same goal."),
    rule("command_504", Ctx::Except(&[Greeting, Unsolicited, Vrfy, Expn]), CodePat::OneOf(&[504]), None, WARN,
        "The command is known, but one of its parameters is not implemented.",
        "Use only parameters the server advertises."),

    // --- Hosts and domains that take no mail (RFC 7504) ---
    rule("no_mail_521", Ctx::Any, CodePat::OneOf(&[521]), None, CRIT,
        "This host accepts no mail at all (RFC 7504).",
        "Check the domain's MX records; mail should not go to this host."),
    rule("no_mail_556", Ctx::Except(&[Greeting]), CodePat::OneOf(&[556]), None, WARN,
        "The destination domain accepts no mail at all (typically a null MX, RFC 7505).",
        "Do not retry; check the domain for a typo."),

    // --- Anything else without a command ---
    rule("unsolicited_other", Ctx::Only(&[Unsolicited]), CodePat::Any, None, WARN,
        "A reply that answers no command: the server is out of step with the conversation (or sent an extra line).",
        "Operator: check for pipelining bugs or banners sent twice."),
    Rule { text: &["greylist"], source: "postgrey default text \"Greylisted, see http://postgrey.schweikert.ch/help/...\"; many greylisting filters say so",
        ..rule("text_greylisted", Ctx::Any, CodePat::Class(4), None, WARN,
        "The text says greylisting: a first attempt from an unknown sender is refused for a few minutes on purpose.",
        "Retry after a few minutes.") },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique() {
        let mut ids: Vec<&str> = RULES
            .iter()
            .chain(super::super::vendors::SERVER_TEXTS)
            .map(|r| r.id)
            .collect();
        ids.sort_unstable();
        for pair in ids.windows(2) {
            assert_ne!(pair[0], pair[1], "duplicate rule id");
        }
    }

    #[test]
    fn every_rule_has_a_summary_and_text_rules_cite_a_source() {
        for r in RULES.iter().chain(super::super::vendors::SERVER_TEXTS) {
            assert!(!r.summary.trim().is_empty(), "{}", r.id);
            if r.server.is_some() {
                assert!(!r.source.trim().is_empty(), "{} needs a source", r.id);
                assert!(
                    !r.text.is_empty(),
                    "{} names a server but matches no text",
                    r.id
                );
            }
            for t in r.text {
                assert_eq!(
                    *t,
                    t.to_lowercase(),
                    "{}: text patterns are lower-case",
                    r.id
                );
            }
        }
    }
}
