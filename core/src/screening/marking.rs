//! Classification markings (密级标志: 绝密/机密/秘密, with ★ and a period such as 秘密★1年 or
//! 机密★长期; 保守国家秘密法 Arts 14, 22) and internal-use markings (内部资料, 注意保存 …).
//! One packed Aho–Corasick search finds the keywords; the surroundings decide.

use std::sync::LazyLock;

use aho_corasick::packed::{Config, MatchKind, Searcher};
use memchr::memmem;

use super::codes::*;
use super::{Hit, Kind};

const LEVELS: [&str; 3] = ["绝密", "机密", "秘密"];
const INTERNAL: [&str; 4] = ["内部资料", "内部文件", "内部材料", "注意保存"];
/// How many characters of spaces or brackets may stand between a marking and its line's edge.
const EDGE_SLACK: usize = 4;

/// Teddy where the CPU has it (x86-64 SSSE3/AVX2, aarch64 NEON); elsewhere (wasm) a substring
/// search for the characters every keyword turns on. A general Aho–Corasick automaton was the
/// costliest part of a check in wasm: its prefilter's "rare bytes" are UTF-8 lead bytes that
/// any Chinese text is full of, and its DFA walks every byte.
enum Keywords {
    Packed(Searcher),
    Anchors(Anchors),
}

static KEYWORDS: LazyLock<Keywords> = LazyLock::new(|| {
    let patterns: Vec<&str> = LEVELS.iter().chain(INTERNAL.iter()).copied().collect();
    match Config::new().match_kind(MatchKind::LeftmostFirst).builder().extend(&patterns).build() {
        Some(s) => Keywords::Packed(s),
        None => Keywords::Anchors(Anchors::new()),
    }
});

/// Calls `f(start, end, pattern index)` for every keyword, leftmost first. A callback rather
/// than a boxed iterator: the allocation showed up when screening every field of every record.
fn for_each_keyword(text: &str, mut f: impl FnMut(usize, usize, usize)) {
    match &*KEYWORDS {
        Keywords::Packed(s) => s.find_iter(text.as_bytes()).for_each(|m| f(m.start(), m.end(), m.pattern().as_usize())),
        Keywords::Anchors(a) => a.for_each(text, f),
    }
}

/// The keywords found through what they share: every level ends in 密, three internal markings
/// start with 内部, and 注意保存 stands alone. No keyword overlaps another, so merging the
/// three searches by position gives what a leftmost-first automaton gives.
struct Anchors {
    secret: memmem::Finder<'static>,
    internal: memmem::Finder<'static>,
    keep: memmem::Finder<'static>,
}

impl Anchors {
    fn new() -> Anchors {
        Anchors {
            secret: memmem::Finder::new("密"),
            internal: memmem::Finder::new("内部"),
            keep: memmem::Finder::new(INTERNAL[3]),
        }
    }

    fn for_each(&self, text: &str, mut f: impl FnMut(usize, usize, usize)) {
        let bytes = text.as_bytes();
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for at in self.secret.find_iter(bytes) {
            let end = at + "密".len();
            if let Some(i) = LEVELS.iter().position(|w| end >= w.len() && &bytes[end - w.len()..end] == w.as_bytes()) {
                found.push((end - LEVELS[i].len(), end, i));
            }
        }
        for at in self.internal.find_iter(bytes) {
            if let Some(i) = INTERNAL[..3].iter().position(|w| bytes[at..].starts_with(w.as_bytes())) {
                found.push((at, at + INTERNAL[i].len(), LEVELS.len() + i));
            }
        }
        for at in self.keep.find_iter(bytes) {
            found.push((at, at + INTERNAL[3].len(), LEVELS.len() + 3));
        }
        found.sort_unstable();
        for (start, end, pattern) in found {
            f(start, end, pattern);
        }
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

#[cfg(test)]
mod tests {
    use aho_corasick::AhoCorasick;
    use proptest::prelude::*;

    use super::*;

    fn anchors(text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        Anchors::new().for_each(text, |s, e, p| out.push((s, e, p)));
        out
    }

    fn automaton(text: &str) -> Vec<(usize, usize, usize)> {
        let patterns: Vec<&str> = LEVELS.iter().chain(INTERNAL.iter()).copied().collect();
        let ac = AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostFirst).build(patterns).unwrap();
        ac.find_iter(text).map(|m| (m.start(), m.end(), m.pattern().as_usize())).collect()
    }

    #[test]
    fn anchors_find_what_an_automaton_finds() {
        for text in [
            "",
            "密",
            "绝密★1年",
            "机密机密秘密",
            "内部资料，注意保存",
            "内部内部文件内部材料内部",
            "注意保存注意",
            "秘秘密密",
        ] {
            assert_eq!(anchors(text), automaton(text), "{text}");
        }
    }

    proptest! {
        #[test]
        fn anchors_agree_with_an_automaton(pieces in prop::collection::vec(prop::sample::select(vec![
            "绝密", "机密", "秘密", "密", "秘", "绝", "内部", "内部资料", "内部文件", "内部材料", "资料", "注意保存",
            "注意", "保存", "★", "公开", "a1", " ", "\n", "é",
        ]), 0..12)) {
            let text = pieces.concat();
            prop_assert_eq!(anchors(&text), automaton(&text), "{}", text);
        }
    }
}
