//! Reading a published copy of the minutes back: which meeting it is, and the seal it
//! was printed with, so `verify` can hold it against the board file.

/// What a published copy of the minutes says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedMinutes {
    /// "Minutes of meeting N".
    pub meeting: Option<u32>,
    /// The whole seal printed at the end of approved minutes (`sha256:` and 64 hex digits).
    pub seal: Option<String>,
}

/// How much text a PDF may decompress to before it is taken for something other than
/// minutes: a decompression bomb must not exhaust memory.
const MOST_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// Reads the meeting number and seal from a PDF's text.
pub fn published_minutes(pdf: &[u8]) -> Result<PublishedMinutes, String> {
    let document = lopdf::Document::load_mem(pdf).map_err(|e| format!("not a readable PDF ({e})"))?;
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document
        .extract_text_with_limit(&pages, MOST_TEXT_BYTES)
        .map_err(|e| format!("its text cannot be read ({e})"))?;
    Ok(from_text(&text))
}

fn from_text(text: &str) -> PublishedMinutes {
    let meeting = text.split("Minutes of meeting ").skip(1).find_map(|rest| {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    });
    // The whole seal, not the short form in the footers.
    let seal = text.match_indices("sha256:").find_map(|(at, prefix)| {
        let hex: String = text[at + prefix.len()..].chars().take_while(char::is_ascii_hexdigit).collect();
        (hex.len() == 64).then(|| format!("sha256:{hex}"))
    });
    PublishedMinutes { meeting, seal }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_seal_is_read_and_the_short_one_passed_over() {
        let hex = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        let text = format!("Minutes of meeting 3\nApproved · seal sha256:9f86d081884c\nSeal: sha256:{hex}\n");
        assert_eq!(from_text(&text), PublishedMinutes { meeting: Some(3), seal: Some(format!("sha256:{hex}")) });
        assert_eq!(from_text("DRAFT Minutes of meeting 12"), PublishedMinutes { meeting: Some(12), seal: None });
    }
}
