//! `smtpprobe explain --log FILE|-`: every deferral and bounce in a Postfix, Exim or
//! Sendmail log, grouped by provider, reason and bounce type, with a count, an example
//! reply and the advice. Streams: one line in memory at a time, and one row per group (the
//! groups are closed lists, so memory stays constant whatever the log's size).
//!
//! The caller opens the file (`main.rs`) and hands a reader; nothing here touches files.

use super::input::{Parsed, parse_inputs};
use crate::knowledge::classify::{self, Bounce, Reason};
use crate::report::explain::{
    LOG_JSON_VERSION, LogRow, LogSummary, render_log_human, render_log_json,
};
use std::collections::HashMap;
use std::io::{BufRead, Write};

/// How long an example reply may be in the table (characters).
const EXAMPLE_CHARS: usize = 200;

/// Reads the log from `reader` and writes the summary; returns the exit code (0, or 3 when
/// the log cannot be read).
pub fn run(
    source: &str,
    json: bool,
    reader: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    match summarise(reader) {
        Ok(summary) => {
            let _ = if json {
                render_log_json(&summary, out)
            } else {
                render_log_human(&summary, out)
            };
            let _ = out.flush();
            0
        }
        Err(e) => {
            let _ = writeln!(err, "smtpprobe: error: cannot read the log {source}: {e}");
            crate::exit::USAGE
        }
    }
}

/// Whether a log line reports a deferral or a bounce: Postfix `status=deferred|bounced`,
/// Exim `**` (failed) and `==` (deferred), Sendmail `dsn=4.x`/`dsn=5.x` with `stat=`; or,
/// on a receiving server, a refusal it gave: Postfix `NOQUEUE: reject:` (the Monday
/// question on an MX is also "what did we refuse, and why").
fn is_event(line: &str) -> bool {
    line.contains("status=deferred")
        || line.contains("status=bounced")
        || line.contains("NOQUEUE: reject:")
        || line.contains(" ** ")
        || line.contains(" == ")
        || (line.contains("stat=") && (line.contains("dsn=4.") || line.contains("dsn=5.")))
}

type Key = (Option<&'static str>, Option<Reason>, Option<Bounce>);

/// Summarises a log: counts per (provider, reason, bounce), most frequent first.
pub fn summarise(reader: &mut dyn BufRead) -> std::io::Result<LogSummary> {
    let mut groups: HashMap<Key, (u64, String)> = HashMap::new();
    let mut buf: Vec<u8> = Vec::with_capacity(1024);
    let (mut lines, mut events) = (0u64, 0u64);
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        lines += 1;
        let line = String::from_utf8_lossy(&buf);
        let line = line.trim_end();
        if !is_event(line) {
            continue;
        }
        events += 1;
        let (key, example) = classify_line(line);
        groups.entry(key).or_insert_with(|| (0, example)).0 += 1;
    }
    let mut rows: Vec<LogRow> = groups
        .into_iter()
        .map(|((provider, reason, bounce), (count, example))| LogRow {
            count,
            provider: provider.map(str::to_string),
            reason,
            bounce,
            example,
            advice: reason
                .map(|r| classify::advice(r, false).to_string())
                .unwrap_or_default(),
        })
        .collect();
    rows.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.example.cmp(&b.example))
    });
    Ok(LogSummary {
        version: LOG_JSON_VERSION,
        lines,
        events,
        rows,
    })
}

/// The group and an example reply for one event line.
fn classify_line(line: &str) -> (Key, String) {
    let parsed = parse_inputs(&[line.to_string()]);
    let first = parsed
        .iter()
        .find(|p| !matches!(p, Parsed::Invalid { .. }))
        .or(parsed.first());
    let (ctx, code, enhanced, text) = match first {
        Some(Parsed::Reply {
            code,
            enhanced,
            text,
            inferred,
            ..
        }) => (*inferred, Some(*code), *enhanced, text.clone()),
        Some(Parsed::Enhanced {
            code,
            text,
            inferred,
            ..
        }) => (*inferred, None, Some(*code), text.clone()),
        _ => (None, None, None, None),
    };
    let text = text.unwrap_or_else(|| super::input::escape(line));
    let c = classify::classify(ctx, code, enhanced, &text, line);
    let provider = c.provider.as_deref().and_then(static_provider);
    let mut example = match (code, enhanced) {
        (Some(c), Some(e)) => format!("{c} {e} {text}"),
        (Some(c), None) => format!("{c} {text}"),
        (None, Some(e)) => format!("{e} {text}"),
        (None, None) => text,
    };
    if example.chars().count() > EXAMPLE_CHARS {
        example = example.chars().take(EXAMPLE_CHARS).collect::<String>() + "…";
    }
    ((provider, c.reason, c.bounce), example)
}

/// The provider id as the closed list's own `&'static str` (so that a group key borrows
/// nothing from the line).
fn static_provider(id: &str) -> Option<&'static str> {
    crate::knowledge::providers::PROVIDERS
        .iter()
        .map(|p| p.id)
        .chain(["spamhaus", "spamcop"])
        .find(|p| *p == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const POSTFIX: &str = "\
Apr 21 08:45:22 mail postfix/smtp[1283]: F024DAA029B: to=<jfm79@aol.com>, relay=mx-aol.mail.gm0.yahoodns.net[98.136.96.92]:25, delay=59235, delays=59232/0.06/2.3/0.13, dsn=4.7.0, status=deferred (host mx-aol.mail.gm0.yahoodns.net[98.136.96.92] said: 421 4.7.0 [TSS04] Messages from 78.225.183.108 temporarily deferred due to user complaints - 4.16.55.1; see https://help.yahoo.com/kb/postmaster/SLN3434.html (in reply to MAIL FROM command))
Apr 21 08:45:22 mail postfix/smtp[1295]: BC495AA0516: lost connection with mta7.am0.yahoodns.net[67.195.228.110] while sending RCPT TO
Apr 21 08:46:22 mail postfix/smtp[1267]: 71575AA03E5: to=<x@yahoo.com.mx>, relay=mta5.am0.yahoodns.net[67.195.228.106]:25, delay=54790, delays=54787/0.09/2.5/0.17, dsn=4.7.0, status=deferred (host mta5.am0.yahoodns.net[67.195.228.106] said: 421 4.7.0 [TSS04] Messages from 78.225.183.108 temporarily deferred due to user complaints - 4.16.55.1; see https://help.yahoo.com/kb/postmaster/SLN3434.html (in reply to MAIL FROM command))
Dec 24 01:08:07 mail postfix/smtp[1322]: A4978C12E6: to=<mygmail@gmail.com>, relay=gmail-smtp-in.l.google.com[66.102.1.27]:25, delay=3.5, delays=3.1/0.02/0.19/0.16, dsn=5.7.26, status=bounced (host gmail-smtp-in.l.google.com[66.102.1.27] said: 550-5.7.26 Unauthenticated email from domain.com is not accepted due to domain's 550-5.7.26 DMARC policy. - gsmtp (in reply to end of DATA command))
Dec 24 01:08:07 mail postfix/qmgr[1319]: A4978C12E6: removed
2024-01-01 10:00:00 1abcDE-000123-AB ** bob@example.net R=dnslookup T=remote_smtp H=mx.example.net [192.0.2.1] X=TLS1.3:ECDHE_RSA_AES_256_GCM_SHA384:256 CV=yes: SMTP error from remote mail server after RCPT TO:<bob@example.net>: 550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown
Oct  3 15:40:38 host sendmail[9468]: 093DecpD009468: to=<a@b.example>, delay=00:00:01, mailer=esmtp, pri=120, relay=mx.b.example. [192.0.2.9], dsn=4.0.0, stat=Deferred: Connection refused by mx.b.example.
";

    #[test]
    fn postfix_exim_and_sendmail_lines_are_grouped() {
        let s = summarise(&mut POSTFIX.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((s.lines, s.events), (7, 5));
        let top = &s.rows[0];
        assert_eq!(top.count, 2);
        assert_eq!(top.provider.as_deref(), Some("yahoo"));
        assert_eq!(top.reason, Some(Reason::BadReputation));
        assert_eq!(top.bounce, Some(Bounce::Soft));
        assert!(
            top.example.starts_with("421 4.7.0 [TSS04]"),
            "{}",
            top.example
        );
        assert!(!top.advice.is_empty());
        let reasons: Vec<_> = s.rows.iter().map(|r| r.reason).collect();
        assert!(reasons.contains(&Some(Reason::AuthFailure)), "{reasons:?}");
        assert!(reasons.contains(&Some(Reason::UserUnknown)), "{reasons:?}");
        assert!(reasons.contains(&Some(Reason::NetworkError)), "{reasons:?}");
    }

    #[test]
    fn a_receiving_servers_refusals_are_counted() {
        // Lines as this project's real-server bed (Postfix 3.7.11) writes them.
        let log = "Nov 30 11:30:13 mx1 smtpprobe-real/smtpd[21143]: connect from unknown[127.0.0.1]\n\
Nov 30 11:30:13 mx1 smtpprobe-real/smtpd[21143]: NOQUEUE: reject: RCPT from unknown[127.0.0.1]: 554 5.7.1 <someone@other.test>: Relay access denied; from=<> to=<someone@other.test> proto=ESMTP helo=<[127.0.0.1]>\n\
Nov 30 11:30:13 mx1 smtpprobe-real/smtpd[21143]: NOQUEUE: reject: RCPT from unknown[127.0.0.1]: 550 5.1.1 <nx@mx1.test>: Recipient address rejected: User unknown in local recipient table; from=<> to=<nx@mx1.test> proto=ESMTP helo=<[127.0.0.1]>\n";
        let summary = summarise(&mut log.as_bytes()).expect("reads");
        let total: u64 = summary.rows.iter().map(|r| r.count).sum();
        assert_eq!(total, 2, "{:?}", summary.rows);
    }

    #[test]
    fn json_rows_have_the_contract_fields() {
        let s = summarise(&mut POSTFIX.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let mut out = Vec::new();
        render_log_json(&s, &mut out).unwrap_or_else(|e| panic!("{e}"));
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap_or_else(|e| panic!("{e}"));
        let row = &v["rows"][0];
        for k in ["count", "provider", "reason", "bounce", "example", "advice"] {
            assert!(row.get(k).is_some(), "{k} missing in {row}");
        }
        assert_eq!(row["reason"], "badreputation");
    }
}
