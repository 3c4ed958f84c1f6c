//! Enhanced mail system status codes (`class.subject.detail`), as sorted tables: the three
//! classes, the eight subjects and every code enumerated in the IANA "SMTP Enhanced Status
//! Codes" registry (X.0.0 through X.7.30). `fixtures/iana-enhanced-status-codes.txt` lists the
//! registry with its provenance; a test checks this table against it.
//!
//! Lookup falls back from the exact code to its subject (`X.Y.*`) and then to its class
//! (`X.*.*`), because providers invent their own details (Microsoft's 5.7.606, for instance).
//!
//! # References
//! - RFC 3463 §2 (structure, classes, subjects) and §3.1–§3.8 (the enumerated codes).
//! - RFC 5248 (the IANA registry), RFC 3886 (X.1.9), RFC 7505 (X.1.10, X.7.27),
//!   RFC 6710 (X.3.6, X.7.15, X.7.16), RFC 4954 (X.5.6, X.7.8, X.7.9, X.7.11, X.7.12),
//!   RFC 4468 (X.6.6), RFC 6531 (X.6.7–X.6.10), RFC 7293 (X.7.17–X.7.19),
//!   RFC 7372 (X.7.20–X.7.26), RFC 8617 (X.7.29), RFC 8689 (X.7.30).
//!
//! All wording is this project's own.

use crate::smtp::reply::EnhancedCode;
use serde::{Deserialize, Serialize};

/// One enumerated code, without its class (the registry lists them as `X.subject.detail`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnhancedEntry {
    pub subject: u16,
    pub detail: u16,
    pub title: &'static str,
    pub description: &'static str,
    pub when: &'static str,
    pub fix: &'static str,
    pub standard: &'static str,
}

/// A class (2, 4 or 5) or a subject (0–7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub number: u16,
    pub title: &'static str,
    pub description: &'static str,
    pub standard: &'static str,
}

#[rustfmt::skip]
pub const CLASSES: &[Part] = &[
    Part { number: 2, title: "Success", standard: "RFC 3463 §2",
        description: "The action succeeded; the detail may report something worth knowing about how." },
    Part { number: 4, title: "Persistent transient failure", standard: "RFC 3463 §2",
        description: "The request is valid but a temporary condition stopped it; the same request may succeed later." },
    Part { number: 5, title: "Permanent failure", standard: "RFC 3463 §2",
        description: "The request will not succeed as it stands; something must change before trying again." },
];

#[rustfmt::skip]
pub const SUBJECTS: &[Part] = &[
    Part { number: 0, title: "Other or undefined", standard: "RFC 3463 §2, §3.1",
        description: "No more specific subject is given." },
    Part { number: 1, title: "Addressing", standard: "RFC 3463 §2, §3.2",
        description: "About the sender's or the recipient's address: syntax, existence, the domain." },
    Part { number: 2, title: "Mailbox", standard: "RFC 3463 §2, §3.3",
        description: "About the recipient's mailbox, which exists: full, disabled, limits. Under the recipient's control." },
    Part { number: 3, title: "Mail system", standard: "RFC 3463 §2, §3.4",
        description: "About the receiving system as a whole: storage, load, configuration, size limits." },
    Part { number: 4, title: "Network and routing", standard: "RFC 3463 §2, §3.5",
        description: "About reaching the destination: connections, DNS and other directories, routing loops, delays." },
    Part { number: 5, title: "Mail delivery protocol", standard: "RFC 3463 §2, §3.6",
        description: "About the SMTP conversation itself: unknown commands, bad syntax, bad arguments." },
    Part { number: 6, title: "Message content or media", standard: "RFC 3463 §2, §3.7",
        description: "About the message's content: media types, conversions, internationalised addresses." },
    Part { number: 7, title: "Security or policy", standard: "RFC 3463 §2, §3.8",
        description: "A security or policy decision: relaying, authentication, encryption, reputation, sender checks." },
];

const fn e(
    subject: u16,
    detail: u16,
    title: &'static str,
    description: &'static str,
    when: &'static str,
    fix: &'static str,
    standard: &'static str,
) -> EnhancedEntry {
    EnhancedEntry {
        subject,
        detail,
        title,
        description,
        when,
        fix,
        standard,
    }
}

/// Every code of the IANA registry, sorted by (subject, detail), unique.
#[rustfmt::skip]
pub const ENHANCED_CODES: &[EnhancedEntry] = &[
    e(0, 0, "Other undefined status",
        "Only the class is known; the server gives no more detail.",
        "With any reply from servers that always send X.0.0, or for errors they do not classify.",
        "Read the reply text: it is the only evidence.", "RFC 3463 §3.1"),
    e(1, 0, "Other address status",
        "Something about an address caused the problem, without more detail.",
        "After MAIL or RCPT.", "Check both the sender and the recipient address.", "RFC 3463 §3.2"),
    e(1, 1, "Bad destination mailbox address",
        "The recipient mailbox does not exist: the part left of the @ is unknown at this domain.",
        "After RCPT (or VRFY) for an unknown user; the classic \"user unknown\".",
        "Check the address for typos; ask the recipient for the right one. Do not keep retrying.", "RFC 3463 §3.2"),
    e(1, 2, "Bad destination system address",
        "The recipient's domain does not exist or cannot receive mail.",
        "After RCPT to a domain this server cannot route to, or that has no mail service.",
        "Check the domain part of the address and its MX records.", "RFC 3463 §3.2"),
    e(1, 3, "Bad destination mailbox address syntax",
        "The recipient address is syntactically invalid.",
        "After RCPT with a malformed address.",
        "Fix the address syntax (angle brackets, one @, valid domain).", "RFC 3463 §3.2"),
    e(1, 4, "Destination mailbox address ambiguous",
        "The recipient address matches more than one mailbox.",
        "After RCPT or VRFY on servers that match names loosely.",
        "Use the exact, full address.", "RFC 3463 §3.2"),
    e(1, 5, "Destination address valid",
        "The recipient address is valid: the positive counterpart of X.1.1.",
        "With 250 after RCPT (or VRFY) on servers that send enhanced codes.",
        "Nothing to fix.", "RFC 3463 §3.2"),
    e(1, 6, "Destination mailbox has moved, no forwarding address",
        "The address used to be valid but no longer receives mail, and no new address is known.",
        "After RCPT for a former employee or a closed account.",
        "Remove the address; ask the person for a new one.", "RFC 3463 §3.2"),
    e(1, 7, "Bad sender's mailbox address syntax",
        "The sender address is syntactically invalid.",
        "After MAIL FROM with a malformed address.",
        "Fix the sender address syntax.", "RFC 3463 §3.2"),
    e(1, 8, "Bad sender's system address",
        "The sender's domain does not exist or cannot receive replies (bounces).",
        "After MAIL FROM with a domain that does not resolve.",
        "Use a sender address in a domain with working DNS and MX records.", "RFC 3463 §3.2"),
    e(1, 9, "Message relayed to non-compliant mailer",
        "The address was valid but the message went on to a system that cannot report delivery status.",
        "In delivery reports rather than in a live session.",
        "Nothing to fix; no further delivery status will come.", "RFC 3886; RFC 5248"),
    e(1, 10, "Recipient address has null MX",
        "The recipient's domain publishes a null MX: it accepts no mail at all.",
        "After RCPT to a domain whose MX record is \"0 .\".",
        "Do not retry; check the domain for a typo.", "RFC 7505 §4.2"),
    e(2, 0, "Other or undefined mailbox status",
        "The mailbox exists but something about it stopped the action.",
        "After RCPT or after the message.",
        "Read the text; ask the recipient.", "RFC 3463 §3.3"),
    e(2, 1, "Mailbox disabled, not accepting messages",
        "The mailbox exists but does not accept messages, for now or for good.",
        "After RCPT for a suspended or deactivated account.",
        "Contact the recipient by other means; stop sending if it persists.", "RFC 3463 §3.3"),
    e(2, 2, "Mailbox full",
        "The recipient's mailbox is over its quota.",
        "After RCPT or after the message.",
        "Retry later, or tell the recipient to free space.", "RFC 3463 §3.3"),
    e(2, 3, "Message length exceeds administrative limit",
        "The message is larger than this mailbox accepts.",
        "After MAIL with SIZE, or after the message.",
        "Send a smaller message (share large files by link).", "RFC 3463 §3.3"),
    e(2, 4, "Mailing list expansion problem",
        "The address is a mailing list that could not be expanded.",
        "After RCPT or EXPN for a list.",
        "Tell the list's owner.", "RFC 3463 §3.3"),
    e(3, 0, "Other or undefined mail system status",
        "Something about the receiving system stopped the action, without more detail.",
        "With many replies; common with 421 and 451.",
        "Read the text; retry later if it is temporary.", "RFC 3463 §3.4"),
    e(3, 1, "Mail system full",
        "The receiving system is out of storage.",
        "After MAIL or RCPT, usually as 452 4.3.1.",
        "Retry later; tell the operator if it lasts.", "RFC 3463 §3.4"),
    e(3, 2, "System not accepting network messages",
        "The host is not accepting mail now: shutting down, overloaded or in maintenance.",
        "As the greeting or mid-session, often with 421 or 521.",
        "Retry later; check the MX records if it is permanent.", "RFC 3463 §3.4"),
    e(3, 3, "System not capable of selected features",
        "The receiving system does not support a feature the message requires.",
        "After MAIL or RCPT with extension parameters.",
        "Send without the feature, or to a system that supports it.", "RFC 3463 §3.4"),
    e(3, 4, "Message too big for system",
        "The message exceeds the system's size limit.",
        "After MAIL with SIZE or after the message.",
        "Send a smaller message; the EHLO SIZE keyword shows the limit.", "RFC 3463 §3.4"),
    e(3, 5, "System incorrectly configured",
        "The receiving system is misconfigured in a way that prevents accepting this message.",
        "Any time; a problem on the server side.",
        "Tell the server's operator, with the full text.", "RFC 3463 §3.4"),
    e(3, 6, "Requested priority was changed",
        "The message was accepted but at a different priority than requested.",
        "With MT-PRIORITY; success or delivery reports.",
        "Nothing to fix.", "RFC 6710 §5"),
    e(4, 0, "Other or undefined network or routing status",
        "A network or routing problem without more detail.",
        "Usually in delivery reports from an intermediate server.",
        "Retry later; check the route to the destination.", "RFC 3463 §3.5"),
    e(4, 1, "No answer from host",
        "The next host did not answer the connection attempt.",
        "In reports from a relay that could not reach the destination.",
        "Check that the destination's MX hosts are reachable on port 25.", "RFC 3463 §3.5"),
    e(4, 2, "Bad connection",
        "A connection was made but could not complete the transaction (timeout, poor link).",
        "Often with 421 when a server drops a slow or idle session.",
        "Retry; look at timeouts and network quality.", "RFC 3463 §3.5"),
    e(4, 3, "Directory server failure",
        "A directory the server needs (DNS, LDAP) was not available.",
        "After MAIL or RCPT when the server cannot check an address or domain.",
        "Retry later; the server's operator should check its resolvers.", "RFC 3463 §3.5"),
    e(4, 4, "Unable to route",
        "The server could not find where to send the message next.",
        "After RCPT for a domain without usable MX or address records.",
        "Check the recipient domain's DNS.", "RFC 3463 §3.5"),
    e(4, 5, "Mail system congestion",
        "The receiving system is congested.",
        "As 421 or 451 under load.",
        "Retry later, more slowly.", "RFC 3463 §3.5"),
    e(4, 6, "Routing loop detected",
        "The message was passed around too many times.",
        "After the message, or in reports.",
        "Check MX records and forwarding rules for a loop.", "RFC 3463 §3.5"),
    e(4, 7, "Delivery time expired",
        "The message was too old to keep trying.",
        "In delivery reports after retries gave up.",
        "Find the underlying failure; resend once it is fixed.", "RFC 3463 §3.5"),
    e(5, 0, "Other or undefined protocol status",
        "A protocol problem without more detail.",
        "With 5xx replies to commands, e.g. a bad sequence.",
        "Check the command order and syntax.", "RFC 3463 §3.6"),
    e(5, 1, "Invalid command",
        "The command is out of sequence or not supported.",
        "After an unknown or disabled command (Postfix: 502 5.5.1 for VRFY when disabled).",
        "Use a supported command; check the order.", "RFC 3463 §3.6"),
    e(5, 2, "Syntax error",
        "The command could not be understood: bad syntax or an unknown command.",
        "After a garbled or mistyped command.",
        "Check the command's syntax.", "RFC 3463 §3.6"),
    e(5, 3, "Too many recipients",
        "More recipients than the server accepts in one transaction.",
        "After one RCPT too many, usually as 452 4.5.3.",
        "Send the remaining recipients in another transaction.", "RFC 3463 §3.6"),
    e(5, 4, "Invalid command arguments",
        "The command is valid but its arguments are out of range or unknown.",
        "After MAIL, RCPT or EHLO with a bad argument.",
        "Correct the argument; use only advertised parameters.", "RFC 3463 §3.6"),
    e(5, 5, "Wrong protocol version",
        "The two sides could not agree on a protocol version.",
        "Rare in SMTP.",
        "Check client and server versions.", "RFC 3463 §3.6"),
    e(5, 6, "Authentication exchange line too long",
        "A line of the AUTH exchange was longer than the server accepts.",
        "During AUTH with very large tokens.",
        "Use a mechanism with shorter exchanges.", "RFC 4954 §4"),
    e(6, 0, "Other or undefined media error",
        "Something about the message content caused a problem.",
        "After the message body.",
        "Read the text; check attachments and encoding.", "RFC 3463 §3.7"),
    e(6, 1, "Media not supported",
        "The message's media type is not supported on the way to the recipient.",
        "After the message body.",
        "Send in a more common format.", "RFC 3463 §3.7"),
    e(6, 2, "Conversion required and prohibited",
        "The content must be converted to be delivered, but conversion is not allowed.",
        "After the message body.",
        "Send content the destination accepts as is.", "RFC 3463 §3.7"),
    e(6, 3, "Conversion required but not supported",
        "The content must be converted (e.g. 8-bit to 7-bit) and the relay cannot do it.",
        "When a message needs 8BITMIME that the next hop lacks.",
        "Encode the message in 7-bit (quoted-printable or base64).", "RFC 3463 §3.7"),
    e(6, 4, "Conversion with loss performed",
        "The message was delivered but converting it lost some data.",
        "In success or delivery reports.",
        "Check that the recipient got what was needed.", "RFC 3463 §3.7"),
    e(6, 5, "Conversion failed",
        "A required conversion of the content did not succeed.",
        "After the message body, or in reports.",
        "Simplify the content or its encoding.", "RFC 3463 §3.7"),
    e(6, 6, "Message content not available",
        "Content referenced by the client (BURL) could not be fetched.",
        "With BURL on submission servers.",
        "Check the referenced message and the trust between the servers.", "RFC 4468 §7"),
    e(6, 7, "Non-ASCII addresses not permitted",
        "An internationalised (non-ASCII) address is not allowed for this sender or recipient.",
        "After MAIL or RCPT with a UTF-8 address, without SMTPUTF8 support.",
        "Use an ASCII address, or a server that supports SMTPUTF8.", "RFC 6531 §3.5"),
    e(6, 8, "UTF-8 string reply required, not permitted by client",
        "The reply would need UTF-8 (e.g. a mailbox name), but the client did not allow it.",
        "After VRFY or EXPN without the SMTPUTF8 parameter.",
        "Repeat the command with SMTPUTF8 if the client supports it.", "RFC 6531 §3.7.4"),
    e(6, 9, "UTF-8 header message cannot be transferred",
        "A message with UTF-8 headers cannot go to a recipient whose server lacks SMTPUTF8.",
        "After the message, on the way to a non-SMTPUTF8 server.",
        "Send with ASCII-only headers.", "RFC 6531 §3.6"),
    e(6, 10, "Duplicate of X.6.8 (deprecated)",
        "Registered by mistake as a copy of X.6.8; the registry marks it deprecated.",
        "Rarely; treat it as X.6.8.",
        "As for X.6.8.", "RFC 6531; IANA registry note"),
    e(7, 0, "Other or undefined security status",
        "A security or policy issue without more detail, or one the server will not describe.",
        "Many contexts: 530 5.7.0 (authentication required), 454 4.7.0 (TLS or AUTH failure), 550 5.7.0.",
        "Read the text; authenticate or use TLS if asked.", "RFC 3463 §3.8"),
    e(7, 1, "Delivery not authorized, message refused",
        "The sender is not allowed to send to this recipient: relaying denied, a blocklist, or a per-recipient policy.",
        "After RCPT (relay access denied, policy) or MAIL (blocked sender); 4.7.1 is also used for greylisting.",
        "For relaying: send to the recipient domain's own MX, or authenticate. For blocks: read the text.", "RFC 3463 §3.8"),
    e(7, 2, "Mailing list expansion prohibited",
        "The sender may not send to this mailing list.",
        "After RCPT to a restricted list.",
        "Ask the list owner for permission.", "RFC 3463 §3.8"),
    e(7, 3, "Security conversion required but not possible",
        "Delivery needed a conversion between secure messaging formats that could not be done.",
        "Rare; in reports.",
        "Send in a format the destination supports.", "RFC 3463 §3.8"),
    e(7, 4, "Security features not supported",
        "The message or session asked for a security feature the server does not support.",
        "E.g. after a STARTTLS or AUTH request the server cannot honour.",
        "Use features the server advertises.", "RFC 3463 §3.8"),
    e(7, 5, "Cryptographic failure",
        "The system could not validate or decrypt the message: a key is missing or invalid.",
        "After the message, on systems that handle encrypted mail.",
        "Check keys and certificates.", "RFC 3463 §3.8"),
    e(7, 6, "Cryptographic algorithm not supported",
        "The system does not support the algorithm needed to validate or decrypt the message.",
        "After the message.",
        "Use a more widely supported algorithm.", "RFC 3463 §3.8"),
    e(7, 7, "Message integrity failure",
        "The message was altered or corrupted, so its integrity check failed.",
        "After the message.",
        "Resend; check relays that modify messages.", "RFC 3463 §3.8"),
    e(7, 8, "Authentication credentials invalid",
        "AUTH failed: wrong or insufficient credentials.",
        "As 535 5.7.8 at the end of AUTH.",
        "Check the user name and password.", "RFC 4954 §6"),
    e(7, 9, "Authentication mechanism is too weak",
        "The AUTH mechanism is weaker than policy allows.",
        "As 534 5.7.9 after AUTH.",
        "Use a stronger mechanism.", "RFC 4954 §6"),
    e(7, 10, "Encryption needed",
        "An external encryption layer (TLS) is needed before this authentication.",
        "After AUTH on a plaintext connection.",
        "Run STARTTLS first.", "RFC 5248"),
    e(7, 11, "Encryption required for requested authentication mechanism",
        "This AUTH mechanism may only be used over an encrypted connection.",
        "As 538 5.7.11 after AUTH PLAIN or LOGIN without TLS.",
        "Run STARTTLS first.", "RFC 4954 §6"),
    e(7, 12, "A password transition is needed",
        "The account must switch to the requested mechanism, usually by logging in once with PLAIN.",
        "As 432 4.7.12 after AUTH.",
        "Authenticate once with PLAIN over TLS.", "RFC 4954 §6"),
    e(7, 13, "User account disabled",
        "The account authenticated but is disabled.",
        "After AUTH, or after MAIL on submission servers.",
        "Contact the provider; retrying will not help.", "RFC 5248"),
    e(7, 14, "Trust relationship required",
        "The submission server needs a configured trust relationship with another server to reach the content.",
        "With BURL.",
        "Configure the trust between the servers.", "RFC 5248"),
    e(7, 15, "Priority level is too low",
        "The requested priority is below what the server accepts now.",
        "With MT-PRIORITY.",
        "Retry later or with a higher priority.", "RFC 6710 §5"),
    e(7, 16, "Message is too big for the specified priority",
        "The message is too large for the priority it asked for.",
        "With MT-PRIORITY.",
        "Send a smaller message or at another priority.", "RFC 6710 §5"),
    e(7, 17, "Mailbox owner has changed",
        "The mailbox changed owner after the date the sender required (RRVS).",
        "After RCPT with the RRVS parameter.",
        "Confirm the recipient's address with them.", "RFC 7293 §3.3"),
    e(7, 18, "Domain owner has changed",
        "The recipient's domain changed owner after the date the sender required (RRVS).",
        "After RCPT with the RRVS parameter.",
        "Confirm the recipient's address with them.", "RFC 7293 §3.3"),
    e(7, 19, "RRVS test cannot be completed",
        "The server cannot tell whether the mailbox changed owner since the required date.",
        "After RCPT with the RRVS parameter.",
        "Decide whether to send without RRVS.", "RFC 7293 §3.3"),
    e(7, 20, "No passing DKIM signature found",
        "The message had no valid DKIM signature and policy requires one.",
        "After the message body.",
        "Sign outgoing mail with DKIM.", "RFC 7372 §3.1"),
    e(7, 21, "No acceptable DKIM signature found",
        "The message had valid DKIM signatures, but none acceptable to the receiver.",
        "After the message body.",
        "Sign with a domain and key the receiver accepts.", "RFC 7372 §3.1"),
    e(7, 22, "No valid author-matched DKIM signature found",
        "No valid DKIM signature matches the domain in the From header.",
        "After the message body.",
        "Sign with the From domain (aligned DKIM).", "RFC 7372 §3.1"),
    e(7, 23, "SPF validation failed",
        "The SPF check of the sender failed and policy rejects such mail.",
        "After MAIL or after the message.",
        "Add the sending host to the domain's SPF record, or send through an authorised host.", "RFC 7372 §3.2"),
    e(7, 24, "SPF validation error",
        "Evaluating SPF produced an error (bad record, DNS failure).",
        "After MAIL; 4.7.24 for temporary DNS errors, 5.7.24 for broken records.",
        "Fix the domain's SPF record syntax or DNS.", "RFC 7372 §3.2"),
    e(7, 25, "Reverse DNS validation failed",
        "The client's IP address failed a reverse DNS check (no PTR, or PTR and A do not match).",
        "At connection, MAIL or RCPT.",
        "Give the sending IP a PTR record whose name resolves back to it.", "RFC 7372 §3.3"),
    e(7, 26, "Multiple authentication checks failed",
        "More than one sender authentication check (SPF, DKIM, DMARC) failed.",
        "After the message; common at large providers.",
        "Set up SPF, DKIM and DMARC so that at least one aligned check passes.", "RFC 7372 §3.4"),
    e(7, 27, "Sender address has null MX",
        "The sender's domain publishes a null MX, so bounces could not be returned.",
        "After MAIL FROM.",
        "Use a sender address whose domain can receive mail.", "RFC 7505 §4.3"),
    e(7, 28, "Mail flood detected",
        "The message looks like part of a flood of similar unwanted messages (mail bombing).",
        "After RCPT or the message, during a flood.",
        "Stop the flood at its source; slow down.", "IANA registry (J. Levine, mail-flood registration)"),
    e(7, 29, "ARC validation failure",
        "The message's ARC chain (authenticated forwarding) failed validation.",
        "After the message, from receivers checking ARC.",
        "Fix the ARC signing on the intermediaries that forwarded it.", "RFC 8617 §7.2.2"),
    e(7, 30, "REQUIRETLS support required",
        "The message requires TLS all the way (REQUIRETLS), and the next hop cannot guarantee it.",
        "After MAIL with REQUIRETLS, on a hop without support.",
        "Send without REQUIRETLS, or through servers that support it.", "RFC 8689 §5"),
];

/// How precisely a code was found. Serialised as `"exact"`, `"subject"`, `"class"` (the
/// `precision` of `explain --json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// The code is in the registry.
    Exact,
    /// Not in the registry; its subject is known (`X.Y.*`).
    Subject,
    /// Neither detail nor subject is known; only the class (`X.*.*`).
    Class,
}

/// What the tables say about one enhanced code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnhancedLookup {
    pub code: EnhancedCode,
    pub class: &'static Part,
    pub subject: Option<&'static Part>,
    pub entry: Option<&'static EnhancedEntry>,
    pub precision: Precision,
}

impl EnhancedLookup {
    /// The most specific title: the entry's, else the subject's, else the class's.
    pub fn title(&self) -> &'static str {
        match (self.entry, self.subject) {
            (Some(e), _) => e.title,
            (None, Some(s)) => s.title,
            (None, None) => self.class.title,
        }
    }
}

/// The registry entry for `subject.detail` (class-independent).
pub fn entry(subject: u16, detail: u16) -> Option<&'static EnhancedEntry> {
    ENHANCED_CODES
        .binary_search_by_key(&(subject, detail), |e| (e.subject, e.detail))
        .ok()
        .map(|i| &ENHANCED_CODES[i])
}

/// Looks `code` up, falling back X.Y.Z → X.Y.* → X.*.*. `None` only for a class other than
/// 2, 4 or 5, which [`EnhancedCode::parse`] already refuses.
pub fn lookup(code: EnhancedCode) -> Option<EnhancedLookup> {
    let class = CLASSES.iter().find(|c| c.number == u16::from(code.class))?;
    let subject = SUBJECTS.iter().find(|s| s.number == code.subject);
    let entry = entry(code.subject, code.detail);
    let precision = match (entry, subject) {
        (Some(_), _) => Precision::Exact,
        (None, Some(_)) => Precision::Subject,
        (None, None) => Precision::Class,
    };
    Some(EnhancedLookup {
        code,
        class,
        subject,
        entry,
        precision,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> EnhancedCode {
        EnhancedCode::parse(s).unwrap_or_else(|| panic!("test code {s}"))
    }

    #[test]
    fn enhanced_table_is_sorted_and_unique() {
        for pair in ENHANCED_CODES.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert!(
                (a.subject, a.detail) < (b.subject, b.detail),
                "X.{}.{}",
                b.subject,
                b.detail
            );
        }
        for pair in SUBJECTS.windows(2) {
            assert!(pair[0].number < pair[1].number);
        }
        for pair in CLASSES.windows(2) {
            assert!(pair[0].number < pair[1].number);
        }
    }

    #[test]
    fn registry_has_81_codes_and_eight_subjects() {
        assert_eq!(ENHANCED_CODES.len(), 81);
        assert_eq!(SUBJECTS.len(), 8);
        assert_eq!(
            CLASSES.iter().map(|c| c.number).collect::<Vec<_>>(),
            [2, 4, 5]
        );
        assert!(entry(7, 29).is_some_and(|e| e.standard.contains("RFC 8617")));
        assert!(entry(7, 30).is_some_and(|e| e.standard.contains("RFC 8689")));
    }

    #[test]
    fn every_enhanced_entry_is_complete() {
        for e in ENHANCED_CODES {
            for (name, field) in [
                ("title", e.title),
                ("description", e.description),
                ("when", e.when),
                ("fix", e.fix),
                ("standard", e.standard),
            ] {
                assert!(
                    !field.trim().is_empty(),
                    "X.{}.{} has an empty {name}",
                    e.subject,
                    e.detail
                );
            }
        }
    }

    #[test]
    fn provider_code_5_7_606_falls_back_to_subject() {
        let l = lookup(code("5.7.606")).expect("class 5");
        assert_eq!(l.precision, Precision::Subject);
        assert_eq!(l.title(), "Security or policy");
    }

    #[test]
    fn unknown_subject_falls_back_to_class() {
        let l = lookup(code("4.9.1")).expect("class 4");
        assert_eq!(l.precision, Precision::Class);
        assert_eq!(l.title(), "Persistent transient failure");
    }

    #[test]
    fn precision_serialises_as_the_documented_words() {
        for (p, word) in [
            (Precision::Exact, "\"exact\""),
            (Precision::Subject, "\"subject\""),
            (Precision::Class, "\"class\""),
        ] {
            assert_eq!(serde_json::to_string(&p).ok().as_deref(), Some(word));
            assert_eq!(serde_json::from_str::<Precision>(word).ok(), Some(p));
        }
    }

    #[test]
    fn exact_lookup_is_class_independent() {
        let a = lookup(code("5.1.1")).expect("5.1.1");
        let b = lookup(code("2.1.1")).expect("2.1.1");
        assert_eq!(a.entry, b.entry);
        assert_eq!(a.precision, Precision::Exact);
        assert_eq!(a.title(), "Bad destination mailbox address");
    }
}
