//! Shell completions and the manual page, generated from the command line's definition
//! ([`crate::cli::Cli`]) by clap_complete and clap_mangen, so that they always list the
//! options the binary takes.

use clap::CommandFactory;

use crate::cli::Cli;

/// Writes the completion script for `shell` to `out`.
pub fn completions(shell: clap_complete::Shell, out: &mut impl std::io::Write) {
    clap_complete::generate(shell, &mut Cli::command(), "yuedu", out);
}

/// Writes the manual page (roff, section 1) to `out`: one page, `yuedu(1)`, whose
/// sections after the main command's give each subcommand's options (one page, so that
/// `yuedu manpage > yuedu.1` installs all of it).
///
/// Errors: writing to `out` failed.
pub fn manpage(out: &mut impl std::io::Write) -> std::io::Result<()> {
    let cmd = Cli::command();
    clap_mangen::Man::new(cmd.clone()).render(out)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("yuedu {}", sub.get_name());
        writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
        if let Some(about) = sub.get_about() {
            // Plain text: a leading dot or quote would be read as a request.
            let about = about.to_string().replace('\\', "\\e");
            writeln!(out, "\\&{about}")?;
        }
        clap_mangen::Man::new(sub.clone().display_name(name)).render_options_section(out)?;
    }
    Ok(())
}
