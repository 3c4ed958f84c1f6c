//! Context rules: what a reply means for the command it answered, as data.
//!
//! Each rule pairs a context pattern, a code pattern and optionally an enhanced-code pattern
//! or text fragments with what they mean (summary, advice, status). The rule type, its
//! constructor and the matcher that picks the most specific rule live in [`super::rule`];
//! rules that recognise a particular server's wording live in [`super::vendors`].
//!
//! Never here: matching logic, or rules tied to one server's or provider's text.
//!
//! # References
//! - RFC 5321 §4.2.1 (classes), §4.3.2 (which replies each command may get), §3.5.3 (VRFY and
//!   EXPN replies: 250, 251, 252, 550, 551, 553), §3.8 (421 and closing), §4.1.1.10 (QUIT).
//! - RFC 3207 §4 (STARTTLS: 220, 454, 501), RFC 4954 §4, §6 (AUTH), RFC 7504 (521, 556).
//! - RFC 3463 §3.2 (X.1.1), §3.8 (X.7.1); greylisting uses 450/451 with 4.7.1 by convention.

use super::Context::*;
use super::rule::{CodePat, Ctx, EnhPat, Rule};
use crate::exit::Status;

const OK: Status = Status::Ok;
const WARN: Status = Status::Warning;
const CRIT: Status = Status::Critical;

/// The context rules (not server-specific). Ids are stable: reports and tests use them.
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    // --- Closing: 221 and 421 (RFC 5321 §3.8, §4.1.1.10) ---
    Rule::new("quit_221", Ctx::Only(&[Quit]), CodePat::OneOf(&[221]), OK)
        .summary("The normal, graceful end of the session: the server acknowledges QUIT and closes."),
    Rule::new("quit_other", Ctx::Only(&[Quit]), CodePat::Any, WARN)
        .summary("QUIT should be answered with 221; this server answered something else, though the session ends anyway.")
        .advice("Nothing to do for the probe. Operator: the server's QUIT handling is non-standard."),
    Rule::new("unsolicited_221", Ctx::Only(&[Unsolicited]), CodePat::OneOf(&[221]), CRIT)
        .summary("The server is closing the connection on its own, without being asked to: a shutdown, an idle timeout, or too many errors.")
        .advice("Find out why: look at the text, at how long the session was idle, and at the commands just before. Operator: check timeouts and error limits."),
    Rule::new("closing_221", Ctx::Except(&[Quit, Unsolicited]), CodePat::OneOf(&[221]), CRIT)
        .summary("The server answered this command by closing the connection: it is hanging up on us (shutdown, timeout, too many errors, or a policy that ends the session).")
        .pasted("The server answered this command by closing the connection: it hung up on the sending client (shutdown, timeout, too many errors, or a policy that ends the session).")
        .advice("Find out why from the text and the server's logs; the session cannot continue."),
    Rule::new("greeting_421", Ctx::Only(&[Greeting]), CodePat::OneOf(&[421]), CRIT)
        .summary("The server refuses to serve us right now and closes at once: it is overloaded, rate-limiting, or temporarily blocking our address.")
        .pasted("The server refused to serve the sending client at that moment and closed at once: it was overloaded, rate-limiting, or temporarily blocking the sender's address.")
        .advice("Retry later and read the text for a reason. If it persists from several networks, the service is down. Operator: check load, connection limits and blocklists."),
    Rule::new("starttls_421", Ctx::Only(&[StartTls]), CodePat::OneOf(&[421]), CRIT)
        .summary("The server answered STARTTLS by closing the connection: TLS cannot be set up there now (TLS misconfigured or unavailable) and it ends the session.")
        .advice("Operator: check the TLS certificate, key and library. A client that requires TLS cannot deliver here."),
    Rule::new("unsolicited_421", Ctx::Only(&[Unsolicited]), CodePat::OneOf(&[421]), CRIT)
        .summary("The server announced that it is closing the connection, without being asked: typically a shutdown, an idle timeout or too many errors.")
        .advice("Retry later; find out why from the text. Operator: check shutdowns, timeouts and error limits."),
    Rule::new("session_421", Ctx::Except(&[Greeting, StartTls, Unsolicited]), CodePat::OneOf(&[421]), CRIT)
        .summary("In the middle of the session the server says it cannot continue and closes the connection (shutdown, timeout, resource limits, too many errors).")
        .advice("Retry later; if it happens at the same step every time, look at that step. Operator: check the logs for why the session was cut."),

    // --- Greeting (RFC 5321 §3.1, §4.3.2) ---
    Rule::new("greeting_220", Ctx::Only(&[Greeting]), CodePat::OneOf(&[220]), OK)
        .summary("The server is ready: an SMTP service is answering on this address."),
    Rule::new("greeting_554", Ctx::Only(&[Greeting]), CodePat::OneOf(&[554]), CRIT)
        .summary("No SMTP service here for us: the server refuses the session from the start, usually because our address is blocklisted or the host does not offer mail service.")
        .pasted("No SMTP service for this client: the server refused the session from the start, usually because the sending IP is blocklisted or the host does not offer mail service.")
        .advice("Check whether the probe's IP address is on a blocklist, and whether this is really the domain's MX. Operator: 554 for everyone means the service is closed."),
    Rule::new("greeting_521_556", Ctx::Only(&[Greeting]), CodePat::OneOf(&[521, 556]), CRIT)
        .summary("This host accepts no mail at all (RFC 7504): the refusal is about the host, not about us.")
        .pasted("This host accepts no mail at all (RFC 7504): the refusal is about the host, not about the sender.")
        .advice("Check the domain's MX records: mail should not be sent to this host. Operator: if it should receive mail, fix its configuration."),
    Rule::new("greeting_2xx", Ctx::Only(&[Greeting]), CodePat::Class(2), WARN)
        .summary("The greeting should be 220; this server opened with another positive code, which some clients will not accept.")
        .advice("Operator: send 220 as the greeting (RFC 5321 §4.3.2)."),
    Rule::new("greeting_4xx", Ctx::Only(&[Greeting]), CodePat::Class(4), CRIT)
        .summary("The server refuses the session for now, before any command.")
        .advice("Retry later and read the text for a reason."),
    Rule::new("greeting_5xx", Ctx::Only(&[Greeting]), CodePat::Class(5), CRIT)
        .summary("The server refuses the session permanently, before any command.")
        .advice("Read the text; check blocklists and that this is the right host."),

    // --- EHLO / HELO (RFC 5321 §4.1.1.1) ---
    Rule::new("ehlo_250", Ctx::Only(&[Ehlo]), CodePat::OneOf(&[250]), OK)
        .summary("The server accepted EHLO and listed the extensions it supports."),
    Rule::new("ehlo_not_supported", Ctx::Only(&[Ehlo]), CodePat::OneOf(&[500, 502, 504, 550]), OK)
        .summary("The server does not support or refuses EHLO; a client falls back to HELO and continues without extensions (no STARTTLS, no SIZE, no PIPELINING).")
        .advice("The probe falls back to HELO. Operator: without EHLO there is no STARTTLS, so mail to this host travels unencrypted."),
    Rule::new("ehlo_501", Ctx::Only(&[Ehlo, Helo]), CodePat::OneOf(&[501]), CRIT)
        .summary("The server rejects the name we gave in EHLO/HELO as syntactically invalid.")
        .pasted("The server rejected the name the client gave in EHLO/HELO as syntactically invalid.")
        .advice("Use a fully qualified domain name or an address literal such as [192.0.2.1] as the EHLO name."),
    Rule::new("ehlo_4xx", Ctx::Only(&[Ehlo]), CodePat::Class(4), CRIT)
        .summary("The server refuses EHLO for now; the session cannot go on.")
        .advice("Retry later and read the text."),
    Rule::new("ehlo_5xx", Ctx::Only(&[Ehlo]), CodePat::Class(5), CRIT)
        .summary("The server refuses EHLO permanently (often a policy on the client's name or address).")
        .advice("Read the text; check the EHLO name and the probe's reverse DNS."),
    Rule::new("helo_250", Ctx::Only(&[Helo]), CodePat::OneOf(&[250]), OK)
        .summary("The server accepted HELO; the session goes on without SMTP extensions."),
    Rule::new("helo_4xx", Ctx::Only(&[Helo]), CodePat::Class(4), CRIT)
        .summary("The server refuses HELO for now; the session cannot go on.")
        .advice("Retry later and read the text."),
    Rule::new("helo_5xx", Ctx::Only(&[Helo]), CodePat::Class(5), CRIT)
        .summary("The server refuses HELO permanently; no mail can be sent in this session.")
        .advice("Read the text; check the HELO name and the probe's reverse DNS."),

    // --- MAIL (RFC 5321 §4.1.1.2; RFC 4954 §6) ---
    Rule::new("mail_250", Ctx::Only(&[Mail]), CodePat::OneOf(&[250]), OK)
        .summary("The server accepted the envelope sender; recipients can be tried next."),
    Rule::new("mail_530", Ctx::Only(&[Mail]), CodePat::OneOf(&[530]), CRIT)
        .summary("The server wants authentication (usually 5.7.0) before accepting a sender. On a submission port that is expected; on an inbound MX it means the server will not take mail from the Internet for its own domains.")
        .advice("On a submission port, authenticate (AUTH after STARTTLS). Operator of an MX: accept unauthenticated mail for local domains on port 25."),
    Rule::new("mail_530_570", Ctx::Only(&[Mail]), CodePat::OneOf(&[530]), CRIT).enhanced(EnhPat::Exact(7, 0))
        .summary("Authentication required (530 5.7.0): the server will not accept a sender from an unauthenticated client. Normal on a submission port (587); on an inbound MX on port 25 it means no mail from the Internet is accepted.")
        .advice("On a submission port, authenticate (AUTH after STARTTLS). Operator of an MX: accept unauthenticated mail for local domains on port 25."),
    Rule::new("mail_503", Ctx::Only(&[Mail]), CodePat::OneOf(&[503]), WARN)
        .summary("MAIL came at the wrong moment: before EHLO/HELO succeeded, or while a transaction was already open.")
        .advice("Check that EHLO succeeded; send RSET before starting a new transaction."),
    Rule::new("mail_501_553", Ctx::Only(&[Mail]), CodePat::OneOf(&[501, 553]), WARN)
        .summary("The server rejects our sender address: malformed, or not acceptable to its policy (e.g. a domain that does not exist).")
        .pasted("The server rejected the sender address: malformed, or not acceptable to its policy (e.g. a domain that does not exist).")
        .advice("Use --mail-from with a real, fully qualified address whose domain has DNS records."),
    Rule::new("mail_sender_domain_unresolved", Ctx::Only(&[Mail]), CodePat::OneOf(&[450, 451, 550, 553]), WARN)
        .enhanced(EnhPat::Exact(1, 8))
        .summary("The server could not find the domain of our envelope sender in DNS and refuses senders it cannot resolve (RFC 3463 X.1.8, bad sender's system address): the --mail-from domain, not the server, is the cause. Retrying will not help.")
        .pasted("The receiving server could not find the sender's domain in DNS and refuses senders it cannot resolve (RFC 3463 X.1.8): the sending domain needs MX or address records that resolve from the Internet.")
        .advice("Give --mail-from an address whose domain resolves from the server, or leave the default null sender <>. Operator: this is Sendmail's check_mail (accept_unresolvable_domains off) or Postfix's reject_unknown_sender_domain.")
        .source("RFC 3463 §3.2 X.1.8; Sendmail cf/README (FEATURE(accept_unresolvable_domains)); Postfix reject_unknown_sender_domain (unknown_address_reject_code 450)"),
    Rule::new("mail_4xx", Ctx::Only(&[Mail]), CodePat::Class(4), WARN)
        .summary("The server refuses our sender for now: greylisting, a failed DNS check of the sender domain, or a temporary limit.")
        .pasted("The server refused the sender for now: greylisting, a failed DNS check of the sender domain, or a temporary limit; a mail server retries on its own.")
        .advice("Retry in a few minutes; a real mail server would retry on its own."),
    Rule::new("mail_5xx", Ctx::Only(&[Mail]), CodePat::Class(5), WARN)
        .summary("The server refuses our sender permanently, by policy or because of our address or IP; recipients cannot be tested in this session.")
        .pasted("The server refused the sender permanently, by policy or because of the sender's address or IP; no recipient of this message was tried.")
        .advice("Read the text: it often names a blocklist or a policy. Try another --mail-from, or probe from another network."),

    // --- RCPT (RFC 5321 §4.1.1.3, §3.6) ---
    Rule::new("rcpt_250", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[250]), OK)
        .summary("The server accepts mail for this recipient. Some servers accept every address (catch-all) and reject later; the canary check tells which.")
        .pasted("The server accepted this recipient. Some servers accept every address (catch-all) and bounce later, so acceptance alone does not prove the mailbox exists."),
    Rule::new("rcpt_251", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[251]), OK)
        .summary("The recipient is not local but the server accepts the mail and will forward it."),
    Rule::new("rcpt_450_451_471", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[450, 451]), WARN).enhanced(EnhPat::Exact(7, 1))
        .summary("A temporary policy refusal, most often greylisting: the server turns away the first attempt from an unknown sender and accepts a retry after a few minutes.")
        .advice("Retry after a few minutes (real mail servers do). If it never clears, the sender or IP is being held back by reputation."),
    Rule::new("rcpt_450", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[450]), WARN)
        .summary("The mailbox is not available right now: greylisting, a busy mailbox, or a temporary check that failed.")
        .advice("Retry later; read the text for the reason."),
    Rule::new("rcpt_451", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[451]), WARN)
        .summary("The server had a temporary problem handling this recipient (a failed lookup, greylisting, a back end unavailable).")
        .advice("Retry later; if it persists, tell the server's operator the exact text and time."),
    Rule::new("rcpt_452", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[452]), WARN)
        .summary("Too many recipients in this transaction, or the server is short of storage.")
        .advice("Send the remaining recipients in another transaction, or retry later."),
    Rule::new("rcpt_4xx", Ctx::Only(&[Rcpt]), CodePat::Class(4), WARN)
        .summary("The recipient was refused for now; nothing is known yet about whether it exists.")
        .advice("Retry later."),
    Rule::new("rcpt_550_511", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[550]), WARN).enhanced(EnhPat::Exact(1, 1))
        .summary("No such mailbox: the server says this user does not exist at this domain.")
        .advice("Check the address for typos; ask the recipient for the right one."),
    Rule::new("rcpt_550_571", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[550]), WARN).enhanced(EnhPat::Exact(7, 1))
        .summary("Refused by policy, not because the user is unknown: most often relaying denied (this server does not receive mail for that domain) or a block on the sender or its IP.")
        .advice("Make sure you are talking to the recipient domain's own MX; read the text for a block reason. Authenticate if you meant to relay."),
    Rule::new("rcpt_5xx_policy", Ctx::Only(&[Rcpt]), CodePat::Class(5), WARN).enhanced(EnhPat::Subject(7))
        .summary("Refused by a security or policy rule (relaying, reputation, sender authentication), not because the user is unknown.")
        .advice("Read the text and the enhanced code; check you are at the right MX and that the sender domain's SPF/DKIM/DMARC are in order."),
    Rule::new("rcpt_5xx_address", Ctx::Only(&[Rcpt]), CodePat::Class(5), WARN).enhanced(EnhPat::Subject(1))
        .summary("The address is wrong: the user or the domain does not exist here, or the syntax is bad.")
        .advice("Check the address for typos."),
    Rule::new("rcpt_550", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[550]), WARN)
        .summary("The recipient was refused permanently: unknown mailbox, or a policy. Without an enhanced code, the text is the only clue.")
        .advice("Read the text: \"unknown\", \"no such user\" mean the address is wrong; \"relay\", \"denied\", \"blocked\" mean policy."),
    Rule::new("rcpt_551", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[551]), WARN)
        .summary("The user is not hosted here and the server will not forward; the text may give the right address.")
        .advice("Use the address the text suggests."),
    Rule::new("rcpt_552", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[552]), WARN)
        .summary("The recipient's storage is exhausted (mailbox over quota) or the message would be too large.")
        .advice("Tell the recipient by other means; retry later."),
    Rule::new("rcpt_553", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[553]), WARN)
        .summary("The recipient address is not allowed: bad syntax, or a name the server will not accept.")
        .advice("Check the address syntax."),
    Rule::new("rcpt_554", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[554]), WARN)
        .summary("After RCPT, 554 is a policy rejection of this recipient or of us (relaying denied, blocklist) — not the \"no service here\" it means as a greeting.")
        .pasted("After RCPT, 554 is a policy rejection of this recipient or of the sender (relaying denied, blocklist) — not the \"no service here\" it means as a greeting.")
        .advice("Read the text and the enhanced code; check blocklists and that this is the recipient domain's MX."),
    Rule::new("rcpt_556", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[556]), WARN)
        .summary("The recipient's domain accepts no mail at all (typically a null MX, RFC 7505).")
        .advice("Do not retry; check the domain for a typo."),
    Rule::new("rcpt_503", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[503]), WARN)
        .summary("RCPT came out of order: usually MAIL FROM failed or was never sent.")
        .advice("Look at the reply to MAIL FROM."),
    Rule::new("rcpt_5xx", Ctx::Only(&[Rcpt]), CodePat::Class(5), WARN)
        .summary("The recipient was refused permanently.")
        .advice("Read the enhanced code and the text."),

    // --- VRFY and EXPN (RFC 5321 §3.5) ---
    Rule::new("vrfy_250", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[250]), OK)
        .summary("The server confirms that the user exists (the text usually gives the full address). If a made-up user also gets 250, the server confirms everything and this says nothing."),
    Rule::new("vrfy_251", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[251]), OK)
        .summary("The user exists but is not local: the server will forward mail to the address it gives."),
    Rule::new("vrfy_252", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[252]), OK)
        .summary("The server will neither confirm nor deny that the user exists — usually a deliberate anti-harvesting choice — but will accept mail for it. It is not a \"yes\".")
        .advice("RCPT TO is the reliable check. A 252 means something only if a made-up user gets a different answer (the canary)."),
    Rule::new("vrfy_500", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[500]), OK)
        .summary("The server does not know VRFY at all (some servers, OpenSMTPD for one, do not implement it).")
        .advice("Use RCPT TO to check the address."),
    Rule::new("vrfy_502", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[502]), OK)
        .summary("VRFY is switched off on this server: a common, deliberate choice against address harvesting.")
        .advice("Use RCPT TO to check the address."),
    Rule::new("vrfy_550", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[550]), OK)
        .summary("The server says this user does not exist here (or refuses to look it up). Servers that really verify, such as Postfix, answer 550 5.1.1 for unknown users.")
        .advice("Check the address; confirm with RCPT TO."),
    Rule::new("vrfy_551", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[551]), OK)
        .summary("The user is not local and the server will not forward; the text may name the right address."),
    Rule::new("vrfy_553", Ctx::Only(&[Vrfy, Expn]), CodePat::OneOf(&[553]), OK)
        .summary("The name is ambiguous (it matches several mailboxes) or not allowed.")
        .advice("Give a more exact address."),
    Rule::new("expn_250", Ctx::Only(&[Expn]), CodePat::OneOf(&[250]), OK)
        .summary("The server expanded the mailing list: each line names a member.")
        .advice("Operator: EXPN discloses list members; most servers disable it."),
    Rule::new("expn_252", Ctx::Only(&[Expn]), CodePat::OneOf(&[252]), OK)
        .summary("The server will neither expand nor deny the list, but would accept mail for it.")
        .advice("RCPT TO is the reliable check for the address itself."),
    Rule::new("expn_500_502", Ctx::Only(&[Expn]), CodePat::OneOf(&[500, 502]), OK)
        .summary("EXPN is not implemented or switched off: the usual, deliberate choice.")
        .advice("Use RCPT TO to check the address."),
    Rule::new("expn_550", Ctx::Only(&[Expn]), CodePat::OneOf(&[550]), OK)
        .summary("The server refuses to expand this name: no such list, or expansion not allowed."),
    Rule::new("vrfy_expn_4xx", Ctx::Only(&[Vrfy, Expn]), CodePat::Class(4), WARN)
        .summary("The server could not answer for now.")
        .advice("Retry later, or use RCPT TO."),
    Rule::new("vrfy_expn_501", Ctx::Only(&[Vrfy, Expn]), CodePat::OneOf(&[501]), OK)
        .summary("The server did not accept the argument's form (syntax error in parameters): it says nothing yet about whether the name exists. Some servers (Exim, for one) want a full address here.")
        .advice("Use a full address (--vrfy user@domain); when it probes a mail domain, smtpprobe asks once more as name@domain by itself."),
    Rule::new("mail_rcpt_501", Ctx::Only(&[Mail, Rcpt]), CodePat::OneOf(&[501]), WARN)
        .summary("The server did not accept the address's syntax (syntax error in parameters): RFC 5321 wants a path like <local@domain>. It says nothing about whether the mailbox exists.")
        .advice("Give a full address, e.g. --rcpt user@example.com (for --mail-from too)."),
    Rule::new("vrfy_expn_5xx", Ctx::Only(&[Vrfy, Expn]), CodePat::Class(5), OK)
        .summary("The server refuses to answer. It is allowed to: VRFY and EXPN are optional to honour.")
        .advice("Use RCPT TO to check the address."),

    // --- RSET, NOOP ---
    Rule::new("rset_250", Ctx::Only(&[Rset]), CodePat::OneOf(&[250]), OK)
        .summary("The transaction was reset; the session goes on."),
    Rule::new("noop_250", Ctx::Only(&[Noop]), CodePat::OneOf(&[250]), OK)
        .summary("The server is alive and answering."),
    Rule::new("rset_noop_failed", Ctx::Only(&[Rset, Noop]), CodePat::Any, WARN)
        .summary("RSET and NOOP must always succeed with 250 (RFC 5321 §4.1.1.5, §4.1.1.9); this server answered otherwise.")
        .advice("Operator: the server's handling of this basic command is broken."),

    // --- STARTTLS (RFC 3207 §4) ---
    Rule::new("starttls_220", Ctx::Only(&[StartTls]), CodePat::OneOf(&[220]), OK)
        .summary("The server is ready for TLS: the handshake starts now, and afterwards the client sends EHLO again."),
    Rule::new("starttls_454", Ctx::Only(&[StartTls]), CodePat::OneOf(&[454]), WARN)
        .summary("TLS is not available right now, although the server advertised it: typically a certificate or key problem on the server.")
        .advice("Operator: check the certificate, key and TLS library logs. Senders will fall back to plaintext or defer."),
    Rule::new("starttls_501", Ctx::Only(&[StartTls]), CodePat::OneOf(&[501]), WARN)
        .summary("Syntax error: STARTTLS takes no argument, so the server rejected the command as sent.")
        .advice("Send STARTTLS with no argument."),
    Rule::new("starttls_not_supported", Ctx::Only(&[StartTls]), CodePat::OneOf(&[500, 502]), WARN)
        .summary("The server does not support STARTTLS: mail to it travels unencrypted.")
        .advice("Operator: enable STARTTLS with a valid certificate."),
    Rule::new("starttls_503", Ctx::Only(&[StartTls]), CodePat::OneOf(&[503]), WARN)
        .summary("STARTTLS came at the wrong moment (before EHLO, or TLS is already active).")
        .advice("Send EHLO first; do not repeat STARTTLS inside TLS."),
    Rule::new("starttls_failed", Ctx::Only(&[StartTls]), CodePat::Any, WARN)
        .summary("The server did not agree to start TLS.")
        .advice("Read the text. Operator: check the TLS configuration."),

    // --- AUTH (RFC 4954 §4, §6) ---
    Rule::new("auth_235", Ctx::Only(&[Auth]), CodePat::OneOf(&[235]), OK)
        .summary("Authentication succeeded."),
    Rule::new("auth_334", Ctx::Only(&[Auth]), CodePat::OneOf(&[334]), OK)
        .summary("The server sent an authentication challenge and waits for the client's answer."),
    Rule::new("auth_454", Ctx::Only(&[Auth]), CodePat::OneOf(&[454]), WARN)
        .summary("Authentication failed for a temporary reason on the server side (its password back end).")
        .advice("Retry later. Operator: check the authentication back end."),
    Rule::new("auth_535", Ctx::Only(&[Auth]), CodePat::OneOf(&[535]), WARN)
        .summary("The credentials were rejected.")
        .advice("Check the user name and password (or app password)."),
    Rule::new("auth_534_538", Ctx::Only(&[Auth]), CodePat::OneOf(&[534, 538]), WARN)
        .summary("The mechanism is not acceptable here: too weak, or only allowed over TLS.")
        .advice("Run STARTTLS first, or pick a stronger mechanism."),
    Rule::new("auth_500", Ctx::Only(&[Auth]), CodePat::OneOf(&[500]), WARN)
        .summary("The server rejected the AUTH line: either it does not support AUTH, or a line of the exchange was longer than it accepts (5.5.6).")
        .advice("Check that EHLO advertised AUTH; use a mechanism with shorter exchanges."),
    Rule::new("auth_504", Ctx::Only(&[Auth]), CodePat::OneOf(&[504]), WARN)
        .summary("The server does not support this authentication mechanism.")
        .advice("Use a mechanism listed in the EHLO AUTH line."),
    Rule::new("auth_failed", Ctx::Only(&[Auth]), CodePat::Any, WARN)
        .summary("Authentication did not succeed.")
        .advice("Read the text and the enhanced code."),

    // --- 500 vs 502 vs 504 anywhere else (RFC 5321 §4.2.3, §4.2.4) ---
    Rule::new("command_500", Ctx::Except(&[Greeting, Unsolicited, Vrfy, Expn]), CodePat::OneOf(&[500]), WARN)
        .summary("The server did not recognise the command at all (or the line was too long or garbled) — unlike 502, which means it knows the command but does not carry it out.")
        .advice("Check the command for typos or stray bytes."),
    Rule::new("command_502", Ctx::Except(&[Greeting, Unsolicited, Vrfy, Expn]), CodePat::OneOf(&[502]), WARN)
        .summary("The server knows this command but does not carry it out (not implemented or switched off) — unlike 500, which means it did not recognise it.")
        .advice("Use another way to reach the same goal."),
    Rule::new("command_504", Ctx::Except(&[Greeting, Unsolicited, Vrfy, Expn]), CodePat::OneOf(&[504]), WARN)
        .summary("The command is known, but one of its parameters is not implemented.")
        .advice("Use only parameters the server advertises."),

    // --- Hosts and domains that take no mail (RFC 7504) ---
    Rule::new("no_mail_521", Ctx::Any, CodePat::OneOf(&[521]), CRIT)
        .summary("This host accepts no mail at all (RFC 7504).")
        .advice("Check the domain's MX records; mail should not go to this host."),
    Rule::new("no_mail_556", Ctx::Except(&[Greeting]), CodePat::OneOf(&[556]), WARN)
        .summary("The destination domain accepts no mail at all (typically a null MX, RFC 7505).")
        .advice("Do not retry; check the domain for a typo."),

    // --- Anything else without a command ---
    Rule::new("unsolicited_other", Ctx::Only(&[Unsolicited]), CodePat::Any, WARN)
        .summary("A reply that answers no command: the server is out of step with the conversation (or sent an extra line).")
        .advice("Operator: check for pipelining bugs or banners sent twice."),
    Rule::new("text_greylisted", Ctx::Any, CodePat::Class(4), WARN)
        .text(&["greylist"])
        .summary("The text says greylisting: a first attempt from an unknown sender is refused for a few minutes on purpose.")
        .advice("Retry after a few minutes.")
        .source("postgrey default text \"Greylisted, see http://postgrey.schweikert.ch/help/...\"; many greylisting filters say so"),
];
