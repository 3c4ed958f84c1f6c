//! Mail servers' own status rows that report no failure: a connection opened, a message
//! queued or taken off the queue, a TLS session set up, a message that arrived. People paste
//! them with the rows around a failure (a whole stretch of `mail.log`), and `explain` reads
//! each row; such a row is read as every labelled set reads a row in which nothing failed (a
//! filter's pass row, a clean session summary, `fixtures/bounces/README.md`): `delivered`, with
//! what the row says, and the nearest labelled reply must not give it a failure's reason
//! (an Exim arrival row `<= alice@… H=… P=esmtps X=TLS1.3…` was read as *blocked*, a Postfix
//! `connect from …` as *blocked*, Postfix's "Trusted TLS connection established" as a network
//! error, each by an accident of wording). Postfix anvil's statistics row ("max connection
//! rate 1/60s for (smtp:…)") is a count, not a limit that was hit.
//!
//! Each row is known by its program's marks in order (lower case), as the program's
//! documentation or source logs it; a row that also holds a failure word is not one of them
//! (Exim's "SMTP connection from … lost", a `from=` row with Sendmail's `reject=`).

/// One kind of status row.
#[derive(Debug, Clone, Copy)]
pub struct StatusRow {
    pub id: &'static str,
    /// Substrings the row holds, in this order (lower case).
    pub marks: &'static [&'static str],
    /// Words that must not follow the first mark (a failed command's `ok/tried` count).
    pub not_after: &'static [&'static str],
    /// The row ends at most one word after its last mark (`connect from host[address]`).
    pub ends: bool,
    /// What the row says, for the reader.
    pub says: &'static str,
    pub source: &'static str,
}

/// Failure words none of these rows holds; a row with one is read by the rules.
const FAILURE_WORDS: &[&str] = &[
    "reject",
    "refused",
    "error",
    "fail",
    "denied",
    "timed out",
    "timeout",
    "lost",
    "defer",
    "bounce",
    "warning",
    "fatal",
    "panic",
    "too many",
    "blocked",
    "discard",
    "hold",
    "quarantin",
    "expired",
    "unknown user",
    "unavailable",
];

pub const STATUS_ROWS: &[StatusRow] = &[
    StatusRow {
        id: "postfix_connect",
        marks: &["postfix/", ": connect from "],
        not_after: &[],
        ends: true,
        says: "Postfix's SMTP server took a client's connection; nothing failed in this row.",
        source: "https://www.postfix.org/smtpd.8.html; https://www.postfix.org/DEBUG_README.html",
    },
    StatusRow {
        id: "postfix_disconnect",
        marks: &["postfix/", ": disconnect from ", " commands="],
        // A failed command is counted `name=ok/tried` ("auth=0/1"): read by the rules. A
        // session that passed a message is read as the mail taken (`classify`'s
        // clean_session_summary).
        not_after: &["/", " data=", " bdat="],
        ends: false,
        says: "Postfix's SMTP server closed a session in which no command failed and no \
               message was passed (each command's count is name=N; a failed one would read \
               name=ok/tried).",
        source: "https://www.postfix.org/smtpd.8.html (session summary at disconnect, \
                 Postfix 3.4 and later)",
    },
    StatusRow {
        id: "postfix_postscreen_connect",
        marks: &["postfix/postscreen", ": connect from ["],
        not_after: &[],
        ends: false,
        says: "Postfix's postscreen took a connection before its tests; nothing failed in \
               this row.",
        source: "https://www.postfix.org/POSTSCREEN_README.html",
    },
    StatusRow {
        id: "postfix_postscreen_pass",
        marks: &["postfix/postscreen", ": pass "],
        not_after: &[],
        ends: false,
        says: "The client passed Postfix postscreen's tests (PASS NEW: first time, PASS OLD: \
               on its earlier result) and goes on to the SMTP server.",
        source: "https://www.postfix.org/POSTSCREEN_README.html",
    },
    StatusRow {
        id: "postfix_client",
        marks: &["postfix/", ": client="],
        not_after: &[],
        ends: false,
        says: "Postfix's SMTP server gave the client's message a queue id (and logged its \
               login, if any); nothing failed in this row.",
        source: "https://www.postfix.org/smtpd.8.html; https://www.postfix.org/DEBUG_README.html",
    },
    StatusRow {
        id: "postfix_message_id",
        marks: &["postfix/cleanup", ": message-id="],
        not_after: &[],
        ends: false,
        says: "Postfix's cleanup server logged the message's Message-ID while queueing it; \
               nothing failed in this row.",
        source: "https://www.postfix.org/cleanup.8.html",
    },
    StatusRow {
        id: "postfix_pickup",
        marks: &["postfix/pickup", ": uid=", "from=<"],
        not_after: &[],
        ends: false,
        says: "Postfix's pickup took a message submitted on this host (sendmail command); \
               nothing failed in this row.",
        source: "https://www.postfix.org/pickup.8.html",
    },
    StatusRow {
        id: "postfix_queue_active",
        marks: &["postfix/", ": from=<", "(queue active)"],
        not_after: &[],
        ends: false,
        says: "Postfix's queue manager moved the message to the active queue to deliver it; \
               nothing failed in this row (the delivery's own row says how it went).",
        source: "https://www.postfix.org/qmgr.8.html; https://www.postfix.org/QSHAPE_README.html",
    },
    StatusRow {
        id: "postfix_removed",
        marks: &["postfix/", ": removed"],
        not_after: &[],
        ends: true,
        says: "Postfix's queue manager removed the message from the queue: every recipient \
               was delivered, bounced or expired (their own rows say which).",
        source: "https://www.postfix.org/qmgr.8.html",
    },
    StatusRow {
        id: "postfix_tls_established",
        marks: &["postfix/", " tls connection established "],
        not_after: &[],
        ends: false,
        says: "Postfix set up a TLS session (Trusted or Verified: the certificate was \
               checked; Untrusted or Anonymous: it was not, which opportunistic TLS allows); \
               nothing failed in this row.",
        source: "https://www.postfix.org/TLS_README.html (smtp_tls_loglevel, \
                 smtpd_tls_loglevel)",
    },
    StatusRow {
        id: "postfix_anvil_statistics",
        marks: &["postfix/anvil", ": statistics: "],
        not_after: &[],
        ends: false,
        says: "Postfix anvil's periodic statistics: the highest connection or message rate a \
               client reached, logged whether or not a limit was set or hit.",
        source: "https://www.postfix.org/anvil.8.html",
    },
    StatusRow {
        id: "exim_arrival",
        marks: &[" <= "],
        not_after: &[],
        ends: false,
        says: "Exim's arrival row (<=): the message was received and queued; its deliveries \
               (=>, ** failed, == deferred) are logged on their own rows.",
        source: "https://www.exim.org/exim-html-current/doc/html/spec_html/ch-log_files.html",
    },
    StatusRow {
        id: "exim_completed",
        marks: &[" completed"],
        not_after: &[],
        ends: true,
        says: "Exim completed the message: every recipient was delivered or bounced, and it \
               left the queue.",
        source: "https://www.exim.org/exim-html-current/doc/html/spec_html/ch-log_files.html",
    },
    StatusRow {
        id: "exim_queue_run",
        marks: &[" queue run"],
        not_after: &[],
        ends: false,
        says: "A queue runner of Exim started or ended; nothing failed in this row.",
        source: "https://www.exim.org/exim-html-current/doc/html/spec_html/ch-log_files.html",
    },
    StatusRow {
        id: "exim_connection",
        marks: &["smtp connection from ", "(tcp/ip connection count = "],
        not_after: &[],
        ends: false,
        says: "Exim took an SMTP connection (logged with log_selector +smtp_connection); \
               nothing failed in this row.",
        source: "https://www.exim.org/exim-html-current/doc/html/spec_html/ch-log_files.html",
    },
    StatusRow {
        id: "exim_closed_by_quit",
        marks: &["smtp connection from ", " closed by quit"],
        not_after: &[],
        ends: false,
        says: "The client ended its Exim session with QUIT; nothing failed in this row.",
        source: "https://www.exim.org/exim-html-current/doc/html/spec_html/ch-log_files.html",
    },
    StatusRow {
        id: "sendmail_from",
        marks: &[": from=", ", size=", ", nrcpts="],
        not_after: &[],
        ends: false,
        says: "Sendmail took the message's envelope (sender, size, recipients count); its \
               deliveries are logged on their own to= rows with stat=.",
        source: "https://www.sendmail.org/~ca/email/doc8.12/op-sh-2.html (op.me §2.5, \
                 logging); sendmail/savemail.c and logsender() in sendmail/envelope.c",
    },
    StatusRow {
        id: "sendmail_starttls",
        marks: &["starttls=", ", relay=", ", version=", ", cipher="],
        not_after: &[],
        ends: false,
        says: "Sendmail set up a TLS session (STARTTLS=client when sending, =server when \
               receiving). verify=OK: the peer's certificate was checked; FAIL or NO: it was \
               not, and Sendmail goes on unless the access map's TLS_Srv/TLS_Clt requires \
               VERIFY for this peer.",
        source: "https://www.sendmail.org/~ca/email/starttls.html",
    },
    StatusRow {
        id: "sendmail_auth_server",
        marks: &["auth=server, relay=", ", authid="],
        not_after: &[],
        ends: false,
        says: "A client logged in to Sendmail (AUTH=server, with its login id and \
               mechanism); nothing failed in this row.",
        source: "https://www.sendmail.org/~ca/email/auth.html",
    },
    StatusRow {
        id: "courierd_queue",
        marks: &["courierd: "],
        not_after: &[],
        ends: false,
        says: "Courier's scheduler logged its queue's work (a new message, a delivery \
               started or completed, its wait); nothing failed in this row.",
        source: "Courier-MTA courier/courierd.C (newmsg,id= / started,id= / completed,id= / \
                 Waiting.); rows in the Ubuntu Forums thread 'Courier-MTA \"Smart Relay\"' \
                 (2010-12-10), https://www.courier-mta.org/courier.html",
    },
    StatusRow {
        id: "courier_delivered",
        marks: &["courier", ",success: "],
        not_after: &[],
        ends: false,
        says: "A Courier delivery module delivered the message (courierlocal: to the \
               mailbox; courieresmtp: to the next server named).",
        source: "Courier-MTA courier/module.local and courier/module.esmtp (\"success: Message \
                 delivered.\", \"success: delivered: <host> [<address>]\", \"status: \
                 success\"); https://www.courier-mta.org/courier.html",
    },
    StatusRow {
        id: "courier_status_success",
        marks: &["courier", ",status: success"],
        not_after: &[],
        ends: false,
        says: "A Courier delivery module closed the delivery as a success.",
        source: "Courier-MTA courier/module.esmtp; https://www.courier-mta.org/courier.html",
    },
    StatusRow {
        id: "courier_esmtpd_started",
        marks: &["courieresmtpd: started,ip="],
        not_after: &[],
        ends: false,
        says: "Courier's SMTP server took a connection; nothing failed in this row.",
        source: "Courier-MTA courier/module.esmtp/courieresmtpd.c; \
                 https://www.courier-mta.org/esmtpd.html",
    },
    StatusRow {
        id: "opensmtpd_session",
        marks: &[" smtp connected address="],
        not_after: &[],
        ends: false,
        says: "OpenSMTPD took a connection; nothing failed in this row.",
        source: "https://man.openbsd.org/smtpd.8; usr.sbin/smtpd/smtp_session.c",
    },
    StatusRow {
        id: "opensmtpd_message",
        marks: &[" smtp message msgid="],
        not_after: &[],
        ends: false,
        says: "OpenSMTPD took a message (its id, size and recipients count); nothing failed \
               in this row.",
        source: "https://man.openbsd.org/smtpd.8; usr.sbin/smtpd/smtp_session.c",
    },
    StatusRow {
        id: "opensmtpd_disconnected_quit",
        marks: &[" smtp disconnected reason=quit"],
        not_after: &[],
        ends: false,
        says: "The client ended its OpenSMTPD session with QUIT; nothing failed in this row.",
        source: "https://man.openbsd.org/smtpd.8; usr.sbin/smtpd/smtp_session.c",
    },
];

/// The kind of status row every row of `text` is, if it is one (rows split at line breaks
/// and at the two characters `\n` a paste's rows were joined with). All rows must be status
/// rows of one kind or another; the first row's kind is returned.
pub fn informational(text: &str) -> Option<&'static StatusRow> {
    let lower = text.to_lowercase();
    let mut first = None;
    for row in lower.split('\n').flat_map(|r| r.split("\\n")) {
        let row = row.trim();
        if row.is_empty() {
            continue;
        }
        let kind = row_kind(row)?;
        first.get_or_insert(kind);
    }
    first
}

fn row_kind(row: &str) -> Option<&'static StatusRow> {
    // Sendmail's verify=FAIL is a TLS session's certificate check, logged as a status; an
    // Exim arrival's subject (T="…", log_selector +subject) is the sender's words.
    let plain = row.replace("verify=fail", "verify=");
    let plain = without_exim_subject(&plain);
    if FAILURE_WORDS.iter().any(|w| plain.contains(w)) {
        return None;
    }
    STATUS_ROWS.iter().find(|s| {
        let mut rest = row;
        let mut after_first = None;
        for m in s.marks {
            match rest.find(m) {
                Some(i) => rest = &rest[i + m.len()..],
                None => return false,
            }
            after_first.get_or_insert(rest);
        }
        let after_first = after_first.unwrap_or(rest).trim_end();
        if s.not_after.iter().any(|w| after_first.contains(w)) {
            return false;
        }
        if s.ends && rest.trim().contains(char::is_whitespace) {
            return false;
        }
        shaped(s.id, row, rest)
    })
}

/// An Exim arrival row's `T="…"` is the message's subject (log_selector +subject): the
/// sender's words, taken out with their quotes (`T=""` stays). A quote inside is escaped.
pub(super) fn without_exim_subject(lowered: &str) -> std::borrow::Cow<'_, str> {
    let Some(start) = lowered.find(" t=\"") else {
        return std::borrow::Cow::Borrowed(lowered);
    };
    let open = start + " t=\"".len();
    let tail = &lowered[open..];
    let mut end = None;
    let mut escaped = false;
    for (i, c) in tail.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => {
                end = Some(i);
                break;
            }
            _ => escaped = false,
        }
    }
    let rest = end.map_or("", |i| &tail[i + 1..]);
    std::borrow::Cow::Owned(format!("{} t=\"\"{rest}", &lowered[..start]))
}

/// The checks a row's marks alone do not make: Exim's rows begin with a message id before
/// their flag (`1vAbCd-000123-AB <= …`), and the flag is its first word after it.
fn shaped(id: &str, row: &str, after: &str) -> bool {
    match id {
        "exim_arrival" => row.find(" <= ").is_some_and(|i| exim_id_before(&row[..i])),
        "exim_completed" => {
            after.trim().is_empty() && exim_id_before(row.trim_end_matches(" completed"))
        }
        "courierd_queue" => ["newmsg,id=", "started,id=", "completed,id=", "waiting. "]
            .iter()
            .any(|w| after.starts_with(w)),
        "exim_queue_run" => row.contains("start queue run") || row.contains("end queue run"),
        _ => true,
    }
}

/// Whether the last word of `head` is an Exim message id: three groups of letters and digits
/// joined by dashes, 6-6-2 (before Exim 4.97) or 6-11-4 (4.97 on).
fn exim_id_before(head: &str) -> bool {
    let Some(word) = head.split_whitespace().last() else {
        return false;
    };
    let parts: Vec<&str> = word.split('-').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| p.chars().all(|c| c.is_ascii_alphanumeric()))
        && parts[0].len() == 6
        && matches!(parts[1].len(), 6 | 11)
        && matches!(parts[2].len(), 2 | 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Status rows of each kind, as their programs log them.
    #[rustfmt::skip]
    const ROWS: &[(&str, &str)] = &[
        ("2026-12-01 10:00:01 1vAbCd-000123-AB <= alice@example.org H=mail.example.org [192.0.2.10] P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no S=2345 id=abc@example.org", "exim_arrival"),
        ("2026-12-01 10:00:02 1vAbCd-000000000Ab-AbCd Completed", "exim_completed"),
        // The sender's subject is no failure of this row.
        ("2026-12-01 10:00:01 1vAbCd-000123-AB <= a@example.org H=m.example.org [192.0.2.10] P=esmtp S=99 T=\"Delivery failed: \\\"mailbox full\\\"\" from <a@example.org> for b@example.net", "exim_arrival"),
        ("2026-12-01 10:00:00 Start queue run: pid=1234", "exim_queue_run"),
        ("2026-12-01 10:00:00 SMTP connection from [192.0.2.1]:50000 (TCP/IP connection count = 1)", "exim_connection"),
        ("Dec  1 10:00:01 mx postfix/smtpd[1234]: 4F3A21C0123: client=unknown[192.0.2.55], sasl_method=PLAIN, sasl_username=alice", "postfix_client"),
        ("Dec  1 10:00:01 mx postfix/smtpd[1234]: connect from unknown[192.0.2.55]", "postfix_connect"),
        ("Dec  1 10:00:01 mx postfix/smtpd[1234]: disconnect from unknown[192.0.2.55] ehlo=1 quit=1 commands=2", "postfix_disconnect"),
        ("Dec  1 10:00:02 mx postfix/qmgr[999]: 4F3A21C0123: from=<alice@example.org>, size=1234, nrcpt=1 (queue active)", "postfix_queue_active"),
        ("Dec  1 10:00:03 mx postfix/qmgr[999]: 4F3A21C0123: removed", "postfix_removed"),
        ("Dec  1 10:00:02 mx postfix/smtp[1300]: Trusted TLS connection established to mx.example.net[198.51.100.7]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)", "postfix_tls_established"),
        ("Dec  1 10:00:01 mx postfix/anvil[500]: statistics: max connection rate 1/60s for (smtp:192.0.2.55) at Dec  1 09:59:00", "postfix_anvil_statistics"),
        ("Dec  1 10:00:01 mx postfix/postscreen[777]: PASS NEW [192.0.2.55]:51234", "postfix_postscreen_pass"),
        ("Dec  1 10:00:01 mx sendmail[2222]: STARTTLS=client, relay=mx.example.net., version=TLSv1.3, verify=FAIL, cipher=TLS_AES_256_GCM_SHA384, bits=256/256", "sendmail_starttls"),
        ("Dec  1 10:00:01 mx sendmail[2222]: wB1A01a2222: from=<alice@example.org>, size=1234, class=0, nrcpts=1, msgid=<x@example.org>, proto=ESMTP, daemon=MTA, relay=localhost [127.0.0.1]", "sendmail_from"),
        ("Dec  1 10:00:01 mx smtpd[55]: 1a2b3c4d5e6f7a8b smtp connected address=192.0.2.9 host=client.example.net", "opensmtpd_session"),
        ("Dec 10 12:20:52 host courierd: started,id=0038C081.4D026173.000051A4,from=<root@example.org>,module=esmtp,host=gmail.com,addr=<b@gmail.com>", "courierd_queue"),
        ("Dec 10 12:20:52 host courierd: Waiting.  shutdown time=none, wakeup time=Fri Dec 10 12:25:01 2010, queuedelivering=4, inprogress=2", "courierd_queue"),
        ("Dec 10 12:20:52 host courierlocal: id=0038C081.4D026173.000051A4,from=<root@example.org>,addr=<alden@example.org>,size=329,success: Message delivered.", "courier_delivered"),
        ("Dec 10 12:20:52 host courieresmtp: id=0038C081.4D026173.000051A4,from=<root@example.org>,addr=<b@gmail.com>,size=329,status: success", "courier_status_success"),
        ("Feb  7 16:00:45 host courieresmtpd: started,ip=[::ffff:192.0.2.4]", "courier_esmtpd_started"),
    ];

    /// Rows that report a failure, beside or in the form of a status row.
    #[rustfmt::skip]
    const NOT_STATUS: &[&str] = &[
        // A failure beside a status row: the whole is read by the rules.
        "Dec  1 10:00:01 mx postfix/smtpd[1234]: connect from unknown[192.0.2.55]\\nDec  1 10:00:02 mx postfix/smtpd[1234]: NOQUEUE: reject: RCPT from unknown[192.0.2.55]: 554 5.7.1 Relay access denied",
        "Dec  1 10:00:01 mx postfix/smtpd[1234]: disconnect from unknown[192.0.2.55] ehlo=1 auth=0/1 quit=1 commands=2/3",
        "Dec  1 10:00:01 mx postfix/smtpd[1234]: lost connection after CONNECT from unknown[192.0.2.55]",
        "2026-12-01 10:00:00 SMTP connection from [192.0.2.1]:50000 lost D=0s",
        "2026-12-01 10:00:02 1vAbCd-000123-AB ** bob@example.net R=dnslookup T=remote_smtp: retry timeout exceeded",
        "2026-12-01 10:00:02 1vAbCd-000123-AB == bob@example.net R=dnslookup T=remote_smtp defer (-44): SMTP error from remote mail server after RCPT TO:<bob@example.net>: 451 4.7.1 Greylisted",
        "Dec  1 10:00:01 mx sendmail[2222]: wB1A01a2222: ruleset=check_mail, arg1=<a@b.c>, relay=x [192.0.2.1], reject=553 5.1.8 <a@b.c>... Domain of sender address a@b.c does not exist",
        "Dec  1 10:00:01 mx postfix/smtp[1300]: warning: TLS library problem: error:0A000086:SSL routines::certificate verify failed",
        "the <= sign",
        "Dec 10 12:20:52 host courieresmtp: id=0038C081.4D026173.000051A4,from=<a@example.org>,addr=<b@example.net>,status: deferred",
        "Feb  7 16:00:53 host courieresmtpd: error,relay=::ffff:192.0.2.4,from=<a@example.org>,to=<b@example.org>: 513 Relaying denied.",
    ];

    #[test]
    fn status_rows_are_known_by_kind() {
        for &(row, id) in ROWS {
            assert_eq!(informational(row).map(|s| s.id), Some(id), "{row}");
        }
        // Read as nothing failed, by the row's kind, never by a labelled failure's likeness.
        for &(row, id) in ROWS {
            let c = super::super::classify::classify(None, None, None, row, row);
            assert_eq!(
                c.reason,
                Some(super::super::classify::Reason::Delivered),
                "{row}"
            );
            assert_eq!(
                (c.rule, c.bounce, c.similar.is_none()),
                (format!("status_row:{id}"), None, true)
            );
        }
        // Two status rows joined as one paste are one status.
        let row = |id| ROWS.iter().find(|r| r.1 == id).map_or("", |r| r.0);
        let joined = format!("{}\\n{}", row("postfix_client"), row("postfix_removed"));
        assert_eq!(informational(&joined).map(|s| s.id), Some("postfix_client"));
    }

    #[test]
    fn failures_are_no_status_rows() {
        for &row in NOT_STATUS {
            assert!(informational(row).is_none(), "{row}");
        }
    }

    #[test]
    fn every_row_kind_has_its_source() {
        for s in STATUS_ROWS {
            assert!(
                s.source.contains("://") || s.source.contains(".c"),
                "{}",
                s.id
            );
            assert!(!s.marks.is_empty() && s.marks.iter().all(|m| *m == m.to_lowercase()));
        }
    }
}
