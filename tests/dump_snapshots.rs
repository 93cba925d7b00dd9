//! Reviewed snapshots of `yuedu dump` on the shipped article at 24, 40 and 80 columns.

use yuedu::commands::dump;
use yuedu::config::Config;
use yuedu::formats::text::parse;
use yuedu::input::source::SHIPPED_ARTICLE;

fn dump_at(width: usize) -> String {
    dump::to_text(
        &parse(SHIPPED_ARTICLE),
        &Config::defaults().layout_options(width),
    )
}

#[test]
fn dump_24() {
    insta::assert_snapshot!(dump_at(24));
}

#[test]
fn dump_40() {
    insta::assert_snapshot!(dump_at(40));
}

#[test]
fn dump_80() {
    insta::assert_snapshot!(dump_at(80));
}
