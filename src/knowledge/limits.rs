//! Replies that announce a limit on the session rather than an answer to the command: the
//! server has counted our commands (or our errors) and stops answering, usually closing the
//! connection right after. Such a refusal says nothing about the name asked, nor that the
//! command is disabled: the same question in a new session gets a real answer.
//!
//! Fragments of reply texts (lower case, matched anywhere in the text), each with its
//! server and source. The probe's canaries count towards these limits too.

use super::relay::Text;

pub const SESSION_LIMIT: &[Text] = &[
    Text {
        fragment: "too many nonmail commands",
        server: "Exim",
        source: "Exim src/smtp_in.c: past smtp_accept_max_nonmail (default 10) commands that are not MAIL, RCPT, DATA or QUIT (VRFY, EXPN, NOOP, RSET, HELP, …), smtp_notquit_exit(\"bad-commands\", \"554\", \"Too many nonmail commands\") and \"Pretend eof - drops connection\"; logged \"SMTP call from … dropped: too many nonmail commands (last was …)\"; seen as \"554 Too many nonmail commands\" in this project's Exim 4.96 bed",
    },
    Text {
        fragment: "too many syntax or protocol errors",
        server: "Exim",
        source: "Exim src/smtp_in.c synprot_error(): past smtp_max_synprot_errors (default 3) replies of 5xx for syntax or protocol errors (a 501 to a bare VRFY name counts), the error is followed by \"<code> Too many syntax or protocol errors\" and the connection is closed; logged \"dropped: too many syntax or protocol errors\"",
    },
];

/// The session limit a reply announces, if any.
pub fn session_limit(text: &str) -> Option<&'static Text> {
    super::relay::find(SESSION_LIMIT, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exims_limits_are_recognised_and_sourced() {
        for t in SESSION_LIMIT {
            assert_eq!(t.fragment, t.fragment.to_ascii_lowercase());
            assert!(t.source.contains("smtp_in.c"), "{}", t.fragment);
        }
        assert!(session_limit("Too many nonmail commands").is_some());
        assert!(session_limit("Too many syntax or protocol errors").is_some());
        assert!(session_limit("Administrative prohibition").is_none());
    }
}
