//! Replies recognised by their text: what particular servers and providers say, what they
//! mean by it, and where each text was observed.
//!
//! These are [`super::rule::Rule`]s with a `text` pattern, so they win over the generic
//! context rules of [`super::rules`] (see the specificity order in [`super::rule`]). Each
//! cites a `source`: the upstream source file that emits the text, or a public page showing
//! it in a real reply. Summaries are this project's own words.
//!
//! Never here: matching logic, or rules that hold for every server (those go in
//! `rules.rs`).

use super::Context::*;
use super::rule::{CodePat, Ctx, EnhPat, Rule};
use crate::exit::Status;

const OK: Status = Status::Ok;
const WARN: Status = Status::Warning;

/// Rules for known server and provider texts. Ids are stable: reports and tests use them.
#[rustfmt::skip]
pub const SERVER_TEXTS: &[Rule] = &[
    // --- VRFY / EXPN ---
    Rule::new("vrfy_252_try_my_best", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[252]), OK)
        .everyone()
        .server("Gmail or qmail")
        .text(&["send some mail, i'll try my best"])
        .summary("The qmail (and Gmail) stock answer to every VRFY: it never confirms users, so this says nothing about whether the user exists.")
        .advice("Use RCPT TO, and compare with a made-up user.")
        .source("qmail 1.03 qmail-smtpd.c err_vrfy(); Gmail MX answers \"252 2.1.5 Send some mail, I'll try my best\""),
    Rule::new("vrfy_exim_administrative_prohibition", Ctx::Only(&[Vrfy, Expn]), CodePat::Any, OK)
        .everyone()
        .server("Exim")
        .text(&["administrative prohibition"])
        .summary("Exim's default refusal when no ACL allows the command (252 for VRFY, 550 for EXPN). Exim says it for every name, so it tells nothing about the user.")
        .advice("Use RCPT TO. Operator: an acl_smtp_vrfy ACL would enable real answers.")
        .source("Exim src/smtp_in.c and src/acl.c (acl_wherecodes gives VRFY 252; default denial text \"Administrative prohibition\")"),
    Rule::new("exim_administrative_prohibition", Ctx::Except(&[Vrfy, Expn]), CodePat::Class(5), WARN)
        .server("Exim")
        .text(&["administrative prohibition"])
        .summary("An Exim ACL refused this command without a custom message: a local policy, not an unknown user.")
        .advice("Operator: the ACL for this stage (acl_smtp_rcpt, acl_smtp_mail) decides; its log line names the rule.")
        .source("Exim src/acl.c default denial message"),
    Rule::new("vrfy_sendmail_novrfy", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[252]), OK)
        .everyone()
        .server("Sendmail")
        .text(&["cannot vrfy user; try rcpt"])
        .summary("Sendmail with PrivacyOptions novrfy (or goaway): it will not verify anyone, and points to RCPT instead.")
        .advice("Use RCPT TO.")
        .source("Sendmail sendmail/srvrsmtp.c: \"252 2.5.2 Cannot VRFY user; try RCPT to attempt delivery (or try finger)\""),
    Rule::new("vrfy_exchange_will_take_message", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[252]), OK)
        .everyone()
        .server("Microsoft Exchange")
        .text(&["cannot vrfy user, but will take message"])
        .summary("Exchange's fixed answer to VRFY: it never confirms users but accepts mail for any address in its domains.")
        .advice("Use RCPT TO.")
        .source("Exchange / IIS SMTP transcripts: \"252 2.1.5 Cannot VRFY user, but will take message for <user@domain>\""),
    Rule::new("vrfy_postfix_disabled", Ctx::Only(&[Vrfy]), CodePat::OneOf(&[502]), OK)
        .server("Postfix")
        .text(&["vrfy command is disabled"])
        .summary("Postfix with disable_vrfy_command = yes: VRFY is switched off on purpose.")
        .advice("Use RCPT TO.")
        .source("Postfix src/smtpd/smtpd.c vrfy_cmd(): \"502 5.5.1 VRFY command is disabled\""),
    Rule::new("vrfy_opensmtpd_unrecognized", Ctx::Only(&[Vrfy, Expn]), CodePat::OneOf(&[500]), OK)
        .server("OpenSMTPD")
        .text(&["invalid command: command unrecognized"])
        .summary("OpenSMTPD does not implement VRFY or EXPN and answers them as unknown commands.")
        .advice("Use RCPT TO.")
        .source("OpenSMTPD usr.sbin/smtpd/smtp_session.c: \"500 5.5.1 Invalid command: Command unrecognized\""),

    // --- RCPT: unknown users in providers' words ---
    Rule::new("m365_recipient_not_found", Ctx::Any, CodePat::Class(5), WARN)
        .server("Microsoft 365 / Exchange")
        .text(&["resolver.adr.recipientnotfound", "resolver.adr.recipnotfound"])
        .summary("Exchange's directory has no such recipient: the user does not exist. Microsoft sends this with 5.1.10, which the registry defines as \"null MX\"; the text is what counts.")
        .advice("Check the address; ask the recipient for the right one.")
        .source("Exchange Online NDRs \"550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\" (e.g. quoted in a Linux kernel MAINTAINERS update, 2023)"),
    Rule::new("m365_541_access_denied", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[550]), WARN).enhanced(EnhPat::Exact(4, 1))
        .server("Microsoft 365")
        .text(&["recipient address rejected: access denied"])
        .summary("Despite the words \"access denied\", at Microsoft 365 this usually means the recipient does not exist (directory-based edge blocking); less often a block by the tenant.")
        .advice("Treat it as an unknown user first; check the address.")
        .source("https://www.spamresource.com/2025/02/550-541-it-most-often-means-user-unknown.html"),
    Rule::new("m365_banned_sending_ip", Ctx::Any, CodePat::Class(5), WARN)
        .server("Microsoft 365 / Outlook.com")
        .text(&["banned sending ip"])
        .summary("Microsoft refuses mail from the connecting IP address (its 5.7.606-5.7.649 block range), whatever the recipient.")
        .advice("Request delisting at sender.office.com, or send from another IP.")
        .source("https://pastebin.com/EH1TUb0X (bounce quoting \"550 5.7.606 Access denied, banned sending IP\")"),
    Rule::new("gmail_account_does_not_exist", Ctx::Only(&[Rcpt]), CodePat::Class(5), WARN)
        .server("Gmail / Google Workspace")
        .text(&["the email account that you tried to reach does not exist"])
        .summary("Google says this mailbox does not exist.")
        .advice("Check the address for typos.")
        .source("https://www.dbmailserver.com/tui-xin-address-not-exist.htm (collected \"550-5.1.1 The email account that you tried to reach does not exist\")"),
    Rule::new("gmail_account_disabled", Ctx::Only(&[Rcpt]), CodePat::Class(5), WARN)
        .server("Gmail / Google Workspace")
        .text(&["the email account that you tried to reach is disabled"])
        .summary("The Google account exists but is disabled and takes no mail.")
        .advice("Reach the person by other means.")
        .source("https://www.dbmailserver.com/tui-xin-address-not-exist.htm (\"550 5.2.1 The email account that you tried to reach is disabled\")"),
    Rule::new("yahoo_no_account", Ctx::Any, CodePat::Class(5), WARN)
        .server("Yahoo")
        .text(&["doesn't have a yahoo.com account"])
        .summary("Yahoo says the mailbox does not exist (Yahoo uses 554 here, not 550 5.1.1).")
        .advice("Check the address for typos.")
        .source("https://www.dbmailserver.com/tui-xin-address-not-exist.htm (\"554 delivery error: dd This user doesn't have a yahoo.com account\")"),
    Rule::new("postfix_user_unknown", Ctx::Only(&[Rcpt, Vrfy]), CodePat::Class(5), WARN)
        .server("Postfix")
        .text(&["user unknown in virtual mailbox table", "user unknown in local recipient table", "user unknown in relay recipient table"])
        .summary("Postfix looked the address up in its recipient table and found no such user.")
        .advice("Check the address. Operator: the table named in the text is the one to update.")
        .source("https://postigo.net/en/smtp-errors/550/ (\"550 5.1.1 ... Recipient address rejected: User unknown in virtual mailbox table\")"),
    Rule::new("postfix_relay_access_denied", Ctx::Only(&[Rcpt]), CodePat::Class(5), WARN)
        .server("Postfix")
        .text(&["relay access denied"])
        .summary("Relaying denied: this server does not receive mail for the recipient's domain and will not pass it on for an unauthenticated client. It says nothing about the user.")
        .advice("Probe the recipient domain's own MX, or authenticate to relay.")
        .source("https://pastebin.com/cuaSEAAq (Postfix log \"554 5.7.1 <...>: Relay access denied\")"),
    Rule::new("haraka_cannot_deliver", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[450, 550]), WARN)
        .server("Haraka")
        .text(&["i cannot deliver mail for"])
        .summary("Haraka's answer when none of its plugins accepted this recipient: for a domain Haraka does not receive mail for, it refuses to relay; for one of its own domains, nothing (rcpt_to.in_host_list, a recipient list) knew the address.")
        .advice("If the domain is not this server's, this is the refusal a closed server gives. Operator: the rcpt hook plugins decide (rcpt_to.in_host_list, relay).")
        .source("Haraka connection.js rcpt_respond(): 550 \"I cannot deliver mail for <...>\" when no plugin accepted the recipient (450 in old versions)"),
    Rule::new("exim_relay_not_permitted", Ctx::Only(&[Rcpt]), CodePat::Class(5), WARN)
        .server("Exim")
        .text(&["relay not permitted"])
        .summary("Exim's default configuration refusing a recipient outside its local and relay domains: it will not relay for this client. It says nothing about the user.")
        .advice("Probe the recipient domain's own MX, or authenticate to relay.")
        .source("Exim src/configure.default acl_check_rcpt: \"require message = relay not permitted\""),
    Rule::new("exim_unrouteable_address", Ctx::Only(&[Rcpt, Vrfy]), CodePat::OneOf(&[550]), WARN)
        .server("Exim")
        .text(&["unrouteable address"])
        .summary("Exim tried its routers on this address and none took it: in one of its own domains, no such user or alias; in another domain, it could not route there (no DNS for it, or it will not relay).")
        .advice("Check the address. Operator: exim -bt <address> shows which router fails it.")
        .source("Exim src/verify.c verify_address(): a recipient that no router accepts fails as \"Unrouteable address\"; seen as \"550 Unrouteable address\" to RCPT and \"550 <x@exim.test> Unrouteable address\" to VRFY in this project's Exim 4.96 bed"),
    Rule::new("exim_too_many_nonmail_commands", Ctx::Any, CodePat::Class(5), WARN)
        .server("Exim")
        .text(&["too many nonmail commands"])
        .summary("Exim's limit on commands that carry no mail in one session (smtp_accept_max_nonmail, 10 by default: VRFY, EXPN, NOOP, RSET, HELP… and the probe's canaries count). It drops the connection after this reply; it says nothing about the name asked or whether the command is enabled.")
        .advice("Ask fewer names per run, or the rest in another run. Operator: smtp_accept_max_nonmail_hosts exempts trusted clients.")
        .source("Exim src/smtp_in.c: smtp_notquit_exit(\"bad-commands\", \"554\", \"Too many nonmail commands\"), then \"Pretend eof - drops connection\"; seen in this project's Exim 4.96 bed"),
    Rule::new("exim_too_many_syntax_errors", Ctx::Any, CodePat::Class(5), WARN)
        .server("Exim")
        .text(&["too many syntax or protocol errors"])
        .summary("Exim's limit on syntax and protocol errors in one session (smtp_max_synprot_errors, 3 by default; a 501 counts): it closes the connection after this reply. It says nothing about the name asked.")
        .advice("Send well-formed arguments (a full address for VRFY), and fewer per run.")
        .source("Exim src/smtp_in.c synprot_error(): past smtp_max_synprot_errors, \"<code> Too many syntax or protocol errors\" and the connection is closed"),
    Rule::new("mailing_to_remote_domains_not_supported", Ctx::Only(&[Rcpt, Vrfy, Expn]), CodePat::Class(5), OK)
        .server("Exim")
        .text(&["mailing to remote domains not supported"])
        .summary("Debian's Exim set up for local delivery only: it takes no mail for domains other than its own, so it refused the domain. It says nothing about the user.")
        .advice("Ask this server about its own domains, or probe the recipient domain's own MX.")
        .source("Debian exim4-config 4.96 conf.d/router/200_exim4-config_primary, router nonlocal: \"data = :fail: Mailing to remote domains not supported\" (dc_eximconfig_configtype local)"),
    Rule::new("qmail_rcpthosts", Ctx::Only(&[Rcpt]), CodePat::Class(5), WARN)
        .server("qmail")
        .text(&["list of allowed rcpthosts"])
        .summary("qmail refuses a recipient domain missing from its rcpthosts: it does not receive mail for that domain and will not relay it for this client.")
        .advice("Probe the recipient domain's own MX. Operator: rcpthosts lists the domains qmail accepts.")
        .source("qmail 1.03 qmail-smtpd.c err_nogateway(): \"553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)\""),
    Rule::new("barracuda_no_such_user", Ctx::Only(&[Rcpt]), CodePat::Class(5), WARN)
        .server("Barracuda")
        .text(&["cuda_nsu"])
        .summary("Barracuda's recipient verification says no such user.")
        .advice("Check the address.")
        .source("https://smtp.codes/550 (\"550 cuda_nsu 5.1.1 <...> Recipient address rejected: User unknown\")"),
    Rule::new("proofpoint_marked_invalid", Ctx::Any, CodePat::Class(5), WARN)
        .server("Proofpoint Essentials")
        .text(&["marked as invalid"])
        .summary("Proofpoint has flagged this address as invalid (its SMTP Discovery found no such user): an unknown user, despite the 5.7.1 policy code.")
        .advice("Check the address. Operator: remove it from the Marked Invalid list if it is real.")
        .source("https://help.proofpoint.com/Proofpoint_Essentials/Email_Security/Administrator_Topics/040_usersandgroups/User_email_address_is_%22marked_as_invalid%22"),
    Rule::new("mimecast_invalid_recipient", Ctx::Only(&[Rcpt]), CodePat::OneOf(&[550]), WARN)
        .server("Mimecast")
        .text(&["invalid recipient - https://community.mimecast.com"])
        .summary("Mimecast does not know this recipient in the customer's directory (when the customer chose rejection rather than deferral).")
        .advice("Check the address.")
        .source("https://mimecastsupport.zendesk.com/hc/en-us/articles/34000823077139 (unknown internal users: 451 deferral or 550 Invalid Recipient)"),
    Rule::new("mimecast_resource_unavailable", Ctx::Any, CodePat::OneOf(&[451]), WARN)
        .server("Mimecast")
        .text(&["internal resource temporarily unavailable"])
        .summary("Mimecast is holding the sender back for now: greylisting, or a reputation check on the sending IP. Mimecast also defers unknown recipients this way by default.")
        .advice("Retry after a few minutes; a real mail server would.")
        .source("Mimecast SMTP Error Codes article (community.mimecast.com/s/article/Mimecast-SMTP-Error-Codes-842605754, mirrored at https://electronicaportatil.com/smtp-error-codes/)"),
    Rule::new("mail_530_starttls_first", Ctx::Only(&[Mail, Rcpt, Auth]), CodePat::OneOf(&[530]), WARN)
        .text(&["starttls"])
        .summary("The server requires TLS before this command: start TLS, then try again.")
        .advice("Start TLS first. The probe does when the server offers STARTTLS (unless --starttls never): if this came after a failed or missing STARTTLS, fix TLS on the server.")
        .source("Gmail submission \"530 5.7.0 Must issue a STARTTLS command first\"; Postfix smtpd_tls_security_level=encrypt"),
];
