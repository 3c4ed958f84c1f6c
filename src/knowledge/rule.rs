//! What a context rule is and how one is chosen: the types both rule tables are written in
//! ([`super::rules::RULES`] and [`super::vendors::SERVER_TEXTS`]), the one constructor they
//! use ([`Rule::new`] and its `const` setters), and [`best`], the matcher.
//!
//! Never here: rule data (generic rules go in `rules.rs`, server texts in `vendors.rs`), or
//! anything that names those tables: they import this module, never the other way round.
//! Nothing here reads the network or the clock.
//!
//! Specificity, compared in this order (higher wins; ties go to the earlier rule):
//! 1. a rule that matches the reply text (a known server phrase);
//! 2. the code: one code (or a short list) beats a whole class, which beats any code;
//! 3. the context: a list of commands beats "all but", which beats any;
//! 4. the enhanced code: an exact code beats a subject, which beats none.

use super::Context;
use crate::exit::Status;
use crate::smtp::reply::EnhancedCode;

/// Which contexts a rule applies to.
#[derive(Debug, Clone, Copy)]
pub enum Ctx {
    Any,
    Only(&'static [Context]),
    Except(&'static [Context]),
}

/// Which basic codes a rule applies to.
#[derive(Debug, Clone, Copy)]
pub enum CodePat {
    Any,
    /// A first digit (2–5).
    Class(u16),
    OneOf(&'static [u16]),
}

/// Which enhanced codes a rule applies to; class-independent (the class follows the basic
/// code, RFC 3463 §2).
#[derive(Debug, Clone, Copy)]
pub enum EnhPat {
    /// `X.subject.*`
    Subject(u16),
    /// `X.subject.detail`
    Exact(u16, u16),
}

/// One rule. `text` fragments are matched case-insensitively; any one suffices.
///
/// Built with [`Rule::new`] and the setters below, in `const` tables:
/// `Rule::new(id, ctx, code, status).enhanced(..).text(..).summary(..).advice(..)`.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    pub ctx: Ctx,
    pub code: CodePat,
    pub enhanced: Option<EnhPat>,
    pub text: &'static [&'static str],
    /// The server or provider a matching text identifies.
    pub server: Option<&'static str>,
    pub status: Status,
    pub summary: &'static str,
    /// The summary for a pasted line, when `summary` speaks of the probe's own session
    /// (empty: `summary` serves both).
    pub pasted: &'static str,
    pub advice: &'static str,
    /// Where the text or behaviour was observed (URL or repository/path), for text rules.
    pub source: &'static str,
    /// The rule's meaning assumes the server says this for every name it is asked about
    /// (a blanket answer); a session that showed otherwise rules it out.
    pub everyone: bool,
}

impl Rule {
    /// A rule for `code` answering a command of `ctx`, judged `status`; any enhanced code,
    /// any text, no server, and empty summary, advice and source until set.
    pub const fn new(id: &'static str, ctx: Ctx, code: CodePat, status: Status) -> Rule {
        Rule {
            id,
            ctx,
            code,
            enhanced: None,
            text: &[],
            server: None,
            status,
            summary: "",
            pasted: "",
            advice: "",
            source: "",
            everyone: false,
        }
    }

    /// The meaning assumes the server gives this answer for every name (a blanket answer).
    pub const fn everyone(self) -> Rule {
        Rule {
            everyone: true,
            ..self
        }
    }

    /// Only replies whose enhanced code matches `pattern`.
    pub const fn enhanced(self, pattern: EnhPat) -> Rule {
        Rule {
            enhanced: Some(pattern),
            ..self
        }
    }

    /// Only replies whose text contains one of `fragments` (lower-case).
    pub const fn text(self, fragments: &'static [&'static str]) -> Rule {
        Rule {
            text: fragments,
            ..self
        }
    }

    /// The server or provider that a matching text identifies.
    pub const fn server(self, name: &'static str) -> Rule {
        Rule {
            server: Some(name),
            ..self
        }
    }

    /// What the reply means here, in one or two sentences.
    pub const fn summary(self, summary: &'static str) -> Rule {
        Rule { summary, ..self }
    }

    /// What the reply means in a pasted line (someone's log or bounce, not a probe run),
    /// when `summary` is about the probe's own session.
    pub const fn pasted(self, pasted: &'static str) -> Rule {
        Rule { pasted, ..self }
    }

    /// What to do about it (left empty when nothing needs doing).
    pub const fn advice(self, advice: &'static str) -> Rule {
        Rule { advice, ..self }
    }

    /// Where the text or behaviour was observed.
    pub const fn source(self, source: &'static str) -> Rule {
        Rule { source, ..self }
    }

    fn matches_ctx(&self, ctx: Option<Context>) -> bool {
        match (self.ctx, ctx) {
            (Ctx::Any, _) => true,
            // Without a known context only context-free rules and text rules apply.
            (_, None) => !self.text.is_empty(),
            (Ctx::Only(list), Some(c)) => list.contains(&c),
            (Ctx::Except(list), Some(c)) => !list.contains(&c),
        }
    }

    fn matches_code(&self, code: u16) -> bool {
        match self.code {
            CodePat::Any => true,
            CodePat::Class(d) => code / 100 == d,
            CodePat::OneOf(list) => list.contains(&code),
        }
    }

    fn matches_enhanced(&self, enhanced: Option<EnhancedCode>) -> bool {
        match (self.enhanced, enhanced) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(EnhPat::Subject(s)), Some(e)) => e.subject == s,
            (Some(EnhPat::Exact(s, d)), Some(e)) => e.subject == s && e.detail == d,
        }
    }

    fn matches_text(&self, lowered: &str) -> bool {
        self.text.is_empty() || self.text.iter().any(|t| lowered.contains(t))
    }

    /// Whether this rule applies. `text_lower` must already be lower-cased.
    pub fn matches(
        &self,
        ctx: Option<Context>,
        code: u16,
        enhanced: Option<EnhancedCode>,
        text_lower: &str,
    ) -> bool {
        self.matches_ctx(ctx)
            && self.matches_code(code)
            && self.matches_enhanced(enhanced)
            && self.matches_text(text_lower)
    }

    /// Specificity key (see the module docs); compared lexicographically.
    pub fn specificity(&self) -> (u8, u8, u8, u8) {
        let text = u8::from(!self.text.is_empty());
        let code = match self.code {
            CodePat::Any => 0,
            CodePat::Class(_) => 1,
            CodePat::OneOf(_) => 2,
        };
        let ctx = match self.ctx {
            Ctx::Any => 0,
            Ctx::Except(_) => 1,
            Ctx::Only(_) => 2,
        };
        let enhanced = match self.enhanced {
            None => 0,
            Some(EnhPat::Subject(_)) => 1,
            Some(EnhPat::Exact(..)) => 2,
        };
        (text, code, ctx, enhanced)
    }
}

/// The most specific rule of `tables` matching the reply and allowed by `accept`; of
/// equally specific ones, the first in table order. `ctx` is `None` when the command is
/// unknown (e.g. `explain` without `--after`).
pub fn best(
    tables: &[&'static [Rule]],
    ctx: Option<Context>,
    code: u16,
    enhanced: Option<EnhancedCode>,
    text: &str,
    accept: &dyn Fn(&Rule) -> bool,
) -> Option<&'static Rule> {
    let lowered = text.to_lowercase();
    let mut best: Option<&'static Rule> = None;
    for rule in tables.iter().copied().flatten() {
        if rule.matches(ctx, code, enhanced, &lowered)
            && accept(rule)
            && best.is_none_or(|b| rule.specificity() > b.specificity())
        {
            best = Some(rule);
        }
    }
    best
}
