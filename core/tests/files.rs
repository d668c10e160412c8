//! The file readers on files this suite makes: workbooks written by rust_xlsxwriter, Word
//! documents and zip bombs put together with the zip writer, PDFs written object by object,
//! GB18030 and UTF-16 CSVs encoded by encoding_rs, web pages.

use std::io::Write;

use gongkai::files::{FileError, FileKind, FileScan, Limits, Place, extract, scan_file};
use gongkai::screening::{Kind, ScanOptions};
use rust_xlsxwriter::{Note, Workbook};

/// A valid resident ID (check character computed by GB 11643) and a mobile number.
const ID: &str = "11010519491231002X";
const MOBILE: &str = "13812345678";

fn scan(bytes: &[u8], kind: FileKind) -> FileScan {
    scan_file(bytes, kind, &ScanOptions::default(), &Limits::default()).expect("file reads")
}

fn kinds_at(scan: &FileScan) -> Vec<(Kind, String)> {
    scan.findings.iter().map(|f| (f.finding.kind, f.place.to_string())).collect()
}

// ---------------------------------------------------------------------------------------------
// Workbooks

fn subsidy_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let shown = book.add_worksheet();
    shown.set_name("公示名单").unwrap();
    shown.write_string(0, 0, "姓名").unwrap();
    shown.write_string(0, 1, "身份证号").unwrap();
    shown.write_string(1, 0, "张三").unwrap();
    shown.write_string(1, 1, "110105********002X").unwrap();
    shown.write_string(2, 0, "李四").unwrap();
    shown.write_string(2, 1, "110105********0021").unwrap();
    // A row someone hid instead of deleting, and a phone number typed as a number.
    shown.write_string(3, 0, "王五").unwrap();
    shown.write_number(3, 2, 13912345678.0).unwrap();
    shown.set_row_hidden(3).unwrap();
    shown.insert_note(2, 0, &Note::new(format!("联系电话 {MOBILE}")).set_author("经办人")).unwrap();
    let raw = book.add_worksheet();
    raw.set_name("原始数据").unwrap();
    raw.write_string(0, 0, "姓名").unwrap();
    raw.write_string(0, 2, "身份证号").unwrap();
    raw.write_string(1, 0, "张三").unwrap();
    raw.write_string(1, 2, ID).unwrap();
    raw.set_hidden(true);
    book.save_to_buffer().unwrap()
}

#[test]
fn xlsx_hidden_sheet_cell_is_located_and_reported() {
    let s = scan(&subsidy_workbook(), FileKind::Xlsx);
    let found = kinds_at(&s);
    assert!(found.contains(&(Kind::ResidentId, "原始数据!C2 (hidden sheet)".into())), "{found:?}");
    let f = s.findings.iter().find(|f| f.finding.kind == Kind::ResidentId).unwrap();
    match &f.place {
        Place::Cell { sheet, cell, hidden_sheet, .. } => {
            assert_eq!((sheet.as_str(), cell.as_str(), *hidden_sheet), ("原始数据", "C2", true));
        }
        other => panic!("{other:?}"),
    }
    // The masked IDs on the shown sheet are not findings.
    assert!(!found.iter().any(|(_, at)| at.starts_with("公示名单!B")), "{found:?}");
    // The hidden sheet is a notice, and so is the hidden row that holds data.
    let hidden: Vec<_> = s.notices.iter().filter(|n| n.code == "screening_hidden_content").collect();
    assert_eq!(hidden.len(), 2, "{:?}", s.notices);
    assert!(hidden[0].message.en().contains("1 hidden rows"), "{}", hidden[0].message.en());
    assert!(hidden[1].message.zh().contains("原始数据"));
    let states: Vec<_> = s.sheets.iter().map(|x| (x.name.as_str(), x.state)).collect();
    assert_eq!(states, vec![("公示名单", "visible"), ("原始数据", "hidden")]);
    assert!(s.is_actionable());
}

#[test]
fn xlsx_hidden_row_numbers_and_comments_are_read() {
    let s = scan(&subsidy_workbook(), FileKind::Xlsx);
    let found = kinds_at(&s);
    assert!(found.contains(&(Kind::Mobile, "公示名单!C4 (hidden row)".into())), "{found:?}");
    assert!(found.contains(&(Kind::Mobile, "公示名单!A3 (comment)".into())), "{found:?}");
}

#[test]
fn xlsx_extract_gives_every_cell_in_order() {
    let e = extract(&subsidy_workbook(), FileKind::Xlsx, &Limits::default()).unwrap();
    let cells: Vec<String> = e.segments.iter().map(|s| format!("{}={}", s.place, s.text)).collect();
    assert_eq!(cells[0], "公示名单!A1=姓名");
    assert!(cells.contains(&"公示名单!C4 (hidden row)=13912345678".to_owned()), "{cells:?}");
    assert!(cells.contains(&format!("原始数据!C2 (hidden sheet)={ID}")), "{cells:?}");
}

#[test]
fn xlsx_cell_limit_is_a_clear_error() {
    let err = scan_file(&subsidy_workbook(), FileKind::Xlsx, &ScanOptions::default(), &Limits::default().max_cells(3))
        .unwrap_err();
    assert_eq!(err.code(), "file_limit");
    assert!(err.to_string().contains("more than 3 cells"), "{err}");
}

#[test]
fn encrypted_office_file_is_not_screened_and_says_why() {
    // Office keeps a password-protected .xlsx/.docx in an OLE compound file.
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.resize(4096, 0);
    for kind in [FileKind::Xlsx, FileKind::Docx] {
        let s = scan(&cfb, kind);
        assert!(s.findings.is_empty());
        assert_eq!(s.notices.len(), 1);
        assert_eq!(s.notices[0].code, "screening_not_screened");
        assert!(s.notices[0].message.en().contains("password-protected"));
        assert!(s.is_actionable());
    }
}

// ---------------------------------------------------------------------------------------------
// Zip bombs and damaged containers

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn zip_bomb_is_refused_by_declared_size() {
    let zeros = vec![0u8; 8 << 20];
    let bomb = zip_of(&[("[Content_Types].xml", b"<Types/>"), ("xl/worksheets/sheet1.xml", &zeros)]);
    let limits = Limits::default().max_uncompressed(4 << 20);
    let err = scan_file(&bomb, FileKind::Xlsx, &ScanOptions::default(), &limits).unwrap_err();
    assert_eq!(err.code(), "file_limit");
    assert!(err.to_string().contains("zip bomb"), "{err}");
    // By ratio too: 8 MiB of zeros packs to a few KiB.
    let limits = Limits::default().max_ratio(100);
    let big = vec![0u8; 20 << 20];
    let bomb = zip_of(&[("xl/workbook.xml", &big)]);
    let err = scan_file(&bomb, FileKind::Xlsx, &ScanOptions::default(), &limits).unwrap_err();
    assert!(err.to_string().contains("times the file's size"), "{err}");
}

#[test]
fn zip_bomb_lying_about_its_size_is_stopped_while_reading() {
    let zeros = vec![b' '; 8 << 20];
    let mut bomb = zip_of(&[("xl/workbook.xml", &zeros)]);
    // Rewrite the declared uncompressed size (local header and central directory) to 100.
    let declared = (8u32 << 20).to_le_bytes();
    let mut i = 0;
    while let Some(at) = bomb[i..].windows(4).position(|w| w == declared) {
        bomb[i + at..i + at + 4].copy_from_slice(&100u32.to_le_bytes());
        i += at + 4;
    }
    let err = scan_file(&bomb, FileKind::Xlsx, &ScanOptions::default(), &Limits::default()).unwrap_err();
    assert!(matches!(err, FileError::Corrupt { .. } | FileError::Limit { .. }), "{err:?}");
    assert!(err.to_string().starts_with("xl/workbook.xml"), "{err}");
}

/// The shared strings are streamed, not unpacked whole: the limits still hold while reading.
#[test]
fn shared_strings_lying_about_their_size_are_stopped_while_streaming() {
    let mut padded = b"<sst>".to_vec();
    padded.extend(std::iter::repeat_n(b' ', 8 << 20));
    padded.extend_from_slice(b"<si><t>11010519491231002X</t></si></sst>");
    let workbook = b"<workbook><sheets/></workbook>".as_slice();
    let mut bomb = zip_of(&[("xl/workbook.xml", workbook), ("xl/sharedStrings.xml", &padded)]);
    let declared = u32::try_from(padded.len()).unwrap().to_le_bytes();
    let mut i = 0;
    while let Some(at) = bomb[i..].windows(4).position(|w| w == declared) {
        bomb[i + at..i + at + 4].copy_from_slice(&100u32.to_le_bytes());
        i += at + 4;
    }
    let err = scan_file(&bomb, FileKind::Xlsx, &ScanOptions::default(), &Limits::default()).unwrap_err();
    assert!(matches!(err, FileError::Corrupt { .. } | FileError::Limit { .. }), "{err:?}");
    assert!(err.to_string().starts_with("xl/sharedStrings.xml"), "{err}");
    // Told the truth, the same part reads.
    let honest = zip_of(&[("xl/workbook.xml", workbook), ("xl/sharedStrings.xml", &padded)]);
    assert!(scan_file(&honest, FileKind::Xlsx, &ScanOptions::default(), &Limits::default()).is_ok());
}

#[test]
fn truncated_and_corrupt_files_name_the_part() {
    let book = subsidy_workbook();
    let err =
        scan_file(&book[..book.len() / 2], FileKind::Xlsx, &ScanOptions::default(), &Limits::default()).unwrap_err();
    assert_eq!(err.code(), "file_corrupt");
    assert!(err.to_string().starts_with("zip directory"), "{err}");
    let broken = zip_of(&[("word/document.xml", b"<w:document><w:body><w:p><w:r><w:t>x</w:r></w:p")]);
    match scan_file(&broken, FileKind::Docx, &ScanOptions::default(), &Limits::default()) {
        Ok(_) => {}
        Err(e) => assert!(e.to_string().starts_with("word/document.xml"), "{e}"),
    }
    for kind in FileKind::ALL {
        for cut in [0, 1, 7, 100] {
            let _ = scan_file(&book[..cut.min(book.len())], kind, &ScanOptions::default(), &Limits::default());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Word documents

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn para(text: &str) -> String {
    format!("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{text}</w:t></w:r></w:p>")
}

/// A penalty decision: the ID in a table split over two runs, a mobile number in the header,
/// a tracked deletion that still holds a passport number, and a reviewer's comment.
pub fn penalty_decision() -> Vec<u8> {
    let table = format!(
        "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>\
         <w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc><w:tc><w:p><w:r><w:t>{}</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>{}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        para("当事人"),
        para("住所"),
        para("身份证号"),
        para("张三"),
        para("北京市"),
        &ID[..8],
        &ID[8..]
    );
    let body = format!(
        "<w:document {W}><w:body>{}{}{table}<w:p><w:del w:id=\"1\" w:author=\"审核人\"><w:r><w:delText>护照号：E12345678</w:delText></w:r></w:del><w:r><w:t>以上信息已核实。</w:t></w:r></w:p></w:body></w:document>",
        para("行政处罚决定书"),
        para("某市市场监督管理局")
    );
    let header = format!("<w:hdr {W}>{}</w:hdr>", para(&format!("经办人手机 {MOBILE}")));
    let comments = format!(
        "<w:comments {W}><w:comment w:id=\"0\" w:author=\"李四\">{}</w:comment></w:comments>",
        para("当事人邮箱 zhangsan@example.com 请删除")
    );
    zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", body.as_bytes()),
        ("word/header1.xml", header.as_bytes()),
        ("word/comments.xml", comments.as_bytes()),
    ])
}

#[test]
fn docx_table_cell_header_deletion_and_comment_are_located() {
    let s = scan(&penalty_decision(), FileKind::Docx);
    let found = kinds_at(&s);
    assert!(found.contains(&(Kind::ResidentId, "document table 1 row 2 column 3".into())), "{found:?}");
    assert!(found.contains(&(Kind::Mobile, "header1 paragraph 1".into())), "{found:?}");
    assert!(found.contains(&(Kind::Passport, "document paragraph 3 (tracked deletion)".into())), "{found:?}");
    assert!(found.contains(&(Kind::Email, "comments paragraph 1".into())), "{found:?}");
    let json = serde_json::to_value(&s.findings[0]).unwrap();
    assert_eq!(json["location"]["in"], "table_cell");
    assert_eq!(json["location"]["row"], 2);
}

// ---------------------------------------------------------------------------------------------
// Text and CSV

#[test]
fn gb18030_csv_is_detected_decoded_and_located() {
    let csv = format!("序号,姓名,身份证号,联系电话\n1,张三,{ID},{MOBILE}\n2,李四,110105********0021,139****5678\n");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&csv);
    assert!(std::str::from_utf8(&bytes).is_err());
    let s = scan(&bytes, FileKind::Csv);
    assert_eq!(s.encoding, Some("GB18030"));
    assert_eq!(
        kinds_at(&s),
        vec![(Kind::ResidentId, "line 2 column 3".into()), (Kind::Mobile, "line 2 column 4".into())]
    );
}

#[test]
fn utf16_text_with_bom_is_read() {
    let text = format!("公示\r\n申请人身份证号：{ID}\r\n");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let s = scan(&bytes, FileKind::Text);
    assert_eq!(s.encoding, Some("UTF-16LE"));
    assert_eq!(kinds_at(&s), vec![(Kind::ResidentId, "line 2".into())]);
}

#[test]
fn undecodable_text_is_an_encoding_error() {
    let err = scan_file(&[0x81, 0x20, 0xFF, 0xFF, 0x30], FileKind::Text, &ScanOptions::default(), &Limits::default())
        .unwrap_err();
    assert_eq!(err.code(), "file_encoding");
}

// ---------------------------------------------------------------------------------------------
// Web pages

#[test]
fn html_attributes_hidden_elements_and_comments_are_read() {
    let page = format!(
        "<!DOCTYPE html><html><body>\n<p>公示名单如下：</p>\n<img src=\"a.png\" alt=\"张三身份证{ID}\">\n\
         <div style=\"display: none\">联系电话：<b>{MOBILE}</b></div>\n<!-- 原始数据 护照号 E12345678 -->\n\
         <a href=\"mailto:lisi@example.com\" title=\"李四\">来信</a>\n<input type=\"hidden\" name=\"x\" value=\"13700001111\">\n</body></html>"
    );
    let s = scan(page.as_bytes(), FileKind::Html);
    let found = kinds_at(&s);
    assert_eq!(
        found,
        vec![
            (Kind::ResidentId, "line 3 <img alt>".into()),
            (Kind::Mobile, "line 4 <div> (hidden)".into()),
            (Kind::Passport, "line 5 <!--> (hidden)".into()),
            (Kind::Email, "line 6 <a href>".into()),
            (Kind::Mobile, "line 7 <input value> (hidden)".into()),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// PDF

enum PdfPage<'a> {
    Text(&'a [&'a str]),
    Image,
}

/// A PDF written object by object: Helvetica text pages and image-only (scanned) pages.
fn pdf(pages: &[PdfPage]) -> Vec<u8> {
    let mut objects: Vec<String> = Vec::new();
    // 1 catalog, 2 pages, 3 font, 4 image; then a page and its content for each page.
    let kids: Vec<String> = (0..pages.len()).map(|i| format!("{} 0 R", 5 + 2 * i)).collect();
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), pages.len()));
    objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into());
    objects.push(
        "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u{7f}\u{7f}\u{7f}\u{7f}\nendstream"
            .into(),
    );
    for (i, page) in pages.iter().enumerate() {
        let content = match page {
            PdfPage::Text(lines) => {
                let mut c = String::from("BT /F1 12 Tf 72 760 Td 16 TL\n");
                for line in *lines {
                    c.push_str(&format!("({line}) Tj T*\n"));
                }
                c.push_str("ET");
                c
            }
            PdfPage::Image => "q 500 0 0 700 50 50 cm /Im1 Do Q".into(),
        };
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents {} 0 R >>",
            6 + 2 * i
        ));
        objects.push(format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()));
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).as_bytes(),
    );
    out
}

#[test]
fn pdf_second_page_line_is_located() {
    let doc = pdf(&[
        PdfPage::Text(&["Notice of administrative penalty", "Party: Zhang San"]),
        PdfPage::Text(&["Appendix", "Contact: 13812345678", &format!("ID number {ID}")]),
    ]);
    let s = scan(&doc, FileKind::Pdf);
    assert_eq!(kinds_at(&s), vec![(Kind::Mobile, "page 2 line 2".into()), (Kind::ResidentId, "page 2 line 3".into())]);
    assert!(s.notices.is_empty(), "{:?}", s.notices);
}

#[test]
fn scanned_pdf_is_not_screened_and_says_why() {
    let s = scan(&pdf(&[PdfPage::Image, PdfPage::Image]), FileKind::Pdf);
    assert!(s.findings.is_empty());
    assert_eq!(s.notices.len(), 1, "{:?}", s.notices);
    assert_eq!(s.notices[0].code, "screening_not_screened");
    assert!(s.notices[0].message.en().contains("no text layer"), "{}", s.notices[0].message.en());
    assert!(s.is_actionable());
    // A text PDF with one scanned page: that page is named.
    let s = scan(&pdf(&[PdfPage::Text(&["Cover"]), PdfPage::Image]), FileKind::Pdf);
    assert_eq!(s.notices.len(), 1);
    assert_eq!(s.notices[0].part.as_deref(), Some("pages 2"));
}

#[test]
fn encrypted_pdf_is_not_screened() {
    let mut doc = pdf(&[PdfPage::Text(&["secret"])]);
    // An /Encrypt dictionary whose password checks fail: the text cannot be decrypted.
    let text = String::from_utf8_lossy(&doc).into_owned();
    let text = text.replace(
        "/Root 1 0 R >>",
        "/Root 1 0 R /Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /U <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> >> /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>",
    );
    doc = text.into_bytes();
    let s = scan(&doc, FileKind::Pdf);
    assert!(s.findings.is_empty());
    assert_eq!(s.notices.len(), 1, "{:?}", s.notices);
    assert!(s.notices[0].message.en().contains("password-protected"), "{}", s.notices[0].message.en());
}

// ---------------------------------------------------------------------------------------------
// Redacted copies, opened again with the formats' own readers

use gongkai::files::{RedactOptions, redact_file};

fn part_of(zip_bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut z.by_name(name).unwrap(), &mut s).unwrap();
    s
}

#[test]
fn redacted_xlsx_opens_in_calamine_with_values_masked() {
    use calamine::{Data, Reader, Xlsx};
    let out = redact_file(&subsidy_workbook(), FileKind::Xlsx, &RedactOptions::default()).unwrap();
    assert!(out.remaining.is_empty(), "{:?}", out.remaining);
    let masked: Vec<String> = out.masked.iter().map(|f| f.place.to_string()).collect();
    assert_eq!(masked, ["公示名单!C4 (hidden row)", "公示名单!A3 (comment)", "原始数据!C2 (hidden sheet)"]);
    let bytes = out.bytes.unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let raw = book.worksheet_range("原始数据").unwrap();
    assert_eq!(raw.get_value((1, 2)), Some(&Data::String("110105********002X".into())));
    let shown = book.worksheet_range("公示名单").unwrap();
    assert_eq!(shown.get_value((3, 2)), Some(&Data::String("139****5678".into())));
    assert_eq!(shown.get_value((1, 0)), Some(&Data::String("张三".into())));
    assert!(part_of(&bytes, "xl/comments1.xml").contains("138****5678"));
    // The hidden sheet is still reported.
    assert!(out.notices.iter().any(|n| n.code == "screening_hidden_content"));
}

#[test]
fn hidden_sheets_can_be_removed() {
    use calamine::{Reader, Xlsx};
    let opts = RedactOptions::default().remove_hidden_sheets(true);
    let out = redact_file(&subsidy_workbook(), FileKind::Xlsx, &opts).unwrap();
    assert_eq!(out.removed_sheets, ["原始数据"]);
    let bytes = out.bytes.unwrap();
    let book = Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
    assert_eq!(book.sheet_names(), ["公示名单"]);
    let names: Vec<String> = zip::ZipArchive::new(std::io::Cursor::new(&bytes))
        .unwrap()
        .file_names()
        .flatten()
        .map(|n| n.into_owned())
        .collect();
    assert!(!names.iter().any(|n| n == "xl/worksheets/sheet2.xml"), "{names:?}");
    assert!(!part_of(&bytes, "[Content_Types].xml").contains("sheet2.xml"));
    let again = scan(&bytes, FileKind::Xlsx);
    assert!(!again.notices.iter().any(|n| n.message.en().contains("hidden sheet")), "{:?}", again.notices);
}

#[test]
fn redacted_docx_keeps_runs_and_formatting() {
    let out = redact_file(&penalty_decision(), FileKind::Docx, &RedactOptions::default()).unwrap();
    assert!(out.remaining.is_empty(), "{:?}", out.remaining);
    assert_eq!(out.masked.len(), 4);
    let bytes = out.bytes.unwrap();
    let doc = part_of(&bytes, "word/document.xml");
    // The split ID: the mask in its first run, the second run (italic) emptied but kept.
    assert!(doc.contains("<w:t>110105********002X</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t></w:t>"), "{doc}");
    assert!(doc.contains("<w:delText>护照号：E******78</w:delText>"), "{doc}");
    assert!(doc.contains("<w:b/>"));
    assert!(part_of(&bytes, "word/header1.xml").contains("138****5678"));
    assert!(part_of(&bytes, "word/comments.xml").contains("z***@example.com"));
    let e = extract(&bytes, FileKind::Docx, &Limits::default()).unwrap();
    assert!(e.segments.iter().any(|s| s.text == "110105********002X"));
}

#[test]
fn redacted_gb18030_csv_stays_gb18030() {
    let csv = format!("姓名,身份证号\n张三,{ID}\n");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&csv);
    let out = redact_file(&bytes, FileKind::Csv, &RedactOptions::default()).unwrap();
    let (text, _, errors) = encoding_rs::GB18030.decode(out.bytes.as_deref().unwrap());
    assert!(!errors);
    assert_eq!(text, "姓名,身份证号\n张三,110105********002X\n");
}

#[test]
fn redacted_html_changes_only_the_values() {
    let page = format!(
        "<html><body><p title=\"x\">公示</p><img alt=\"身份证{ID}\"><!-- 手机 {MOBILE} --><p>邮箱 <b>wang&amp;wu@example.com</b></p></body></html>"
    );
    let out = redact_file(page.as_bytes(), FileKind::Html, &RedactOptions::default()).unwrap();
    let html = String::from_utf8(out.bytes.unwrap()).unwrap();
    assert_eq!(
        html,
        // The entity in the text is written back as an entity.
        "<html><body><p title=\"x\">公示</p><img alt=\"身份证110105********002X\"><!-- 手机 138****5678 --><p>邮箱 <b>wang&amp;w***@example.com</b></p></body></html>"
    );
    assert!(out.remaining.is_empty(), "{:?}", out.remaining);
    assert!(html.contains("<!-- 手机 138****5678 -->"));
}

#[test]
fn pdf_is_reported_not_rewritten() {
    let doc = pdf(&[PdfPage::Text(&["Cover"]), PdfPage::Text(&[&format!("ID {ID}")])]);
    let out = redact_file(&doc, FileKind::Pdf, &RedactOptions::default()).unwrap();
    assert!(out.bytes.is_none());
    assert_eq!(out.remaining.len(), 1);
    assert_eq!(out.remaining[0].place.to_string(), "page 2 line 1");
    assert!(out.notices[0].message.en().contains("cannot be redacted automatically"));
}

// ---------------------------------------------------------------------------------------------
// Damaged files never panic (the fuzz target fuzz/fuzz_targets/file_readers.rs goes further)

mod damaged {
    use super::*;
    use proptest::prelude::*;

    fn seeds() -> Vec<(FileKind, Vec<u8>)> {
        vec![
            (FileKind::Xlsx, subsidy_workbook()),
            (FileKind::Docx, penalty_decision()),
            (FileKind::Pdf, pdf(&[PdfPage::Text(&["a", "b"]), PdfPage::Image])),
            (FileKind::Html, format!("<p title=\"{ID}\">x<!-- {MOBILE} --></p>").into_bytes()),
            (FileKind::Csv, format!("a,\"b\n{ID}\",c\n").into_bytes()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        #[test]
        fn flipped_and_cut_files_read_or_fail_cleanly(
            seed in 0usize..5,
            flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
            cut in any::<prop::sample::Index>(),
            as_other in 0usize..8,
        ) {
            let (kind, mut bytes) = seeds().swap_remove(seed);
            for (at, byte) in flips {
                let i = at.index(bytes.len());
                bytes[i] ^= byte;
            }
            let keep = cut.index(bytes.len() + 1).max(bytes.len() / 2);
            bytes.truncate(keep);
            let limits = Limits::default().max_uncompressed(32 << 20);
            for k in [kind, FileKind::ALL[as_other]] {
                let _ = extract(&bytes, k, &limits);
                let _ = redact_file(&bytes, k, &RedactOptions::default().limits(limits).remove_hidden_sheets(true));
            }
        }
    }
}
