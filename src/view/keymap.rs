//! What a key means in a mode of the reader. Key names, the bindings and the map from
//! keys to [`Action`]s are the settings' (`config::keys`, re-exported here).

use crossterm::event::KeyEvent;

pub use crate::config::keys::{Key, KeyConflict, Keymap};
use crate::view::action::Action;
use crate::view::mode::ModeKind;

impl Keymap {
    /// What a key event means in `mode`: its action when the action applies there
    /// ([`Action::applies_in`]), `Err` with the action when it is bound to one that does
    /// not, `None` when it is bound to nothing.
    pub(crate) fn action_in(
        &self,
        mode: ModeKind,
        ev: &KeyEvent,
    ) -> Option<Result<Action, Action>> {
        self.action(ev)
            .map(|a| if a.applies_in(mode) { Ok(a) } else { Err(a) })
    }
}
