//! PDF: the text layer, page by page and line by line, with `lopdf` (fonts' ToUnicode maps,
//! stream decompression bounded by [`Limits::max_uncompressed`]). A page with no text is a
//! scan, or blank: either way it was not screened, and a notice says so.

use lopdf::{Document, LoadOptions};

use super::{FileError, Limits, Notice, Place, ReadSummary, Sink};
use crate::diagnostics::message;
use crate::screening::NOT_SCREENED;

fn locked() -> ReadSummary {
    ReadSummary {
        notices: vec![Notice::new(
            &NOT_SCREENED,
            None,
            message!(
                "PDF 文件受密码保护（已加密），无法读取文字，未经筛查：请提供未加密的文件",
                "the PDF is password-protected (encrypted): its text cannot be read and was not screened; supply it unencrypted"
            ),
        )],
        ..ReadSummary::default()
    }
}

pub(crate) fn read(bytes: &[u8], limits: &Limits, sink: &mut Sink) -> Result<ReadSummary, FileError> {
    let cap = usize::try_from(limits.max_uncompressed).unwrap_or(usize::MAX);
    let options = LoadOptions { max_decompressed_size: Some(cap), ..LoadOptions::default() };
    let doc = match Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(e) => {
            let text = e.to_string();
            let lower = text.to_ascii_lowercase();
            if lower.contains("password") || lower.contains("decrypt") || lower.contains("encrypt") {
                return Ok(locked());
            }
            if lower.contains("limit") {
                return Err(FileError::limit("pdf", format!("a stream unpacks past the limit ({text})")));
            }
            return Err(FileError::corrupt("pdf", text));
        }
    };
    if doc.trailer.has(b"Encrypt") && !doc.was_encrypted() {
        return Ok(locked());
    }
    let pages = doc.get_pages();
    let mut summary = ReadSummary::default();
    let mut unscreened: Vec<u32> = Vec::new();
    let mut images_only: Vec<u32> = Vec::new();
    for (&number, &id) in &pages {
        let text = match doc.extract_text_with_limit(&[number], cap) {
            Ok(t) => t,
            Err(lopdf::Error::Decompress(e)) => {
                return Err(FileError::limit(
                    format!("page {number}"),
                    format!("the page content unpacks past the limit ({e})"),
                ));
            }
            Err(e) => {
                summary.notices.push(Notice::new(
                    &NOT_SCREENED,
                    Some(format!("page {number}")),
                    message!(
                        "第 {0} 页的文字无法读取（{1}），未经筛查",
                        "the text of page {0} cannot be read ({1}): it was not screened",
                        number,
                        e.to_string()
                    ),
                ));
                continue;
            }
        };
        let mut any = false;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            any = true;
            sink(&|| Place::Page { page: number, line: i as u32 + 1 }, line);
        }
        if !any {
            let has_images = doc.get_page_images(id).map(|v| !v.is_empty()).unwrap_or(false);
            if has_images {
                images_only.push(number);
            } else {
                unscreened.push(number);
            }
        }
    }
    let list = |pages: &[u32]| pages.iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
    if !images_only.is_empty() {
        let part = if images_only.len() == pages.len() { None } else { Some(format!("pages {}", list(&images_only))) };
        summary.notices.push(Notice::new(
            &NOT_SCREENED,
            part,
            message!(
                "第 {0} 页只有图像、没有文字层（扫描件），未经筛查：请人工审查，或先做文字识别（OCR）再筛查",
                "page(s) {0} hold only images, no text layer (a scan): not screened; review by hand, or run OCR and screen the result",
                list(&images_only)
            ),
        ));
    }
    if !unscreened.is_empty() && (unscreened.len() == pages.len() || !images_only.is_empty()) {
        summary.notices.push(Notice::new(
            &NOT_SCREENED,
            Some(format!("pages {}", list(&unscreened))),
            message!(
                "第 {0} 页没有可读取的文字（空白页，或以矢量图形绘制的文字），未经筛查",
                "page(s) {0} have no readable text (blank, or text drawn as shapes): not screened",
                list(&unscreened)
            ),
        ));
    }
    if pages.is_empty() {
        summary.notices.push(Notice::new(
            &NOT_SCREENED,
            None,
            message!("PDF 没有页面，未经筛查", "the PDF has no pages: nothing was screened"),
        ));
    }
    Ok(summary)
}
