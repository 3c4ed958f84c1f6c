//! Bulk mode (`--targets`): many targets probed concurrently with one [`Env`] (one
//! resolver and its cache, one TLS context, one `-j` limit, `--per-ip`, `--rate`), each
//! with its own configuration derived from the shared options and its input line, each
//! record handed over as soon as its target is done.
//!
//! Memory is flat in the number of input lines: a reader task reads the input lazily into
//! a small bounded channel, at most `-j` targets are in flight, and nothing is kept per
//! record once it is handed over (the caller's tally is bounded). Lines too long to be a
//! target are cut at [`MAX_LINE`] bytes as they are read.
//!
//! Exactly once: every input line that is not a comment or blank, not in another shard and
//! not already in the `--resume` file yields exactly one record. When asked to stop
//! (SIGINT/SIGTERM), no new target is started and the running ones finish within their
//! `--max-time`; their records are handed over, and a resumed run does the rest. A second
//! request to stop abandons the running ones (not handed over: a resume does them again).

use super::{Env, probe};
use crate::assess;
use crate::config::{BulkConfig, Shard, fnv1a64};
use crate::facts::TargetFacts;
use crate::report::Report;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use tokio::io::{AsyncBufRead, AsyncBufReadExt};
use tokio::sync::mpsc;
use tokio::task::JoinSet;

/// The longest input line read as a target; the rest of a longer line is skipped (the
/// line is reported as not a target).
pub const MAX_LINE: usize = 1024;

/// The input lines an earlier run already has records for: (line number, hash of the
/// target text), from its JSONL output.
#[derive(Debug, Default)]
pub struct Done(HashSet<(u64, u64)>);

impl Done {
    /// Reads an earlier JSONL output. Lines that are not a whole record (a line cut short
    /// when that run was killed, or anything else) are not counted as done.
    pub fn read(input: impl std::io::BufRead) -> std::io::Result<Done> {
        #[derive(serde::Deserialize)]
        struct Seen {
            line: u64,
            target: String,
        }
        let mut done = HashSet::new();
        for l in input.split(b'\n') {
            let l = l?;
            if let Ok(seen) = serde_json::from_slice::<Seen>(&l) {
                done.insert((seen.line, fnv1a64(seen.target.as_bytes())));
            }
        }
        Ok(Done(done))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn has(&self, line: u64, target: &str) -> bool {
        self.0.contains(&(line, fnv1a64(target.as_bytes())))
    }
}

/// One input line to probe.
struct Item {
    line: u64,
    /// The line trimmed (what the record's `target` says).
    text: String,
    /// Why the bytes are not a target before even parsing them (too long, not UTF-8).
    unreadable: Option<String>,
}

/// How the input was read.
#[derive(Debug, Default, Clone)]
pub struct Read {
    /// Lines read in all.
    pub lines: u64,
    /// Lines skipped because `--resume`'s file has them.
    pub resumed: u64,
    /// Lines of other shards.
    pub other_shards: u64,
    /// Why reading stopped early, if it did.
    pub error: Option<String>,
}

/// How the run ended.
#[derive(Debug, Default, Clone)]
pub struct Ended {
    pub read: Read,
    /// Asked to stop, by this signal (SIGINT 2, SIGTERM 15): lines after those started
    /// were not probed.
    pub interrupted: Option<i32>,
    /// Asked twice: the targets still running were abandoned without a record.
    pub abandoned: u64,
}

/// Probes every target of `input` with `env`, handing each record to `deliver` (report,
/// input line) as soon as it is done. `stop` receives the signal's number on each
/// SIGINT/SIGTERM. Each target is probed in a task of its own (a task that fails still
/// yields its record), on whatever runtime the caller runs.
pub async fn run<R, E>(
    env: Arc<Env>,
    bulk: Arc<BulkConfig>,
    input: R,
    done: Done,
    stop: &mut mpsc::UnboundedReceiver<i32>,
    mut deliver: impl FnMut(&Report, u64) -> Result<(), E>,
) -> Result<Ended, E>
where
    R: AsyncBufRead + Unpin + Send + 'static,
{
    let (tx, mut rx) = mpsc::channel::<Item>(64);
    let reader = tokio::spawn(read_lines(input, bulk.shard, done, tx));
    let cap = bulk.base.concurrency.max(1);
    let mut running = JoinSet::new();
    // The line and text of each running target, to answer for it if its task fails.
    let mut lines: HashMap<tokio::task::Id, (u64, String)> = HashMap::new();
    let mut input_open = true;
    let mut ended = Ended::default();
    loop {
        if !input_open && running.is_empty() {
            break;
        }
        tokio::select! {
            item = rx.recv(), if input_open && running.len() < cap => match item {
                Some(item) => {
                    let (env, bulk) = (env.clone(), bulk.clone());
                    let (line, text) = (item.line, item.text.clone());
                    let task = running.spawn(async move { one(&env, &bulk, item).await });
                    lines.insert(task.id(), (line, text));
                }
                None => input_open = false,
            },
            Some(joined) = running.join_next_with_id() => {
                let (line, report) = match joined {
                    Ok((id, done)) => {
                        lines.remove(&id);
                        done
                    }
                    Err(e) => {
                        let (line, text) = lines.remove(&e.id()).unwrap_or_default();
                        let why = format!("the probe of this target failed inside smtpprobe ({e}); please report it");
                        (line, failed(&bulk, &text, &why))
                    }
                };
                deliver(&report, line)?;
            }
            signal = stop.recv(), if !stop.is_closed() => {
                let Some(signal) = signal else { continue };
                if ended.interrupted.is_some() {
                    ended.abandoned = running.len() as u64;
                    running.abort_all();
                    break;
                }
                ended.interrupted = Some(signal);
                input_open = false;
                rx.close();
            }
        }
    }
    reader.abort();
    if let Ok(read) = reader.await {
        ended.read = read;
    }
    Ok(ended)
}

/// The record of one input line.
async fn one(env: &Env, bulk: &BulkConfig, item: Item) -> (u64, Report) {
    let cfg = match item.unreadable {
        Some(why) => Err(why),
        None => bulk.for_target(&item.text).map_err(|e| e.0),
    };
    let report = match cfg {
        // Boxed: the probe's future is large (about 11.8 KB in a release build, 18 KB
        // before the policy lookups, the HTTPS fetch and the TLS handshake were boxed); on
        // the heap it is allocated once where it runs, and the task spawned for this line
        // stays small to move.
        Ok(cfg) => Box::pin(probe(env, &cfg)).await,
        Err(why) => not_a_target(bulk, &item.text, item.line, &why),
    };
    (item.line, report)
}

/// The record of a line that is not a target: UNKNOWN, saying why, nothing contacted.
fn not_a_target(bulk: &BulkConfig, text: &str, line: u64, why: &str) -> Report {
    failed(
        bulk,
        text,
        &format!(
            "input line {line} is not a target: {why}; nothing was contacted (give a domain, host:port or IP address per line)"
        ),
    )
}

/// An UNKNOWN record for `text` saying `message`.
fn failed(bulk: &BulkConfig, text: &str, message: &str) -> Report {
    let facts = TargetFacts::unresolved(text, "none", message);
    assess::report(&facts, &bulk.base)
}

/// Reads the input line by line into `tx`, skipping comments, blank lines, other shards'
/// lines and those already done, until the input ends or the receiver is gone.
async fn read_lines<R: AsyncBufRead + Unpin>(
    mut input: R,
    shard: Option<Shard>,
    done: Done,
    tx: mpsc::Sender<Item>,
) -> Read {
    let mut read = Read::default();
    let mut buf = Vec::with_capacity(256);
    loop {
        buf.clear();
        let (total, eof) = match read_capped(&mut input, &mut buf).await {
            Ok(r) => r,
            Err(e) => {
                read.error = Some(e.to_string());
                break;
            }
        };
        if total == 0 && eof {
            break;
        }
        read.lines += 1;
        let line = read.lines;
        // A file saved by Windows Notepad starts with a UTF-8 byte order mark: not part of
        // the first target.
        if line == 1 && buf.starts_with(b"\xef\xbb\xbf") {
            buf.drain(..3);
        }
        let (text, unreadable) = match std::str::from_utf8(&buf) {
            _ if total > MAX_LINE => (
                String::from_utf8_lossy(&buf).trim().to_owned(),
                Some(format!(
                    "the line is {total} bytes long (at most {MAX_LINE})"
                )),
            ),
            Ok(t) => (t.trim().to_owned(), None),
            Err(_) => (
                String::from_utf8_lossy(&buf).trim().to_owned(),
                Some("the line is not valid UTF-8".to_owned()),
            ),
        };
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        if shard.is_some_and(|s| !s.holds(&text)) {
            read.other_shards += 1;
            continue;
        }
        if done.has(line, &text) {
            read.resumed += 1;
            continue;
        }
        let item = Item {
            line,
            text,
            unreadable,
        };
        if tx.send(item).await.is_err() {
            break;
        }
    }
    read
}

/// Reads one line into `buf` (without its line feed), keeping at most [`MAX_LINE`] + 1
/// bytes of it: its full length, and whether the input ended.
async fn read_capped<R: AsyncBufRead + Unpin>(
    input: &mut R,
    buf: &mut Vec<u8>,
) -> std::io::Result<(usize, bool)> {
    let mut total = 0;
    loop {
        let chunk = input.fill_buf().await?;
        if chunk.is_empty() {
            return Ok((total, true));
        }
        let (part, found) = match chunk.iter().position(|b| *b == b'\n') {
            Some(i) => (&chunk[..i], Some(i)),
            None => (chunk, None),
        };
        let room = (MAX_LINE + 1).saturating_sub(buf.len());
        buf.extend_from_slice(&part[..part.len().min(room)]);
        total += part.len();
        let used = found.map_or(chunk.len(), |i| i + 1);
        input.consume(used);
        if found.is_some() {
            return Ok((total, false));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn lines(
        text: &'static [u8],
        shard: Option<Shard>,
        done: Done,
    ) -> (Vec<(u64, String, bool)>, Read) {
        let (tx, mut rx) = mpsc::channel(4);
        let reader = tokio::spawn(read_lines(text, shard, done, tx));
        let mut out = vec![];
        while let Some(i) = rx.recv().await {
            out.push((i.line, i.text, i.unreadable.is_some()));
        }
        (out, reader.await.unwrap())
    }

    #[tokio::test]
    async fn comments_and_blank_lines_are_skipped_and_lines_numbered() {
        let (items, read) = lines(
            b"# fleet\n\nexample.com\r\n  mx.example.net:2525  \n\xff\xfe\nlast",
            None,
            Done::default(),
        )
        .await;
        assert_eq!(
            items,
            vec![
                (3, "example.com".into(), false),
                (4, "mx.example.net:2525".into(), false),
                (5, "\u{fffd}\u{fffd}".into(), true),
                (6, "last".into(), false),
            ]
        );
        assert_eq!(read.lines, 6);
    }

    #[tokio::test]
    async fn a_byte_order_mark_is_not_part_of_the_first_target() {
        let (items, _) = lines(
            b"\xef\xbb\xbfexample.com\r\n\xef\xbb\xbfb.example\n",
            None,
            Done::default(),
        )
        .await;
        assert_eq!(items[0], (1, "example.com".into(), false));
        // Only at the start of the input: later, it is a character of that line.
        assert_eq!(items[1], (2, "\u{feff}b.example".into(), false));
    }

    #[tokio::test]
    async fn a_long_line_is_cut_and_reported() {
        let mut text = vec![b'a'; 5000];
        text.extend_from_slice(b"\nexample.com\n");
        let text: &'static [u8] = Box::leak(text.into_boxed_slice());
        let (items, _) = lines(text, None, Done::default()).await;
        assert_eq!(items.len(), 2);
        assert_eq!(
            (items[0].0, items[0].1.len(), items[0].2),
            (1, MAX_LINE + 1, true)
        );
        assert_eq!(items[1], (2, "example.com".into(), false));
    }

    #[tokio::test]
    async fn shards_are_disjoint_and_complete() {
        let text: &'static [u8] = b"a.test\nb.test\nc.test\nd.test\ne.test\nf.test\ng.test\n";
        let mut all = vec![];
        for k in 0..3 {
            let (items, read) =
                lines(text, Some(Shard { index: k, count: 3 }), Done::default()).await;
            assert_eq!(read.other_shards + items.len() as u64, 7);
            all.extend(items.into_iter().map(|i| i.0));
        }
        all.sort_unstable();
        assert_eq!(all, (1..=7).collect::<Vec<_>>());
    }

    #[tokio::test]
    async fn resume_skips_whole_records_only() {
        let earlier: &[u8] = b"{\"line\":1,\"target\":\"a.test\",\"status\":\"ok\"}\n{\"line\":2,\"target\":\"other.test\"}\n{\"line\":3,\"targ";
        let done = Done::read(earlier).unwrap();
        assert_eq!(done.len(), 2);
        let (items, read) = lines(b"a.test\nb.test\nc.test\n", None, done).await;
        // Line 2 is b.test now (the earlier record is for another text); line 3 was cut.
        assert_eq!(items.iter().map(|i| i.0).collect::<Vec<_>>(), vec![2, 3]);
        assert_eq!(read.resumed, 1);
    }

    #[test]
    fn fnv1a64_is_the_published_function() {
        // Test vectors of the FNV reference (draft-eastlake-fnv).
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
