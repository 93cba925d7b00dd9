//! Runs the pure-Rust Chinese conversion crates yuedu considered on OpenCC's own test
//! cases (../../tests/data/opencc/testcases.json, the suite as ferrous-opencc ships it,
//! and upstream-newer.json, cases OpenCC added since, which no candidate ships) for the configurations yuedu shows:
//! s2t, s2tw, s2twp, s2hk, t2s, tw2s, hk2s. Prints the cases passed per crate and
//! configuration, and how long each took to load its dictionaries. `V=1` lists failures.
//!
//! zhconv has no s2twp/s2tw distinction (zh-TW is its Taiwan variant, phrases included)
//! and character_converter converts character by character, both ways only.

use std::time::Instant;

use ferrous_opencc::config::BuiltinConfig as B;

fn main() {
    for file in ["testcases.json", "upstream-newer.json"] {
        println!("{file}");
        compare(file);
    }
}

fn compare(file: &str) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/opencc/");
    let text = std::fs::read_to_string(format!("{dir}{file}")).expect("the OpenCC test cases");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let cfgs = ["s2t", "s2tw", "s2twp", "s2hk", "t2s", "tw2s", "hk2s"];

    let t = Instant::now();
    let fo: Vec<_> = [B::S2t, B::S2tw, B::S2twp, B::S2hk, B::T2s, B::Tw2s, B::Hk2s]
        .into_iter()
        .map(|c| ferrous_opencc::OpenCC::from_config(c).expect("built-in config"))
        .collect();
    let load_fo = t.elapsed();
    let t = Instant::now();
    let fm = opencc_fmmseg::OpenCC::new();
    let load_fm = t.elapsed();
    let t = Instant::now();
    let jb = opencc_jieba_rs::OpenCC::new();
    let load_jb = t.elapsed();
    let t = Instant::now();
    let _ = zhconv::zhconv("头发", zhconv::Variant::ZhHant);
    let load_zh = t.elapsed();
    let t = Instant::now();
    let _ = character_converter::simplified_to_traditional("头发");
    let load_cc = t.elapsed();

    let names = [
        "ferrous-opencc 0.4",
        "opencc-fmmseg 0.13",
        "opencc-jieba-rs 0.8",
        "zhconv 0.4 (+opencc)",
        "character_converter 2.1",
    ];
    let loads = [load_fo, load_fm, load_jb, load_zh, load_cc];
    let mut pass = vec![vec![0usize; cfgs.len()]; names.len()];
    let mut total = vec![0usize; cfgs.len()];
    for c in v["cases"].as_array().expect("cases") {
        let input = c["input"].as_str().expect("input");
        for (ci, cfg) in cfgs.iter().enumerate() {
            let Some(want) = c["expected"][cfg].as_str() else {
                continue;
            };
            total[ci] += 1;
            let zv = match *cfg {
                "s2t" => zhconv::Variant::ZhHant,
                "s2tw" | "s2twp" => zhconv::Variant::ZhTW,
                "s2hk" => zhconv::Variant::ZhHK,
                _ => zhconv::Variant::ZhHans,
            };
            let cc = if cfg.starts_with("s2") {
                character_converter::simplified_to_traditional(input).into_owned()
            } else {
                character_converter::traditional_to_simplified(input).into_owned()
            };
            let outs = [
                fo[ci].convert(input),
                fm.convert(input, cfg, false),
                jb.convert(input, cfg, false),
                zhconv::zhconv(input, zv),
                cc,
            ];
            for (ni, o) in outs.iter().enumerate() {
                if o == want {
                    pass[ni][ci] += 1;
                } else if std::env::var_os("V").is_some() {
                    eprintln!("{}: {cfg}: {input} → {o} (want {want})", names[ni]);
                }
            }
        }
    }
    let head: Vec<String> = cfgs.iter().zip(&total).map(|(c, t)| format!("{c}/{t}")).collect();
    println!("{:26} {}  all  load", "", head.join(" "));
    for (ni, n) in names.iter().enumerate() {
        let cells: Vec<String> = pass[ni]
            .iter()
            .zip(&head)
            .map(|(p, h)| format!("{p:>w$}", w = h.len()))
            .collect();
        let all: usize = pass[ni].iter().sum();
        println!("{n:26} {}  {all:>3}/{}  {:?}", cells.join(" "), total.iter().sum::<usize>(), loads[ni]);
    }
}
