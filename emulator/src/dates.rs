//! Small UTC date helpers: civil-calendar conversion, ISO 8601 parsing and formatting.
//!
//! Timestamps are whole seconds since the Unix epoch (`i64`).

use std::time::{SystemTime, UNIX_EPOCH};

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let d = i64::from(d);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `(year, month, day)` of a day number since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Formats a timestamp as `YYYY-MM-DDThh:mm:ssZ`.
pub fn format_ts(ts: i64) -> String {
    let days = ts.div_euclid(86_400);
    let secs = ts.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        (secs / 60) % 60,
        secs % 60
    )
}

/// The current time in whole seconds since the epoch.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

fn digits(s: &[u8], start: usize, len: usize) -> Option<u32> {
    let part = s.get(start..start + len)?;
    let mut v = 0u32;
    for &c in part {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + u32::from(c - b'0');
    }
    Some(v)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// Parses an ISO 8601 date or datetime into a timestamp.
///
/// Accepts `YYYY-MM-DD`, `YYYY-MM-DDThh:mm[:ss[.fff]]` followed by nothing (UTC), `Z`,
/// `±hh:mm`, `±hhmm` or `±hh`. A space instead of `+` is accepted in the offset because
/// an unencoded `+` in a query string decodes to a space. Fractions are truncated.
pub fn parse_datetime(input: &str) -> Option<i64> {
    let s = input.trim_start().as_bytes();
    let y = digits(s, 0, 4)?;
    if s.get(4) != Some(&b'-') || s.get(7) != Some(&b'-') {
        return None;
    }
    let mo = digits(s, 5, 2)?;
    let d = digits(s, 8, 2)?;
    if !(1..=12).contains(&mo) || d == 0 || d > days_in_month(i64::from(y), mo) {
        return None;
    }
    let date = days_from_civil(i64::from(y), mo, d) * 86_400;
    if s.len() == 10 {
        return Some(date);
    }
    if !matches!(s.get(10), Some(b'T') | Some(b't') | Some(b' ')) {
        return None;
    }
    let h = digits(s, 11, 2)?;
    if s.get(13) != Some(&b':') {
        return None;
    }
    let mi = digits(s, 14, 2)?;
    let mut i = 16;
    let mut sec = 0;
    if s.get(i) == Some(&b':') {
        sec = digits(s, 17, 2)?;
        i = 19;
        if matches!(s.get(i), Some(b'.') | Some(b',')) {
            i += 1;
            let start = i;
            while s.get(i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
            if i == start {
                return None;
            }
        }
    }
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let local = date + i64::from(h * 3600 + mi * 60 + sec);
    let rest = &s[i..];
    let offset = match rest {
        [] | [b'Z'] | [b'z'] => 0,
        [sign, tail @ ..] if matches!(sign, b'+' | b'-' | b' ') => {
            let (oh, om) = match tail.len() {
                2 => (digits(tail, 0, 2)?, 0),
                4 => (digits(tail, 0, 2)?, digits(tail, 2, 2)?),
                5 if tail[2] == b':' => (digits(tail, 0, 2)?, digits(tail, 3, 2)?),
                _ => return None,
            };
            if oh > 23 || om > 59 {
                return None;
            }
            let off = i64::from(oh * 3600 + om * 60);
            if *sign == b'-' {
                -off
            } else {
                off
            }
        }
        _ => return None,
    };
    Some(local - offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let ts = parse_datetime("2019-05-29T12:34:56Z").unwrap_or_default();
        assert_eq!(format_ts(ts), "2019-05-29T12:34:56Z");
        assert_eq!(format_ts(0), "1970-01-01T00:00:00Z");
        assert_eq!(parse_datetime("1970-01-01"), Some(0));
    }

    #[test]
    fn offsets_and_fractions() {
        let base = parse_datetime("2019-05-29T00:00:00Z");
        assert_eq!(parse_datetime("2019-05-29T07:00:00+07:00"), base);
        assert_eq!(parse_datetime("2019-05-29T07:00:00 07:00"), base);
        assert_eq!(parse_datetime("2019-05-28T19:00:00-0500"), base);
        assert_eq!(parse_datetime("2019-05-29T00:00:00.123456Z"), base);
        assert_eq!(parse_datetime("2019-05-29T00:00Z"), base);
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "",
            "yesterday",
            "2019-13-01",
            "2019-02-30",
            "2019-05-29T25:00:00Z",
            "2019-05-29Tx",
        ] {
            assert_eq!(parse_datetime(bad), None, "{bad}");
        }
    }
}
