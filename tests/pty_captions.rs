//! A saved page's captions in the reader, as a user sees them: the real binary in a
//! pseudo-terminal, read back through vt100. The navigation pane lists each photo with
//! its credit; no screen reader's label, credit label alone or call to follow shows.

mod pty;

use pty::Pty;

#[test]
fn the_photos_are_listed_with_their_credits_and_no_label_shows() {
    let path = pty::data("formats/page-captions.html");
    let mut p = Pty::yuedu_showing(&[&path], 120, 40, "清晨五点");
    let screen = p.screen();
    // The caption under the photo, its credit beside it; the hidden label left out.
    assert!(
        screen.contains("▲ 渡船靠上对岸的码头。 图像来源，陈一帆"),
        "{screen}"
    );
    // A photo's credit alone, right after the marker.
    assert!(screen.contains("▲ 图片来源：示例晚报 许文静"), "{screen}");
    for never in ["图像加注文字", "扫码关注", "▲  "] {
        assert!(!screen.contains(never), "{never} on screen:\n{screen}");
    }
    // The navigation pane lists the credit alone after the marker.
    let nav = p.rows_text(39, 0, 29).join("\n");
    assert!(nav.contains("  ▲ 图片来源：示例晚报"), "{nav}");
    // `}` reaches the photos one by one: the one printed above its photo is one of them.
    p.send("}}}}}}");
    p.wait_for_status("caption ▶ 老周的工作日志。");
    let nav = p.rows_text(39, 0, 29).join("\n");
    assert!(nav.contains("▶ ▲ 老周的工作日志。"), "{nav}");
    p.quit();
}

#[test]
fn a_caption_credited_to_an_agency_shows_the_credit_apart_in_the_pane() {
    // （美联社照片）, （路透社） and （圖／林晚攝） are the captions' credits: shown set
    // apart from the caption's text by a space, as every credit is; an agency in
    // brackets inside a paragraph's sentence stays part of it.
    let path = pty::data("formats/agency-credits.html");
    let mut p = Pty::yuedu_showing(&[&path], 120, 40, "老码头的吊车");
    let screen = p.screen();
    for shown in [
        "▲ 吊车的钢臂在暮色里停在半空。 （美联社照片）",
        "▲ 新泊位上的集装箱堆成了小山。 （路透社）",
        "▲ 旧站房的木窗已经褪了色。 （圖／取自港務局）",
        "▲ 守夜人在吊车下巡查。 （圖／林晚攝）",
        "据新华社报道，类似的吊车在沿海还有十几台（路透社）。",
    ] {
        assert!(screen.contains(shown), "{shown:?} not on screen:\n{screen}");
    }
    p.quit();
}
