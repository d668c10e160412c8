//! Makes the files `benches/files.sh` times: a workbook of mixed Chinese text and zip bombs.
//!
//! `cargo run --release -p gongkai --example make_files -- workbook OUT.xlsx [CELLS]`
//! `cargo run --release -p gongkai --example make_files -- bomb OUT.xlsx [MIB] [--lie]`

use std::io::Write;

/// A small deterministic generator (xorshift), so every run makes the same file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: &[&str] = &[
    "申请人",
    "家庭住址",
    "补贴",
    "发放",
    "名单",
    "公示",
    "街道",
    "社区",
    "居民委员会",
    "低保",
    "特困",
    "供养",
    "残疾人",
    "两项补贴",
    "临时救助",
    "医疗救助",
    "审核",
    "审批",
    "民政局",
    "乡镇人民政府",
    "核对",
    "收入",
    "财产",
    "状况",
    "复核",
    "备注",
    "已发放",
    "未发放",
    "标准",
    "金额",
    "元",
    "月",
    "人口",
    "户主",
    "关系",
];

/// A cell's text: words of a list and, after each, up to `spread - 1` characters drawn from the
/// common CJK block. The more drawn characters, the less the text packs: `spread` 4 makes a
/// 500,000-cell workbook of about 22 MB, 9 one of about 50 MB.
fn text(rng: &mut Rng, spread: u64) -> String {
    let mut s = String::new();
    for _ in 0..(14 + rng.below(20)) {
        s.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
        // Characters drawn from the common CJK block, so that the text packs like real text.
        for _ in 0..rng.below(spread) {
            s.push(char::from_u32(0x4E00 + rng.below(0x1000) as u32).unwrap_or('中'));
        }
    }
    s
}

fn workbook(out: &str, cells: u64, spread: u64) -> Result<(), Box<dyn std::error::Error>> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut book = rust_xlsxwriter::Workbook::new();
    let cols = 10u64;
    let rows = cells / cols;
    let sheet = book.add_worksheet();
    sheet.set_name("名单")?;
    for r in 0..rows {
        for c in 0..cols {
            let (row, col) = (r as u32, c as u16);
            match c {
                // A masked ID and, every 997 rows, an unmasked one.
                2 if r % 997 == 0 => sheet.write_string(row, col, "11010519491231002X")?,
                2 => sheet.write_string(row, col, "110105********002X")?,
                3 => sheet.write_number(row, col, (r * 37 % 10_000) as f64)?,
                _ => sheet.write_string(row, col, text(&mut rng, spread))?,
            };
        }
    }
    book.save(out)?;
    Ok(())
}

fn bomb(out: &str, mib: u64, lie: bool) -> Result<(), Box<dyn std::error::Error>> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(mib >= 4096);
    w.start_file("xl/worksheets/sheet1.xml", opts)?;
    let chunk = vec![b'0'; 1 << 20];
    for _ in 0..mib {
        w.write_all(&chunk)?;
    }
    let mut bytes = w.finish()?.into_inner();
    if lie {
        // Declare 100 bytes where the entry holds `mib` MiB (local header and central directory).
        let declared = u32::try_from(mib << 20).unwrap_or(u32::MAX).to_le_bytes();
        let mut i = 0;
        while let Some(at) = bytes[i..].windows(4).position(|x| x == declared) {
            bytes[i + at..i + at + 4].copy_from_slice(&100u32.to_le_bytes());
            i += at + 4;
        }
    }
    std::fs::write(out, bytes)?;
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match (args.first().map(String::as_str), args.get(1)) {
        (Some("workbook"), Some(out)) => workbook(
            out,
            args.get(2).and_then(|n| n.parse().ok()).unwrap_or(500_000),
            args.get(3).and_then(|n| n.parse().ok()).unwrap_or(4),
        ),
        (Some("bomb"), Some(out)) => {
            bomb(out, args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1024), args.iter().any(|a| a == "--lie"))
        }
        _ => Err("usage: make_files workbook OUT [CELLS] [SPREAD] | bomb OUT [MIB] [--lie]".into()),
    }
}
