//! The peer of `benches/files.sh`: calamine reading every cell of a workbook (no screening),
//! to put gongkai's read-and-screen time next to a plain read.

use calamine::{Reader, open_workbook_auto};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: calamine_peer FILE.xlsx")?;
    let mut book = open_workbook_auto(&path)?;
    let mut cells = 0usize;
    let mut bytes = 0usize;
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name)?;
        for (_, _, v) in range.used_cells() {
            cells += 1;
            bytes += v.to_string().len();
        }
    }
    println!("{cells} cells, {bytes} bytes of text");
    Ok(())
}
