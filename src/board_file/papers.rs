//! Papers laid before the board: PDFs kept beside the board file, under `papers/m<N>/`,
//! so the board and its papers travel together. A paper is read before it is brought in:
//! one that is not a PDF, is encrypted or has no pages is refused with the reason.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The largest paper read: a report of several hundred pages is a few tens of megabytes.
pub const MOST_PAPER_BYTES: u64 = 200 * 1024 * 1024;

/// A paper in the board's folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Brought {
    /// Its path relative to the board's folder, with `/` between folders.
    pub file: String,
    pub pages: usize,
}

/// How many pages the PDF at `path` has, or why it cannot be laid before the board.
pub fn paper_pages(path: &Path) -> Result<usize, String> {
    let size = std::fs::metadata(path).map_err(|e| format!("{} cannot be read: {e}", path.display()))?.len();
    if size > MOST_PAPER_BYTES {
        return Err(format!(
            "{} is {} MB: papers of up to {} MB are read",
            path.display(),
            size >> 20,
            MOST_PAPER_BYTES >> 20
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{} cannot be read: {e}", path.display()))?;
    pdf_pages(&bytes).map_err(|why| format!("{} {why}", path.display()))
}

/// How many pages a PDF has, or why it is not one the board can read.
pub fn pdf_pages(bytes: &[u8]) -> Result<usize, String> {
    if !bytes.starts_with(b"%PDF") {
        return Err("is not a PDF".into());
    }
    let document = lopdf::Document::load_mem(bytes).map_err(|e| format!("is a damaged PDF ({e})"))?;
    if document.is_encrypted() {
        return Err("is encrypted: save a copy without a password and attach that".into());
    }
    match document.get_pages().len() {
        0 => Err("has no pages".into()),
        n => Ok(n),
    }
}

/// Brings the PDF at `source` into the board's folder for meeting `meeting`: copied into
/// `papers/m<N>/` (beside any paper of the same name, never over it), unless it is in the
/// board's folder already.
pub fn bring_paper(board: &Path, meeting: u32, source: &Path) -> Result<Brought, String> {
    let pages = paper_pages(source)?;
    let folder = board.parent().filter(|f| !f.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let folder = folder.canonicalize().map_err(|e| format!("{}: {e}", folder.display()))?;
    let source_real = source.canonicalize().map_err(|e| format!("{}: {e}", source.display()))?;
    if let Ok(inside) = source_real.strip_prefix(&folder) {
        return Ok(Brought { file: relative(inside), pages });
    }
    let into = PathBuf::from("papers").join(format!("m{meeting}"));
    std::fs::create_dir_all(folder.join(&into)).map_err(|e| format!("{}: {e}", folder.join(&into).display()))?;
    let bytes = std::fs::read(source).map_err(|e| format!("{}: {e}", source.display()))?;
    let name = source.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "paper".into());
    for n in 1.. {
        let file = into.join(if n == 1 { format!("{name}.pdf") } else { format!("{name}-{n}.pdf") });
        let target = folder.join(&file);
        if std::fs::read(&target).is_ok_and(|there| there == bytes) {
            // The same paper brought in again.
            return Ok(Brought { file: relative(&file), pages });
        }
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&target) {
            Ok(mut out) => {
                out.write_all(&bytes)
                    .and_then(|()| out.sync_all())
                    .map_err(|e| format!("{}: {e}", target.display()))?;
                return Ok(Brought { file: relative(&file), pages });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(format!("{}: {e}", target.display())),
        }
    }
    unreachable!("some name is free")
}

/// A path inside the board's folder as the board file writes it: `/` between folders.
fn relative(path: &Path) -> String {
    path.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF of `pages` blank A4 pages.
    pub fn blank_pdf(pages: usize) -> Vec<u8> {
        use lopdf::{Document, Object, dictionary};
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let kids: Vec<Object> = (0..pages)
            .map(|_| {
                let page = dictionary! {
                    "Type" => "Page",
                    "Parent" => pages_id,
                    "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                };
                doc.add_object(page).into()
            })
            .collect();
        let count = pages as i64;
        doc.objects
            .insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }));
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    fn minimal_pdf() -> Vec<u8> {
        blank_pdf(1)
    }

    #[test]
    fn a_paper_is_copied_beside_the_board_once_and_never_over_another() {
        let folder = std::env::temp_dir().join(format!("ib-papers-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(folder.join("elsewhere")).unwrap();
        let board = folder.join("board").join("board.ron");
        std::fs::create_dir_all(board.parent().unwrap()).unwrap();
        let source = folder.join("elsewhere/Report to the board.pdf");
        std::fs::write(&source, minimal_pdf()).unwrap();
        let brought = bring_paper(&board, 6, &source).unwrap();
        assert_eq!(brought, Brought { file: "papers/m6/Report to the board.pdf".into(), pages: 1 });
        assert_eq!(bring_paper(&board, 6, &source).unwrap().file, brought.file, "the same paper again");
        // Another paper of the same name goes beside it.
        let mut other = minimal_pdf();
        other.extend_from_slice(b"% another\n");
        std::fs::write(&source, other).unwrap();
        assert_eq!(bring_paper(&board, 6, &source).unwrap().file, "papers/m6/Report to the board-2.pdf");
        // One already in the board's folder stays where it is.
        let inside = board.parent().unwrap().join("papers/m6/Report to the board.pdf");
        assert_eq!(bring_paper(&board, 7, &inside).unwrap().file, "papers/m6/Report to the board.pdf");
        let _ = std::fs::remove_dir_all(&folder);
    }

    #[test]
    fn a_paper_that_is_not_a_readable_pdf_is_refused_saying_why() {
        use lopdf::dictionary;
        assert_eq!(pdf_pages(b"PK\x03\x04 a spreadsheet"), Err("is not a PDF".into()));
        assert!(pdf_pages(b"%PDF-1.4\n garbage").unwrap_err().starts_with("is a damaged PDF"));
        assert_eq!(pdf_pages(&blank_pdf(0)), Err("has no pages".into()));
        // A password-protected PDF (a standard security handler in its trailer).
        let mut locked = lopdf::Document::load_mem(&blank_pdf(2)).unwrap();
        let encrypt = locked.add_object(dictionary! {
            "Filter" => "Standard",
            "V" => 2,
            "R" => 3,
            "Length" => 128,
            "O" => lopdf::Object::string_literal(vec![0u8; 32]),
            "U" => lopdf::Object::string_literal(vec![0u8; 32]),
            "P" => -4,
        });
        locked.trailer.set("Encrypt", encrypt);
        locked.trailer.set(
            "ID",
            vec![lopdf::Object::string_literal(vec![1u8; 16]), lopdf::Object::string_literal(vec![1u8; 16])],
        );
        let mut bytes = Vec::new();
        locked.save_to(&mut bytes).unwrap();
        let refused = pdf_pages(&bytes).unwrap_err();
        assert!(refused.contains("encrypted"), "{refused}");
        assert_eq!(pdf_pages(&blank_pdf(3)), Ok(3));
    }
}
