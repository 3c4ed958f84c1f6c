//! The reply context: which command a reply answers. It decides what a code means (a 252
//! to VRFY is not a 252 to RCPT), names the phase of a conversation in errors and reports,
//! and is the one mapping between commands, verbs and the names reports use.
//!
//! Plain data: nothing here judges a reply (that is the knowledge base and the assessment).

use super::command::Command;
use serde::{Deserialize, Serialize};

/// Which command a reply answered: the context that decides what a code means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Context {
    Greeting,
    Ehlo,
    Helo,
    Mail,
    Rcpt,
    Vrfy,
    Expn,
    Rset,
    Noop,
    StartTls,
    Auth,
    /// The reply to DATA itself (354, or a refusal before the message). For explaining
    /// pasted replies only: the probe never sends DATA.
    Data,
    /// The reply after the message was sent (the final `.` of DATA, or the last BDAT
    /// chunk). For explaining only.
    #[serde(rename = "end_of_data")]
    EndOfData,
    /// The reply to a BDAT chunk (RFC 3030). For explaining only: the probe never sends BDAT.
    Bdat,
    Quit,
    /// A reply nobody asked for (e.g. a 421 sent before the server hangs up).
    Unsolicited,
}

impl Context {
    /// The context a reply to `command` is read in.
    pub fn of(command: &Command) -> Context {
        match command {
            Command::Ehlo(_) => Context::Ehlo,
            Command::Helo(_) => Context::Helo,
            Command::StartTls => Context::StartTls,
            Command::Vrfy(_) => Context::Vrfy,
            Command::Expn(_) => Context::Expn,
            Command::Mail { .. } => Context::Mail,
            Command::Rcpt(_) => Context::Rcpt,
            Command::Rset => Context::Rset,
            Command::Noop => Context::Noop,
            Command::Quit => Context::Quit,
        }
    }

    /// The lowercase name reports use (`"greeting"`, `"starttls"`, `"unsolicited"`): the
    /// same string as its JSON form.
    pub fn name(self) -> &'static str {
        match self {
            Context::Greeting => "greeting",
            Context::Ehlo => "ehlo",
            Context::Helo => "helo",
            Context::Mail => "mail",
            Context::Rcpt => "rcpt",
            Context::Vrfy => "vrfy",
            Context::Expn => "expn",
            Context::Rset => "rset",
            Context::Noop => "noop",
            Context::StartTls => "starttls",
            Context::Auth => "auth",
            Context::Data => "data",
            Context::EndOfData => "end_of_data",
            Context::Bdat => "bdat",
            Context::Quit => "quit",
            Context::Unsolicited => "unsolicited",
        }
    }

    /// How people name what was answered, in a sentence ("After RCPT TO", "After the
    /// greeting").
    pub fn label(self) -> &'static str {
        match self {
            Context::Greeting => "the greeting",
            Context::Ehlo => "EHLO",
            Context::Helo => "HELO",
            Context::Mail => "MAIL FROM",
            Context::Rcpt => "RCPT TO",
            Context::Vrfy => "VRFY",
            Context::Expn => "EXPN",
            Context::Rset => "RSET",
            Context::Noop => "NOOP",
            Context::StartTls => "STARTTLS",
            Context::Auth => "AUTH",
            Context::Data => "DATA",
            Context::EndOfData => "the end of the message (end of DATA)",
            Context::Bdat => "BDAT",
            Context::Quit => "QUIT",
            Context::Unsolicited => "no command (unsolicited)",
        }
    }

    /// The context for a command verb as reports name it (`"VRFY"`), case-insensitive.
    pub fn from_verb(verb: &str) -> Option<Context> {
        Some(match verb.to_ascii_uppercase().as_str() {
            "GREETING" | "BANNER" | "CONNECT" => Context::Greeting,
            "EHLO" => Context::Ehlo,
            "HELO" => Context::Helo,
            "MAIL" | "MAIL FROM" => Context::Mail,
            "RCPT" | "RCPT TO" => Context::Rcpt,
            "VRFY" => Context::Vrfy,
            "EXPN" => Context::Expn,
            "RSET" => Context::Rset,
            "NOOP" => Context::Noop,
            "STARTTLS" => Context::StartTls,
            "AUTH" => Context::Auth,
            "DATA" => Context::Data,
            "END_OF_DATA" | "END-OF-DATA" | "END OF DATA" | "EOD" | "." => Context::EndOfData,
            "BDAT" => Context::Bdat,
            "QUIT" => Context::Quit,
            "NONE" | "UNSOLICITED" => Context::Unsolicited,
            _ => return None,
        })
    }
}

/// Which kind of check a VRFY, EXPN or RCPT command is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckKind {
    Vrfy,
    Expn,
    Rcpt,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_json_strings_and_round_trip_through_verbs() {
        for c in [
            Context::Greeting,
            Context::Ehlo,
            Context::Helo,
            Context::Mail,
            Context::Rcpt,
            Context::Vrfy,
            Context::Expn,
            Context::Rset,
            Context::Noop,
            Context::StartTls,
            Context::Auth,
            Context::Data,
            Context::EndOfData,
            Context::Bdat,
            Context::Quit,
            Context::Unsolicited,
        ] {
            let json = serde_json::to_string(&c).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", c.name()));
            assert_eq!(Context::from_verb(c.name()), Some(c));
        }
    }
}
