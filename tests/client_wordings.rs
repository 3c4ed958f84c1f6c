//! The words SMTP client libraries and tools use for the step a server refused, from their
//! own sources: `explain` must name the command each one states.
//!
//! `fixtures/clients/wordings.tsv` lists, per library, the wording (from the library's
//! source, cited per row), the command it names and one line in the library's own format
//! with a server reply in it (a real paste where the source column gives its address; the
//! rest built from the format). Collected by a helper who never read or ran this code
//! (`fixtures/clients/README.md`: what was covered, what was not, the ambiguous cases). The
//! context column may give two commands (`data|end_of_data`) where a library uses one word
//! for both. `CLIENT_WORDINGS_SHOW=1` prints the rows read differently.

#[path = "common/labelled.rs"]
mod labelled;

use labelled::{item, json_name};
use smtpprobe::explain::explain;
use std::path::Path;

/// Rows whose line `explain` does not place at the command it states (118 of 133 named when
/// the list was added, 125 after nodemailer's LMTP and EHLO words, MailKit's sample handler,
/// and Postfix's "Syntax: EHLO" read before aiosmtplib's `SMTPHeloError` were added, 126
/// after Thunderbird's authentication dialog in round 89): a library that states the command
/// only in words without a reply in the line (MailKit's "Message not accepted.", which is also Yahoo's reply
/// text), words the labelled corpus reads as not stating a command (smtplib's and
/// aiosmtplib's `SMTPDataError`, used for DATA and for the end of data alike; Thunderbird's
/// "Please check …" sentences), and curl's one-off `Remote access denied` and `Command
/// failed`. Held so that it only shrinks.
const MOST_MISSED: usize = 6;

#[test]
fn client_wordings_name_their_command() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/clients/wordings.tsv");
    let data = std::fs::read_to_string(&path).unwrap_or_default();
    let show = std::env::var("CLIENT_WORDINGS_SHOW").is_ok();
    let (mut rows, mut missed) = (0, 0);
    for line in data.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let [library, _, _, context, example, _] = f[..] else {
            panic!("not six fields: {line}");
        };
        rows += 1;
        let ex = explain(&[example.replace("\\n", "\n")], None);
        let got = json_name(&item(&ex).and_then(|i| i.context)).unwrap_or_else(|| "-".into());
        if !context.split('|').any(|c| c == got) {
            missed += 1;
            if show {
                eprintln!("{library}: {context} read as {got}\n    {example}");
            }
        }
    }
    eprintln!(
        "client wordings: {} of {rows} named their command",
        rows - missed
    );
    assert!(rows >= 100, "{path:?}: {rows} rows");
    assert!(
        missed <= MOST_MISSED,
        "{missed} rows missed (at most {MOST_MISSED})"
    );
}

/// One row of a localisation fixture: who says it, the command and reason it must be read
/// at, and the sentence with its placeholders filled.
struct Localised<'a> {
    who: String,
    context: &'a str,
    reason: &'a str,
    example: &'a str,
}

/// Reads every row of `fixtures/clients/<file>` (`row` picks its fields) and returns how
/// many there were and which were read at another command or for another reason; prints
/// those with `CLIENT_WORDINGS_SHOW=1`.
fn read_in_languages(
    file: &str,
    row: impl for<'a> Fn(&[&'a str]) -> Option<Localised<'a>>,
) -> (usize, Vec<String>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/clients")
        .join(file);
    let data = std::fs::read_to_string(&path).unwrap_or_default();
    let show = std::env::var("CLIENT_WORDINGS_SHOW").is_ok();
    let (mut rows, mut missed) = (0, Vec::new());
    for line in data.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let Some(r) = row(&f) else {
            panic!("{file}: not a row: {line}");
        };
        rows += 1;
        let ex = explain(&[r.example.replace("\\n", "\n")], None);
        let it = item(&ex);
        let got_ctx = json_name(&it.and_then(|i| i.context)).unwrap_or_else(|| "-".into());
        let got_reason = json_name(&it.and_then(|i| i.reason)).unwrap_or_else(|| "-".into());
        if (r.context != "-" && got_ctx != r.context) || got_reason != r.reason {
            if show {
                eprintln!(
                    "{}: {}/{} read as {got_ctx}/{got_reason}\n    {}",
                    r.who, r.context, r.reason, r.example
                );
            }
            missed.push(r.who);
        }
    }
    eprintln!("{file}: {} of {rows} read right", rows - missed.len());
    (rows, missed)
}

/// Thunderbird's send errors in the languages it ships in (`fixtures/clients/thunderbird-l10n.tsv`:
/// every sentence from thunderbird/thunderbird-l10n, its placeholders filled with a server
/// reply, a host and a recipient). Each must be read at the command it names and for the
/// reason it gives: the reply's own when it quotes one (the sentence around it must not
/// change it), else the dialog's (the outgoing server unreachable, the login or its mechanism
/// refused, STARTTLS not offered). `CLIENT_WORDINGS_SHOW=1` prints the rows read otherwise.
#[test]
fn thunderbird_in_its_languages() {
    let (rows, missed) = read_in_languages("thunderbird-l10n.tsv", |f| match *f {
        [locale, key, context, reason, example, _] => Some(Localised {
            who: format!("{locale} {key}"),
            context,
            reason,
            example,
        }),
        _ => None,
    });
    assert!(rows >= 300, "{rows} rows");
    assert!(missed.is_empty(), "{missed:?}");
}

/// Roundcube's and PHPMailer's failures in the languages they ship
/// (`fixtures/clients/webmail-l10n.tsv`: every sentence from their localisation files, its
/// placeholders filled with an address and a server reply that names no command by itself):
/// each is read at the command it names and for the reason it gives, the reply's own where
/// it quotes one. `CLIENT_WORDINGS_SHOW=1` prints the rows read otherwise.
#[test]
fn webmail_in_its_languages() {
    let (rows, missed) = read_in_languages("webmail-l10n.tsv", |f| match *f {
        [library, locale, key, context, reason, example, _] => Some(Localised {
            who: format!("{library} {locale} {key}"),
            context,
            reason,
            example,
        }),
        _ => None,
    });
    assert!(rows >= 400, "{rows} rows");
    assert!(missed.is_empty(), "{missed:?}");
}
