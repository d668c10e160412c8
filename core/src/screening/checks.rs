//! Check characters and field validity of the identifier formats (GB 11643-1999,
//! GB 32100-2015, ISO/IEC 7812 Luhn).

/// Province-level prefixes of GB/T 2260 address codes (incl. 71 Taiwan, 81/82/83 for the
/// residence permits of Hong Kong, Macau and Taiwan residents, which share the ID format).
/// Whether two digits are a province-level division code (the first two digits of a resident
/// ID, positions 3–4 of a credit code).
pub fn is_province(a: u8, b: u8) -> bool {
    known_province(a, b)
}

fn known_province(a: u8, b: u8) -> bool {
    matches!(
        (a, b),
        (b'1', b'1'..=b'5')
            | (b'2', b'1'..=b'3')
            | (b'3', b'1'..=b'7')
            | (b'4', b'1'..=b'6')
            | (b'5', b'0'..=b'4')
            | (b'6', b'1'..=b'5')
            | (b'7', b'1')
            | (b'8', b'1'..=b'3')
    )
}

fn num(b: &[u8]) -> u32 {
    b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'))
}

fn valid_date(year: u32, month: u32, day: u32) -> bool {
    let max = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        _ => return false,
    };
    (1..=max).contains(&day)
}

/// ISO 7064 MOD 11-2 check character of the 17-digit body: `"10X98765432"[Σ dᵢwᵢ mod 11]`.
pub fn resident_id_check_char(body: &[u8]) -> Option<u8> {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    if body.len() != 17 || !body.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = body.iter().zip(W).map(|(d, w)| u32::from(d - b'0') * w).sum();
    Some(b"10X98765432"[(sum % 11) as usize])
}

/// An 18-character GB 11643-1999 number: address prefix, birth date 1800–2099, check character.
pub fn resident_id18(b: &[u8]) -> bool {
    resident_id18_shaped(b) && resident_id_check_char(&b[..17]) == Some(b[17].to_ascii_uppercase())
}

/// Shaped like an 18-character ID (address prefix, plausible birth date) whatever its check
/// character: such a run with a wrong check character is a mistyped ID, not a card or a code.
pub fn resident_id18_shaped(b: &[u8]) -> bool {
    b.len() == 18
        && known_province(b[0], b[1])
        && b[..17].iter().all(u8::is_ascii_digit)
        && (18..=20).contains(&num(&b[6..8]))
        && valid_date(num(&b[6..10]), num(&b[10..12]), num(&b[12..14]))
}

/// A 15-digit GB 11643-1989 number: address prefix and a valid 19YYMMDD birth date (no check digit).
pub fn resident_id15(b: &[u8]) -> bool {
    b.len() == 15
        && b.iter().all(u8::is_ascii_digit)
        && known_province(b[0], b[1])
        && valid_date(1900 + num(&b[6..8]), num(&b[8..10]), num(&b[10..12]))
}

/// Luhn (ISO/IEC 7812-1) over ASCII digits.
pub fn luhn(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(d - b'0');
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    !digits.is_empty() && sum.is_multiple_of(10)
}

/// Value of a GB 32100-2015 code character (digits and capitals without I, O, S, V, Z).
fn credit_value(c: u8) -> Option<u32> {
    const CHARS: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
    CHARS.iter().position(|&x| x == c).map(|p| p as u32)
}

/// GB 32100-2015 check character of the 17-character body: `31 − (Σ cᵢ·3^(i−1) mod 31)`.
pub fn credit_code_check_char(body: &[u8]) -> Option<u8> {
    const W: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    if body.len() != 17 {
        return None;
    }
    let mut sum = 0;
    for (c, w) in body.iter().zip(W) {
        sum += credit_value(*c)? * w;
    }
    let check = (31 - sum % 31) % 31;
    Some(b"0123456789ABCDEFGHJKLMNPQRTUWXY"[check as usize])
}

/// An 18-character unified social credit code: registration-authority and category codes
/// (the category is never 0), an admin-division code in positions 3–8 (a province, or 10 for
/// central bodies) and a valid check character.
pub fn credit_code(b: &[u8]) -> bool {
    b.len() == 18
        && matches!(b[0], b'1'..=b'9' | b'A' | b'N' | b'Y')
        && matches!(b[1], b'1'..=b'9')
        && b[2..8].iter().all(u8::is_ascii_digit)
        && (known_province(b[2], b[3]) || (b[2], b[3]) == (b'1', b'0'))
        && credit_code_check_char(&b[..17]) == Some(b[17])
}

/// Mainland mobile prefixes 13–19 (broad, as the reference advises: ranges change).
pub fn mobile(d: &[u8]) -> bool {
    d.len() == 11 && d[0] == b'1' && (b'3'..=b'9').contains(&d[1]) && d.iter().all(u8::is_ascii_digit)
}

/// Issuer prefixes of cards seen in China: UnionPay 62/81, Visa 4, Mastercard 5, JCB/Amex 3,
/// old domestic 9. Excludes runs starting with 0–2, 7, 8x (dates, order numbers).
pub fn card_prefix(d: &[u8]) -> bool {
    matches!(d.first(), Some(b'3' | b'4' | b'5' | b'6' | b'9')) || d.starts_with(b"81")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_examples_are_valid() {
        assert!(resident_id18(b"11010519491231002X"));
        assert!(resident_id18(b"440524188001010014"));
        assert!(resident_id18(b"34052419800101001X"));
        assert!(resident_id18(b"370101190102039973"));
        assert!(resident_id18(b"11010519491231002x"), "lower-case x is accepted");
    }

    #[test]
    fn wrong_check_character_is_rejected() {
        for c in b"0123456789" {
            let mut id = *b"11010519491231002X";
            id[17] = *c;
            assert!(!resident_id18(&id), "{}", String::from_utf8_lossy(&id));
        }
        let mut id = *b"440524188001010014";
        id[17] = b'5';
        assert!(!resident_id18(&id));
    }

    #[test]
    fn impossible_dates_are_rejected() {
        // Body with 1949-02-30, 2023-02-29, month 13, year 1700; check char computed so only the date is wrong.
        for body in [b"11010519490230002", b"11010520230229002", b"11010519491331002", b"11010517000101002"] {
            let c = resident_id_check_char(body).unwrap();
            let mut id = body.to_vec();
            id.push(c);
            assert!(!resident_id18(&id), "{}", String::from_utf8_lossy(&id));
        }
        // 2000-02-29 is a leap day.
        let body = b"11010520000229002";
        let mut id = body.to_vec();
        id.push(resident_id_check_char(body).unwrap());
        assert!(resident_id18(&id));
    }

    #[test]
    fn unknown_province_is_rejected() {
        let body = b"00010519491231002";
        let mut id = body.to_vec();
        id.push(resident_id_check_char(body).unwrap());
        assert!(!resident_id18(&id));
    }

    #[test]
    fn legacy_numbers() {
        assert!(resident_id15(b"110105491231002"));
        assert!(!resident_id15(b"110105491331002"));
        assert!(!resident_id15(b"000105491231002"));
    }

    #[test]
    fn luhn_known_answers() {
        // ISO/IEC 7812 worked example and well-known test card numbers.
        assert!(luhn(b"79927398713"));
        assert!(!luhn(b"79927398710"));
        assert!(luhn(b"4111111111111111"));
        assert!(luhn(b"6011111111111117"));
        assert!(!luhn(b"4111111111111112"));
    }

    #[test]
    fn credit_code_check_character() {
        // Huawei Technologies Co., Ltd. (published on its licence): 914403001922038216.
        assert_eq!(credit_code_check_char(b"91440300192203821"), Some(b'6'));
        assert!(credit_code(b"914403001922038216"));
        assert!(!credit_code(b"914403001922038217"));
        assert!(!credit_code(b"91440300192203821I"), "I is not in the code alphabet");
        // Shenzhen Tencent Computer Systems Co., Ltd.: 9144030071526726XG (letter check character).
        assert!(credit_code(b"9144030071526726XG"));
        assert!(!credit_code(b"9144030071526726XH"));
    }
}
