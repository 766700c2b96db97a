use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = authgate::cli::Cli::parse();
    match authgate::cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            // A closed stdout (`authgate scan | head`) is not an error.
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::from(authgate::cli::EXIT_OK);
            }
            eprintln!("error: {err:#}");
            ExitCode::from(authgate::cli::EXIT_ERROR)
        }
    }
}
