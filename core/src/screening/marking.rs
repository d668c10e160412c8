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

/// On x86-64 with AVX2, a search for the three characters the keywords turn on (密, 内, 注),
/// 32 bytes a step; Teddy where the CPU has only SSSE3 (or NEON); elsewhere (wasm) a substring
/// search for the same characters. A general Aho–Corasick automaton was the costliest part of
/// a check in wasm: its prefilter's "rare bytes" are UTF-8 lead bytes that any Chinese text is
/// full of, and its DFA walks every byte. Teddy, in turn, was a third of screening a record's
/// body natively: its 4-byte fingerprints of the keywords' first characters match many CJK
/// characters. The exact three-byte search costs about a sixth of that.
enum Keywords {
    #[cfg(target_arch = "x86_64")]
    Avx2,
    Packed(Box<Searcher>),
    Anchors(Box<Anchors>),
}

static KEYWORDS: LazyLock<Keywords> = LazyLock::new(|| {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        return Keywords::Avx2;
    }
    let patterns: Vec<&str> = LEVELS.iter().chain(INTERNAL.iter()).copied().collect();
    match Config::new().match_kind(MatchKind::LeftmostFirst).builder().extend(&patterns).build() {
        Some(s) => Keywords::Packed(Box::new(s)),
        None => Keywords::Anchors(Box::new(Anchors::new())),
    }
});

/// Calls `f(start, end, pattern index)` for every keyword, leftmost first. A callback rather
/// than a boxed iterator: the allocation showed up when screening every field of every record.
fn for_each_keyword(text: &str, mut f: impl FnMut(usize, usize, usize)) {
    match &*KEYWORDS {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: AVX2 was detected when KEYWORDS was built.
        Keywords::Avx2 => unsafe { avx2::anchors(text.as_bytes(), &mut |at| keyword_at(text.as_bytes(), at, &mut f)) },
        Keywords::Packed(s) => s.find_iter(text.as_bytes()).for_each(|m| f(m.start(), m.end(), m.pattern().as_usize())),
        Keywords::Anchors(a) => a.for_each(text, f),
    }
}

/// The keyword, if any, that the anchor character at `at` (密, 内 or 注) belongs to: a level
/// ends in 密; 内部资料, 内部文件 and 内部材料 start with 内; 注意保存 with 注. No keyword
/// contains another's anchor elsewhere, so matches found anchor by anchor never overlap and
/// come leftmost first.
fn keyword_at(bytes: &[u8], at: usize, f: &mut impl FnMut(usize, usize, usize)) {
    let rest = &bytes[at..];
    if rest.starts_with("密".as_bytes()) {
        let end = at + "密".len();
        if let Some(i) = LEVELS.iter().position(|w| end >= w.len() && &bytes[end - w.len()..end] == w.as_bytes()) {
            f(end - LEVELS[i].len(), end, i);
        }
    } else if let Some(i) = INTERNAL.iter().position(|w| rest.starts_with(w.as_bytes())) {
        f(at, at + INTERNAL[i].len(), LEVELS.len() + i);
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::*;

    /// Calls `f` with the offset of every 密 (E5 AF 86), 内 (E5 86 85) and 注 (E6 B3 A8), in order.
    ///
    /// # Safety
    /// The CPU must have AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn anchors(b: &[u8], f: &mut impl FnMut(usize)) {
        let n = b.len();
        let mut i = 0;
        // Each step reads bytes i .. i + 34 and reports anchors starting at i .. i + 32.
        while i + 34 <= n {
            // SAFETY: i + 34 <= n.
            unsafe { step(b.as_ptr().add(i), i, f) };
            i += 32;
        }
        if i + 3 <= n {
            // The last 3 to 33 bytes, in one step over a zero-padded copy (a byte at a time,
            // this tail cost more than the rest of a short text): zeros match no anchor, so
            // only anchors wholly inside the text are reported.
            let mut padded = [0u8; 34];
            padded[..n - i].copy_from_slice(&b[i..]);
            // SAFETY: `padded` has the 34 bytes a step reads.
            unsafe { step(padded.as_ptr(), i, f) };
        }
    }

    /// Reports `offset + k` for every anchor starting at `p + k`, k < 32.
    ///
    /// # Safety
    /// The CPU must have AVX2, and `p .. p + 34` must be readable.
    #[target_feature(enable = "avx2")]
    #[inline]
    unsafe fn step(p: *const u8, offset: usize, f: &mut impl FnMut(usize)) {
        let splat = |x: u8| _mm256_set1_epi8(x as i8);
        let (e5, e6, af, x86, b3, x85, a8) =
            (splat(0xE5), splat(0xE6), splat(0xAF), splat(0x86), splat(0xB3), splat(0x85), splat(0xA8));
        // SAFETY: the unaligned 32-byte loads at p + 1 and p + 2 end at p + 34, readable.
        let (v1, v2) = unsafe { (_mm256_loadu_si256(p.add(1).cast()), _mm256_loadu_si256(p.add(2).cast())) };
        // The last two bytes first (3 in 4096 characters match one of the three pairs),
        // the lead byte only for a step that has a candidate.
        let mi = _mm256_and_si256(_mm256_cmpeq_epi8(v1, af), _mm256_cmpeq_epi8(v2, x86));
        let nei = _mm256_and_si256(_mm256_cmpeq_epi8(v1, x86), _mm256_cmpeq_epi8(v2, x85));
        let zhu = _mm256_and_si256(_mm256_cmpeq_epi8(v1, b3), _mm256_cmpeq_epi8(v2, a8));
        let e5_tail = _mm256_or_si256(mi, nei);
        if _mm256_testz_si256(_mm256_or_si256(e5_tail, zhu), _mm256_or_si256(e5_tail, zhu)) != 0 {
            return;
        }
        // SAFETY: as above (bytes p .. p + 32).
        let v0 = unsafe { _mm256_loadu_si256(p.cast()) };
        let any = _mm256_or_si256(
            _mm256_and_si256(_mm256_cmpeq_epi8(v0, e5), e5_tail),
            _mm256_and_si256(_mm256_cmpeq_epi8(v0, e6), zhu),
        );
        let mut mask = _mm256_movemask_epi8(any) as u32;
        while mask != 0 {
            f(offset + mask.trailing_zeros() as usize);
            mask &= mask - 1;
        }
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
        let mut anchors: Vec<usize> = self.secret.find_iter(bytes).collect();
        anchors.extend(self.internal.find_iter(bytes));
        anchors.extend(self.keep.find_iter(bytes));
        // In the order of the text, anchors give their keywords in the order of their starts.
        anchors.sort_unstable();
        for at in anchors {
            keyword_at(bytes, at, &mut f);
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
        reason: None,
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
        reason: None,
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

    #[cfg(target_arch = "x86_64")]
    fn avx2(text: &str) -> Option<Vec<(usize, usize, usize)>> {
        if !std::arch::is_x86_feature_detected!("avx2") {
            return None;
        }
        let mut out = Vec::new();
        // SAFETY: AVX2 is detected above.
        unsafe {
            avx2::anchors(text.as_bytes(), &mut |at| {
                keyword_at(text.as_bytes(), at, &mut |s, e, p| out.push((s, e, p)))
            })
        };
        Some(out)
    }

    #[cfg(not(target_arch = "x86_64"))]
    fn avx2(_: &str) -> Option<Vec<(usize, usize, usize)>> {
        None
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
            if let Some(found) = avx2(text) {
                assert_eq!(found, automaton(text), "{text}");
            }
        }
    }

    #[test]
    fn keywords_are_found_at_every_offset_up_to_the_last_byte() {
        // Across the 32-byte steps and the padded last step, and ending the text.
        for before in 0..80 {
            for after in 0..4 {
                for keyword in ["秘密", "内部资料", "注意保存", "密"] {
                    let text = format!("{}{keyword}{}", "a".repeat(before), "b".repeat(after));
                    assert_eq!(anchors(&text), automaton(&text), "{text}");
                    if let Some(found) = avx2(&text) {
                        assert_eq!(found, automaton(&text), "{text}");
                    }
                }
            }
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
            if let Some(found) = avx2(&text) {
                prop_assert_eq!(found, automaton(&text), "{}", text);
            }
        }
    }
}
