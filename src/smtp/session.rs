//! The conversation as a state machine: the driver asks [`Session::next_action`], performs
//! it (send a command, read a reply, upgrade to TLS, close), and reports back with
//! [`Session::on_reply`], [`Session::on_tls_established`] or [`Session::on_closed`].
//!
//! The session never does I/O and never reads a clock: elapsed times are handed in. It is
//! lock-step (one command, one reply), which keeps per-step timing exact and costs nothing
//! that matters on a probe.
//!
//! Order of a conversation (RFC 5321 §3, §4.1.4):
//! greeting → EHLO (HELO on 500/502/504/550) → [STARTTLS → handshake → EHLO] →
//! VRFY… (+ canary) → EXPN… → MAIL FROM → RCPT… (+ canary) → RSET → QUIT.
//! A 421 anywhere, or a 221 to anything but QUIT, ends it: the server is closing on us.

use super::command::{Command, ReversePath, WireArg};
use super::ehlo::Capabilities;
use super::reply::Reply;
use crate::exit::Status;
use crate::knowledge::Context;
use crate::knowledge::outcome::{CheckKind, Outcome, classify};
use std::collections::VecDeque;
use std::time::Duration;

/// Whether to upgrade with STARTTLS (RFC 3207).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StartTlsPolicy {
    /// Upgrade when the server advertises STARTTLS.
    #[default]
    Auto,
    /// Upgrade, and treat a missing or refused STARTTLS as critical.
    Require,
    /// Stay in plain text.
    Never,
}

/// What the conversation should do, decided before connecting.
#[derive(Debug, Clone)]
pub struct Plan {
    pub helo_name: WireArg,
    pub vrfy: Vec<WireArg>,
    pub expn: Vec<WireArg>,
    pub rcpt: Vec<WireArg>,
    pub mail_from: ReversePath,
    /// A made-up name asked after the real checks, once per form (bare local part, or each
    /// domain) for VRFY and once per domain for RCPT.
    pub canary: Option<Canary>,
    pub starttls: StartTlsPolicy,
    /// The connection is TLS from the first byte (RFC 8314): no STARTTLS.
    pub implicit_tls: bool,
    /// The mail domain probed, if any: a bare VRFY name refused with 501 (Exim wants
    /// `user@domain`) is asked once more as `name@domain`.
    pub qualify_domain: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Canary {
    /// A local part that surely does not exist (random per run).
    pub local: String,
}

impl Canary {
    /// The canary in the same form as `arg`: a bare local part for a bare name,
    /// `canary@domain` for an address, so that the server judges both by the same rules
    /// (Exim, for one, refuses an unqualified VRFY with 501 but answers a qualified one).
    pub fn like(&self, arg: &WireArg) -> Option<WireArg> {
        let a = arg.as_str().trim_start_matches('<').trim_end_matches('>');
        let s = match a.rsplit_once('@') {
            Some((_, domain)) => format!("{}@{domain}", self.local),
            None => self.local.clone(),
        };
        WireArg::token(&s).ok()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Write this command, then read one reply.
    Send(Command),
    /// Read one reply without sending (the greeting).
    Receive,
    /// Perform the TLS handshake now; then call [`Session::on_tls_established`].
    StartTls,
    /// Close the connection; the conversation is over.
    Close,
}

/// Why a planned command is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    Ehlo,
    Helo,
    StartTls,
    Check(CheckKind, usize),
    Canary(CheckKind),
    Mail,
    Rset,
    Quit,
}

#[derive(Debug, Clone)]
struct Planned {
    command: Command,
    purpose: Purpose,
}

#[derive(Debug, Clone)]
enum State {
    AwaitGreeting,
    Ready,
    Await(Planned),
    UpgradeTls,
    Done,
}

/// One reply received, with the command it answered.
#[derive(Debug, Clone)]
pub struct Step {
    /// `None` for the greeting and for unsolicited replies.
    pub command: Option<Command>,
    pub context: Context,
    pub reply: Reply,
    pub elapsed: Duration,
    /// True when this reply came after TLS was established.
    pub tls: bool,
    /// The command asked about the canary (a made-up name): a refusal is the expected answer.
    pub canary: bool,
}

/// A fact about the conversation worth reporting on its own, beyond each reply's meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable machine-readable identifier (`"unsolicited_close"`).
    pub id: &'static str,
    pub status: Status,
    pub message: String,
}

/// The result of one VRFY/EXPN/RCPT check.
#[derive(Debug, Clone)]
pub struct CheckResult {
    pub kind: CheckKind,
    /// The argument the answer is about (`root@example.test`).
    pub argument: String,
    /// The argument as the user gave it, when the probe asked in another form (`root`).
    pub requested: Option<String>,
    /// `None` when the check never got a reply.
    pub reply: Option<Reply>,
    pub outcome: Outcome,
    pub canary: Option<(String, Option<u16>)>,
    pub discriminates: Option<bool>,
}

/// Everything the conversation produced.
#[derive(Debug, Clone, Default)]
pub struct Transcript {
    pub steps: Vec<Step>,
    pub capabilities: Option<Capabilities>,
    pub capabilities_after_tls: Option<Capabilities>,
    pub checks: Vec<CheckResult>,
    pub findings: Vec<Finding>,
    /// Greeting and EHLO/HELO succeeded: this server speaks SMTP with us.
    pub completed: bool,
    /// QUIT was answered with 221.
    pub quit_ok: bool,
    pub tls_active: bool,
    /// A command sent that never got its reply (the conversation ended while waiting).
    pub unanswered: Option<Command>,
}

#[derive(Debug)]
pub struct Session {
    plan: Plan,
    state: State,
    queue: VecDeque<Planned>,
    t: Transcript,
    /// Answers to checks and canaries, with the argument asked about.
    replies: Vec<(Purpose, String, Reply)>,
    /// MAIL was refused: RCPT checks are skipped until RSET.
    mail_refused: bool,
}

impl Session {
    pub fn new(plan: Plan) -> Session {
        let tls_active = plan.implicit_tls;
        Session {
            plan,
            state: State::AwaitGreeting,
            queue: VecDeque::new(),
            t: Transcript {
                tls_active,
                ..Transcript::default()
            },
            replies: Vec::new(),
            mail_refused: false,
        }
    }

    /// What the driver should do next.
    pub fn next_action(&mut self) -> Action {
        match &self.state {
            State::AwaitGreeting | State::Await(_) => Action::Receive,
            State::UpgradeTls => Action::StartTls,
            State::Done => Action::Close,
            State::Ready => loop {
                let Some(next) = self.queue.pop_front() else {
                    self.state = State::Done;
                    return Action::Close;
                };
                if self.mail_refused
                    && matches!(
                        next.purpose,
                        Purpose::Check(CheckKind::Rcpt, _) | Purpose::Canary(CheckKind::Rcpt)
                    )
                {
                    continue;
                }
                let command = next.command.clone();
                self.state = State::Await(next);
                return Action::Send(command);
            },
        }
    }

    /// The phase we are in, for naming timeouts and errors (`"greeting"`, `"vrfy"`, …).
    pub fn phase(&self) -> &'static str {
        match &self.state {
            State::AwaitGreeting => "greeting",
            State::Await(p) => context_of(&p.command).name(),
            State::UpgradeTls => "tls_handshake",
            State::Ready | State::Done => "close",
        }
    }

    fn finding(&mut self, id: &'static str, status: Status, message: impl Into<String>) {
        self.t.findings.push(Finding {
            id,
            status,
            message: message.into(),
        });
    }

    /// A reply arrived, `elapsed` after the command was sent (or the connection opened).
    pub fn on_reply(&mut self, reply: Reply, elapsed: Duration) {
        let state = std::mem::replace(&mut self.state, State::Ready);
        let (command, context, purpose) = match &state {
            State::AwaitGreeting => (None, Context::Greeting, None),
            State::Await(p) => (
                Some(p.command.clone()),
                context_of(&p.command),
                Some(p.purpose),
            ),
            _ => (None, Context::Unsolicited, None),
        };
        self.t.steps.push(Step {
            command,
            context,
            reply: reply.clone(),
            elapsed,
            tls: self.t.tls_active,
            canary: matches!(purpose, Some(Purpose::Canary(_))),
        });
        let code = reply.code;
        if let Some(p @ (Purpose::Check(..) | Purpose::Canary(_))) = purpose {
            // Keep the answer to a check even when it is a 421 or 221 that ends the session.
            let arg = match &state {
                State::Await(Planned {
                    command: Command::Vrfy(a) | Command::Expn(a) | Command::Rcpt(a),
                    ..
                }) => a.to_string(),
                _ => String::new(),
            };
            self.replies.push((p, arg, reply.clone()));
        }

        if context == Context::Unsolicited {
            self.finding(
                "unsolicited_reply",
                Status::Warning,
                format!("the server sent a {code} reply nobody asked for"),
            );
            self.state = if code == 421 || code == 221 {
                State::Done
            } else {
                state
            };
            return;
        }
        if code == 421 {
            let (id, msg) = if context == Context::Greeting {
                (
                    "service_not_available",
                    "the server answered the connection with 421: service not available now",
                )
            } else {
                (
                    "server_closing",
                    "the server sent 421 and is closing the connection mid-conversation",
                )
            };
            self.finding(id, Status::Critical, msg);
            self.state = State::Done;
            return;
        }
        if code == 221 && purpose != Some(Purpose::Quit) {
            self.finding(
                "unsolicited_close",
                Status::Critical,
                format!(
                    "the server answered {} with 221 and closed: it is shutting down or ending the session on its own",
                    match context { Context::Greeting => "the connection".to_owned(), c => format!("{c:?}").to_uppercase() }
                ),
            );
            self.state = State::Done;
            return;
        }

        match purpose {
            None => self.on_greeting(&reply),
            Some(Purpose::Ehlo) => self.on_ehlo(&reply),
            Some(Purpose::Helo) => {
                if reply.is_positive() {
                    self.t.completed = true;
                    self.enqueue_checks();
                } else {
                    self.finding(
                        "helo_refused",
                        Status::Critical,
                        format!("the server refused HELO with {code}"),
                    );
                    self.enqueue_quit();
                }
            }
            Some(Purpose::StartTls) => {
                if code == 220 {
                    self.state = State::UpgradeTls;
                    return;
                }
                let status = if self.plan.starttls == StartTlsPolicy::Require {
                    Status::Critical
                } else {
                    Status::Warning
                };
                self.finding(
                    "starttls_refused",
                    status,
                    format!(
                        "the server answered STARTTLS with {code}; the session stays unencrypted"
                    ),
                );
                if self.plan.starttls == StartTlsPolicy::Require {
                    self.enqueue_quit();
                } else {
                    self.enqueue_checks();
                }
            }
            Some(Purpose::Mail) => {
                if !reply.is_positive() {
                    self.mail_refused = true;
                    self.finding(
                        "mail_refused",
                        Status::Warning,
                        format!(
                            "the server refused MAIL FROM with {code}, so RCPT checks could not run"
                        ),
                    );
                }
            }
            Some(Purpose::Check(CheckKind::Vrfy, i)) if code == 501 => {
                self.requalify_vrfy(i, &state)
            }
            Some(Purpose::Check(kind, _)) if matches!(code, 500 | 502) => {
                // The command is not there at all: a canary of this kind can tell nothing.
                self.queue.retain(|p| p.purpose != Purpose::Canary(kind));
            }
            Some(Purpose::Check(..) | Purpose::Canary(_)) => {}
            Some(Purpose::Rset) => {}
            Some(Purpose::Quit) => {
                self.t.quit_ok = code == 221;
                if code != 221 {
                    self.finding(
                        "quit_unexpected",
                        Status::Warning,
                        format!("QUIT was answered with {code}, not 221"),
                    );
                }
                self.state = State::Done;
            }
        }
    }

    fn on_greeting(&mut self, reply: &Reply) {
        match reply.code {
            220 => self.push(Command::Ehlo(self.plan.helo_name.clone()), Purpose::Ehlo),
            554 => {
                self.finding(
                    "no_smtp_service",
                    Status::Critical,
                    "the server greeted with 554: no SMTP service here for us",
                );
                self.enqueue_quit();
            }
            code => {
                self.finding(
                    "bad_greeting",
                    Status::Critical,
                    format!("the greeting was {code}, not 220"),
                );
                self.enqueue_quit();
            }
        }
    }

    fn on_ehlo(&mut self, reply: &Reply) {
        let code = reply.code;
        if reply.is_positive() {
            let caps = Capabilities::from_reply(reply);
            let offers_tls = caps.starttls();
            if self.t.tls_active && self.t.capabilities.is_some() {
                if offers_tls {
                    self.finding("starttls_after_tls", Status::Warning, "STARTTLS is still advertised after TLS was established (RFC 3207 §4.2 says it must not be)");
                }
                self.t.capabilities_after_tls = Some(caps);
                self.enqueue_checks();
                return;
            }
            self.t.capabilities = Some(caps);
            self.t.completed = true;
            if self.t.tls_active {
                self.enqueue_checks();
            } else if offers_tls && self.plan.starttls != StartTlsPolicy::Never {
                self.push(Command::StartTls, Purpose::StartTls);
            } else {
                match self.plan.starttls {
                    StartTlsPolicy::Require => {
                        self.finding(
                            "starttls_missing",
                            Status::Critical,
                            "STARTTLS is required but the server does not offer it",
                        );
                        self.enqueue_quit();
                    }
                    StartTlsPolicy::Auto => {
                        self.finding(
                            "starttls_missing",
                            Status::Warning,
                            "the server does not offer STARTTLS: mail to it travels unencrypted",
                        );
                        self.enqueue_checks();
                    }
                    StartTlsPolicy::Never => self.enqueue_checks(),
                }
            }
        } else if matches!(code, 500 | 502 | 504 | 550) && !self.t.tls_active {
            // RFC 5321 §4.1.4: a client that gets one of these to EHLO may fall back to HELO.
            self.finding(
                "helo_fallback",
                Status::Ok,
                format!("EHLO was answered with {code}; fell back to HELO (no ESMTP extensions)"),
            );
            self.push(Command::Helo(self.plan.helo_name.clone()), Purpose::Helo);
        } else {
            self.finding(
                "ehlo_refused",
                Status::Critical,
                format!("the server refused EHLO with {code}"),
            );
            self.enqueue_quit();
        }
    }

    /// The TLS handshake succeeded: say EHLO again (RFC 3207 §4.2: forget what was learnt).
    pub fn on_tls_established(&mut self) {
        self.t.tls_active = true;
        self.state = State::Ready;
        self.push(Command::Ehlo(self.plan.helo_name.clone()), Purpose::Ehlo);
    }

    /// The TLS handshake failed: nothing more can be said on this connection.
    pub fn on_tls_failed(&mut self) {
        self.state = State::Done;
    }

    /// The server closed the connection (EOF) while we waited for a reply.
    pub fn on_closed(&mut self) {
        if let State::Await(p) = &self.state
            && p.purpose != Purpose::Quit
        {
            self.t.unanswered = Some(p.command.clone());
        }
        match &self.state {
            State::Await(p) if p.purpose == Purpose::Quit => {
                self.finding(
                    "quit_no_reply",
                    Status::Ok,
                    "the server closed the connection after QUIT without sending 221",
                );
            }
            State::Done => {}
            _ => {
                let phase = self.phase();
                self.finding(
                    "connection_closed",
                    Status::Critical,
                    format!(
                        "the server closed the connection while we waited for the {phase} reply"
                    ),
                );
            }
        }
        self.state = State::Done;
    }

    /// A bare VRFY name got 501: ask again as `name@domain` (once), and make the canary
    /// take the same form so the comparison still holds.
    fn requalify_vrfy(&mut self, i: usize, state: &State) {
        let State::Await(Planned {
            command: Command::Vrfy(arg),
            ..
        }) = state
        else {
            return;
        };
        let qualified = self.qualified(arg);
        if qualified == *arg {
            return;
        }
        if let Some(c) = self.plan.canary.as_ref().and_then(|c| c.like(&qualified)) {
            let queued = self
                .queue
                .iter()
                .any(|p| matches!(&p.command, Command::Vrfy(a) if *a == c));
            if !queued {
                // After the last VRFY canary already queued (canaries follow the real checks).
                let at = self
                    .queue
                    .iter()
                    .rposition(|p| p.purpose == Purpose::Canary(CheckKind::Vrfy))
                    .map_or(0, |n| n + 1);
                self.queue.insert(
                    at,
                    Planned {
                        command: Command::Vrfy(c),
                        purpose: Purpose::Canary(CheckKind::Vrfy),
                    },
                );
            }
        }
        self.queue.push_front(Planned {
            command: Command::Vrfy(qualified),
            purpose: Purpose::Check(CheckKind::Vrfy, i),
        });
    }

    /// `name@domain` for a bare name when the mail domain is known; otherwise `arg` itself.
    fn qualified(&self, arg: &WireArg) -> WireArg {
        let bare = !arg.as_str().contains('@');
        match (&self.plan.qualify_domain, bare) {
            (Some(d), true) => {
                WireArg::token(&format!("{arg}@{d}")).unwrap_or_else(|_| arg.clone())
            }
            _ => arg.clone(),
        }
    }

    fn push(&mut self, command: Command, purpose: Purpose) {
        self.queue.push_back(Planned { command, purpose });
    }

    fn enqueue_quit(&mut self) {
        self.queue.clear();
        self.push(Command::Quit, Purpose::Quit);
    }

    /// The distinct canary arguments for a set of check arguments, in order of first use.
    fn canaries_for(&self, args: &[WireArg]) -> Vec<WireArg> {
        let mut out: Vec<WireArg> = Vec::new();
        if let Some(c) = &self.plan.canary {
            for a in args {
                if let Some(k) = c.like(a)
                    && !out.contains(&k)
                {
                    out.push(k);
                }
            }
        }
        out
    }

    fn enqueue_checks(&mut self) {
        let plan = self.plan.clone();
        for (i, user) in plan.vrfy.iter().enumerate() {
            self.push(
                Command::Vrfy(user.clone()),
                Purpose::Check(CheckKind::Vrfy, i),
            );
        }
        // Canaries come after the real checks, so that a server counting errors (and
        // slowing down or disconnecting) cannot skew the answers that matter.
        for c in self.canaries_for(&plan.vrfy) {
            self.push(Command::Vrfy(c), Purpose::Canary(CheckKind::Vrfy));
        }
        for (i, list) in plan.expn.iter().enumerate() {
            self.push(
                Command::Expn(list.clone()),
                Purpose::Check(CheckKind::Expn, i),
            );
        }
        if !plan.rcpt.is_empty() {
            self.push(Command::Mail(plan.mail_from.clone()), Purpose::Mail);
            // RFC 5321 §4.1.1.3: a forward-path needs a domain (bare "postmaster" aside);
            // servers refuse a bare name (501) or quietly add their own host name.
            let rcpt: Vec<WireArg> = plan.rcpt.iter().map(|a| self.qualified(a)).collect();
            for (i, addr) in rcpt.iter().enumerate() {
                self.push(
                    Command::Rcpt(addr.clone()),
                    Purpose::Check(CheckKind::Rcpt, i),
                );
            }
            for c in self.canaries_for(&rcpt) {
                self.push(Command::Rcpt(c), Purpose::Canary(CheckKind::Rcpt));
            }
        }
        if !(plan.vrfy.is_empty() && plan.expn.is_empty() && plan.rcpt.is_empty()) {
            // Leave no transaction open: RSET before QUIT (RFC 5321 §4.1.1.5).
            self.push(Command::Rset, Purpose::Rset);
        }
        self.push(Command::Quit, Purpose::Quit);
    }

    /// Ends the session and returns what it learnt.
    pub fn finish(mut self) -> Transcript {
        if let State::Await(p) = &self.state {
            self.t.unanswered = Some(p.command.clone());
        }
        let mut checks = Vec::new();
        let sets: [(CheckKind, &Vec<WireArg>); 3] = [
            (CheckKind::Vrfy, &self.plan.vrfy),
            (CheckKind::Expn, &self.plan.expn),
            (CheckKind::Rcpt, &self.plan.rcpt),
        ];
        for (kind, args) in sets {
            for (i, requested) in args.iter().enumerate() {
                let arg = requested;
                // The last answer counts: a bare VRFY name may have been asked again qualified.
                let answered = self
                    .replies
                    .iter()
                    .rev()
                    .find(|(p, _, _)| *p == Purpose::Check(kind, i));
                let reply = answered.map(|(_, _, r)| r);
                let asked = match answered {
                    Some((_, a, _)) if !a.is_empty() => {
                        WireArg::new(a).unwrap_or_else(|_| arg.clone())
                    }
                    _ => arg.clone(),
                };
                let arg = &asked;
                // EXPN gets no canary: lists are few and named by convention.
                let canary_arg = match kind {
                    CheckKind::Expn => None,
                    _ => self
                        .plan
                        .canary
                        .as_ref()
                        .and_then(|c| c.like(arg))
                        .map(|a| a.to_string()),
                };
                let canary_reply = canary_arg.as_ref().and_then(|ca| {
                    self.replies
                        .iter()
                        .find_map(|(p, a, r)| (*p == Purpose::Canary(kind) && a == ca).then_some(r))
                });
                let (outcome, discriminates) = match reply {
                    Some(r) => classify(
                        kind,
                        r.code,
                        r.enhanced,
                        &r.text(),
                        canary_reply.map(|c| c.code),
                    ),
                    None => (Outcome::NotChecked, None),
                };
                checks.push(CheckResult {
                    kind,
                    argument: arg.to_string(),
                    requested: (arg != requested).then(|| requested.to_string()),
                    reply: reply.cloned(),
                    outcome,
                    // Only a canary that was asked and answered is reported.
                    canary: canary_arg
                        .zip(canary_reply)
                        .filter(|_| reply.is_some())
                        .map(|(a, r)| (a, Some(r.code))),
                    discriminates,
                });
            }
        }
        self.t.checks = checks;
        self.t
    }
}

/// The context a reply to `command` is read in (and the phase named in errors).
pub fn context_of(command: &Command) -> Context {
    match command {
        Command::Ehlo(_) => Context::Ehlo,
        Command::Helo(_) => Context::Helo,
        Command::StartTls => Context::StartTls,
        Command::Vrfy(_) => Context::Vrfy,
        Command::Expn(_) => Context::Expn,
        Command::Mail(_) => Context::Mail,
        Command::Rcpt(_) => Context::Rcpt,
        Command::Rset => Context::Rset,
        Command::Noop => Context::Noop,
        Command::Quit => Context::Quit,
    }
}
