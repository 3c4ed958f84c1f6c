//! Basic (three-digit) SMTP reply codes, as a sorted table.
//!
//! Only data and lookups live here; what a code means *for the command it answered* is the
//! job of [`super::rules`].
//!
//! # References
//! - RFC 5321 §4.2 (reply codes, theory in §4.2.1, by function in §4.2.2, numeric list in
//!   §4.2.3), §4.3.2 (which command may get which reply), §3.5 (VRFY and EXPN).
//! - RFC 7504 (521 and 556).
//! - RFC 3207 §4 (STARTTLS replies 220, 454, 501).
//! - RFC 4954 §4 and §6 (AUTH replies 235, 334, 432, 454, 500, 530, 534, 535, 538).
//!
//! All wording is this project's own.

/// One basic reply code. Codes used by several standards with different meanings (454, 500,
/// 501, 530) have one entry whose text covers each use; `standard` lists every source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BasicCode {
    pub code: u16,
    pub title: &'static str,
    pub description: &'static str,
    /// When a probe or a client typically meets this reply.
    pub when: &'static str,
    /// What the person running the probe (or the sending client) can do.
    pub fix: &'static str,
    /// What the server's operator can do, when that differs from `fix` (else empty).
    pub operator: &'static str,
    pub standard: &'static str,
}

/// Every code listed by RFC 5321 §4.2.3 (the 24 the issue names plus 354's siblings), RFC 7504,
/// RFC 3207 and RFC 4954. Sorted by code, unique: guarded by tests.
#[rustfmt::skip]
pub const BASIC_CODES: &[BasicCode] = &[
    BasicCode { code: 211, title: "System status",
        description: "A status report about the server, or help about the system, sent in answer to a request for it.",
        when: "Rarely; some servers answer HELP or a non-standard status command with it.",
        fix: "Nothing to fix: it is information.", operator: "",
        standard: "RFC 5321 §4.2.2, §4.2.3" },
    BasicCode { code: 214, title: "Help message",
        description: "Human-readable help about the server or a command, meant for a person at a terminal.",
        when: "In answer to HELP.",
        fix: "Nothing to fix: read it if useful.", operator: "",
        standard: "RFC 5321 §4.1.1.8, §4.2.3" },
    BasicCode { code: 220, title: "Service ready",
        description: "The server is ready. As the greeting it opens the session; as the answer to STARTTLS it means: start the TLS handshake now.",
        when: "First thing after connecting (the greeting), and in answer to STARTTLS.",
        fix: "Nothing to fix. After a 220 to STARTTLS the client must begin TLS immediately.", operator: "",
        standard: "RFC 5321 §3.1, §4.2.3; RFC 3207 §4" },
    BasicCode { code: 221, title: "Closing connection",
        description: "The server is closing the connection. In answer to QUIT this is the normal, graceful end; sent at any other moment it means the server is hanging up on the client.",
        when: "After QUIT (normal). Elsewhere: shutdown, idle timeout, or too many errors.",
        fix: "After QUIT nothing. Elsewhere, find out why the server ended the session (its text, timing, the previous command).",
        operator: "If the server closes sessions early, check its timeouts, error limits and shutdown logs.",
        standard: "RFC 5321 §4.1.1.10, §4.2.3" },
    BasicCode { code: 235, title: "Authentication succeeded",
        description: "The AUTH exchange finished and the client is now authenticated.",
        when: "At the end of a successful AUTH exchange, usually on a submission port.",
        fix: "Nothing to fix.", operator: "",
        standard: "RFC 4954 §6" },
    BasicCode { code: 250, title: "Completed",
        description: "The requested action was done: the command was accepted.",
        when: "In answer to EHLO, HELO, MAIL, RCPT, RSET, NOOP, and to VRFY or EXPN when the server confirms the name.",
        fix: "Nothing to fix.", operator: "",
        standard: "RFC 5321 §4.2.3" },
    BasicCode { code: 251, title: "User not local; will forward",
        description: "The recipient is not hosted here, but the server accepts the mail and will forward it to the path it names.",
        when: "In answer to RCPT or VRFY on servers that forward for some users; uncommon today.",
        fix: "Nothing to fix; the address works, via a forward. Update the address if you want to reach the final host directly.", operator: "",
        standard: "RFC 5321 §3.4, §4.2.3" },
    BasicCode { code: 252, title: "Cannot verify, will accept",
        description: "The server will neither confirm nor deny that the user exists, but would accept a message for it and try to deliver it.",
        when: "In answer to VRFY (or EXPN) on servers that do not disclose who exists: most servers, to resist address harvesting.",
        fix: "Do not read it as \"user exists\". Test with RCPT TO in a mail transaction, and compare with the answer for a surely non-existent user.", operator: "",
        standard: "RFC 5321 §3.5.3, §4.2.3" },
    BasicCode { code: 334, title: "AUTH challenge",
        description: "An intermediate reply in an AUTH exchange: the text (base64) is the server's challenge, and the client must send its response.",
        when: "During AUTH, between the command and the final 235 or 5xx.",
        fix: "Nothing to fix: continue the SASL exchange, or send \"*\" to cancel it.", operator: "",
        standard: "RFC 4954 §4" },
    BasicCode { code: 354, title: "Start mail input",
        description: "The server is ready for the message content, ending with a line holding a single dot.",
        when: "In answer to DATA. The probe never sends DATA, so it never sees this.",
        fix: "Nothing to fix.", operator: "",
        standard: "RFC 5321 §4.1.1.4, §4.2.3" },
    BasicCode { code: 421, title: "Service not available, closing",
        description: "The server cannot serve the client now and is closing the connection. It may be sent in answer to any command, or without one.",
        when: "As the greeting (overloaded, rate limit, client blocked), mid-session (shutdown, timeout, too many errors), or in answer to STARTTLS (TLS unavailable).",
        fix: "Retry later; if it persists, read the text: many servers name the reason (rate limit, reputation, maintenance).",
        operator: "Check load, connection limits, blocklists and TLS configuration; 421 at the greeting for every client means the service is down.",
        standard: "RFC 5321 §3.8, §4.2.3" },
    BasicCode { code: 432, title: "Password transition needed",
        description: "The account must move to the chosen AUTH mechanism; typically the user logs in once with PLAIN (over TLS) to make that possible.",
        when: "In answer to AUTH with a mechanism the account is not yet set up for.",
        fix: "Authenticate once with PLAIN over TLS, then retry the mechanism.",
        operator: "Migrate the stored credentials to the mechanism, or stop offering it.",
        standard: "RFC 4954 §6" },
    BasicCode { code: 450, title: "Mailbox unavailable (temporary)",
        description: "The action was not taken because the mailbox is not available right now: busy, locked, or held back by a temporary policy such as greylisting.",
        when: "In answer to RCPT (or MAIL): greylisting, a busy mailbox, a temporary DNS failure while checking the sender.",
        fix: "Retry later; a real mail server retries on its own. For greylisting, a retry after a few minutes succeeds.",
        operator: "If it never clears, check the policy service (greylisting, DNS checks) that produces it.",
        standard: "RFC 5321 §4.2.3" },
    BasicCode { code: 451, title: "Local error in processing",
        description: "The server aborted the action because of a temporary problem on its side.",
        when: "In answer to MAIL, RCPT or after the message: a failing lookup, a full queue, greylisting (often with 4.7.1).",
        fix: "Retry later. If it persists, tell the server's operator with the exact text and time.",
        operator: "Check the server's logs at that time: the lookup or back end that failed.",
        standard: "RFC 5321 §4.2.3" },
    BasicCode { code: 452, title: "Insufficient storage",
        description: "The action was not taken because the server lacks storage, or (after RCPT) too many recipients were given in one transaction.",
        when: "In answer to MAIL or RCPT when the disk or queue is full, or after too many RCPT commands.",
        fix: "Retry later; for too many recipients, send the rest in another transaction.",
        operator: "Free disk or queue space; review the recipient limit.",
        standard: "RFC 5321 §4.2.3, §4.5.3.1.10" },
    BasicCode { code: 454, title: "TLS or authentication temporarily unavailable",
        description: "In answer to STARTTLS: TLS is not available right now. In answer to AUTH: authentication failed for a temporary reason on the server side.",
        when: "After STARTTLS (broken or missing certificate, TLS library failure) or AUTH (the password back end is down).",
        fix: "Retry later. After STARTTLS, a client may continue without TLS only if its policy allows plaintext.",
        operator: "Check the TLS certificate and key, or the authentication back end.",
        standard: "RFC 3207 §4; RFC 4954 §6" },
    BasicCode { code: 455, title: "Server unable to accommodate parameters",
        description: "The server cannot handle the MAIL or RCPT parameters right now, but might later.",
        when: "In answer to MAIL or RCPT with extension parameters (SIZE, for example) the server cannot meet at the moment.",
        fix: "Retry later, or without the parameter.",
        operator: "Check the limit that the parameter hits.",
        standard: "RFC 5321 §4.2.3" },
    BasicCode { code: 500, title: "Syntax error, command unrecognized",
        description: "The server did not recognise the command at all, or the line was too long. In answer to an AUTH response it means the line exceeded the server's limit.",
        when: "After a command the server does not know (some servers, OpenSMTPD for instance, answer VRFY this way), after a garbled line, or to EHLO on very old servers.",
        fix: "Check the command for typos or stray bytes. After EHLO, fall back to HELO. After VRFY, the server does not support it: use RCPT.",
        operator: "",
        standard: "RFC 5321 §4.2.3; RFC 4954 §4" },
    BasicCode { code: 501, title: "Syntax error in parameters",
        description: "The command was recognised but its argument is malformed: a bad address, a bad domain, or an argument where none is allowed (STARTTLS takes none).",
        when: "After MAIL/RCPT with a malformed address, EHLO with an invalid name, VRFY without an argument, STARTTLS with an argument, or a bad AUTH exchange.",
        fix: "Correct the argument: angle brackets around addresses, a valid domain or address literal in EHLO.",
        operator: "",
        standard: "RFC 5321 §4.2.3; RFC 3207 §4; RFC 4954 §4" },
    BasicCode { code: 502, title: "Command not implemented",
        description: "The server knows the command but does not carry it out: it is not implemented or has been switched off.",
        when: "Most often after VRFY or EXPN that the operator disabled (Postfix: \"VRFY command is disabled\"), or after optional commands such as TURN.",
        fix: "Use another way: RCPT TO instead of VRFY. After EHLO, fall back to HELO.",
        operator: "",
        standard: "RFC 5321 §4.2.3, §4.2.4" },
    BasicCode { code: 503, title: "Bad sequence of commands",
        description: "The command is valid but not at this point of the session, e.g. RCPT before MAIL, or MAIL before EHLO.",
        when: "When a client skips or repeats a step, or after a failed command it ignored.",
        fix: "Follow the order: EHLO, (STARTTLS, EHLO), MAIL, RCPT. Check that earlier commands succeeded.",
        operator: "",
        standard: "RFC 5321 §4.2.3, §4.3.2" },
    BasicCode { code: 504, title: "Command parameter not implemented",
        description: "The command is known but one of its parameters is not supported, e.g. an AUTH mechanism the server does not offer.",
        when: "After AUTH with an unsupported mechanism, or a command with an unknown option.",
        fix: "Use only parameters and mechanisms the server lists in its EHLO reply.",
        operator: "",
        standard: "RFC 5321 §4.2.3" },
    BasicCode { code: 521, title: "Host does not accept mail",
        description: "This host accepts no mail at all, ever. It is a statement about the host, not about one message.",
        when: "As the greeting of a host that exists for other reasons, or that a domain uses with a null MX.",
        fix: "Do not retry here. Check the domain's MX records: this host should not be receiving mail.",
        operator: "If the host should receive mail, fix its configuration; if not, publish correct MX (or a null MX) records.",
        standard: "RFC 7504" },
    BasicCode { code: 530, title: "Authentication required",
        description: "The server requires the client to authenticate (or, with some servers, to start TLS) before this command.",
        when: "After MAIL on a submission port (587) or on a server configured to relay only for authenticated users.",
        fix: "Authenticate first (AUTH) over TLS. On an inbound MX (port 25) this is a misconfiguration: such a server must accept mail for its own domains without authentication.",
        operator: "On a public MX, accept unauthenticated mail for your own domains; require AUTH only on submission.",
        standard: "RFC 4954 §6; RFC 3207 §4" },
    BasicCode { code: 534, title: "Authentication mechanism too weak",
        description: "The chosen AUTH mechanism is weaker than the server's policy allows for this user.",
        when: "After AUTH with a weak mechanism such as LOGIN or PLAIN where the policy wants more.",
        fix: "Choose a stronger mechanism from the EHLO list.", operator: "",
        standard: "RFC 4954 §6" },
    BasicCode { code: 535, title: "Authentication credentials invalid",
        description: "Authentication failed: wrong user name or password, or credentials not allowed.",
        when: "At the end of an AUTH exchange.",
        fix: "Check the user name and password; check whether the account needs an app-specific password.", operator: "",
        standard: "RFC 4954 §6" },
    BasicCode { code: 538, title: "Encryption required for mechanism",
        description: "The chosen AUTH mechanism may only be used over an encrypted connection.",
        when: "After AUTH PLAIN or LOGIN on a connection without TLS.",
        fix: "Run STARTTLS first, then authenticate.",
        operator: "Do not advertise plaintext mechanisms before TLS.",
        standard: "RFC 4954 §6" },
    BasicCode { code: 550, title: "Mailbox unavailable (permanent)",
        description: "The action was not taken, permanently: the mailbox does not exist, access is denied, or a policy refused the command. The enhanced code and text say which.",
        when: "Most often after RCPT: unknown user (5.1.1), relaying denied or policy (5.7.1). Also after MAIL for a refused sender.",
        fix: "Read the enhanced code: 5.1.x means the address is wrong; 5.7.x means a policy refused it (relaying, reputation, authentication).",
        operator: "For unexpected rejections, check which check (recipient map, relay restriction, blocklist) produced it in the logs.",
        standard: "RFC 5321 §4.2.3" },
    BasicCode { code: 551, title: "User not local; try another path",
        description: "The recipient is not hosted here and the server will not forward; the text may suggest where to send instead.",
        when: "After RCPT on servers that know a user's new address but refuse to forward. Rare.",
        fix: "Use the address the text suggests, or ask the recipient for the current one.", operator: "",
        standard: "RFC 5321 §3.4, §4.2.3" },
    BasicCode { code: 552, title: "Exceeded storage allocation",
        description: "The action was aborted because a storage limit was exceeded: the mailbox quota, or the message size limit.",
        when: "After RCPT or MAIL with a SIZE too large for the mailbox or server, or after the message body.",
        fix: "Send a smaller message; ask the recipient to free space.",
        operator: "Review quotas and the message size limit (advertised in EHLO SIZE).",
        standard: "RFC 5321 §4.2.3, §4.5.3.1.10" },
    BasicCode { code: 553, title: "Mailbox name not allowed",
        description: "The action was not taken because the mailbox name is not allowed: bad syntax, or (after VRFY) ambiguous.",
        when: "After MAIL or RCPT with a malformed address, or a sender address the server refuses to accept.",
        fix: "Check the address syntax; use a fully qualified address with a real domain.",
        operator: "",
        standard: "RFC 5321 §3.5.4, §4.2.3" },
    BasicCode { code: 554, title: "Transaction failed / no service",
        description: "As the greeting: no SMTP service here, the client is refused. Elsewhere: the transaction failed, usually for policy (often with 5.7.1).",
        when: "As the greeting for a blocked client or a closed service; after RCPT for relaying or policy denials; after the message for content rejections.",
        fix: "At the greeting: check whether your address is blocklisted, or whether you reached the right host. After RCPT: read the enhanced code and text.",
        operator: "At the greeting for everyone, the service is closed; for one client, check blocklists and connection policy.",
        standard: "RFC 5321 §3.1, §4.2.3" },
    BasicCode { code: 555, title: "MAIL or RCPT parameters not recognized",
        description: "A parameter given with MAIL FROM or RCPT TO is not recognised or not implemented.",
        when: "After MAIL or RCPT with an extension parameter the server did not advertise.",
        fix: "Send only parameters the EHLO reply advertises.", operator: "",
        standard: "RFC 5321 §4.2.3" },
    BasicCode { code: 556, title: "Domain does not accept mail",
        description: "The recipient's domain accepts no mail at all (typically it publishes a null MX). Reported by an intermediate server about a destination.",
        when: "After RCPT to an address whose domain has a null MX, or whose MX hosts answer 521.",
        fix: "Do not retry: the domain receives no mail. Check the address for a typo in the domain.",
        operator: "If the domain should receive mail, publish real MX records.",
        standard: "RFC 7504; RFC 7505 §4.2" },
];

/// The entry for `code`, if it is in the table.
pub fn basic(code: u16) -> Option<&'static BasicCode> {
    BASIC_CODES
        .binary_search_by_key(&code, |c| c.code)
        .ok()
        .map(|i| &BASIC_CODES[i])
}

/// The one command a reply code answers wherever it is defined, if there is one: a pasted
/// reply with such a code names its step without any other word. RFC 4954 defines 235, 334,
/// 534, 535 and 538 only as replies to AUTH (§4, §6: "535 5.7.8 Authentication credentials
/// invalid … in response to the AUTH command"), and RFC 5321 354 only as the reply to DATA
/// (§4.3.2, "DATA … I: 354 -> data"). Not 530 (authentication required answers MAIL or
/// any command), 454 (also STARTTLS's), 221 (QUIT's, but also a server that closes on its
/// own) nor 220 (the greeting and STARTTLS).
pub fn sole_command(code: u16) -> Option<super::Context> {
    match code {
        235 | 334 | 534 | 535 | 538 => Some(super::Context::Auth),
        354 => Some(super::Context::Data),
        _ => None,
    }
}

/// What the first digit of a reply code says (RFC 5321 §4.2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClassInfo {
    pub digit: u8,
    pub title: &'static str,
    pub description: &'static str,
}

/// What the second digit says (RFC 5321 §4.2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryInfo {
    pub digit: u8,
    pub title: &'static str,
    pub description: &'static str,
}

#[rustfmt::skip]
pub const REPLY_CLASSES: &[ClassInfo] = &[
    ClassInfo { digit: 2, title: "2xx positive completion",
        description: "The command succeeded; the client may send the next one." },
    ClassInfo { digit: 3, title: "3xx positive intermediate",
        description: "The command was accepted so far; the server waits for more (message content, an AUTH response)." },
    ClassInfo { digit: 4, title: "4xx transient negative",
        description: "The command failed for now; the same command may succeed later, so a client should retry." },
    ClassInfo { digit: 5, title: "5xx permanent negative",
        description: "The command failed and repeating it unchanged will fail again; something must change first." },
];

#[rustfmt::skip]
pub const REPLY_CATEGORIES: &[CategoryInfo] = &[
    CategoryInfo { digit: 0, title: "syntax",
        description: "about the syntax of the command, or a command that is unknown or not implemented" },
    CategoryInfo { digit: 1, title: "information",
        description: "a reply to a request for information, such as status or help" },
    CategoryInfo { digit: 2, title: "connections",
        description: "about the transmission channel (the connection)" },
    CategoryInfo { digit: 3, title: "unspecified",
        description: "a category RFC 5321 leaves unassigned" },
    CategoryInfo { digit: 4, title: "unspecified",
        description: "a category RFC 5321 leaves unassigned" },
    CategoryInfo { digit: 5, title: "mail system",
        description: "about the state of the receiving mail system (mailboxes, storage, policy)" },
];

/// The class (first digit) of a code, when it is one RFC 5321 defines (2–5).
pub fn reply_class(code: u16) -> Option<&'static ClassInfo> {
    let digit = u8::try_from(code / 100).ok()?;
    REPLY_CLASSES.iter().find(|c| c.digit == digit)
}

/// The category (second digit) of a code, when RFC 5321 names one (0–5).
pub fn reply_category(code: u16) -> Option<&'static CategoryInfo> {
    let digit = u8::try_from((code / 10) % 10).ok()?;
    REPLY_CATEGORIES.iter().find(|c| c.digit == digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_defined_for_one_command_names_it() {
        use super::super::Context;
        for code in [235, 334, 534, 535, 538] {
            assert_eq!(sole_command(code), Some(Context::Auth), "{code}");
        }
        assert_eq!(sole_command(354), Some(Context::Data));
        // Codes that answer more than one command name none.
        for code in [220, 221, 250, 421, 454, 530, 550] {
            assert_eq!(sole_command(code), None, "{code}");
        }
        // Each named code is in the table, and the table says when it is seen.
        for code in [235, 334, 354, 534, 535, 538] {
            assert!(basic(code).is_some(), "{code}");
        }
    }

    #[test]
    fn basic_table_is_sorted_and_unique() {
        for pair in BASIC_CODES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} before {}",
                pair[0].code,
                pair[1].code
            );
        }
    }

    #[test]
    fn every_basic_entry_is_complete() {
        for c in BASIC_CODES {
            // RFC 5321 §4.2: three digits, the first 2–5, the second 0–5.
            let well_formed = (200..=599).contains(&c.code) && (c.code / 10) % 10 <= 5;
            assert!(well_formed, "{}", c.code);
            for (name, field) in [
                ("title", c.title),
                ("description", c.description),
                ("when", c.when),
                ("fix", c.fix),
                ("standard", c.standard),
            ] {
                assert!(!field.trim().is_empty(), "{} has an empty {name}", c.code);
            }
            assert!(c.standard.contains("RFC"), "{}", c.code);
        }
    }

    #[test]
    fn covers_rfc5321_and_extension_codes() {
        // RFC 5321 §4.2.3, RFC 7504, RFC 3207 §4, RFC 4954 §4/§6.
        let required = [
            211, 214, 220, 221, 250, 251, 252, 354, 421, 450, 451, 452, 455, 500, 501, 502, 503,
            504, 550, 551, 552, 553, 554, 555, 521, 556, 454, 235, 334, 432, 530, 534, 535, 538,
        ];
        for code in required {
            assert!(basic(code).is_some(), "missing {code}");
        }
    }

    #[test]
    fn class_and_category_fallback() {
        assert_eq!(reply_class(299).map(|c| c.digit), Some(2));
        assert_eq!(reply_category(259).map(|c| c.title), Some("mail system"));
        assert!(reply_category(299).is_none());
        assert!(reply_class(999).is_none());
        assert!(reply_class(199).is_none());
    }
}
