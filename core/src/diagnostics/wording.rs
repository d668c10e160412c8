//! Messages of serde, serde_json and chrono in the project's own words: a user wrote JSON, and
//! reads about JSON values (a whole number from 0 to 4294967295, an array), never about Rust
//! types (`u32`, a sequence) or a library's internals.

/// What a type is called in a message, for serde's names of Rust types (`u32`, `f64`, `a
/// sequence`, `struct X` …): users wrote JSON, not Rust.
fn json_kind(rust: &str) -> (String, String) {
    let range = |max: &str| (format!("0 到 {max} 的整数"), format!("a whole number from 0 to {max}"));
    match rust.trim() {
        "u8" => range("255"),
        "u16" => range("65535"),
        "u32" => range("4294967295"),
        "u64" | "usize" => range("18446744073709551615"),
        "i8" | "i16" | "i32" | "i64" | "isize" | "i128" => ("整数".into(), "a whole number".into()),
        "f32" | "f64" | "a number" => ("数字".into(), "a number".into()),
        "a string" | "a borrowed string" | "string" | "char" => ("字符串".into(), "a string".into()),
        "a boolean" | "bool" => ("布尔值".into(), "`true` or `false`".into()),
        "a sequence" | "sequence" | "a tuple" => ("数组".into(), "an array".into()),
        "a map" | "map" => ("对象".into(), "an object".into()),
        "null" | "unit value" | "unit" => ("null".into(), "null".into()),
        k if k.starts_with("struct ") || k.starts_with("a map") => ("对象".into(), "an object".into()),
        k if k.starts_with("integer") || k.starts_with("floating point") => {
            let v = k.split('`').nth(1).unwrap_or("");
            (format!("数字 `{v}`"), format!("the number `{v}`"))
        }
        k if k.starts_with("string \"") => {
            let v = k.trim_start_matches("string \"").trim_end_matches('"');
            (format!("字符串 `{v}`"), format!("the string `{v}`"))
        }
        k if k.starts_with("boolean") => {
            let v = k.split('`').nth(1).unwrap_or("");
            (format!("布尔值 `{v}`"), format!("`{v}`"))
        }
        k => (format!("`{k}`"), format!("`{k}`")),
    }
}

/// A message of serde, serde_json or chrono in the project's own words (zh, en): what reaches
/// a user never names a Rust type or a library's internals (``invalid type: floating point
/// `-0.0`, expected u32`` becomes "expected a whole number from 0 to 4294967295, found the
/// number `-0.0`"). Messages it does not know pass through.
pub fn own_words(msg: &str) -> (String, String) {
    let msg = msg.trim();
    let expected_found = |expected: &str, found: &str| {
        let (ez, ee) = json_kind(expected);
        let (fz, fe) = json_kind(found);
        (format!("应为{ez}，实为{fz}"), format!("expected {ee}, found {fe}"))
    };
    if let Some(rest) = msg.strip_prefix("invalid type: ").or_else(|| msg.strip_prefix("invalid value: "))
        && let Some((found, expected)) = rest.rsplit_once(", expected ")
    {
        return expected_found(expected, found);
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let (v, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let expected = expected.trim_start_matches("one of ");
        return (format!("{v} 不是可用的取值（可用：{expected}）"), format!("{v} is not one of {expected}"));
    }
    if let Some(field) = msg.strip_prefix("missing field ") {
        return (format!("缺少必填字段 {field}"), format!("required field {field} is missing"));
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let (f, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let expected = expected.trim_start_matches("one of ");
        return (format!("未知字段 {f}（可用：{expected}）"), format!("unknown field {f} (known: {expected})"));
    }
    if let Some(n) = msg.strip_prefix("invalid length ") {
        let (n, expected) = n.split_once(", expected ").unwrap_or((n, ""));
        return (format!("长度 {n} 不符（应为 {expected}）"), format!("length {n} does not fit (expected {expected})"));
    }
    let plain: Option<(&str, &str)> = match msg {
        "expected value" => Some(("此处应为 JSON 值", "expected a JSON value")),
        "expected ident" => {
            Some(("无效的字面量（应为 true、false 或 null）", "invalid literal (expected `true`, `false` or `null`)"))
        }
        "trailing characters" => Some(("JSON 值之后还有多余字符", "characters after the end of the JSON value")),
        "trailing comma" => Some(("多余的逗号", "a trailing comma")),
        "key must be a string" => {
            Some(("对象的键必须是双引号字符串", "an object key must be a string in double quotes"))
        }
        "expected `:`" => Some(("键之后应为 `:`", "expected `:` after an object key")),
        "expected `,` or `}`" => Some(("应为 `,` 或 `}`", "expected `,` or `}`")),
        "expected `,` or `]`" => Some(("应为 `,` 或 `]`", "expected `,` or `]`")),
        "invalid escape" => Some(("字符串中的转义序列无效", "an invalid escape sequence in a string")),
        "invalid number" => Some(("数字格式无效", "an invalid number")),
        "number out of range" => Some(("数字超出范围", "a number out of range")),
        "invalid unicode code point" => Some(("无效的 Unicode 码位", "an invalid Unicode code point")),
        "lone leading surrogate in hex escape" | "unexpected end of hex escape" => Some((
            "字符串中有不成对的代理项转义（\\uD800–\\uDFFF）",
            "a lone surrogate escape (`\\uD800`–`\\uDFFF`) in a string",
        )),
        "control character (\\u0000-\\u001F) found while parsing a string" => Some((
            "字符串中的控制字符（U+0000–U+001F）须转义",
            "a control character (U+0000–U+001F) in a string must be escaped",
        )),
        "EOF while parsing a value" => Some(("JSON 不完整：缺少值", "the JSON ends where a value should be")),
        "EOF while parsing an object" => Some(("JSON 不完整：对象未闭合", "the JSON ends before an object is closed")),
        "EOF while parsing a list" => Some(("JSON 不完整：数组未闭合", "the JSON ends before an array is closed")),
        "EOF while parsing a string" => Some(("JSON 不完整：字符串未闭合", "the JSON ends before a string is closed")),
        "input contains invalid characters"
        | "premature end of input"
        | "trailing input"
        | "input is out of range"
        | "no possible date and time matching input"
        | "input is not enough for unique date and time" => {
            Some(("不是有效日期（YYYY-MM-DD）", "not a valid date (YYYY-MM-DD)"))
        }
        _ => None,
    };
    match plain {
        Some((zh, en)) => (zh.to_owned(), en.to_owned()),
        None => (msg.to_owned(), msg.to_owned()),
    }
}
