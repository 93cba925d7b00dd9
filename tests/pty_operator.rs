//! What operators rely on, in a pseudo-terminal: the reader reopens where it was left and
//! follows the file when someone edits it.

mod pty;

use std::time::Duration;

use pty::{Pty, command, yuedu_bin};

const SHIPPED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/articles/yuyao-yangtze-delta.txt"
);

fn copy_of_article(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("feature.txt");
    std::fs::copy(SHIPPED, &path).expect("copy");
    path
}

fn reader(path: &std::path::Path, state: &std::path::Path, extra_env: &[(&str, &str)]) -> Pty {
    let mut cmd = command(yuedu_bin(), &[path.to_str().expect("path")]);
    cmd.env("XDG_STATE_HOME", state);
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    Pty::spawn_showing(cmd, 100, 30, "区域共绘民生“幸福圈”")
}

fn top_of_text_pane(p: &Pty) -> String {
    p.row_text(0, 30, 100)
}

#[test]
fn the_reader_reopens_where_it_was_left() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = copy_of_article(&dir);
    let state = dir.path().join("state");
    let mut p = reader(&path, &state, &[]);
    p.send("]]");
    p.wait_for_in_row(0, 30, 100, "“大平台”推动强链补链");
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
    assert!(
        state.join("yuedu").is_dir(),
        "positions saved under $XDG_STATE_HOME/yuedu"
    );

    let p = reader(&path, &state, &[]);
    assert!(
        top_of_text_pane(&p).contains("“大平台”推动强链补链"),
        "{}",
        p.screen()
    );
    assert!(p.row_text(29, 0, 100).contains("resumed"), "{}", p.screen());

    // A changed file starts from the top.
    drop(p);
    std::fs::write(
        &path,
        std::fs::read_to_string(SHIPPED).expect("read") + "\n新加的一段。\n",
    )
    .expect("write");
    let p = reader(&path, &state, &[]);
    assert!(
        top_of_text_pane(&p).contains("长三 谱写长三角一体化新篇章"),
        "{}",
        p.screen()
    );
}

#[test]
fn resume_can_be_turned_off_and_an_unwritable_state_directory_is_only_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = copy_of_article(&dir);
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[reader]\nresume = false\n").expect("config");
    let state = dir.path().join("state");
    let config_env = [("YUEDU_CONFIG", config.to_str().expect("path"))];
    let mut p = reader(&path, &state, &config_env);
    p.send("]]q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
    assert!(!state.join("yuedu").exists(), "nothing saved");

    // A state "directory" that is a file: the reader works and warns when it quits.
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "not a directory").expect("write");
    let script = format!("{} {}; echo \"exit=$?\"", yuedu_bin(), path.display());
    let mut cmd = command("/bin/sh", &["-c", &script]);
    cmd.env("XDG_STATE_HOME", &blocker);
    let mut p = Pty::spawn(cmd, 100, 30);
    p.wait_for_text("区域共绘民生“幸福圈”");
    p.send("]q");
    p.wait_for_text("exit=0");
    assert!(
        p.screen()
            .contains("warning: cannot save the reading position"),
        "{}",
        p.screen()
    );
}

#[test]
fn an_edited_file_is_reloaded_keeping_the_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = copy_of_article(&dir);
    let mut p = reader(&path, &dir.path().join("state"), &[]);
    p.send("]]");
    p.wait_for_in_row(0, 30, 100, "“大平台”推动强链补链");

    // Someone inserts a paragraph near the top and saves by writing a new file and
    // renaming it over the old one, as editors do.
    let text = std::fs::read_to_string(&path).expect("read");
    let edited = text.replacen("今年,长三角", "编者按:本文有更新。\n\n今年,长三角", 1);
    let tmp = dir.path().join(".feature.txt.swp");
    std::fs::write(&tmp, &edited).expect("write");
    std::fs::rename(&tmp, &path).expect("rename");
    p.wait_for_status("reloaded");
    assert!(
        top_of_text_pane(&p).contains("“大平台”推动强链补链"),
        "place kept:\n{}",
        p.screen()
    );
    p.send("g");
    p.wait_for_text("编者按:本文有更新。");

    // r reloads by hand.
    p.send("r");
    p.wait_for_status("reloaded");
}

#[test]
fn polling_picks_up_changes_where_notifications_are_off() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = copy_of_article(&dir);
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[reader]\nwatch = \"poll\"\n").expect("config");
    let p = reader(
        &path,
        &dir.path().join("state"),
        &[("YUEDU_CONFIG", config.to_str().expect("path"))],
    );
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replacen("长三 谱写", "长三角 谱写", 1)).expect("write");
    p.wait_for("polled reload", |s| {
        s.contents().contains("长三角 谱写长三角一体化新篇章")
    });
}

#[test]
fn a_folder_opens_as_a_library_with_filter_open_and_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lib = dir.path().join("lib");
    std::fs::create_dir(&lib).expect("mkdir");
    std::fs::copy(SHIPPED, lib.join("yuyao.txt")).expect("copy");
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    std::fs::copy(format!("{data}/other-feature.txt"), lib.join("guzhen.txt")).expect("copy");
    std::fs::copy(format!("{data}/no-byline.txt"), lib.join("yehang.txt")).expect("copy");
    std::fs::write(lib.join("notes.png"), b"\x89PNG").expect("write");

    let mut cmd = command(yuedu_bin(), &[lib.to_str().expect("path")]);
    cmd.env("XDG_STATE_HOME", dir.path().join("state"));
    let mut p = Pty::spawn_showing(cmd, 100, 30, "Library");
    let screen = p.screen();
    for needle in [
        "3 articles",
        "一座江南古镇的十年",
        "王五 李晓明 赵六",
        "夜航船上的读书人",
        "yuyao.txt",
    ] {
        assert!(screen.contains(needle), "{needle} missing:\n{screen}");
    }
    assert!(!screen.contains("notes.png"), "only article files");
    // Type to filter, Enter to open.
    p.send("古镇");
    p.wait_for("filtered", |s| !s.contents().contains("夜航船上的读书人"));
    p.send("\r");
    p.wait_for_text("“老宅子”里的新生意");
    // q goes back to the list, q again quits.
    p.send("q");
    p.wait_for_text("Library");
    p.send("\x1b");
    p.wait_for_text("夜航船上的读书人");
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn several_files_open_as_a_list_and_a_folder_of_one_opens_it() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut p = Pty::yuedu(&[SHIPPED, &format!("{data}/no-byline.txt")], 100, 30);
    p.wait_for_text("2 articles");
    p.send("\x03");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));

    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(SHIPPED, dir.path().join("only.txt")).expect("copy");
    let p = Pty::yuedu(&[dir.path().to_str().expect("path")], 100, 30);
    p.wait_for_text("区域共绘民生“幸福圈”");
    assert!(!p.screen().contains("Library"));
}

#[test]
fn the_findings_list_jumps_to_each_finding() {
    let mut p = Pty::yuedu(&[SHIPPED], 100, 30);
    p.wait_for_text("区域共绘民生“幸福圈”");
    p.send("!");
    p.wait_for_text("Findings: 97 of 97");
    assert!(
        p.screen().contains("halfwidth-punctuation"),
        "{}",
        p.screen()
    );
    // The errors first: the three joins.
    assert!(
        p.row_text(1, 0, 100)
            .contains("46:1   error   joined-paragraph"),
        "{}",
        p.screen()
    );
    // s shows one severity: the errors, then the warnings.
    p.send("s");
    p.wait_for_text("Findings: 3 of 97 (errors)");
    p.send("s");
    p.wait_for_text("Findings: 91 of 97 (warnings)");
    // The spaces in the banner (3:3) and the title (5:23) come first, then line 9.
    p.send("jj\r");
    p.wait_for_status("9:3: warning halfwidth-punctuation");
    assert!(
        top_of_text_pane(&p).contains("今年,长三角"),
        "{}",
        p.screen()
    );
    // The filter stays as it was left; s goes on to info; G selects the last one.
    p.send("!");
    p.wait_for_text("Findings: 91 of 97 (warnings)");
    p.send("s");
    p.wait_for_text("Findings: 3 of 97 (info)");
    p.send("G");
    p.wait_for("the last finding selected", |s| {
        s.contents().contains("82:1")
    });
    p.send("\r");
    p.wait_for_status("82:1: info caption-without-credit");
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn a_large_file_opens_from_its_start_and_fills_in_then_reopens_where_it_was_left() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("large.txt");
    let text = std::fs::read_to_string(SHIPPED).expect("read");
    // About 3 MB: past the size that is shown from its first part.
    let copies = (3 << 20) / text.len() + 1;
    std::fs::write(&path, text.repeat(copies)).expect("write");
    let state = dir.path().join("state");
    let mut p = reader(&path, &state, &[]);
    // The whole article arrives: no sign of reading left, and the end is reachable.
    p.wait_for_status_without("reading");
    p.send("G");
    p.wait_for("the end of the last copy", |s| {
        s.contents().contains("▲ 领克“超级工厂” 黄孟丹 摄")
            && s.contents_between(29, 0, 29, 100).contains("100%")
    });
    let sections = p.with_screen(|s| s.contents_between(0, 0, 28, 29));
    assert!(sections.contains("▶"), "{sections}");
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));

    // Reopened: the first part first, then the remembered place, at the end.
    let p = reader(&path, &state, &[]);
    p.wait_for("resumed at the end", |s| {
        s.contents_between(29, 0, 29, 100).contains("resumed")
            && s.contents().contains("▲ 领克“超级工厂” 黄孟丹 摄")
    });
}

#[test]
fn a_join_found_is_marked_on_both_sides_and_messages_wrap() {
    let mut p = Pty::yuedu(&[SHIPPED], 80, 24);
    p.wait_for_text("陈 醉 劳超杰");
    p.send("!");
    p.wait_for_text("Findings: 97 of 97");
    // At 80 columns the join's message is wrapped, not cut: its end is on screen.
    p.wait_for("the whole message of the first join", |s| {
        s.contents().contains("text may have been lost here")
    });
    p.send("\r");
    p.wait_for_status("46:1: error joined-paragraph");
    // Both sides of the break are marked: "…来赋" before it, "能生产力" after it.
    let marked = |s: &vt100::Screen, ch: &str| {
        let (rows, cols) = s.size();
        (0..rows.get() - 1).any(|r| {
            (0..cols.get()).any(|c| {
                s.cell(r, c).is_some_and(|cell| {
                    cell.contents() == ch
                        && (cell.inverse() || cell.bgcolor() != vt100::Color::Default)
                })
            })
        })
    };
    p.wait_for("both sides marked", |s| marked(s, "赋") && marked(s, "能"));
    // Esc takes the mark away.
    p.send("\x1b");
    p.wait_for("the mark gone", |s| !marked(s, "赋"));
}

/// The position is kept under the text that was shown, not under what the file holds
/// when the reader closes: with `watch = "off"`, an edit made while reading is not seen,
/// and reopening the text that was read resumes.
#[test]
fn the_position_is_keyed_by_the_text_shown_not_the_file_at_quitting() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = copy_of_article(&dir);
    let state = dir.path().join("state");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[reader]\nwatch = \"off\"\n").expect("config");
    let args = [
        "--config",
        config.to_str().expect("config path"),
        path.to_str().expect("path"),
    ];
    let mut cmd = command(yuedu_bin(), &args);
    cmd.env("XDG_STATE_HOME", &state);
    let mut p = Pty::spawn_showing(cmd, 100, 30, "区域共绘民生“幸福圈”");
    p.send("]]");
    p.wait_for_in_row(0, 30, 100, "“大平台”推动强链补链");
    let original = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, format!("{original}\n读者没有看到的一段。\n")).expect("edit");
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));

    std::fs::write(&path, &original).expect("restore");
    let p = reader(&path, &state, &[]);
    assert!(
        top_of_text_pane(&p).contains("“大平台”推动强链补链"),
        "{}",
        p.screen()
    );
}
