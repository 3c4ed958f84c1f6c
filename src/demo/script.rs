//! A recorded conversation (the transcript format of `fixtures/README.md`) turned into what
//! a server says: the greeting, then for each command the reply it got, and where TLS
//! started.

/// One command of the recording and the reply the server gave to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    /// The command's verb, upper case (`EHLO`, `MAIL`, `RCPT`, `STARTTLS`, ...).
    pub verb: String,
    /// What the command asked about, for telling two of the same verb apart: see [`key`].
    pub key: String,
    /// The reply's lines, without line ends.
    pub reply: Vec<String>,
    /// The TLS handshake followed this reply (`T: handshake`).
    pub handshake: bool,
}

/// What the server side of a recording says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Script {
    /// Every line the server sent before the first command: the greeting and anything
    /// sent unasked after it. A script without commands sends them and closes.
    pub greeting: Vec<String>,
    pub exchanges: Vec<Exchange>,
}

impl Script {
    /// Reads a transcript. Replies are paired with commands in order (a pipelined group
    /// shows its commands first, then their replies in the same order); a reply ends at a
    /// line whose fourth byte is a space (or that is shorter).
    pub fn parse(text: &str) -> Result<Script, String> {
        let mut script = Script::default();
        let mut pending: Vec<String> = Vec::new();
        let mut open: Vec<String> = Vec::new();
        let mut next_reply = 0;
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(c) = line.strip_prefix("C: ") {
                pending.push(c.to_owned());
                script.exchanges.push(Exchange {
                    verb: verb(c),
                    key: key(c),
                    reply: vec![],
                    handshake: false,
                });
            } else if let Some(s) = line.strip_prefix("S: ") {
                open.push(s.to_owned());
                if s.as_bytes().get(3).is_none_or(|b| *b == b' ') {
                    let reply = std::mem::take(&mut open);
                    if script.exchanges.is_empty() {
                        script.greeting.extend(reply);
                    } else if let Some(x) = script.exchanges.get_mut(next_reply) {
                        x.reply = reply;
                        next_reply += 1;
                    } else {
                        return Err(format!("line {}: a reply no command asked for", n + 1));
                    }
                }
            } else if line == "T: handshake" {
                match next_reply
                    .checked_sub(1)
                    .and_then(|i| script.exchanges.get_mut(i))
                {
                    Some(x) if x.verb == "STARTTLS" => x.handshake = true,
                    _ => return Err(format!("line {}: a handshake not after STARTTLS", n + 1)),
                }
            } else {
                return Err(format!("line {}: not a transcript line", n + 1));
            }
        }
        if !open.is_empty() || next_reply != script.exchanges.len() {
            return Err("the recording ends in the middle of a reply".into());
        }
        Ok(script)
    }

    /// Whether the recording went through a TLS handshake.
    pub fn has_tls(&self) -> bool {
        self.exchanges.iter().any(|x| x.handshake)
    }
}

/// A command line's verb, upper case.
pub fn verb(line: &str) -> String {
    line.split([' ', ':'])
        .next()
        .unwrap_or("")
        .to_ascii_uppercase()
}

/// What a command asks about, the same whether the probe qualified it with the mail domain
/// or not and whatever its random canary name: the local part of the argument, lower case
/// (`alice` for `VRFY alice@example.test` and `RCPT TO:<Alice@x>`), `nx-probe-canary` for
/// any canary.
pub fn key(line: &str) -> String {
    let arg = line.split_once(' ').map_or("", |(_, a)| a);
    let arg = arg.split_once(':').map_or(arg, |(_, a)| a);
    let arg = arg.trim().trim_start_matches('<');
    let local = arg.split(['@', '>', ' ']).next().unwrap_or("");
    if local.starts_with("nx-probe-") {
        "nx-probe-canary".into()
    } else {
        local.to_ascii_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipelined_replies_pair_with_their_commands_in_order() {
        let s = Script::parse(
            "# server: x\nS: 220-a\nS: 220 b\nC: EHLO x\nS: 250-x\nS: 250 Y\nC: STARTTLS\nS: 220 go\nT: handshake\nC: MAIL FROM:<>\nC: RCPT TO:<a@b>\nS: 250 ok\nS: 450 no\n",
        )
        .expect("parses");
        assert_eq!(s.greeting, ["220-a", "220 b"]);
        let verbs: Vec<_> = s.exchanges.iter().map(|x| x.verb.as_str()).collect();
        assert_eq!(verbs, ["EHLO", "STARTTLS", "MAIL", "RCPT"]);
        assert_eq!(s.exchanges[0].reply, ["250-x", "250 Y"]);
        assert!(s.exchanges[1].handshake);
        assert_eq!(s.exchanges[3].reply, ["450 no"]);
        assert!(s.has_tls());
        assert_eq!(s.exchanges[3].key, "a");
    }

    #[test]
    fn keys_ignore_qualification_and_the_random_canary() {
        assert_eq!(key("VRFY alice@example.test"), "alice");
        assert_eq!(key("VRFY alice"), "alice");
        assert_eq!(key("RCPT TO:<Alice@x.test> NOTIFY=NEVER"), "alice");
        assert_eq!(key("VRFY nx-probe-0123456789ab@x.test"), "nx-probe-canary");
        assert_eq!(key("MAIL FROM:<>"), "");
        assert_eq!(verb("rcpt TO:<a@b>"), "RCPT");
    }

    #[test]
    fn a_script_without_commands_is_its_greeting() {
        let s = Script::parse("S: 220 a\nS: 221 bye\n").expect("parses");
        assert_eq!(s.greeting, ["220 a", "221 bye"]);
        assert!(s.exchanges.is_empty());
    }

    #[test]
    fn broken_recordings_are_refused() {
        assert!(Script::parse("S: 220 a\nC: EHLO x\n").is_err());
        assert!(Script::parse("S: 220 a\nX: what\n").is_err());
        assert!(Script::parse("S: 220 a\nT: handshake\n").is_err());
    }
}
