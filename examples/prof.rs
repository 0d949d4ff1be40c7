//! Profiling aid: checks one file 200 times (`cargo run --release --example prof FILE` under perf).

fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    for _ in 0..200 {
        std::hint::black_box(budget_check::check(&text, Default::default()));
    }
}
