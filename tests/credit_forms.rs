//! Credits and bylines in the forms real pages print them — 摄影丨X, X 图, a date after
//! the credit, photo by X, （摄影：X）, 图/X提供; bylines naming several reporters, with
//! roles (文/图) and 報道 endings, closing a body — read by one set of rules in plain
//! text, HTML and Markdown: `outline --json` and `check --json` of the real binary on
//! fixtures written for each kind.

mod common;

use common::cli::{format_data as data, yuedu};
use common::outline::{blocks_of as of_kind, captions, fixture as outline};

use serde_json::{Value, json};

fn json_of(args: &[&str], ok: bool) -> Value {
    let out = yuedu().args(args).output().expect("runs");
    assert_eq!(
        out.status.success(),
        ok,
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

/// The six credit forms of `credit-forms.*`, as a page and as plain text.
fn simplified_credits() -> Vec<(String, Option<String>)> {
    [
        ("孩子们在图书角挑选绘本。", "白露"),
        ("老师在给新到的书贴编号。", "白露"),
        ("借书登记本已经写满了三本。", "白露"),
        ("孩子们在操场边读书。", "青山"),
        ("旧书架刷上了新漆。", "青山"),
        ("捐书的志愿者在村口合影。", "受访者提供"),
    ]
    .into_iter()
    .map(|(t, c)| (t.to_string(), Some(c.to_string())))
    .collect()
}

#[test]
fn a_page_splits_every_credit_form_off_its_caption() {
    let v = outline("credit-forms.html");
    assert_eq!(v["format"], "html");
    assert_eq!(captions(&v), simplified_credits());
    // The meta author "东岭晚报记者 林晚" names 林晚; the closing 作者丨X line is a
    // byline, not a paragraph.
    assert_eq!(v["authors"], json!(["林晚", "白露"]));
    assert_eq!(of_kind(&v, "byline"), ["作者丨白露"]);
    let paras = of_kind(&v, "paragraph");
    assert_eq!(paras.len(), 7, "{paras:#?}");
    assert_eq!(
        paras.last().map(String::as_str),
        Some("到了年底，图书角已经有了一千多本书。")
    );
}

#[test]
fn plain_text_reads_the_same_credits_and_bylines() {
    let v = outline("credit-forms.txt");
    assert_eq!(captions(&v), simplified_credits());
    // "东岭晚报记者 白露 实习生 青山": both reporters.
    assert_eq!(v["authors"], json!(["白露", "青山"]));
    assert_eq!(of_kind(&v, "byline"), ["作者丨白露"]);
}

#[test]
fn a_traditional_page_takes_a_dated_credit_a_provided_photo_and_a_closing_byline() {
    let v = outline("credit-forms-hant.html");
    assert_eq!(
        captions(&v),
        [
            (
                "老師傅在船塢裡檢查船底。".to_string(),
                Some("柯明遠".to_string())
            ),
            (
                "修船廠早年的照片。".to_string(),
                Some("港區文史工作室提供".to_string())
            ),
        ]
    );
    assert_eq!(v["authors"], json!(["柯明遠"]));
    assert_eq!(of_kind(&v, "byline"), ["（南港日報記者 柯明遠）"]);
    assert_eq!(of_kind(&v, "paragraph").len(), 3);
}

#[test]
fn markdown_bylines_name_reporters_never_roles_or_endings() {
    let v = outline("byline-forms.md");
    assert_eq!(v["format"], "markdown");
    // "記者 柯明遠 葉知秋 報道": two names, 報道 none.
    assert_eq!(v["authors"], json!(["柯明遠", "葉知秋"]));
    assert_eq!(
        captions(&v),
        [(
            "队员们在河堤上热身。".to_string(),
            Some("葉知秋".to_string())
        )]
    );
    let v = outline("byline-roles.md");
    // "本报记者 白露 文/图": 文 and 图 are roles; "作者：青山" closes the body.
    assert_eq!(v["authors"], json!(["白露", "青山"]));
    assert_eq!(of_kind(&v, "byline"), ["作者：青山"]);
    assert_eq!(of_kind(&v, "paragraph").len(), 2);
    // A credit alone under the byline is a caption of no text with that credit, as in
    // plain text.
    assert_eq!(
        captions(&v),
        [(String::new(), Some("受访者提供".to_string()))]
    );
}

#[test]
fn check_spares_credit_byline_and_headline_spaces_and_flags_a_stray_one() {
    let path = data("check-spaces.html");
    let v = json_of(&["check", "--json", &path], true);
    let spaces: Vec<(u64, u64)> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "space-between-chinese")
        .map(|f| {
            (
                f["line"].as_u64().expect("line"),
                f["col"].as_u64().expect("col"),
            )
        })
        .collect();
    // Only "岛上 上班" in a sentence; not 第一章　出发, 船票涨价　乘客不减, the
    // credit "东岭晚报记者 白露 图" nor the byline "（东岭晚报记者 青山）".
    assert_eq!(spaces, [(9, 15)]);
    // The same headline with an ASCII space is flagged.
    let dir = tempfile::tempdir().expect("tempdir");
    let spaced = dir.path().join("spaced.html");
    let page = std::fs::read_to_string(&path).expect("fixture");
    std::fs::write(&spaced, page.replace("<h1>第一章　出发", "<h1>第一章 出发")).expect("write");
    let v = json_of(&["check", "--json", spaced.to_str().expect("path")], true);
    let lines: Vec<u64> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "space-between-chinese")
        .map(|f| f["line"].as_u64().expect("line"))
        .collect();
    assert_eq!(lines, [6, 9]);
}

#[test]
fn an_info_line_naming_no_one_gives_no_empty_authors_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("info.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>渡口的早班船</title></head>\
         <body><div class=\"article\"><h1>渡口的早班船</h1>\n\
         <div class=\"info\"><span>2025-03-08 06:30:00</span>　<span>来源：东岭晚报</span></div>\n\
         <p>清晨的渡口已经排起了长队，第一班船六点准时离岸，船上坐满了去岛上上班的年轻人。</p>\n\
         <p>船工说，等大桥修好以后，这条航线也许就要停了，但他还想再开几年。</p>\n\
         </div></body></html>\n",
    )
    .expect("write");
    let out = yuedu()
        .args(["outline", page.to_str().expect("path")])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let row = text
        .lines()
        .find(|l| l.starts_with("authors"))
        .expect("an authors row");
    assert_eq!(
        row.split_whitespace().collect::<Vec<_>>(),
        ["authors", "-"],
        "{text}"
    );
}

/// `agency-credits.*`: captions credited to an agency in brackets (（路透社）, （美联社照片）),
/// to where the picture was taken from (（圖／取自X）) and to a photographer after the
/// picture's label (（圖／X攝）, no slash kept), in plain text and on a page.
fn agency_credits() -> Vec<(String, Option<String>)> {
    [
        ("吊车的钢臂在暮色里停在半空。", "美联社"),
        ("新泊位上的集装箱堆成了小山。", "路透社"),
        ("旧站房的木窗已经褪了色。", "港務局"),
        ("守夜人在吊车下巡查。", "林晚"),
    ]
    .into_iter()
    .map(|(t, c)| (t.to_string(), Some(c.to_string())))
    .collect()
}

#[test]
fn agency_credits_in_brackets_are_the_captions_credits() {
    let text = outline("agency-credits.txt");
    assert_eq!(captions(&text), agency_credits());
    let page = outline("agency-credits.html");
    assert_eq!(captions(&page), agency_credits());
    // An agency in brackets inside a paragraph's sentence stays the paragraph's text.
    assert_eq!(
        of_kind(&page, "paragraph").last().map(String::as_str),
        Some("据新华社报道，类似的吊车在沿海还有十几台（路透社）。")
    );
}

#[test]
fn an_exports_byline_names_its_compiler_and_reads_the_date_after_a_br() {
    // 语雀/飞书 exports: "文／X ｜ 整理／Y ｜ 校对／Z<br />DATE" — the one who compiled
    // the text is an author, the proofreader is staff, no role word is a name, and the
    // date after the `<br />` is the article's.
    let v = outline("export-byline.md");
    assert_eq!(v["authors"], json!(["林晚", "白露"]));
    assert_eq!(v["date"], "2026年3月8日");
    assert_eq!(
        of_kind(&v, "paragraph"),
        [
            "修表铺开在老街的中段，门脸只有一米多宽。",
            "老师傅说，他修的第一块表是一块上海牌。"
        ]
    );
    // "X 整理": the role after the name is no name.
    let v = outline("export-byline-roles.md");
    assert_eq!(v["authors"], json!(["柯明遠"]));
}

/// The captions of `source-credits.*`: a photographer's credit closed by the picture
/// service that gives it out (X记者 NAME摄/SERVICE), bracketed credits saying where the
/// picture is from or who made it (（資料圖片）, （作者自绘）), and a credit alone on a
/// line — under a caption its credit, elsewhere a caption of no text.
fn source_credits(last_caption: &str) -> Vec<(String, Option<String>)> {
    [
        ("裁缝在案板上量布。", "方晓禾"),
        ("铺子门口的旧招牌。", "資料圖片"),
        ("裁缝铺所在街区的位置", "作者自绘"),
        (last_caption, "网络"),
        ("", "网络"),
    ]
    .into_iter()
    .map(|(t, c)| (t.to_string(), Some(c.to_string())))
    .collect()
}

#[test]
fn credits_of_where_a_picture_is_from_are_split_off_in_every_format() {
    let v = outline("source-credits.txt");
    assert_eq!(captions(&v), source_credits("图为老街夜景。"));
    assert_eq!(of_kind(&v, "paragraph").len(), 5);
    let v = outline("source-credits.md");
    assert_eq!(captions(&v), source_credits("老街夜景。"));
    assert_eq!(of_kind(&v, "paragraph").len(), 5);
    let v = outline("source-credits.html");
    let mut expected = source_credits("老街夜景。");
    // What the picture is (示意圖) is the caption's own word, not where it is from.
    expected.insert(3, ("一件旗袍的裁剪示意（示意圖）".to_string(), None));
    assert_eq!(captions(&v), expected);
    assert_eq!(of_kind(&v, "paragraph").len(), 6);
    // The credit is shown as printed, after its caption.
    let out = yuedu()
        .args(["dump", "-w", "80", &data("source-credits.html")])
        .output()
        .expect("runs");
    let dump = String::from_utf8_lossy(&out.stdout);
    assert!(
        dump.contains("裁缝在案板上量布。 西塘日报记者 方晓禾摄/西塘图片"),
        "{dump}"
    );
    // A credit alone closing the body is one `check` reports; one under a caption is not.
    let v = json_of(&["check", "--json", &data("source-credits.txt")], true);
    let lone: Vec<u64> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "credit-without-caption")
        .map(|f| f["line"].as_u64().expect("line"))
        .collect();
    assert_eq!(lone, [23]);
}

#[test]
fn credits_after_a_bar_a_slash_or_an_outlet_read_alike_in_a_page_and_plain_text() {
    for name in ["credit-tails.html", "credit-tails.txt"] {
        let got = captions(&outline(name));
        let want: Vec<(String, Option<String>)> = [
            // 图源：X供图 after a bar: all of "受访者供图", never "源：受访者".
            ("码头边的工人宿舍", "受访者供图"),
            // （OUTLET NAME 拍摄）: 拍摄 is 摄's verb; the photographer is credited.
            ("吊机司机在驾驶室里交接。", "何思远"),
            // （资料照片/PAPER）: where the picture is from, then whose.
            ("港口旧貌，摄于二十年前。", "资料照片/南湾晚报"),
            // （资料来源：X）.
            ("港口近五年的吞吐量变化", "市港务局"),
        ]
        .into_iter()
        .map(|(t, c)| (t.to_string(), Some(c.to_string())))
        .collect();
        assert_eq!(got, want, "{name}");
    }
}
