//! Legacy .xls (BIFF8) and OpenDocument .ods workbooks, read with `calamine`: every sheet,
//! hidden ones included, every cell with a value.

use std::io::Cursor;

use calamine::{Data, Reader, SheetVisible, open_workbook_auto_from_rs};

use super::zipped::Archive;
use super::{FileError, FileKind, Limits, Notice, Place, ReadSummary, SheetInfo, Sink, column_letters};
use crate::diagnostics::message;
use crate::screening::{HIDDEN_CONTENT, NOT_SCREENED};

fn cell_text(value: &Data) -> Option<String> {
    match value {
        Data::String(s) | Data::DateTimeIso(s) => Some(s.clone()),
        Data::Int(i) => Some(i.to_string()),
        // Whole numbers as integers (a phone number typed into a cell is a float in BIFF).
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e17 => Some(format!("{}", *f as i64)),
        Data::Float(f) => Some(f.to_string()),
        _ => None,
    }
}

pub(crate) fn read(bytes: &[u8], kind: FileKind, limits: &Limits, sink: &mut Sink) -> Result<ReadSummary, FileError> {
    if kind == FileKind::Ods {
        // The zip limits first: calamine unpacks content.xml whole.
        Archive::open(bytes, limits)?;
    }
    let what = if kind == FileKind::Ods { "ODS" } else { "Excel" };
    let mut book = match open_workbook_auto_from_rs(Cursor::new(bytes)) {
        Ok(b) => b,
        Err(e) => {
            let text = e.to_string();
            if text.to_ascii_lowercase().contains("password") || text.to_ascii_lowercase().contains("encrypt") {
                return Ok(ReadSummary {
                    notices: vec![Notice::new(
                        &NOT_SCREENED,
                        None,
                        message!(
                            "{0} 文件受密码保护，无法读取内容，未经筛查：请提供未加密的文件",
                            "the {0} file is password-protected: its content cannot be read and was not screened; supply it unencrypted",
                            what
                        ),
                    )],
                    ..ReadSummary::default()
                });
            }
            return Err(FileError::corrupt("workbook", text));
        }
    };
    let mut summary = ReadSummary::default();
    let mut cells_left = limits.max_cells;
    for sheet in book.sheets_metadata().to_vec() {
        let state = match sheet.visible {
            SheetVisible::Visible => "visible",
            SheetVisible::Hidden => "hidden",
            SheetVisible::VeryHidden => "very_hidden",
        };
        let range = match book.worksheet_range(&sheet.name) {
            Ok(r) => r,
            Err(e) => {
                summary.notices.push(Notice::new(
                    &NOT_SCREENED,
                    Some(format!("sheet {}", sheet.name)),
                    message!(
                        "工作表 `{0}` 无法读取（{1}），未经筛查",
                        "sheet `{0}` cannot be read ({1}): it was not screened",
                        sheet.name,
                        e.to_string()
                    ),
                ));
                continue;
            }
        };
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut cells = 0u64;
        for (r, c, value) in range.used_cells() {
            let Some(text) = cell_text(value) else { continue };
            if cells_left == 0 {
                return Err(FileError::limit(
                    format!("sheet `{}`", sheet.name),
                    format!("the workbook has more than {} cells with values (the cell limit)", limits.max_cells),
                ));
            }
            cells_left -= 1;
            cells += 1;
            let place = Place::Cell {
                sheet: sheet.name.clone(),
                cell: format!("{}{}", column_letters(col0 + c as u32), row0 + r as u32 + 1),
                hidden_sheet: state != "visible",
                hidden_row: false,
                hidden_column: false,
            };
            sink(&|| place.clone(), &text);
        }
        if state != "visible" && cells > 0 {
            summary.notices.push(Notice::new(
                &HIDDEN_CONTENT,
                Some(format!("sheet {}", sheet.name)),
                message!(
                    "隐藏工作表 `{0}` 含 {1} 个有值单元格，随文件公开：请审查或删除",
                    "hidden sheet `{0}` holds {1} cells with values and is published with the file: review or remove it",
                    sheet.name,
                    cells
                ),
            ));
        }
        summary.sheets.push(SheetInfo { name: sheet.name.clone(), state, cells });
    }
    Ok(summary)
}
