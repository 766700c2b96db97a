//! Governed inline suppressions:
//! `authgate: allow(<rule-id>) owner=<who> reason="<why>" until=<YYYY-MM-DD>`
//! in a comment on the finding's line or the line above. A suppression without
//! owner, reason or a valid date, or past its date, suppresses nothing.

use time::Date;

pub const MARKER: &str = "authgate: allow(";

/// What may stand right before the marker: the comment syntaxes of the languages and
/// text formats authgate reads.
const COMMENT_LEADERS: &[&str] = &["#", "//", "/*", "--", "<!--", "*", ";"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// 1-based line of the comment.
    pub line: usize,
    pub rules: Vec<String>,
    pub owner: Option<String>,
    pub reason: Option<String>,
    pub until: Option<Date>,
    /// What is wrong with it, if anything (missing fields, bad date, unknown keys).
    pub problems: Vec<String>,
    /// The comment is alone on its line, so it may cover the line below.
    pub standalone: bool,
}

impl Suppression {
    /// Why this suppression does not suppress on `today`, or `None` when it does.
    pub fn defect(&self, today: Date) -> Option<String> {
        exception_defect(&self.problems, self.until, today)
    }

    /// Whether it sits on `line` or on the line above it.
    pub fn covers(&self, rule_id: &str, line: usize) -> bool {
        (line == self.line || (self.standalone && line == self.line + 1))
            && self.rules.iter().any(|r| r == rule_id)
    }
}

/// Why an exception (inline suppression or policy waiver) does not apply on `today`:
/// its problems, or its expiry. `None` when it applies.
pub fn exception_defect(problems: &[String], until: Option<Date>, today: Date) -> Option<String> {
    if !problems.is_empty() {
        return Some(problems.join("; "));
    }
    match until {
        Some(until) if until < today => Some(format!("expired on {until}")),
        _ => None,
    }
}

/// Finds every suppression comment in a file.
pub fn parse_suppressions(text: &str) -> Vec<Suppression> {
    if !text.contains(MARKER) {
        return vec![];
    }
    text.lines()
        .enumerate()
        .filter_map(|(idx, line)| {
            let start = line.find(MARKER)?;
            // Only in a comment: the marker follows a comment leader, so text in a
            // string literal (`msg = 'authgate: allow(...)'`) suppresses nothing.
            let before = line[..start].trim_end();
            let leader = COMMENT_LEADERS.iter().find(|l| before.ends_with(*l))?;
            let code = before[..before.len() - leader.len()].trim();
            let mut suppression = parse_one(&line[start + MARKER.len()..], idx + 1);
            suppression.standalone = code.is_empty();
            Some(suppression)
        })
        .collect()
}

fn parse_one(rest: &str, line: usize) -> Suppression {
    let mut problems = Vec::new();
    let (ids, tail) = match rest.find(')') {
        Some(close) => (&rest[..close], &rest[close + 1..]),
        None => {
            problems.push("missing `)` after the rule ids".to_string());
            (rest, "")
        }
    };
    let rules: Vec<String> = ids
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if rules.is_empty() {
        problems.push("names no rule id".to_string());
    }
    let mut owner = None;
    let mut reason = None;
    let mut until = None;
    for (key, value) in key_values(tail.trim().trim_end_matches("*/").trim_end_matches("-->")) {
        match key.as_str() {
            "owner" => owner = Some(value).filter(|v| !v.trim().is_empty()),
            "reason" => reason = Some(value).filter(|v| !v.trim().is_empty()),
            "until" => match parse_date(&value) {
                Ok(date) => until = Some(date),
                Err(e) => problems.push(format!("`until={value}`: {e}")),
            },
            other => problems.push(format!(
                "unknown key `{other}` (expected owner, reason, until)"
            )),
        }
    }
    for (name, missing) in [("owner", owner.is_none()), ("reason", reason.is_none())] {
        if missing {
            problems.push(format!("missing `{name}=`"));
        }
    }
    if until.is_none() && !problems.iter().any(|p| p.starts_with("`until=")) {
        problems.push("missing `until=YYYY-MM-DD`".to_string());
    }
    Suppression {
        line,
        rules,
        owner,
        reason,
        until,
        problems,
        standalone: false,
    }
}

/// `key=value` pairs; a value is a double-quoted string or runs to the next space.
fn key_values(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let Some(eq) = rest.find('=') else {
            break;
        };
        let key = rest[..eq].trim().to_string();
        let after = &rest[eq + 1..];
        let (value, remainder) = if let Some(quoted) = after.strip_prefix('"') {
            match quoted.find('"') {
                Some(end) => (quoted[..end].to_string(), &quoted[end + 1..]),
                None => (quoted.to_string(), ""),
            }
        } else {
            let end = after.find(char::is_whitespace).unwrap_or(after.len());
            (after[..end].to_string(), &after[end..])
        };
        out.push((key, value));
        rest = remainder.trim_start();
    }
    out
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text.trim(), &format).map_err(|_| "expected a date as YYYY-MM-DD".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_complete_suppression_is_valid_until_its_date() {
        let text = "x = 1\n# authgate: allow(a-rule, b-rule) owner=alice reason=\"legacy bridge\" until=2026-12-31\ny()";
        let found = parse_suppressions(text);
        assert_eq!(found.len(), 1);
        let s = &found[0];
        assert_eq!(s.line, 2);
        assert_eq!(s.rules, vec!["a-rule", "b-rule"]);
        assert_eq!(s.reason.as_deref(), Some("legacy bridge"));
        assert_eq!(s.defect(date!(2026 - 12 - 31)), None);
        assert_eq!(
            s.defect(date!(2027 - 01 - 01)).as_deref(),
            Some("expired on 2026-12-31")
        );
        assert!(s.covers("a-rule", 2) && s.covers("b-rule", 3));
        assert!(!s.covers("a-rule", 4) && !s.covers("a-rule", 1) && !s.covers("c-rule", 3));
    }

    #[test]
    fn missing_fields_and_bad_dates_are_defects() {
        let today = date!(2026 - 01 - 01);
        for (text, expected) in [
            (
                "// authgate: allow(r) reason=\"x\" until=2030-01-01",
                "missing `owner=`",
            ),
            (
                "// authgate: allow(r) owner=bob until=2030-01-01",
                "missing `reason=`",
            ),
            (
                "// authgate: allow(r) owner=bob reason=\"x\"",
                "missing `until=YYYY-MM-DD`",
            ),
            (
                "// authgate: allow(r) owner=bob reason=\"x\" until=2030-13-01",
                "`until=2030-13-01`",
            ),
            (
                "// authgate: allow() owner=bob reason=\"x\" until=2030-01-01",
                "names no rule id",
            ),
            (
                "/* authgate: allow(r) owner=bob reason=\"x\" until=2030-01-01 ttl=3 */",
                "unknown key `ttl`",
            ),
        ] {
            let s = &parse_suppressions(text)[0];
            let defect = s.defect(today).unwrap_or_default();
            assert!(defect.contains(expected), "{text}: {defect}");
        }
    }

    #[test]
    fn only_comments_suppress_and_trailing_ones_cover_their_own_line() {
        let ok = "owner=al reason=\"r\" until=2099-01-01";
        assert!(parse_suppressions(&format!("msg = 'authgate: allow(r) {ok}'")).is_empty());
        assert!(parse_suppressions(&format!("s := \"authgate: allow(r) {ok}\"")).is_empty());
        let trailing = &parse_suppressions(&format!("x = f()  # authgate: allow(r) {ok}"))[0];
        assert!(trailing.covers("r", 1) && !trailing.covers("r", 2));
        let standalone = &parse_suppressions(&format!("    // authgate: allow(r) {ok}"))[0];
        assert!(standalone.covers("r", 1) && standalone.covers("r", 2));
        let sql = &parse_suppressions(&format!("-- authgate: allow(r) {ok}"))[0];
        assert!(sql.standalone);
        let blank_owner =
            &parse_suppressions("# authgate: allow(r) owner=\" \" reason=\"r\" until=2099-01-01")
                [0];
        assert!(blank_owner.defect(date!(2026 - 01 - 01)).is_some());
    }

    #[test]
    fn block_comment_terminators_are_ignored() {
        let s = &parse_suppressions(
            "/* authgate: allow(r) owner=bob reason=\"x y\" until=2030-01-01 */",
        )[0];
        assert_eq!(s.defect(date!(2026 - 01 - 01)), None);
    }
}
