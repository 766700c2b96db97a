//! Durations and numbers from resolved values, for `policy` conditions: token
//! lifetimes compared with `max-*-ttl`, hashing costs with `min-*`.
//!
//! Understood: numeric literals (`600_000`, `1 << 17`, `2**17`), products of numbers
//! and Go time constants (`30 * 24 * time.Hour`, `60 * 60 * 24`), duration strings in
//! the `ms` library's format that jsonwebtoken uses (`"30d"`, `"2 days"`, `"15m"`),
//! Python `timedelta(days=30, hours=1)`, Java `Duration.ofDays(30)` and
//! `TimeUnit.DAYS.toSeconds(30)`. Anything else is undecided.

use regex::Regex;
use serde::Deserialize;
use std::sync::OnceLock;

/// What a bare number means where the value is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum DurationUnit {
    /// Numbers are seconds (PyJWT, golang-jwt `NumericDate`, most settings).
    #[default]
    Seconds,
    /// Numbers are milliseconds.
    Milliseconds,
    /// jsonwebtoken's `expiresIn`: a number is seconds, a numeric *string* milliseconds.
    Jsonwebtoken,
}

/// Seconds a value stands for. `is_string` tells whether the value was a string literal.
pub fn duration_secs(value: &str, is_string: bool, unit: DurationUnit) -> Option<f64> {
    let value = value.trim();
    if is_string {
        return ms_format(value, unit);
    }
    if let Some(secs) = timedelta(value).or_else(|| java_duration(value)) {
        return Some(secs);
    }
    if let Some(secs) = iso8601(value) {
        return Some(secs);
    }
    let Some((number, has_time_constant)) = product(value) else {
        // Configuration files write durations unquoted: `30d`, `15m`.
        return ms_format(value, unit);
    };
    if has_time_constant {
        return Some(number);
    }
    Some(match unit {
        DurationUnit::Seconds | DurationUnit::Jsonwebtoken => number,
        DurationUnit::Milliseconds => number / 1000.0,
    })
}

/// A plain number: `12`, `600_000`, `1 << 17`, `2**17`, `10 * 1000`.
pub fn number(value: &str) -> Option<f64> {
    let value = value.trim();
    if let Some((base, shift)) = value.split_once("<<") {
        return Some(number(base)? * 2f64.powf(number(shift)?));
    }
    if let Some((base, exp)) = value.split_once("**") {
        return Some(number(base)?.powf(number(exp)?));
    }
    match product(value)? {
        (n, false) => Some(n),
        (_, true) => None,
    }
}

/// A product of numeric factors and Go time constants; the flag says whether a time
/// constant made the result seconds already.
fn product(value: &str) -> Option<(f64, bool)> {
    let mut total = 1.0;
    let mut has_time = false;
    for factor in value.split('*') {
        let factor = factor
            .trim()
            .trim_start_matches('(')
            .trim_end_matches(')')
            .trim();
        let go_time = match factor {
            "time.Nanosecond" => Some(1e-9),
            "time.Microsecond" => Some(1e-6),
            "time.Millisecond" => Some(1e-3),
            "time.Second" => Some(1.0),
            "time.Minute" => Some(60.0),
            "time.Hour" => Some(3600.0),
            _ => None,
        };
        if let Some(secs) = go_time {
            total *= secs;
            has_time = true;
            continue;
        }
        let inner = factor
            .strip_prefix("time.Duration(")
            .map(|f| f.trim_end_matches(')'))
            .unwrap_or(factor);
        let cleaned: String = inner.chars().filter(|c| *c != '_').collect();
        let cleaned = cleaned.trim_end_matches(['L', 'l']);
        total *= cleaned.parse::<f64>().ok()?;
    }
    Some((total, has_time))
}

/// The `ms` library's format: a number with an optional unit; no unit means
/// milliseconds for jsonwebtoken and the given unit otherwise.
fn ms_format(value: &str, unit: DurationUnit) -> Option<f64> {
    static FORMAT: OnceLock<Regex> = OnceLock::new();
    let format = FORMAT.get_or_init(|| {
        Regex::new(r"(?i)^(-?\d+(?:\.\d+)?)\s*(ms|msecs?|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|y|yrs?|years?)?$")
            .expect("valid pattern")
    });
    let captures = format.captures(value)?;
    let n: f64 = captures[1].parse().ok()?;
    let factor = match captures.get(2).map(|m| m.as_str().to_ascii_lowercase()) {
        None => match unit {
            DurationUnit::Seconds => 1.0,
            DurationUnit::Milliseconds | DurationUnit::Jsonwebtoken => 0.001,
        },
        Some(u) => match u.as_str() {
            "ms" | "msec" | "msecs" | "millisecond" | "milliseconds" => 0.001,
            "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
            "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
            "h" | "hr" | "hrs" | "hour" | "hours" => 3600.0,
            "d" | "day" | "days" => 86_400.0,
            "w" | "week" | "weeks" => 604_800.0,
            _ => 31_557_600.0,
        },
    };
    Some(n * factor)
}

/// ISO-8601 durations as Spring and Java write them: `PT15M`, `P30D`, `P1DT12H`.
fn iso8601(value: &str) -> Option<f64> {
    static FORMAT: OnceLock<Regex> = OnceLock::new();
    let format = FORMAT.get_or_init(|| {
        Regex::new(
            r"(?i)^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$",
        )
        .expect("valid pattern")
    });
    let captures = format.captures(value)?;
    if value.len() <= 2 {
        return None;
    }
    let part = |i: usize, factor: f64| -> f64 {
        captures
            .get(i)
            .and_then(|m| m.as_str().parse::<f64>().ok())
            .map_or(0.0, |n| n * factor)
    };
    Some(part(1, 604_800.0) + part(2, 86_400.0) + part(3, 3600.0) + part(4, 60.0) + part(5, 1.0))
}

fn timedelta(value: &str) -> Option<f64> {
    static CALL: OnceLock<Regex> = OnceLock::new();
    let call = CALL
        .get_or_init(|| Regex::new(r"^(?:datetime\.)?timedelta\((.*)\)$").expect("valid pattern"));
    let args = call.captures(value)?.get(1)?.as_str();
    let mut total = 0.0;
    for arg in args.split(',').map(str::trim).filter(|a| !a.is_empty()) {
        let (name, amount) = arg.split_once('=')?;
        let amount = number(amount)?;
        total += amount
            * match name.trim() {
                "weeks" => 604_800.0,
                "days" => 86_400.0,
                "hours" => 3600.0,
                "minutes" => 60.0,
                "seconds" => 1.0,
                "milliseconds" => 0.001,
                "microseconds" => 1e-6,
                _ => return None,
            };
    }
    Some(total)
}

fn java_duration(value: &str) -> Option<f64> {
    static CALL: OnceLock<Regex> = OnceLock::new();
    let call = CALL.get_or_init(|| {
        Regex::new(r"^(?:java\.time\.)?(?:Duration\.of(Days|Hours|Minutes|Seconds|Millis)|TimeUnit\.(DAYS|HOURS|MINUTES|SECONDS)\.to(?:Seconds|Millis))\(([^()]*)\)$")
            .expect("valid pattern")
    });
    let captures = call.captures(value.trim())?;
    let amount = number(&captures[3])?;
    let unit = captures
        .get(1)
        .or_else(|| captures.get(2))?
        .as_str()
        .to_ascii_lowercase();
    let factor = match unit.as_str() {
        "days" => 86_400.0,
        "hours" => 3600.0,
        "minutes" => 60.0,
        "seconds" => 1.0,
        _ => 0.001,
    };
    Some(amount * factor)
}

/// Seconds written for people: `30 days`, `2 hours`, `90 s`.
pub fn human_duration(secs: f64) -> String {
    for (unit, size) in [("day", 86_400.0), ("hour", 3600.0), ("minute", 60.0)] {
        if secs >= size && (secs / size).fract() == 0.0 {
            let n = secs / size;
            return format!("{n} {unit}{}", if n == 1.0 { "" } else { "s" });
        }
    }
    format!("{secs} s")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        let s = DurationUnit::Seconds;
        let jwt = DurationUnit::Jsonwebtoken;
        assert_eq!(duration_secs("30d", true, jwt), Some(2_592_000.0));
        assert_eq!(duration_secs("2 days", true, jwt), Some(172_800.0));
        assert_eq!(
            duration_secs("60", true, jwt),
            Some(0.06),
            "a numeric string is milliseconds for jsonwebtoken"
        );
        assert_eq!(
            duration_secs("60", false, jwt),
            Some(60.0),
            "a number is seconds for jsonwebtoken"
        );
        assert_eq!(
            duration_secs("60 * 60 * 24 * 30", false, s),
            Some(2_592_000.0)
        );
        assert_eq!(
            duration_secs("30 * 24 * time.Hour", false, s),
            Some(2_592_000.0)
        );
        assert_eq!(
            duration_secs("time.Duration(15) * time.Minute", false, s),
            Some(900.0)
        );
        assert_eq!(
            duration_secs("timedelta(days=30, hours=1)", false, s),
            Some(2_595_600.0)
        );
        assert_eq!(
            duration_secs("datetime.timedelta(minutes=15)", false, s),
            Some(900.0)
        );
        assert_eq!(
            duration_secs("Duration.ofDays(30)", false, s),
            Some(2_592_000.0)
        );
        assert_eq!(
            duration_secs("TimeUnit.HOURS.toMillis(2)", false, s),
            Some(7200.0)
        );
        assert_eq!(
            duration_secs("3600000", false, DurationUnit::Milliseconds),
            Some(3600.0)
        );
        assert_eq!(duration_secs("config.ttl", false, s), None);
        assert_eq!(duration_secs("timedelta(days=n)", false, s), None);
    }

    #[test]
    fn numbers() {
        assert_eq!(number("600_000"), Some(600_000.0));
        assert_eq!(number("1 << 17"), Some(131_072.0));
        assert_eq!(number("2**14"), Some(16_384.0));
        assert_eq!(number("10 * 1000"), Some(10_000.0));
        assert_eq!(number("rounds"), None);
    }

    #[test]
    fn human() {
        assert_eq!(human_duration(2_592_000.0), "30 days");
        assert_eq!(human_duration(3600.0), "1 hour");
        assert_eq!(human_duration(90.0), "90 s");
    }
}
