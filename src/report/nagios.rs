//! The monitoring-plugin renderer (Nagios, Icinga, Naemon, Shinken, Sensu…), following the
//! Monitoring Plugins Development Guidelines, "Plugin Output":
//!
//! ```text
//! SMTP OK - <one-line summary> | 'dns'=0.0021s;;;0 'mx1.example.com_connect'=0.0004s;;;0 …
//! mx1.example.com [192.0.2.1]:25 OK: greeting 220, EHLO 250, QUIT 221
//!   WARNING <finding>
//! ```
//!
//! All perfdata goes on the first line, as check_smtp does, so even consumers that read one
//! line get it; the lines after it are the long text. Every piece of text a server (or DNS)
//! could have influenced passes through [`clean`], so a `|`, a newline or a control character
//! can never start perfdata, end the status line or inject a line.

use super::human::{is_bidi, is_unsafe};
use super::measure::{self, Measurement};
use super::{Report, ServerReport};
use crate::exit::Status;
use crate::thresholds::Thresholds;
use std::io::Write;

/// Makes text safe for one line of plugin output: `|` becomes `¦`, control characters and
/// Unicode line/paragraph separators become spaces, runs of spaces collapse, bidi formatting
/// characters ([`is_bidi`]) are dropped.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if is_bidi(c) {
            continue;
        }
        let c = match c {
            '|' => '¦',
            c if c.is_control() || c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A perfdata label, always single-quoted: a `'` inside is doubled (the guidelines' escape),
/// `=` and `|` (which would end the label or start perfdata), control and bidi characters
/// become `_`.
pub fn quote_label(label: &str) -> String {
    let mut out = String::with_capacity(label.len() + 2);
    out.push('\'');
    for c in label.chars() {
        match c {
            '\'' => out.push_str("''"),
            '=' | '|' => out.push('_'),
            c if is_unsafe(c) || c.is_whitespace() => out.push('_'),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// One perfdata item: `'label'=value[UOM];[warn];[crit];[min];[max]`, trailing empty fields
/// dropped.
fn perf_item(label: &str, value: &str, uom: &str, fields: [Option<String>; 4]) -> String {
    let mut item = format!("{}={value}{uom}", quote_label(label));
    let last = fields.iter().rposition(Option::is_some);
    if let Some(last) = last {
        for f in &fields[..=last] {
            item.push(';');
            if let Some(f) = f {
                item.push_str(f);
            }
        }
    }
    item
}

/// The perfdata of the report: every timing (seconds, `s`) with the warn/crit ranges of its
/// phase, then the certificate days left of each server that has TLS facts.
pub fn perfdata(report: &Report, thresholds: &Thresholds) -> Vec<String> {
    let mut items: Vec<String> = measure::measurements(report)
        .iter()
        .map(|m: &Measurement| {
            let rule = thresholds.get(m.phase);
            perf_item(
                &measure::label(report, m),
                &measure::seconds_text(m.seconds),
                "s",
                [
                    rule.and_then(|r| r.warning).map(|r| r.to_string()),
                    rule.and_then(|r| r.critical).map(|r| r.to_string()),
                    Some("0".into()),
                    None,
                ],
            )
        })
        .collect();
    if let Some(p) = &report.policy {
        if let Some(pol) = &p.mta_sts.policy {
            items.push(perf_item(
                "mta_sts_max_age",
                &pol.max_age.to_string(),
                "s",
                [None, None, Some("0".into()), None],
            ));
        }
        if let Some(days) = p
            .mta_sts
            .fetch
            .as_ref()
            .and_then(|f| f.certificate_days_left)
        {
            items.push(perf_item(
                "mta_sts_host_cert_days_left",
                &days.to_string(),
                "",
                [None, None, None, None],
            ));
        }
    }
    for (i, s) in report.servers.iter().enumerate().filter(|(_, s)| s.probed) {
        if let Some(days) = measure::tls_facts(s).and_then(|t| t.certificate_days_left) {
            items.push(perf_item(
                &format!("{}_cert_days_left", measure::server_key(report, i)),
                &measure::seconds_text(days),
                "",
                [None, None, None, None],
            ));
        }
    }
    items
}

/// Writes the plugin output. `thresholds` only fills the perfdata warn/crit fields: the
/// report's status must already reflect them (the assessment applied them).
pub fn render(
    report: &Report,
    thresholds: &Thresholds,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let perf = perfdata(report, thresholds);
    let summary = clean(&report.summary);
    let summary = if summary.is_empty() {
        clean(&report.target)
    } else {
        summary
    };
    write!(out, "SMTP {} - {summary}", report.status.label())?;
    if !perf.is_empty() {
        write!(out, " | {}", perf.join(" "))?;
    }
    writeln!(out)?;
    if let Some(e) = &report.dns.error {
        writeln!(out, "DNS {}: {}", e.status.label(), clean(&e.message))?;
    }
    for s in report.servers.iter().filter(|s| s.probed) {
        server_lines(s, out)?;
    }
    if let Some(p) = &report.policy {
        for f in p.mta_sts.findings.iter().filter(|f| f.status != Status::Ok) {
            writeln!(out, "Policy {} {}", f.status.label(), clean(&f.message))?;
        }
        for s in &p.senders {
            writeln!(
                out,
                "{}",
                clean(&format!(
                    "{}: {} ({})",
                    s.sender.label(),
                    s.outcome.label(),
                    s.reason
                ))
            )?;
        }
    }
    Ok(())
}

fn server_lines(s: &ServerReport, out: &mut dyn Write) -> std::io::Result<()> {
    let replies: Vec<String> = s
        .steps
        .iter()
        .map(|st| {
            let what = st.command.as_deref().unwrap_or(st.context.name());
            let enhanced = st
                .enhanced
                .as_deref()
                .map_or_else(String::new, |e| format!(" {e}"));
            format!("{what} {}{enhanced}", st.code)
        })
        .collect();
    let replies = if replies.is_empty() {
        "no reply".to_owned()
    } else {
        replies.join(", ")
    };
    writeln!(
        out,
        "{}",
        clean(&format!(
            "{} [{}]:{} {}: {replies}",
            s.host,
            s.address.as_deref().unwrap_or("no address"),
            s.port,
            s.status.label()
        ))
    )?;
    // The replies that were not OK, with the text the server sent: the evidence.
    for st in s.steps.iter().filter(|st| st.status != Status::Ok) {
        // Invalid bytes as \xNN, a long line cut with a count (the human report's form).
        let text = super::human::reply_line(st, 0);
        writeln!(
            out,
            "  {} {}",
            st.status.label(),
            clean(&format!(
                "{} answered \"{text}\": {}",
                st.command.as_deref().unwrap_or(st.context.name()),
                st.meaning
            ))
        )?;
    }
    for f in s.findings.iter().filter(|f| f.status != Status::Ok) {
        writeln!(out, "  {} {}", f.status.label(), clean(&f.message))?;
    }
    for c in s.checks.iter().filter(|c| c.status != Status::Ok) {
        writeln!(out, "  {} {}", c.status.label(), clean(&c.meaning))?;
    }
    if let Some(e) = &s.error {
        writeln!(
            out,
            "  {} {}",
            s.status.label(),
            clean(&format!(
                "{} ({}): {}",
                e.phase.error_name(),
                e.kind,
                e.message
            ))
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_keeps_one_line_and_no_pipe() {
        let evil = "220 a|b\r\nSMTP OK - fake | 'x'=1\n\t\x1b[2J\u{2028}end  \u{202e}";
        let c = clean(evil);
        assert!(!c.contains('|'));
        assert!(!c.chars().any(|ch| ch.is_control() || ch == '\u{2028}'));
        assert_eq!(c, "220 a¦b SMTP OK - fake ¦ 'x'=1 [2J end");
        assert_eq!(clean("a\u{61c}\u{2066}b\u{9b}c\u{85}d"), "ab c d");
    }

    #[test]
    fn labels_are_quoted_with_quotes_doubled() {
        assert_eq!(
            quote_label("mx1.example.com_connect"),
            "'mx1.example.com_connect'"
        );
        assert_eq!(quote_label("o'brien=x|y z"), "'o''brien_x_y_z'");
        assert_eq!(
            quote_label("mx\u{202e}\u{9b}\u{61c}.example"),
            "'mx___.example'"
        );
    }

    #[test]
    fn perf_items_drop_trailing_empty_fields() {
        assert_eq!(perf_item("a", "1", "s", [None, None, None, None]), "'a'=1s");
        assert_eq!(
            perf_item(
                "a",
                "1",
                "s",
                [None, Some("5".into()), Some("0".into()), None]
            ),
            "'a'=1s;;5;0"
        );
    }
}
