//! Classification markings (密级标志: 绝密/机密/秘密, with ★ and a period such as 秘密★1年 or
//! 机密★长期; 保守国家秘密法 Arts 14, 22) and internal-use markings (内部资料, 注意保存 …).
//! One packed Aho–Corasick search finds the keywords; the surroundings decide.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use aho_corasick::packed::{Config, MatchKind, Searcher};

use super::codes::*;
use super::{Hit, Kind};

const LEVELS: [&str; 3] = ["绝密", "机密", "秘密"];
const INTERNAL: [&str; 4] = ["内部资料", "内部文件", "内部材料", "注意保存"];
/// How many characters of spaces or brackets may stand between a marking and its line's edge.
const EDGE_SLACK: usize = 4;

/// Teddy where the CPU has it (x86-64 SSSE3/AVX2, aarch64 NEON), Aho–Corasick elsewhere (wasm).
enum Keywords {
    Packed(Searcher),
    Automaton(AhoCorasick),
    Unavailable,
}

static KEYWORDS: LazyLock<Keywords> = LazyLock::new(|| {
    let patterns: Vec<&str> = LEVELS.iter().chain(INTERNAL.iter()).copied().collect();
    if let Some(s) = Config::new().match_kind(MatchKind::LeftmostFirst).builder().extend(&patterns).build() {
        return Keywords::Packed(s);
    }
    match AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostFirst).build(&patterns) {
        Ok(ac) => Keywords::Automaton(ac),
        Err(_) => Keywords::Unavailable,
    }
});

/// Calls `f(start, end, pattern index)` for every keyword, leftmost first. A callback rather
/// than a boxed iterator: the allocation showed up when screening every field of every record.
fn for_each_keyword(text: &str, mut f: impl FnMut(usize, usize, usize)) {
    match &*KEYWORDS {
        Keywords::Packed(s) => s.find_iter(text.as_bytes()).for_each(|m| f(m.start(), m.end(), m.pattern().as_usize())),
        Keywords::Automaton(ac) => ac.find_iter(text).for_each(|m| f(m.start(), m.end(), m.pattern().as_usize())),
        Keywords::Unavailable => {}
    }
}

pub(super) fn scan(text: &str, hits: &mut Vec<Hit>) {
    let mut resume = 0;
    for_each_keyword(text, |start, end, pattern| {
        if start < resume {
            return;
        }
        let hit = if pattern < LEVELS.len() { level(text, start, end) } else { internal(text, start, end) };
        if let Some(h) = hit {
            resume = h.end;
            hits.push(h);
        }
    });
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

fn is_open(c: char) -> bool {
    matches!(c, '【' | '[' | '［' | '（' | '(' | '〔' | '「' | '《')
}

fn is_close(c: char) -> bool {
    matches!(c, '】' | ']' | '］' | '）' | ')' | '〕' | '」' | '》')
}

/// Whether only spaces and brackets stand between `at` and the start of its line.
fn line_start_before(text: &str, at: usize) -> bool {
    let mut chars = text[..at].chars().rev();
    for _ in 0..=EDGE_SLACK {
        match chars.next() {
            None | Some('\n' | '\r') => return true,
            Some(c) if is_space(c) || is_open(c) => continue,
            Some(_) => return false,
        }
    }
    false
}

/// Whether only spaces, brackets and list punctuation stand between `at` and the end of its line.
fn line_end_after(text: &str, at: usize) -> bool {
    let mut chars = text[at..].chars();
    for _ in 0..=EDGE_SLACK {
        match chars.next() {
            None | Some('\n' | '\r') => return true,
            Some(c) if is_space(c) || is_close(c) => continue,
            Some(_) => return false,
        }
    }
    false
}

fn skip_spaces(text: &str, mut at: usize) -> usize {
    while let Some(c) = text[at..].chars().next().filter(|&c| is_space(c)) {
        at += c.len_utf8();
    }
    at
}

/// The period after `★`: `10年`, `6个月`, `长期`; returns its end.
fn period(text: &str, at: usize) -> usize {
    let at = skip_spaces(text, at);
    let rest = &text[at..];
    if rest.starts_with("长期") {
        return at + "长期".len();
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return at;
    }
    let after = &rest[digits..];
    for unit in ["个月", "年", "月", "天", "日"] {
        if after.starts_with(unit) {
            return at + digits + unit.len();
        }
    }
    at
}

fn level(text: &str, start: usize, end: usize) -> Option<Hit> {
    let after = skip_spaces(text, end);
    let marking = |end, confidence| Hit {
        kind: Kind::ClassifiedMarking,
        info: &CLASSIFIED_MARKING,
        confidence,
        start,
        end,
        redacted: false,
        label: None,
    };
    if let Some(star) = text[after..].strip_prefix('★') {
        let star_end = text.len() - star.len();
        return Some(marking(period(text, star_end), 0.98));
    }
    // 密级：机密 — a labelled level.
    let labelled = ["密级：", "密级:", "密级 "].iter().any(|l| text[..start].ends_with(l));
    if labelled {
        return Some(marking(period(text, end), 0.95));
    }
    // A level standing alone on its line (the top-left marking of a document).
    (line_start_before(text, start) && line_end_after(text, end)).then(|| marking(end, 0.9))
}

fn internal(text: &str, start: usize, end: usize) -> Option<Hit> {
    if !line_start_before(text, start) {
        return None;
    }
    // 内部资料，注意保存 / 内部资料 注意保存 — one marking.
    let mut stop = end;
    let mut probe = end;
    while let Some(c) = text[probe..].chars().next().filter(|&c| is_space(c) || matches!(c, '，' | ',' | '、')) {
        probe += c.len_utf8();
    }
    if let Some(rest) = INTERNAL.iter().find(|w| text[probe..].starts_with(**w)) {
        stop = probe + rest.len();
    }
    let followed_ok = line_end_after(text, stop)
        || text[stop..].chars().next().is_some_and(|c| matches!(c, '，' | ',' | '、' | '；' | ';' | '。'));
    followed_ok.then_some(Hit {
        kind: Kind::InternalMarking,
        info: &INTERNAL_MARKING,
        confidence: 0.85,
        start,
        end: stop,
        redacted: false,
        label: None,
    })
}
