//! Command-line flags, parsed by hand.

/// Parsed command-line options.
#[derive(Debug, Clone)]
pub struct Args {
    /// Interface to bind (default `127.0.0.1`).
    pub host: String,
    /// Port to bind; 0 picks a free port (default 0).
    pub port: u16,
    /// The secret key clients must send as the Basic-auth user name (`--secret-key`, or
    /// the `OMISE_EMULATOR_SECRET_KEY` environment variable, which keeps it out of `ps`).
    pub secret_key: String,
    /// Seed for the deterministic data generator.
    pub seed: u64,
    /// Number of seeded disputes.
    pub disputes: usize,
    /// Minimum number of seeded transactions.
    pub transactions: usize,
    /// Other origins allowed to use the control API (repeatable `--control-origin`).
    pub control_origins: Vec<String>,
}

impl Default for Args {
    fn default() -> Self {
        Args {
            host: "127.0.0.1".into(),
            port: 0,
            secret_key: "skey_test_emulator".into(),
            seed: 1,
            disputes: 300,
            transactions: 1200,
            control_origins: Vec::new(),
        }
    }
}

/// Usage text printed for `--help` and on errors.
pub const USAGE: &str = "usage: omise-emulator [--host 127.0.0.1] [--port 0] [--secret-key KEY] \
[--seed N] [--disputes N] [--transactions N] [--control-origin http://127.0.0.1:PORT|*]... \
(the key may also come from OMISE_EMULATOR_SECRET_KEY)";

/// Maximum number of disputes or transactions accepted on the command line.
const MAX_RECORDS: usize = 1_000_000;

/// Parses flags (`--flag value` or `--flag=value`). `Err` carries a message; `Ok(None)` means help.
pub fn parse(argv: impl IntoIterator<Item = String>) -> Result<Option<Args>, String> {
    let mut args = Args::default();
    // From the environment, so that a real key need not appear on the command line.
    if let Some(key) = std::env::var("OMISE_EMULATOR_SECRET_KEY")
        .ok()
        .filter(|k| !k.is_empty())
    {
        args.secret_key = key;
    }
    let mut it = argv.into_iter();
    while let Some(arg) = it.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(None);
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (arg.clone(), None),
        };
        let mut value = || -> Result<String, String> {
            match &inline {
                Some(v) => Ok(v.clone()),
                None => it.next().ok_or_else(|| format!("{flag} needs a value")),
            }
        };
        match flag.as_str() {
            "--host" => args.host = value()?,
            "--port" => args.port = num(&flag, &value()?)?,
            "--secret-key" => {
                args.secret_key = value()?;
                if args.secret_key.is_empty() {
                    return Err("--secret-key must not be empty".into());
                }
            }
            "--seed" => args.seed = num(&flag, &value()?)?,
            "--disputes" => args.disputes = bounded(&flag, &value()?)?,
            "--transactions" => args.transactions = bounded(&flag, &value()?)?,
            "--control-origin" => {
                let origin = value()?;
                let wildcard = origin.strip_suffix('*');
                if !(origin.starts_with("http://") || origin.starts_with("https://"))
                    || origin.trim_end_matches('/').matches('/').count() != 2
                    || wildcard.is_some_and(|o| !o.ends_with(':'))
                    || origin.matches('*').count() > 1
                {
                    return Err(format!(
                        "--control-origin must be an origin such as http://127.0.0.1:8000 \
                         (or http://127.0.0.1:* for any port), not {origin:?}"
                    ));
                }
                args.control_origins
                    .push(origin.trim_end_matches('/').to_owned());
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Some(args))
}

fn num<T: std::str::FromStr>(flag: &str, v: &str) -> Result<T, String> {
    v.parse()
        .map_err(|_| format!("{flag}: invalid number {v:?}"))
}

fn bounded(flag: &str, v: &str) -> Result<usize, String> {
    let n: usize = num(flag, v)?;
    if n > MAX_RECORDS {
        return Err(format!("{flag}: at most {MAX_RECORDS}"));
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(v: &[&str]) -> Result<Option<Args>, String> {
        parse(v.iter().map(|s| s.to_string()))
    }

    #[test]
    fn parses_flags() {
        let a = p(&["--port", "8080", "--seed=7", "--disputes", "10000"])
            .ok()
            .flatten()
            .unwrap_or_default();
        assert_eq!((a.port, a.seed, a.disputes), (8080, 7, 10000));
        assert_eq!(a.secret_key, "skey_test_emulator");
        assert!(p(&["--bogus"]).is_err());
        assert!(p(&["--port"]).is_err());
        assert!(p(&["--port", "x"]).is_err());
        assert!(matches!(p(&["--help"]), Ok(None)));
    }
}
