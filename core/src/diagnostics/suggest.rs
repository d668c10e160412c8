//! "did you mean …?": the nearest known name to a misspelt one, for messages about unknown
//! codes, kinds, channels and the like.

/// Edit distance (Levenshtein) over Unicode scalars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The candidate nearest to `word`, when it is near enough to be a likely misspelling: at most a
/// third of the word's length away (at least one edit), or one that starts with the word.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        // A word that begins the name, or is one of its `_`-separated parts (`gazette` in
        // `government_gazette`), counts as one edit away.
        let part = !word.is_empty() && (c.starts_with(word) || c.split('_').any(|p| p == word));
        let d = if part { 1 } else { edit_distance(word, c) };
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_misspelt_name() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(
            nearest("gazette", ["government_website", "gazette_official", "newspaper"]),
            Some("gazette_official")
        );
        assert_eq!(nearest("resident_idd", ["resident_id", "mobile"]), Some("resident_id"));
        assert_eq!(nearest("zzz", ["resident_id", "mobile"]), None);
    }
}
