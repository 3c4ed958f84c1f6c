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
//! VRFY… (+ canary) → EXPN… → [MAIL FROM → RCPT… (+ canary) → RSET] → QUIT.
//! A 421 anywhere, or a 221 to anything but QUIT, ends it: the server is closing on us.

use super::command::{Command, ReversePath, WireArg};
use super::context::{CheckKind, Context};
use super::ehlo::{Capabilities, Extension};
use super::reply::Reply;
use std::collections::VecDeque;
use std::time::Duration;

/// How TLS is used on one connection. Decided once from the command line and carried per
/// server to try, so that a later policy (DANE, MTA-STS) can raise it for one MX host only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TlsPolicy {
    /// Stay in plain text (`--starttls never`).
    Off,
    /// Upgrade with STARTTLS (RFC 3207) when the server offers it; go on over TLS whose
    /// certificate does not verify, as an opportunistic sender would (RFC 7435).
    #[default]
    Opportunistic,
    /// STARTTLS is required: no offer, a refusal or a certificate that does not verify ends
    /// the conversation, as a strict sender would (`--starttls require`).
    Required,
    /// TLS from the first byte (RFC 8314), verified strictly.
    Implicit,
}

impl TlsPolicy {
    /// TLS before the greeting.
    pub fn is_implicit(self) -> bool {
        self == TlsPolicy::Implicit
    }

    /// A certificate that does not verify fails the handshake.
    pub fn is_strict(self) -> bool {
        matches!(self, TlsPolicy::Required | TlsPolicy::Implicit)
    }

    /// STARTTLS is sent when the server offers it.
    fn wants_starttls(self) -> bool {
        matches!(self, TlsPolicy::Opportunistic | TlsPolicy::Required)
    }
}

/// What the conversation should do, decided before connecting. Build it with
/// [`Plan::new`] and the builder methods.
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
    pub tls: TlsPolicy,
    /// The mail domain probed, if any: a bare VRFY name refused with 501 (Exim wants
    /// `user@domain`) is asked once more as `name@domain`.
    pub qualify_domain: Option<String>,
    /// Group MAIL with its RCPTs, and RSET with QUIT, in one write when the server
    /// advertises PIPELINING (RFC 2920).
    pub pipelining: bool,
    /// Non-ASCII arguments may be sent, with the SMTPUTF8 parameter (RFC 6531), to a server
    /// that offers SMTPUTF8. A check whose argument needs it and cannot have it is not
    /// asked ([`CheckFacts::not_asked`]).
    pub smtputf8: bool,
    /// `--relay-test`: one more RCPT, for an address in a domain the server cannot own,
    /// asked after the others (in the same transaction, before the canaries; RSET follows).
    pub relay_test: Option<WireArg>,
}

impl Plan {
    /// EHLO with `helo_name`, then QUIT: no checks, no canary, MAIL FROM `<>`,
    /// opportunistic STARTTLS.
    pub fn new(helo_name: WireArg) -> Plan {
        Plan {
            helo_name,
            vrfy: vec![],
            expn: vec![],
            rcpt: vec![],
            mail_from: ReversePath::Null,
            canary: None,
            tls: TlsPolicy::default(),
            qualify_domain: None,
            pipelining: true,
            smtputf8: false,
            relay_test: None,
        }
    }

    /// Never pipeline: one command, one reply.
    #[must_use]
    pub fn lock_step(mut self) -> Plan {
        self.pipelining = false;
        self
    }

    #[must_use]
    pub fn vrfy(mut self, args: impl IntoIterator<Item = WireArg>) -> Plan {
        self.vrfy.extend(args);
        self
    }

    #[must_use]
    pub fn expn(mut self, args: impl IntoIterator<Item = WireArg>) -> Plan {
        self.expn.extend(args);
        self
    }

    #[must_use]
    pub fn rcpt(mut self, args: impl IntoIterator<Item = WireArg>) -> Plan {
        self.rcpt.extend(args);
        self
    }

    #[must_use]
    pub fn mail_from(mut self, path: ReversePath) -> Plan {
        self.mail_from = path;
        self
    }

    /// Ask `local` (a name that surely does not exist) after the real checks.
    #[must_use]
    pub fn canary(mut self, local: impl Into<String>) -> Plan {
        self.canary = Some(Canary {
            local: local.into(),
        });
        self
    }

    #[must_use]
    pub fn tls(mut self, policy: TlsPolicy) -> Plan {
        self.tls = policy;
        self
    }

    #[must_use]
    pub fn qualify_domain(mut self, domain: impl Into<String>) -> Plan {
        self.qualify_domain = Some(domain.into());
        self
    }

    /// Allow non-ASCII arguments, sent with SMTPUTF8 to servers that offer it.
    #[must_use]
    pub fn smtputf8(mut self, allowed: bool) -> Plan {
        self.smtputf8 = allowed;
        self
    }

    /// Also ask RCPT for `address`, a recipient in a domain the server cannot own.
    #[must_use]
    pub fn relay_test(mut self, address: WireArg) -> Plan {
        self.relay_test = Some(address);
        self
    }
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

/// `arg@domain` for a bare name and a known domain; otherwise `arg` itself.
fn qualify(arg: &WireArg, domain: Option<&str>) -> WireArg {
    match domain {
        Some(d) if !arg.as_str().contains('@') => {
            WireArg::token(&format!("{arg}@{d}")).unwrap_or_else(|_| arg.clone())
        }
        _ => arg.clone(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Write this command, then read one reply.
    Send(Command),
    /// Write these commands at once (RFC 2920 pipelining), then read one reply for each,
    /// in order.
    Pipeline(Vec<Command>),
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
    /// Commands with the same group are written at once (RFC 2920 pipelining).
    group: Option<u32>,
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
    /// The pipelining group the command was written in (shared by the steps sent in one
    /// write); `None` when it was sent alone.
    pub group: Option<u32>,
}

/// Where a conversation stands: what it waits for. Names the phase of an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Waiting for the reply in this context (the greeting included).
    Reply(Context),
    /// The TLS handshake.
    TlsHandshake,
    /// Nothing more to send or receive.
    Close,
}

/// Something the conversation showed beyond each reply's own meaning: a fact, in the
/// order it happened. How much it matters, and the words for it, are decided by the
/// assessment (it knows the TLS policy and the rest of the session).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A complete reply was already waiting before we sent our next command: nobody asked
    /// for it, and it answers nothing. `after` is what the last solicited reply answered.
    Unsolicited {
        code: u16,
        after: Context,
    },
    /// Bytes that were waiting before our next command without forming a complete reply;
    /// they were discarded, never taken as the answer to that command.
    UnsolicitedBytes {
        bytes: usize,
        after: Context,
    },
    /// More unsolicited replies than are kept as steps (a flooding server).
    UnsolicitedFlood {
        more: usize,
    },
    /// A temporary refusal as the greeting: 421, or another 4xx (Exim's connect ACL
    /// `defer` says 451).
    ServiceNotAvailable {
        code: u16,
    },
    /// 421 to a command: the server is closing mid-conversation.
    ServerClosing,
    /// 221 to anything but QUIT (`Context::Greeting` for a 221 greeting).
    UnsolicitedClose {
        context: Context,
    },
    /// A permanent refusal as the greeting: 554 (RFC 5321 §3.1), or another 5xx (Exim's
    /// connect ACL `deny` says 550).
    NoSmtpService {
        code: u16,
    },
    /// A greeting other than 220, 4xx and 5xx.
    BadGreeting {
        code: u16,
    },
    /// EHLO refused with a code that allows no HELO fallback.
    EhloRefused {
        code: u16,
    },
    /// EHLO refused with 500/502/504/550: HELO was tried (RFC 5321 §4.1.4).
    HeloFallback {
        code: u16,
    },
    HeloRefused {
        code: u16,
    },
    /// The server does not offer STARTTLS (only recorded when the policy wants it); with
    /// `after_helo`, because it refused EHLO: a HELO session has no extensions, STARTTLS
    /// included (RFC 3207 §4).
    StartTlsMissing {
        after_helo: bool,
    },
    /// STARTTLS was answered with something other than 220.
    StartTlsRefused {
        code: u16,
    },
    /// STARTTLS is still advertised in the EHLO after STARTTLS.
    StartTlsAfterTls,
    MailRefused {
        code: u16,
    },
    /// QUIT got a reply other than 221.
    QuitUnexpected {
        code: u16,
    },
    /// The server closed after QUIT without a 221.
    QuitNoReply,
    /// The server closed while we waited at this stage.
    ConnectionClosed {
        stage: Stage,
    },
}

/// The canary asked alongside a check, and what it got.
#[derive(Debug, Clone)]
pub struct CanaryAnswer {
    pub argument: String,
    pub reply: Reply,
}

/// Why a planned check was never sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAsked {
    /// Its argument (or, for RCPT, the MAIL FROM address) is not ASCII and the server does
    /// not offer SMTPUTF8 (RFC 6531), so it cannot be sent.
    NoSmtpUtf8,
    /// Its argument is not ASCII and the plan does not allow SMTPUTF8.
    Utf8NotAllowed,
}

/// What one VRFY/EXPN/RCPT check asked and got: facts, for the assessment to classify.
#[derive(Debug, Clone)]
pub struct CheckFacts {
    pub kind: CheckKind,
    /// The argument the answer is about (`root@example.test`).
    pub argument: String,
    /// The argument as the user gave it, when the probe asked in another form (`root`).
    pub requested: Option<String>,
    /// `None` when the check never got a reply.
    pub reply: Option<Reply>,
    /// The canary of the same form, when it was asked and answered.
    pub canary: Option<CanaryAnswer>,
    /// Set when the check was never sent, and why.
    pub not_asked: Option<NotAsked>,
    /// The RCPT of `--relay-test` ([`Plan::relay_test`]).
    pub relay_test: bool,
}

/// Everything the conversation produced.
#[derive(Debug, Clone, Default)]
pub struct Transcript {
    pub steps: Vec<Step>,
    pub capabilities: Option<Capabilities>,
    pub capabilities_after_tls: Option<Capabilities>,
    pub checks: Vec<CheckFacts>,
    pub events: Vec<Event>,
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
    /// Unsolicited replies seen beyond those kept as steps.
    unsolicited_dropped: usize,
    /// Sent in the current pipelining group after the one awaited now, in order.
    in_flight: VecDeque<Planned>,
    /// Pipelining groups made so far.
    groups: u32,
    /// Checks not sent because their argument needs SMTPUTF8 (kind, index, why).
    not_asked: Vec<(CheckKind, usize, NotAsked)>,
}

/// Unsolicited replies kept as steps; more are only counted.
const MAX_UNSOLICITED_STEPS: usize = 8;

impl Session {
    pub fn new(plan: Plan) -> Session {
        let tls_active = plan.tls.is_implicit();
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
            unsolicited_dropped: 0,
            in_flight: VecDeque::new(),
            groups: 0,
            not_asked: Vec::new(),
        }
    }

    /// True when the next action will be to send a command: whatever the server sent
    /// before that is unsolicited, and must be given to [`Session::on_unsolicited`] first.
    pub fn will_send(&self) -> bool {
        matches!(self.state, State::Ready) && !self.queue.is_empty()
    }

    /// What the last reply we asked for answered (the greeting before any command).
    fn last_context(&self) -> Context {
        self.t
            .steps
            .iter()
            .rev()
            .find(|s| s.context != Context::Unsolicited)
            .map_or(Context::Greeting, |s| s.context)
    }

    /// A complete reply that was waiting before our next command (RFC 5321 §4.2: a reply
    /// answers a command; one sent before the command answers nothing). It is recorded and
    /// never matched to the next command. A 421 or 221 means the server is closing: the
    /// conversation ends.
    pub fn on_unsolicited(&mut self, reply: Reply, elapsed: Duration) {
        let after = self.last_context();
        let code = reply.code;
        let closing = matches!(code, 421 | 221);
        let kept = self
            .t
            .steps
            .iter()
            .filter(|s| s.context == Context::Unsolicited)
            .count();
        if kept < MAX_UNSOLICITED_STEPS || closing {
            self.t.steps.push(Step {
                command: None,
                context: Context::Unsolicited,
                reply,
                elapsed,
                tls: self.t.tls_active,
                canary: false,
                group: None,
            });
            self.event(Event::Unsolicited { code, after });
        } else {
            self.unsolicited_dropped += 1;
        }
        if closing {
            self.state = State::Done;
        }
    }

    /// Bytes that were waiting before our next command and do not form a complete reply:
    /// discarded by the driver, recorded here.
    pub fn on_unsolicited_bytes(&mut self, bytes: usize) {
        let after = self.last_context();
        self.event(Event::UnsolicitedBytes { bytes, after });
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
                if let Some(g) = next.group {
                    return self.send_group(next, g);
                }
                let command = next.command.clone();
                self.state = State::Await(next);
                return Action::Send(command);
            },
        }
    }

    /// Sends `first` with every following command of its group.
    fn send_group(&mut self, first: Planned, group: u32) -> Action {
        let mut commands = vec![first.command.clone()];
        while let Some(p) = self.queue.front().filter(|p| p.group == Some(group)) {
            commands.push(p.command.clone());
            if let Some(p) = self.queue.pop_front() {
                self.in_flight.push_back(p);
            }
        }
        self.state = State::Await(first);
        if commands.len() == 1 {
            return Action::Send(commands.remove(0));
        }
        Action::Pipeline(commands)
    }

    /// Where the conversation stands, for naming timeouts and errors.
    pub fn stage(&self) -> Stage {
        match &self.state {
            State::AwaitGreeting => Stage::Reply(Context::Greeting),
            State::Await(p) => Stage::Reply(Context::of(&p.command)),
            State::UpgradeTls => Stage::TlsHandshake,
            State::Ready | State::Done => Stage::Close,
        }
    }

    fn event(&mut self, event: Event) {
        self.t.events.push(event);
    }

    /// A reply arrived, `elapsed` after the command was sent (or the connection opened; for
    /// a pipelined group, after the group was written).
    pub fn on_reply(&mut self, reply: Reply, elapsed: Duration) {
        let state = std::mem::replace(&mut self.state, State::Ready);
        let (command, context, purpose, group) = match &state {
            State::AwaitGreeting => (None, Context::Greeting, None, None),
            State::Await(p) => (
                Some(p.command.clone()),
                Context::of(&p.command),
                Some(p.purpose),
                p.group,
            ),
            _ => (None, Context::Unsolicited, None, None),
        };
        // The step keeps the reply itself, pushed once the reply has been acted on: the
        // handlers read no steps but in `last_context`, which skips an unsolicited one.
        let tls = self.t.tls_active;
        let canary = matches!(purpose, Some(Purpose::Canary(_)));
        let after_refused_mail = self.mail_refused
            && matches!(
                purpose,
                Some(Purpose::Check(CheckKind::Rcpt, _) | Purpose::Canary(CheckKind::Rcpt))
            );
        if let Some(p @ (Purpose::Check(..) | Purpose::Canary(_))) = purpose
            // A RCPT pipelined after a refused MAIL is answered about the missing
            // transaction (503), not about the recipient: it decides nothing.
            && !after_refused_mail
        {
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
        if !self.on_closing_reply(reply.code, context, purpose, state) {
            self.on_answer(&reply, purpose);
        }
        self.t.steps.push(Step {
            command,
            context,
            reply,
            elapsed,
            tls,
            canary,
            group,
        });
        self.next_in_flight();
    }

    /// After a reply: await the next command of the group already written, unless the
    /// conversation is over (then nothing more of the group will be answered).
    fn next_in_flight(&mut self) {
        match self.state {
            State::Ready => {
                if let Some(next) = self.in_flight.pop_front() {
                    self.state = State::Await(next);
                }
            }
            State::Done => self.in_flight.clear(),
            _ => {}
        }
    }

    /// Replies that end the session whatever was asked: unsolicited ones, 421, and 221 to
    /// anything but QUIT. Returns true when the reply was one of them.
    fn on_closing_reply(
        &mut self,
        code: u16,
        context: Context,
        purpose: Option<Purpose>,
        state: State,
    ) -> bool {
        if context == Context::Unsolicited {
            // A reply while nothing was awaited: the driver hands such replies to
            // `on_unsolicited`; this keeps the state machine sound if it ever does not.
            let after = self.last_context();
            self.event(Event::Unsolicited { code, after });
            self.state = if code == 421 || code == 221 {
                State::Done
            } else {
                state
            };
            return true;
        }
        if code == 421 {
            self.event(if context == Context::Greeting {
                Event::ServiceNotAvailable { code }
            } else {
                Event::ServerClosing
            });
            self.state = State::Done;
            return true;
        }
        if code == 221 && purpose != Some(Purpose::Quit) {
            self.event(Event::UnsolicitedClose { context });
            self.state = State::Done;
            return true;
        }
        false
    }

    /// The reply to what was asked, when it does not end the session by itself.
    fn on_answer(&mut self, reply: &Reply, purpose: Option<Purpose>) {
        let code = reply.code;
        match purpose {
            None => self.on_greeting(reply),
            Some(Purpose::Ehlo) => self.on_ehlo(reply),
            Some(Purpose::Helo) => {
                if code == 250 {
                    self.t.completed = true;
                    // No EHLO, no extensions: a sender that wants TLS gets none here.
                    if !self.t.tls_active && self.plan.tls.wants_starttls() {
                        self.event(Event::StartTlsMissing { after_helo: true });
                        if self.plan.tls == TlsPolicy::Required {
                            self.enqueue_quit();
                            return;
                        }
                    }
                    self.enqueue_checks();
                } else if reply.is_positive() {
                    // Out of step (RFC 5321 §4.3.2: HELO succeeds with 250 only).
                    self.enqueue_quit();
                } else {
                    self.event(Event::HeloRefused { code });
                    self.enqueue_quit();
                }
            }
            Some(Purpose::StartTls) => self.on_starttls(code),
            Some(Purpose::Mail) => {
                if !reply.is_positive() {
                    self.mail_refused = true;
                    self.event(Event::MailRefused { code });
                }
            }
            Some(Purpose::Check(CheckKind::Vrfy, i)) if code == 501 => self.requalify_vrfy(i),
            Some(Purpose::Check(kind, _)) if matches!(code, 500 | 502) => {
                // The command is not there at all: a canary of this kind can tell nothing.
                self.queue.retain(|p| p.purpose != Purpose::Canary(kind));
            }
            Some(Purpose::Check(..) | Purpose::Canary(_) | Purpose::Rset) => {}
            Some(Purpose::Quit) => {
                self.t.quit_ok = code == 221;
                if code != 221 {
                    self.event(Event::QuitUnexpected { code });
                }
                self.state = State::Done;
            }
        }
    }

    fn on_starttls(&mut self, code: u16) {
        if code == 220 {
            self.state = State::UpgradeTls;
            return;
        }
        self.event(Event::StartTlsRefused { code });
        if self.plan.tls == TlsPolicy::Required {
            self.enqueue_quit();
        } else {
            self.enqueue_checks();
        }
    }

    fn on_greeting(&mut self, reply: &Reply) {
        match reply.code {
            220 => self.push(Command::Ehlo(self.plan.helo_name.clone()), Purpose::Ehlo),
            code @ 400..=499 => {
                self.event(Event::ServiceNotAvailable { code });
                self.enqueue_quit();
            }
            code @ 500..=599 => {
                self.event(Event::NoSmtpService { code });
                self.enqueue_quit();
            }
            code => {
                self.event(Event::BadGreeting { code });
                self.enqueue_quit();
            }
        }
    }

    fn on_ehlo(&mut self, reply: &Reply) {
        let code = reply.code;
        if reply.is_positive() && code != 250 {
            // RFC 5321 §4.3.2: EHLO succeeds with 250 only; anything else 2xx is a server
            // out of step with us, and nothing it says after can be trusted.
            self.enqueue_quit();
        } else if code == 250 {
            let caps = Capabilities::from_reply(reply);
            let offers_tls = caps.starttls();
            if self.t.tls_active && self.t.capabilities.is_some() {
                if offers_tls {
                    self.event(Event::StartTlsAfterTls);
                }
                self.t.capabilities_after_tls = Some(caps);
                self.enqueue_checks();
                return;
            }
            self.t.capabilities = Some(caps);
            self.t.completed = true;
            if self.t.tls_active {
                self.enqueue_checks();
            } else if offers_tls && self.plan.tls.wants_starttls() {
                self.push(Command::StartTls, Purpose::StartTls);
            } else if self.plan.tls.wants_starttls() {
                self.event(Event::StartTlsMissing { after_helo: false });
                if self.plan.tls == TlsPolicy::Required {
                    self.enqueue_quit();
                } else {
                    self.enqueue_checks();
                }
            } else {
                self.enqueue_checks();
            }
        } else if matches!(code, 500 | 502 | 504 | 550) && !self.t.tls_active {
            // RFC 5321 §4.1.4: a client that gets one of these to EHLO may fall back to HELO.
            self.event(Event::HeloFallback { code });
            self.push(Command::Helo(self.plan.helo_name.clone()), Purpose::Helo);
        } else {
            self.event(Event::EhloRefused { code });
            self.enqueue_quit();
        }
    }

    /// The reply we waited for never ended (the server closed, or time ran out): keep what
    /// arrived as a step of its context. It answers nothing — the command stays unanswered,
    /// and a check it was for is not decided by half a reply.
    pub fn on_truncated(&mut self, reply: Reply, elapsed: Duration) {
        let (command, context, canary, group) = match &self.state {
            State::AwaitGreeting => (None, Context::Greeting, false, None),
            State::Await(p) => (
                Some(p.command.clone()),
                Context::of(&p.command),
                matches!(p.purpose, Purpose::Canary(_)),
                p.group,
            ),
            _ => return,
        };
        self.t.steps.push(Step {
            command,
            context,
            reply,
            elapsed,
            tls: self.t.tls_active,
            canary,
            group,
        });
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
        // After a greeting that refused the session, the server closing is its last word,
        // not a missing answer to our courtesy QUIT.
        let refused = self
            .t
            .steps
            .first()
            .is_some_and(|s| s.context == Context::Greeting && s.reply.code != 220);
        match &self.state {
            State::Await(p) if p.purpose == Purpose::Quit && refused => {}
            State::Await(p) if p.purpose == Purpose::Quit => self.event(Event::QuitNoReply),
            State::Done => {}
            _ => {
                let stage = self.stage();
                self.event(Event::ConnectionClosed { stage });
            }
        }
        self.state = State::Done;
    }

    /// A bare VRFY name got 501: ask again as `name@domain` (once), and make the canary
    /// take the same form so the comparison still holds.
    fn requalify_vrfy(&mut self, i: usize) {
        let Some((_, asked, _)) = self.replies.last() else {
            return;
        };
        let Ok(arg) = WireArg::new(asked) else {
            return;
        };
        let qualified = self.qualified(&arg);
        if qualified == arg {
            return;
        }
        // The bare canary can tell nothing more once the server wants a domain (and costs
        // one of the server's non-mail commands): drop it unless a bare name got a real
        // answer.
        if let Some(bare) = self.plan.canary.as_ref().and_then(|c| c.like(&arg)) {
            let bare_answered = self.replies.iter().any(|(p, a, r)| {
                matches!(p, Purpose::Check(CheckKind::Vrfy, _)) && !a.contains('@') && r.code != 501
            });
            if !bare_answered {
                self.queue.retain(|p| {
                    !(p.purpose == Purpose::Canary(CheckKind::Vrfy)
                        && matches!(&p.command, Command::Vrfy(a) if *a == bare))
                });
            }
        }
        // The server showed it wants a domain: the bare names still to come are asked
        // qualified at once, instead of each costing a 501 first (Exim counts both towards
        // its limits on non-mail commands and on errors).
        let domain = self.qualify_domain();
        for p in &mut self.queue {
            if let (Purpose::Check(CheckKind::Vrfy, _), Command::Vrfy(a)) = (p.purpose, &p.command)
            {
                p.command = Command::Vrfy(qualify(a, domain.as_deref()));
            }
        }
        if let Some(c) = self.plan.canary.as_ref().and_then(|c| c.like(&qualified)) {
            let queued = self
                .queue
                .iter()
                .any(|p| matches!(&p.command, Command::Vrfy(a) if *a == c));
            let asked = self
                .replies
                .iter()
                .any(|(p, a, _)| *p == Purpose::Canary(CheckKind::Vrfy) && *a == c.as_str());
            if !queued && !asked {
                // After the last VRFY already queued (canaries follow the real checks).
                let at = self
                    .queue
                    .iter()
                    .rposition(|p| {
                        matches!(
                            p.purpose,
                            Purpose::Canary(CheckKind::Vrfy) | Purpose::Check(CheckKind::Vrfy, _)
                        )
                    })
                    .map_or(0, |n| n + 1);
                self.queue.insert(
                    at,
                    Planned {
                        command: Command::Vrfy(c),
                        purpose: Purpose::Canary(CheckKind::Vrfy),
                        group: None,
                    },
                );
            }
        }
        self.queue.push_front(Planned {
            command: Command::Vrfy(qualified),
            purpose: Purpose::Check(CheckKind::Vrfy, i),
            group: None,
        });
    }

    /// `name@domain` for a bare name: the mail domain when it is known, else the name the
    /// server gave itself in its greeting (RFC 5321 §4.3.1), a domain every common MTA
    /// delivers to locally (Postfix `mydestination`, Exim `@` in `local_domains`, Sendmail
    /// class w, OpenSMTPD `local`); otherwise `arg` itself.
    fn qualified(&self, arg: &WireArg) -> WireArg {
        qualify(arg, self.qualify_domain().as_deref())
    }

    /// The domain bare names are qualified with: the mail domain, else the greeting's name.
    fn qualify_domain(&self) -> Option<String> {
        self.plan
            .qualify_domain
            .clone()
            .or_else(|| self.greeting_name())
    }

    /// The host name a 220 greeting starts with, when it is a plain domain name (no
    /// address literal, nothing that is not a letter, digit, hyphen or dot).
    fn greeting_name(&self) -> Option<String> {
        let greeting = self
            .t
            .steps
            .first()
            .filter(|s| s.context == Context::Greeting && s.reply.code == 220)?;
        let name = greeting.reply.texts().next()?.split_whitespace().next()?;
        let name = name.trim_end_matches('.');
        let plain =
            super::name::is_host_name(name) && name.bytes().any(|b| b.is_ascii_alphabetic());
        plain.then(|| name.to_ascii_lowercase())
    }

    fn push(&mut self, command: Command, purpose: Purpose) {
        self.push_grouped(command, purpose, None);
    }

    /// Queues `command` in pipelining group `group` when the server pipelines (RFC 2920),
    /// alone otherwise.
    fn push_grouped(&mut self, command: Command, purpose: Purpose, group: Option<u32>) {
        self.queue.push_back(Planned {
            command,
            purpose,
            group,
        });
    }

    /// A new pipelining group, when the server advertised PIPELINING (after TLS, the
    /// capabilities it listed then).
    fn new_group(&mut self) -> Option<u32> {
        let caps = self
            .t
            .capabilities_after_tls
            .as_ref()
            .or(self.t.capabilities.as_ref())?;
        if !self.plan.pipelining || !caps.pipelining() {
            return None;
        }
        self.groups += 1;
        Some(self.groups)
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

    /// Why a non-ASCII argument cannot be sent on this connection; `None` when it can
    /// (SMTPUTF8 allowed by the plan and offered in the latest EHLO).
    fn utf8_refusal(&self) -> Option<NotAsked> {
        let caps = self
            .t
            .capabilities_after_tls
            .as_ref()
            .or(self.t.capabilities.as_ref());
        if !self.plan.smtputf8 {
            Some(NotAsked::Utf8NotAllowed)
        } else if caps.is_some_and(|c| c.has(&Extension::Smtputf8)) {
            None
        } else {
            Some(NotAsked::NoSmtpUtf8)
        }
    }

    /// The arguments of one kind of check that can be sent, with their index; the others
    /// are recorded as not asked. `force`: none can be sent (the MAIL FROM cannot).
    fn sendable(
        &mut self,
        kind: CheckKind,
        args: &[WireArg],
        force: Option<NotAsked>,
    ) -> Vec<(usize, WireArg)> {
        let refusal = self.utf8_refusal();
        let mut out = Vec::new();
        for (i, a) in args.iter().enumerate() {
            match force.or(refusal.filter(|_| !a.is_ascii())) {
                Some(why) => self.not_asked.push((kind, i, why)),
                None => out.push((i, a.clone())),
            }
        }
        out
    }

    fn enqueue_checks(&mut self) {
        let plan = self.plan.clone();
        self.not_asked.clear();
        let vrfy = self.sendable(CheckKind::Vrfy, &plan.vrfy, None);
        for (i, user) in &vrfy {
            self.push(
                Command::Vrfy(user.clone()),
                Purpose::Check(CheckKind::Vrfy, *i),
            );
        }
        // Canaries come after the real checks, so that a server counting errors (and
        // slowing down or disconnecting) cannot skew the answers that matter.
        let asked: Vec<WireArg> = vrfy.into_iter().map(|(_, a)| a).collect();
        for c in self.canaries_for(&asked) {
            self.push(Command::Vrfy(c), Purpose::Canary(CheckKind::Vrfy));
        }
        for (i, list) in self.sendable(CheckKind::Expn, &plan.expn, None) {
            self.push(Command::Expn(list), Purpose::Check(CheckKind::Expn, i));
        }
        // RFC 5321 §4.1.1.3: a forward-path needs a domain (bare "postmaster" aside);
        // servers refuse a bare name (501) or quietly add their own host name.
        let rcpt: Vec<WireArg> = plan.rcpt.iter().map(|a| self.qualified(a)).collect();
        let from_refused = self.utf8_refusal().filter(|_| !plan.mail_from.is_ascii());
        let rcpt = self.sendable(CheckKind::Rcpt, &rcpt, from_refused);
        // No relay test inside a transaction that cannot be sent (a non-ASCII MAIL FROM to
        // a server without SMTPUTF8).
        let relay_test = plan.relay_test.clone().filter(|_| from_refused.is_none());
        if rcpt.is_empty() && relay_test.is_none() {
            self.push(Command::Quit, Purpose::Quit);
            return;
        }
        // With PIPELINING (RFC 2920 §3.1: MAIL and RCPT may be grouped; RSET too, and QUIT
        // ends a group), MAIL with its RCPTs is one write, RSET with QUIT another: two round
        // trips instead of one per command.
        let transaction = self.new_group();
        let mail = Command::Mail {
            from: plan.mail_from.clone(),
            smtputf8: rcpt.iter().any(|(_, a)| !a.is_ascii()),
        };
        self.push_grouped(mail, Purpose::Mail, transaction);
        for (i, addr) in &rcpt {
            self.push_grouped(
                Command::Rcpt(addr.clone()),
                Purpose::Check(CheckKind::Rcpt, *i),
                transaction,
            );
        }
        // The relay test is the last RCPT check (index after the user's).
        if let Some(r) = &relay_test {
            self.push_grouped(
                Command::Rcpt(r.clone()),
                Purpose::Check(CheckKind::Rcpt, plan.rcpt.len()),
                transaction,
            );
        }
        let asked: Vec<WireArg> = rcpt.into_iter().map(|(_, a)| a).collect();
        for c in self.canaries_for(&asked) {
            self.push_grouped(
                Command::Rcpt(c),
                Purpose::Canary(CheckKind::Rcpt),
                transaction,
            );
        }
        // Leave no transaction open: RSET before QUIT (RFC 5321 §4.1.1.5). Only after
        // MAIL: VRFY and EXPN open none, and an RSET then is a round trip for nothing.
        let end = self.new_group();
        self.push_grouped(Command::Rset, Purpose::Rset, end);
        self.push_grouped(Command::Quit, Purpose::Quit, end);
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
                checks.push(self.check_facts(kind, i, requested));
            }
        }
        if let Some(r) = &self.plan.relay_test {
            let mut relay = self.check_facts(CheckKind::Rcpt, self.plan.rcpt.len(), r);
            relay.relay_test = true;
            checks.push(relay);
        }
        self.t.checks = checks;
        if self.unsolicited_dropped > 0 {
            self.t.events.push(Event::UnsolicitedFlood {
                more: self.unsolicited_dropped,
            });
        }
        self.t
    }

    /// What check `i` of `kind` asked and got, with its canary.
    fn check_facts(&self, kind: CheckKind, i: usize, requested: &WireArg) -> CheckFacts {
        // The last answer counts: a bare VRFY name may have been asked again qualified.
        let answered = self
            .replies
            .iter()
            .rev()
            .find(|(p, _, _)| *p == Purpose::Check(kind, i));
        let asked = match answered {
            Some((_, a, _)) if !a.is_empty() => {
                WireArg::new(a).unwrap_or_else(|_| requested.clone())
            }
            _ => requested.clone(),
        };
        // EXPN gets no canary: lists are few and named by convention.
        let canary_arg = match kind {
            CheckKind::Expn => None,
            _ => self
                .plan
                .canary
                .as_ref()
                .and_then(|c| c.like(&asked))
                .map(|a| a.to_string()),
        };
        let canary = canary_arg.and_then(|ca| {
            self.replies
                .iter()
                .find(|(p, a, _)| *p == Purpose::Canary(kind) && *a == ca)
                .map(|(_, _, r)| CanaryAnswer {
                    argument: ca.clone(),
                    reply: r.clone(),
                })
        });
        CheckFacts {
            kind,
            argument: asked.to_string(),
            requested: (asked != *requested).then(|| requested.to_string()),
            reply: answered.map(|(_, _, r)| r.clone()),
            canary,
            not_asked: self
                .not_asked
                .iter()
                .find(|(k, n, _)| *k == kind && *n == i)
                .map(|(_, _, why)| *why),
            relay_test: false,
        }
    }
}
