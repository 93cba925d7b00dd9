//! Saved pages whose headline stands in an element its class names the title, in the
//! reader as a user sees it: the real binary in a pseudo-terminal, read back through
//! vt100.

mod pty;

use pty::Pty;

const NAV_WIDTH: u16 = 30;

#[test]
fn the_headline_from_a_title_element_heads_the_reader_and_its_subheads_are_sections() {
    let page = pty::data("formats/title-class-headline.html");
    let mut p = Pty::yuedu_showing(&[&page], 100, 30, "渔村小学的新操场");
    let nav: Vec<String> = p.rows_text(29, 0, NAV_WIDTH - 1);
    let joined = nav.iter().map(|l| l.trim()).collect::<Vec<_>>().join("\n");
    // Both bold subheads are sections; the first is not taken for the headline.
    assert!(joined.contains("跑道是我们自己画的"), "{joined}");
    assert!(joined.contains("第一次运动会"), "{joined}");
    // The text pane opens with the headline, not the site's name, and the headline is
    // not repeated as a paragraph.
    let text: Vec<String> = p.rows_text(29, NAV_WIDTH, 100);
    assert_eq!(text[0].trim(), "渔村小学的新操场", "{text:#?}");
    let screen = p.screen();
    assert_eq!(screen.matches("渔村小学的新操场").count(), 2, "{screen}");
    assert!(!text.iter().any(|l| l.trim() == "晨港周报"), "{text:#?}");
    p.quit();
}
