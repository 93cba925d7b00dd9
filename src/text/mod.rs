//! Text primitives shared by every later stage: display widths ([`width`]) and the one
//! place untrusted characters become visible notation ([`sanitize`]).

pub mod chinese;
pub mod fullwidth;
pub mod lines;
pub mod plain_types;
pub mod sanitize;
pub mod width;
