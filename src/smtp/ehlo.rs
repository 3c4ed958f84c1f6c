//! EHLO capabilities (RFC 5321 §4.1.1.1): one keyword per reply line after the first, with
//! optional parameters. Known keywords become typed values; unknown ones are kept verbatim.

use super::reply::Reply;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Extension {
    /// RFC 1870. `None` when the server advertises SIZE without a number (no fixed limit).
    Size {
        limit: Option<u64>,
    },
    /// RFC 4954: the SASL mechanisms offered.
    Auth {
        mechanisms: Vec<String>,
    },
    Pipelining,
    EightBitMime,
    Smtputf8,
    Enhancedstatuscodes,
    Chunking,
    Binarymime,
    Dsn,
    Starttls,
    Vrfy,
    Expn,
    Help,
    Requiretls,
    /// RFC 5321 §3.5.2 servers may list VRFY/EXPN; anything we do not model is kept as sent.
    Other {
        keyword: String,
        params: Vec<String>,
    },
}

impl Extension {
    pub fn parse(line_text: &str) -> Extension {
        let mut words = line_text.split_whitespace();
        let keyword = words.next().unwrap_or("");
        // Compared without case and without copies: a bulk run parses every server's list.
        let is = |known: &str| keyword.eq_ignore_ascii_case(known);
        if is("SIZE") {
            return Extension::Size {
                limit: words.next().and_then(|p| p.parse().ok()).filter(|&n| n > 0),
            };
        }
        if is("AUTH") {
            return Extension::Auth {
                mechanisms: words.map(str::to_ascii_uppercase).collect(),
            };
        }
        let plain = [
            ("PIPELINING", Extension::Pipelining),
            ("8BITMIME", Extension::EightBitMime),
            ("SMTPUTF8", Extension::Smtputf8),
            ("ENHANCEDSTATUSCODES", Extension::Enhancedstatuscodes),
            ("CHUNKING", Extension::Chunking),
            ("BINARYMIME", Extension::Binarymime),
            ("DSN", Extension::Dsn),
            ("STARTTLS", Extension::Starttls),
            ("VRFY", Extension::Vrfy),
            ("EXPN", Extension::Expn),
            ("HELP", Extension::Help),
            ("REQUIRETLS", Extension::Requiretls),
        ];
        match plain.into_iter().find(|(name, _)| is(name)) {
            Some((_, e)) => e,
            None => Extension::Other {
                keyword: keyword.to_owned(),
                params: words.map(str::to_owned).collect(),
            },
        }
    }
}

/// What a server said about itself in its EHLO reply.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Capabilities {
    /// The first line's text: the server's name and greeting.
    pub greeting: String,
    pub extensions: Vec<Extension>,
    /// Each extension line as sent (text after the code), for reports.
    pub raw: Vec<String>,
}

impl Capabilities {
    pub fn from_reply(reply: &Reply) -> Capabilities {
        let mut texts = reply.texts();
        let greeting = texts.next().unwrap_or("").to_owned();
        // The enhanced-code stripping in `texts()` only applies to the first line's shape;
        // extension lines never carry one, so take them from the raw lines.
        let raw: Vec<String> = reply
            .lines
            .iter()
            .skip(1)
            .map(|l| l.get(4..).unwrap_or("").trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect();
        let extensions = raw.iter().map(|l| Extension::parse(l)).collect();
        Capabilities {
            greeting,
            extensions,
            raw,
        }
    }

    pub fn has(&self, wanted: &Extension) -> bool {
        self.extensions.iter().any(|e| e == wanted)
    }

    pub fn starttls(&self) -> bool {
        self.has(&Extension::Starttls)
    }

    /// RFC 2920: commands may be sent in groups without waiting for each reply.
    pub fn pipelining(&self) -> bool {
        self.has(&Extension::Pipelining)
    }

    pub fn auth_mechanisms(&self) -> Option<&[String]> {
        self.extensions.iter().find_map(|e| match e {
            Extension::Auth { mechanisms } => Some(mechanisms.as_slice()),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::smtp::reply::{Limits, ReplyParser};

    fn caps(input: &str) -> Capabilities {
        let mut p = ReplyParser::new(Limits::default());
        p.feed(input.as_bytes());
        Capabilities::from_reply(&p.next_reply().unwrap().unwrap())
    }

    #[test]
    fn typed_and_unknown_extensions() {
        let c = caps(
            "250-mx.example.com Hello\r\n250-SIZE 10240000\r\n250-AUTH PLAIN login\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-X-SHINY one two\r\n250 STARTTLS\r\n",
        );
        assert_eq!(c.greeting, "mx.example.com Hello");
        assert!(c.extensions.iter().any(|e| matches!(
            e,
            Extension::Size {
                limit: Some(10_240_000)
            }
        )));
        assert_eq!(
            c.auth_mechanisms(),
            Some(&["PLAIN".to_owned(), "LOGIN".to_owned()][..])
        );
        assert!(c.starttls());
        assert!(c.has(&Extension::EightBitMime));
        assert!(c.has(&Extension::Other {
            keyword: "X-SHINY".into(),
            params: vec!["one".into(), "two".into()]
        }));
        assert_eq!(c.raw.len(), 6);
    }

    #[test]
    fn keywords_in_any_case() {
        let c =
            caps("250-x\r\n250-starttls\r\n250-Pipelining\r\n250-size 42\r\n250 auth plain\r\n");
        assert!(c.starttls() && c.pipelining());
        assert!(c.has(&Extension::Size { limit: Some(42) }));
        assert_eq!(c.auth_mechanisms(), Some(&["PLAIN".to_owned()][..]));
        assert_eq!(
            Extension::parse(""),
            Extension::Other {
                keyword: String::new(),
                params: vec![]
            }
        );
    }

    #[test]
    fn size_without_limit() {
        let c = caps("250-x\r\n250 SIZE\r\n");
        assert!(c.has(&Extension::Size { limit: None }));
    }
}
