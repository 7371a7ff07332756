//! `omise-emulator`: a local, stateful stand-in for api.omise.co (disputes, documents,
//! transactions) with a control API for tests (reset, request log, fault injection).

mod app;
mod args;
mod control;
mod dates;
mod error;
mod faults;
mod routes;
mod seed;
mod server;
mod state;

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpSocket};

use crate::app::App;
use crate::seed::SeedConfig;

fn bind(host: &str, port: u16) -> std::io::Result<TcpListener> {
    let ip: IpAddr = if host == "localhost" {
        IpAddr::from([127, 0, 0, 1])
    } else {
        host.parse().map_err(|_| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("invalid host {host}"),
            )
        })?
    };
    let addr = SocketAddr::new(ip, port);
    let socket = if ip.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(4096)
}

async fn serve(listener: TcpListener, app: Arc<App>) {
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(c) => c,
            Err(_) => {
                // e.g. too many open files: back off briefly instead of spinning.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        tokio::spawn(async move {
            let svc = service_fn(move |req| server::handle(app.clone(), req));
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                // A client that never finishes its headers is dropped.
                .header_read_timeout(server::HEADER_READ_TIMEOUT)
                .keep_alive(true)
                .serve_connection(TokioIo::new(stream), svc)
                .await;
        });
    }
}

/// Registers SIGTERM/SIGINT handlers now (so a signal right after start-up is caught) and
/// returns a future that resolves when one arrives.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let term = signal(SignalKind::terminate()).ok();
        let int = signal(SignalKind::interrupt()).ok();
        async move {
            match (term, int) {
                (Some(mut t), Some(mut i)) => {
                    tokio::select! {
                        _ = t.recv() => {},
                        _ = i.recv() => {},
                    }
                }
                _ => {
                    let _ = tokio::signal::ctrl_c().await;
                }
            }
        }
    }
    #[cfg(not(unix))]
    {
        async {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

#[tokio::main]
async fn main() {
    let args = match args::parse(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            println!("{}", args::USAGE);
            return;
        }
        Err(e) => {
            eprintln!("omise-emulator: {e}\n{}", args::USAGE);
            std::process::exit(2);
        }
    };
    let listener = match bind(&args.host, args.port) {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "omise-emulator: cannot listen on {}:{}: {e}",
                args.host, args.port
            );
            std::process::exit(1);
        }
    };
    let local = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("omise-emulator: {e}");
            std::process::exit(1);
        }
    };
    let shown_ip = if local.ip().is_unspecified() {
        IpAddr::from([127, 0, 0, 1])
    } else {
        local.ip()
    };
    let base_url = format!("http://{}", SocketAddr::new(shown_ip, local.port()));
    let seed = SeedConfig {
        seed: args.seed,
        disputes: args.disputes,
        transactions: args.transactions,
    };
    let mut app = App::new(seed, args.secret_key.clone(), base_url.clone());
    app.control_origins = args.control_origins.clone();
    let app = Arc::new(app);
    let shutdown = shutdown_signal();
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{base_url}");
        let _ = out.flush();
    }
    tokio::select! {
        _ = serve(listener, app) => {},
        _ = shutdown => {},
    }
}
