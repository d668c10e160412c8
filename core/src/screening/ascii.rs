//! The ASCII pass: walks the bytes once, skipping non-ASCII bytes (most of Chinese text) a
//! word at a time, and validates each ASCII token (digit runs and their `-`/space groups,
//! letter-led codes, e-mail addresses) by hand.

use super::codes::*;
use super::{Hit, Kind, checks};
use crate::diagnostics::CodeInfo;

const HIGH: u64 = 0x8080_8080_8080_8080;
/// Most digit/space groups a token is made of (`+86 138 1234 5678`, `6222 0212 3456 7890 128`).
const MAX_GROUPS: usize = 6;
/// Longest local part of an e-mail address (RFC 5321).
const MAX_LOCAL: usize = 64;
/// Longest domain of an e-mail address (RFC 1035).
const MAX_DOMAIN: usize = 255;

/// The next ASCII byte at or after `i`: skips 64 non-ASCII bytes per step (one AND of their
/// high bits), then finds the first ASCII byte of the block, or of an 8-byte word near the end.
#[inline(always)]
fn next_ascii(b: &[u8], i: usize) -> Option<usize> {
    let rest = b.get(i..)?;
    // Under a block (names, titles, roles; a text's last bytes) there is nothing to skip: no
    // call into the block loop, which a target-feature function keeps out of line.
    let (skipped, found) = if rest.len() >= 64 { skip_high(rest) } else { (0, None) };
    if let Some(at) = found {
        return Some(i + at);
    }
    let mut words = rest[skipped..].chunks_exact(8);
    for (k, w) in (&mut words).enumerate() {
        let ascii = !u64::from_le_bytes(w.try_into().unwrap_or([0; 8])) & HIGH;
        if ascii != 0 {
            return Some(i + skipped + 8 * k + (ascii.trailing_zeros() / 8) as usize);
        }
    }
    let tail = rest.len() - words.remainder().len();
    words.remainder().iter().position(|&c| c < 0x80).map(|p| i + tail + p)
}

/// Over whole 64-byte blocks of `b`: the bytes skipped (all non-ASCII), and the first ASCII
/// byte if a block had one.
#[inline(always)]
fn skip_high(b: &[u8]) -> (usize, Option<usize>) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: AVX2 is available.
        return unsafe { avx2::skip_high(b) };
    }
    let mut skipped = 0;
    for block in b.chunks_exact(64) {
        // Fixed-size words: no bounds checks, and the compiler vectorises the fold.
        let all_high =
            block.chunks_exact(8).fold(HIGH, |acc, w| acc & u64::from_le_bytes(w.try_into().unwrap_or([0; 8])));
        if all_high != HIGH {
            break;
        }
        skipped += 64;
    }
    (skipped, None)
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::*;

    /// [`super::skip_high`] two 32-byte registers a step: a fifth of the instructions of the
    /// portable fold on a Chinese body.
    ///
    /// # Safety
    /// The CPU must have AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn skip_high(b: &[u8]) -> (usize, Option<usize>) {
        let mut i = 0;
        while i + 64 <= b.len() {
            // SAFETY: bytes i .. i + 64 are in `b`.
            let (lo, hi) = unsafe {
                let p = b.as_ptr().add(i);
                (_mm256_loadu_si256(p.cast()), _mm256_loadu_si256(p.add(32).cast()))
            };
            if _mm256_movemask_epi8(_mm256_and_si256(lo, hi)) != -1 {
                // A clear high bit is an ASCII byte.
                let high =
                    u64::from(_mm256_movemask_epi8(lo) as u32) | (u64::from(_mm256_movemask_epi8(hi) as u32) << 32);
                return (i, Some(i + (!high).trailing_zeros() as usize));
            }
            i += 64;
        }
        (i, None)
    }
}

pub(super) fn scan(text: &str, hits: &mut Vec<Hit>, include_redacted: bool) {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(at) = next_ascii(b, i) {
        let c = b[at];
        i = if c.is_ascii_alphanumeric() {
            token(b, at, hits, include_redacted)
        } else if c == b'*' {
            masked(b, at, hits, include_redacted)
        } else {
            at + 1
        };
    }
}

fn is_alnum(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(u8::is_ascii_alphanumeric)
}

fn run_end(b: &[u8], mut i: usize) -> usize {
    while is_alnum(b, i) {
        i += 1;
    }
    i
}

fn hit(kind: Kind, info: &'static CodeInfo, confidence: f64, start: usize, end: usize) -> Hit {
    Hit { kind, info, confidence, start, end, redacted: false, label: None, reason: None }
}

/// Handle the token starting at `s` (an ASCII letter or digit not preceded by one); return
/// where scanning resumes.
fn token(b: &[u8], s: usize, hits: &mut Vec<Hit>, include_redacted: bool) -> usize {
    let r = run_end(b, s);
    // An address's local part goes on past the run (or the run ends at its `@`): most tokens
    // (numbers in Chinese text, dates) end elsewhere and skip the address scan.
    if b.get(r).is_some_and(|&c| c == b'@' || is_local(c))
        && let Some(end) = email(b, s, hits, include_redacted)
    {
        return end;
    }
    if b.get(r) == Some(&b'*') {
        return masked(b, s, hits, include_redacted);
    }
    if !b[s].is_ascii_digit() {
        return letters(b, s, r, hits);
    }
    // Digits around a decimal point are amounts or measurements; a `.` right after a value
    // found (a plate's `京A·12345.`) ends that value.
    let after_value = hits.last().is_some_and(|h| h.end + 1 == s);
    if !after_value && decimal(b, s, r) {
        return r;
    }
    digits(b, s, r, hits)
}

/// Whether `b[s..r]` holds only digits.
fn all_digits(b: &[u8], s: usize, r: usize) -> bool {
    s < r && b[s..r].iter().all(u8::is_ascii_digit)
}

/// Whether the run `b[s..r]` is one side of a decimal number: digits, a `.`, digits, each
/// side a whole run (`1234.56`). A letter or a mask on either side (`E12345678.138…`,
/// `138****5678.5`) makes it two values side by side, not a number, so that what is found next
/// to a value does not change when the value is redacted.
fn decimal(b: &[u8], s: usize, r: usize) -> bool {
    let masked_or_alnum = |c: &u8| c.is_ascii_alphanumeric() || *c == b'*';
    if !all_digits(b, s, r) {
        return false;
    }
    let before = s >= 2 && b[s - 1] == b'.' && {
        let from = b[..s - 1].iter().rposition(|c| !masked_or_alnum(c)).map_or(0, |p| p + 1);
        all_digits(b, from, s - 1)
    };
    let after = b.get(r) == Some(&b'.') && {
        let to = b[r + 1..].iter().position(|c| !masked_or_alnum(c)).map_or(b.len(), |p| r + 1 + p);
        all_digits(b, r + 1, to)
    };
    before || after
}

/// Digit-led token: a single run, or groups joined by one `-` or space each.
fn digits(b: &[u8], s: usize, r: usize, hits: &mut Vec<Hit>) -> usize {
    let plus = s > 0 && b[s - 1] == b'+';
    let mut groups = [(s, r); MAX_GROUPS];
    let mut count = 1;
    let mut hyphen = false;
    let mut end = r;
    while count < MAX_GROUPS
        && matches!(b.get(end), Some(b'-' | b' '))
        && b.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        hyphen |= b[end] == b'-';
        let next = run_end(b, end + 1);
        // A group that is masked, or that starts an e-mail address, belongs to that value:
        // the number ends before it, as it would once that value is redacted.
        if b.get(next) == Some(&b'*') || starts_email(b, end + 1) || decimal(b, end + 1, next) {
            break;
        }
        groups[count] = (end + 1, next);
        count += 1;
        end = next;
    }
    if count > 1 {
        if let Some(h) = grouped(b, &groups[..count], plus) {
            hits.push(h);
            return end;
        }
        if hyphen {
            // A hyphenated number that is not an identifier (order, case or standard number).
            return end;
        }
        // Spaces also stand between values: the longest leading groups that make one
        // (`110105 19491231 002X 6222…`), so a value is found whatever number follows it.
        for n in (2..count).rev() {
            if let Some(h) = grouped(b, &groups[..n], plus) {
                hits.push(h);
                return h.end;
            }
        }
    }
    if let Some(h) = single(b, s, r, plus) {
        hits.push(h);
    }
    r
}

/// Concatenated digits of groups, if they are all digits and fit.
fn join(b: &[u8], groups: &[(usize, usize)], buf: &mut [u8; 24]) -> Option<usize> {
    let mut n = 0;
    for &(gs, ge) in groups {
        let g = &b[gs..ge];
        if n + g.len() > buf.len() {
            return None;
        }
        buf[n..n + g.len()].copy_from_slice(g);
        n += g.len();
    }
    Some(n)
}

fn lens_are(groups: &[(usize, usize)], lens: &[usize]) -> bool {
    groups.len() == lens.len() && groups.iter().zip(lens).all(|(&(s, e), &l)| e - s == l)
}

fn grouped(b: &[u8], groups: &[(usize, usize)], plus: bool) -> Option<Hit> {
    let start = if plus { groups[0].0 - 1 } else { groups[0].0 };
    let end = groups[groups.len() - 1].1;
    let first = &b[groups[0].0..groups[0].1];
    let country = (plus && first == b"86") || first == b"0086";
    let national = if country { &groups[1..] } else { groups };
    let mut buf = [0u8; 24];
    // Mobile: 11 or 3-4-4, after an optional +86 / 0086 group.
    if lens_are(national, &[11]) || lens_are(national, &[3, 4, 4]) {
        let n = join(b, national, &mut buf)?;
        if checks::mobile(&buf[..n]) {
            return Some(hit(Kind::Mobile, &MOBILE, 0.95, start, end));
        }
    }
    if country {
        return None;
    }
    let n = join(b, groups, &mut buf)?;
    let d = &buf[..n];
    // Resident ID written 6-8-4.
    if lens_are(groups, &[6, 8, 4]) && checks::resident_id18(d) {
        return Some(hit(Kind::ResidentId, &RESIDENT_ID, 0.97, start, end));
    }
    // Card: groups of four, the last one to four digits, 16–19 digits in all.
    let (last, body) = groups.split_last()?;
    let fours = body.len() >= 3 && body.iter().all(|&(s, e)| e - s == 4) && (1..=4).contains(&(last.1 - last.0));
    if fours && (16..=19).contains(&n) && d.iter().all(u8::is_ascii_digit) && checks::card_prefix(d) && checks::luhn(d)
    {
        return Some(hit(Kind::BankCard, &BANK_CARD, 0.9, start, end));
    }
    None
}

/// A single alphanumeric run starting with a digit.
fn single(b: &[u8], s: usize, r: usize, plus: bool) -> Option<Hit> {
    let t = &b[s..r];
    let all_digits = t.iter().all(u8::is_ascii_digit);
    match t.len() {
        18 if checks::resident_id18(t) => Some(hit(Kind::ResidentId, &RESIDENT_ID, 0.99, s, r)),
        18 if checks::resident_id18_shaped(t) => None,
        18 if checks::credit_code(t) => Some(hit(Kind::CreditCode, &CREDIT_CODE, 0.95, s, r)),
        11 if checks::mobile(t) => Some(hit(Kind::Mobile, &MOBILE, 0.9, s, r)),
        13 if plus && t.starts_with(b"86") && checks::mobile(&t[2..]) => {
            Some(hit(Kind::Mobile, &MOBILE, 0.95, s - 1, r))
        }
        15 if t.starts_with(b"0086") && checks::mobile(&t[4..]) => Some(hit(Kind::Mobile, &MOBILE, 0.95, s, r)),
        15 if checks::resident_id15(t) => Some(hit(Kind::ResidentId, &RESIDENT_ID_LEGACY, 0.6, s, r)),
        16..=19 if all_digits && checks::card_prefix(t) && checks::luhn(t) => {
            Some(hit(Kind::BankCard, &BANK_CARD, 0.85, s, r))
        }
        _ => None,
    }
}

/// Provinces' one-character abbreviations that lead a vehicle plate.
const PROVINCES: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
/// Characters that end special plates (police, learner, trailer, Hong Kong/Macau, consulate, test).
const PLATE_TAILS: &str = "警学挂港澳领试";

fn province_before(b: &[u8], s: usize) -> bool {
    s >= 3 && std::str::from_utf8(&b[s - 3..s]).is_ok_and(|c| PROVINCES.contains(c))
}

fn plate_letter(c: u8) -> bool {
    c.is_ascii_uppercase() && c != b'I' && c != b'O'
}

fn plate_body(body: &[u8], tail: bool) -> bool {
    if body.is_empty() || !plate_letter(body[0]) {
        return false;
    }
    let rest = &body[1..];
    let ok_chars = rest.iter().all(|&c| c.is_ascii_digit() || plate_letter(c));
    let digit_count = rest.iter().filter(|c| c.is_ascii_digit()).count();
    match rest.len() {
        4 => tail && rest.iter().all(u8::is_ascii_digit),
        5 => ok_chars && digit_count >= 3,
        // New-energy plates: D/F first and five digits, or five digits and D/F last.
        6 => {
            (matches!(rest[0], b'D' | b'F') && rest[1..].iter().all(u8::is_ascii_digit))
                || (rest[..5].iter().all(u8::is_ascii_digit) && matches!(rest[5], b'D' | b'F'))
        }
        _ => false,
    }
}

fn tail_after(b: &[u8], e: usize) -> bool {
    b.get(e..e + 3).and_then(|t| std::str::from_utf8(t).ok()).is_some_and(|c| PLATE_TAILS.contains(c))
}

/// Separator between a plate's letter and its number: `·`, space or `-`.
fn plate_separator(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i) {
        Some(b' ' | b'-') => Some(1),
        Some(0xC2) if b.get(i + 1) == Some(&0xB7) => Some(2),
        _ => None,
    }
}

/// A letter-led run: passport, travel permit, credit code, vehicle plate.
fn letters(b: &[u8], s: usize, r: usize, hits: &mut Vec<Hit>) -> usize {
    let t = &b[s..r];
    let digits_from = |i: usize| t[i..].iter().all(u8::is_ascii_digit);
    let second_letter = t.len() > 1 && plate_letter(t[1]);
    let found = match (t[0], t.len()) {
        (b'E', 9) if digits_from(1) || (second_letter && digits_from(2)) => Some((Kind::Passport, &PASSPORT)),
        (b'G' | b'D' | b'S' | b'P', 9) if digits_from(1) => Some((Kind::Passport, &PASSPORT)),
        (b'C', 9) if digits_from(1) || (second_letter && digits_from(2)) => Some((Kind::TravelPermit, &TRAVEL_PERMIT)),
        (b'W', 9) if digits_from(1) => Some((Kind::TravelPermit, &TRAVEL_PERMIT)),
        (b'H' | b'M', 9 | 11) if digits_from(1) => Some((Kind::TravelPermit, &TRAVEL_PERMIT)),
        (_, 18) if checks::credit_code(t) => Some((Kind::CreditCode, &CREDIT_CODE)),
        _ => None,
    };
    if let Some((kind, info)) = found {
        let confidence = if kind == Kind::CreditCode { 0.95 } else { 0.8 };
        hits.push(hit(kind, info, confidence, s, r));
        return r;
    }
    if province_before(b, s) {
        let plate_start = s - 3;
        if plate_body(t, tail_after(b, r)) {
            let end = if tail_after(b, r) { r + 3 } else { r };
            hits.push(hit(Kind::VehiclePlate, &VEHICLE_PLATE, 0.85, plate_start, end));
            return end;
        }
        if t.len() == 1
            && plate_letter(t[0])
            && let Some(sep) = plate_separator(b, r)
        {
            let ns = r + sep;
            let ne = run_end(b, ns);
            let mut body = [0u8; 8];
            if (5..=6).contains(&(ne - ns)) {
                body[0] = t[0];
                body[1..1 + ne - ns].copy_from_slice(&b[ns..ne]);
                if plate_body(&body[..1 + ne - ns], false) {
                    hits.push(hit(Kind::VehiclePlate, &VEHICLE_PLATE, 0.85, plate_start, ne));
                    return ne;
                }
            }
        }
    }
    r
}

fn is_local(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-' | b'*')
}

/// An e-mail address starting at `s`; returns where scanning resumes if it is one.
fn email(b: &[u8], s: usize, hits: &mut Vec<Hit>, include_redacted: bool) -> Option<usize> {
    let (end, redacted) = email_span(b, s)?;
    if !redacted {
        hits.push(hit(Kind::Email, &EMAIL, 0.95, s, end));
    } else if include_redacted {
        hits.push(Hit { redacted: true, ..hit(Kind::Email, &REDACTED, 0.9, s, end) });
    }
    Some(end)
}

/// Whether an e-mail address starts at `s`.
fn starts_email(b: &[u8], s: usize) -> bool {
    let r = run_end(b, s);
    b.get(r).is_some_and(|&c| c == b'@' || is_local(c)) && email_span(b, s).is_some()
}

/// The end of the e-mail address starting at `s`, and whether its local part is masked.
fn email_span(b: &[u8], s: usize) -> Option<(usize, bool)> {
    // The `@` can only be within reach of the local part's longest run: one search for it
    // first, as dates and numbers with `-` (most tokens that get here) have none.
    let reach = b.get(s + 1..b.len().min(s + MAX_LOCAL + 2))?;
    memchr::memchr(b'@', reach)?;
    let mut at = s;
    while at < b.len() && at - s <= MAX_LOCAL && is_local(b[at]) {
        at += 1;
    }
    if b.get(at) != Some(&b'@') || b[at - 1] == b'.' {
        return None;
    }
    // The longest domain with an alphabetic top-level label, cut at a `.` or `-` if the whole
    // run is not one (`x@mail.gov.cn.E12345678`, `x@a.com-11010519491231002X`): the address
    // is the same whatever follows it.
    let mut full = at + 1;
    while full < b.len()
        && full - at <= MAX_DOMAIN
        && (b[full].is_ascii_alphanumeric() || matches!(b[full], b'.' | b'-'))
    {
        full += 1;
    }
    let end =
        (at + 2..=full).rev().find(|&p| (p == full || matches!(b[p], b'.' | b'-')) && domain_ok(&b[at + 1..p]))?;
    Some((end, b[s..at].contains(&b'*')))
}

/// Dotted labels, none empty or with a `-` at either end, the last alphabetic and at least two long.
fn domain_ok(domain: &[u8]) -> bool {
    let Some(dot) = domain.iter().rposition(|&c| c == b'.') else { return false };
    let tld = &domain[dot + 1..];
    tld.len() >= 2
        && tld.iter().all(u8::is_ascii_alphabetic)
        && domain.split(|&c| c == b'.').all(|l| !l.is_empty() && l[0] != b'-' && l[l.len() - 1] != b'-')
}

/// A masked 18-character value that is an organisation's credit code, not a resident ID: a
/// letter inside it (`91440300MA5*****2X`), a registration-authority and category pair where
/// an ID has its province (`91`, `12` …) followed by a province code, or a label naming it.
fn masked_credit_code(b: &[u8], s: usize, t: &[u8]) -> bool {
    let shape = matches!(t[0], b'1'..=b'9' | b'A' | b'N' | b'Y') && matches!(t[1], b'1'..=b'9');
    if !shape {
        return false;
    }
    let letter_inside = t[2..17].iter().any(u8::is_ascii_alphabetic) || t[0].is_ascii_alphabetic();
    let digit = |i: usize| t[i].is_ascii_digit();
    let province_after = digit(2) && digit(3) && checks::is_province(t[2], t[3]);
    let id_province = digit(0) && digit(1) && checks::is_province(t[0], t[1]);
    let before = &b[s.saturating_sub(30)..s];
    let labelled = memchr::memmem::find(before, "信用代码".as_bytes()).is_some()
        || memchr::memmem::find(before, "组织机构代码".as_bytes()).is_some();
    letter_inside || labelled || (province_after && !id_province)
}

/// A span of digits, letters and `*` containing `*`: a masked value. Reported only when asked.
fn masked(b: &[u8], s: usize, hits: &mut Vec<Hit>, include_redacted: bool) -> usize {
    let mut e = s;
    while e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] == b'*') {
        e += 1;
    }
    if include_redacted {
        let t = &b[s..e];
        let digits_or_star = |x: &[u8]| x.iter().all(|&c| c.is_ascii_digit() || c == b'*');
        let visible = t.iter().filter(|c| c.is_ascii_alphanumeric()).count();
        let kind = match t.len() {
            _ if visible == 0 => None,
            18 if masked_credit_code(b, s, t) => Some(Kind::CreditCode),
            18 | 15
                if digits_or_star(&t[..t.len() - 1]) && matches!(t[t.len() - 1], b'0'..=b'9' | b'X' | b'x' | b'*') =>
            {
                Some(Kind::ResidentId)
            }
            11 if t[0] == b'1' && digits_or_star(t) => Some(Kind::Mobile),
            16..=19 if digits_or_star(t) => Some(Kind::BankCard),
            9 | 11 if matches!(t[0], b'C' | b'W' | b'H' | b'M') => Some(Kind::TravelPermit),
            9 if matches!(t[0], b'E' | b'G' | b'D' | b'S' | b'P') => Some(Kind::Passport),
            6 | 7 if province_before(b, s) && plate_letter(t[0]) => Some(Kind::VehiclePlate),
            _ => None,
        };
        if let Some(kind) = kind {
            let start = if kind == Kind::VehiclePlate { s - 3 } else { s };
            let info = if kind == Kind::CreditCode { &CREDIT_CODE } else { &REDACTED };
            hits.push(Hit { redacted: true, ..hit(kind, info, 0.9, start, e) });
        }
    }
    // Only a group masked whole (`****`) is the middle of a value masked in groups.
    if b[s..e].iter().all(|&c| c == b'*') { masked_groups_end(b, e) } else { e }
}

/// Where a value masked in groups (`188 **** 8179`, `**** **** ***0 128`, `110105 ******** 002X`)
/// ends, from the end of a group masked whole: the masked groups joined by one space or `-`, and the one visible group of digits
/// masking leaves at the end. Read on their own, the groups a mask left visible could make a
/// new value with the next number (`8179 0806 0403 7879`) that the unmasked text did not have.
fn masked_groups_end(b: &[u8], mut end: usize) -> usize {
    let masked_or_alnum = |c: u8| c.is_ascii_alphanumeric() || c == b'*';
    while matches!(b.get(end), Some(b' ' | b'-'))
        && b.get(end + 1).is_some_and(|&c| masked_or_alnum(c))
        && !starts_email(b, end + 1)
    {
        let ge = (end + 1..b.len()).find(|&i| !masked_or_alnum(b[i])).unwrap_or(b.len());
        if b[end + 1..ge].contains(&b'*') {
            end = ge;
            continue;
        }
        if b[end + 1].is_ascii_digit() {
            end = ge;
        }
        break;
    }
    end
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::next_ascii;

    /// One ASCII byte at every place in a long run of Chinese (the 64-byte skip's edges: first,
    /// middle and last byte of a block, and the words past the last whole block), found from
    /// every start before it; none from any start after it.
    #[test]
    fn next_ascii_finds_one_ascii_byte_anywhere_in_chinese() {
        for before in 0..90 {
            let text = format!("{}x{}", "公".repeat(before), "开".repeat(30));
            let b = text.as_bytes();
            let at = 3 * before;
            for start in 0..=at {
                assert_eq!(next_ascii(b, start), Some(at), "x at {at}, from {start}");
            }
            assert_eq!(next_ascii(b, at + 1), None, "x at {at}, from after it");
        }
    }

    proptest! {
        /// The word-at-a-time skip finds the first ASCII byte a byte-by-byte search finds, from
        /// any start, across block and word edges.
        #[test]
        fn next_ascii_finds_the_first_ascii_byte(
            pieces in prop::collection::vec(prop::sample::select(vec!["公开", "，", "a", "1", " ", "é", "𠀀"]), 0..150),
            start in 0usize..400,
        ) {
            let text = pieces.concat();
            let b = text.as_bytes();
            let expected = b.get(start..).and_then(|rest| rest.iter().position(|&c| c < 0x80)).map(|p| start + p);
            prop_assert_eq!(next_ascii(b, start), expected);
        }
    }
}
