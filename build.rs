// The rule pack and its fixtures are embedded with include_dir, which cargo does not
// track on stable Rust: rebuild whenever they change.
fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=tests/fixtures/rules");
    println!("cargo:rerun-if-changed=authgate.template.toml");
}
