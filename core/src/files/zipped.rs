//! Zip containers (OOXML, ODF) read within [`Limits`]: the central directory's declared sizes
//! are checked before anything is unpacked, and every read is cut off at the size it declared,
//! so a bomb that lies about its sizes is stopped too.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::{FileError, FileKind, Limits};

/// The signature of an OLE compound file: a legacy .xls, or an encrypted OOXML file (Office
/// puts a password-protected .xlsx or .docx in one).
pub(crate) const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Below this many unpacked bytes the ratio is not checked: small parts compress very well.
const RATIO_FLOOR: u64 = 16 << 20;

pub(crate) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes that may still be unpacked.
    budget: u64,
}

/// Which zip-based kind the parts show.
pub(crate) fn sniff(bytes: &[u8]) -> Option<FileKind> {
    let zip = ZipArchive::new(Cursor::new(bytes)).ok()?;
    let names: Vec<String> = zip.file_names().flatten().map(|n| n.into_owned()).collect();
    if names.iter().any(|n| n.starts_with("xl/")) {
        Some(FileKind::Xlsx)
    } else if names.iter().any(|n| n.starts_with("word/")) {
        Some(FileKind::Docx)
    } else if names.iter().any(|n| n == "content.xml") {
        Some(FileKind::Ods)
    } else {
        None
    }
}

impl<'a> Archive<'a> {
    pub fn open(bytes: &'a [u8], limits: &Limits) -> Result<Self, FileError> {
        let mut zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| FileError::corrupt("zip directory", format!("not a readable zip container ({e})")))?;
        let mut declared: u64 = 0;
        for i in 0..zip.len() {
            let entry = zip.by_index_raw(i).map_err(|e| FileError::corrupt("zip directory", e))?;
            declared = declared.saturating_add(entry.size());
        }
        check_total(declared, bytes.len() as u64, limits, "zip directory")?;
        let budget = limits.max_uncompressed.min(limits.max_ratio.saturating_mul(bytes.len() as u64).max(RATIO_FLOOR));
        Ok(Archive { zip, budget })
    }

    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    pub fn names(&self) -> Vec<String> {
        self.zip.file_names().flatten().map(|n| n.into_owned()).collect()
    }

    /// A part unpacked whole, or `None` when the container has no such part.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, FileError> {
        let Some(index) = self.zip.index_for_name(name) else { return Ok(None) };
        let mut entry = self.zip.by_index(index).map_err(|e| open_error(name, e))?;
        let declared = entry.size();
        if declared > self.budget {
            return Err(too_big(name));
        }
        let cap = declared.min(self.budget);
        let mut out = Vec::with_capacity(usize::try_from(cap.min(64 << 20)).unwrap_or(0));
        (&mut entry).take(cap + 1).read_to_end(&mut out).map_err(|e| FileError::corrupt(name, e))?;
        if out.len() as u64 > cap {
            return Err(if out.len() as u64 > self.budget {
                too_big(name)
            } else {
                FileError::corrupt(name, "the part unpacks to more than its declared size")
            });
        }
        self.budget -= out.len() as u64;
        Ok(Some(out))
    }

    /// A part read as a stream by `f`, for parts too large to hold whole (a workbook's shared
    /// strings: 127 MiB unpacked for 500,000 distinct cells). The limits of [`Archive::read`]
    /// apply, counted as it is read; what `f` leaves unread is read and counted too.
    pub fn stream<R>(
        &mut self,
        name: &str,
        f: impl FnOnce(&mut dyn std::io::BufRead) -> Result<R, FileError>,
    ) -> Result<Option<R>, FileError> {
        let Some(index) = self.zip.index_for_name(name) else { return Ok(None) };
        let entry = self.zip.by_index(index).map_err(|e| open_error(name, e))?;
        let declared = entry.size();
        if declared > self.budget {
            return Err(too_big(name));
        }
        let cap = declared.min(self.budget);
        let mut input = std::io::BufReader::with_capacity(1 << 16, entry.take(cap + 1));
        let out = f(&mut input);
        std::io::copy(&mut input, &mut std::io::sink()).map_err(|e| FileError::corrupt(name, e))?;
        let read = cap + 1 - input.into_inner().limit();
        if read > cap {
            return Err(if read > self.budget {
                too_big(name)
            } else {
                FileError::corrupt(name, "the part unpacks to more than its declared size")
            });
        }
        self.budget -= read;
        out.map(Some)
    }
}

fn open_error(name: &str, e: zip::result::ZipError) -> FileError {
    let text = e.to_string();
    if text.to_ascii_lowercase().contains("password") {
        FileError::corrupt(name, "the part is encrypted")
    } else {
        FileError::corrupt(name, text)
    }
}

fn too_big(name: &str) -> FileError {
    FileError::limit(name, "the part unpacks past the limit on uncompressed size (a zip bomb?)")
}

/// Refuse a container whose parts declare more than the limits allow.
fn check_total(declared: u64, packed: u64, limits: &Limits, part: &str) -> Result<(), FileError> {
    if declared > limits.max_uncompressed {
        return Err(FileError::limit(
            part,
            format!(
                "the parts unpack to {declared} bytes, past the limit of {} (a zip bomb?)",
                limits.max_uncompressed
            ),
        ));
    }
    if declared > RATIO_FLOOR && declared / packed.max(1) > limits.max_ratio {
        return Err(FileError::limit(
            part,
            format!(
                "the parts unpack to {} times the file's size, past the limit of {} (a zip bomb?)",
                declared / packed.max(1),
                limits.max_ratio
            ),
        ));
    }
    Ok(())
}

/// Resolve a relationship target against the folder of the part that names it
/// (`xl/` + `worksheets/sheet1.xml`, `xl/worksheets/` + `../comments1.xml`, `/xl/x.xml`).
pub(crate) fn resolve_target(base_dir: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_owned();
    }
    let mut parts: Vec<&str> = base_dir.split('/').filter(|p| !p.is_empty()).collect();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::resolve_target;

    #[test]
    fn targets_resolve_like_opc() {
        assert_eq!(resolve_target("xl/", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
        assert_eq!(resolve_target("xl/worksheets/", "../comments1.xml"), "xl/comments1.xml");
        assert_eq!(resolve_target("xl/", "/xl/worksheets/sheet2.xml"), "xl/worksheets/sheet2.xml");
    }
}
