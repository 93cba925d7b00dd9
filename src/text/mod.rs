//! Text primitives shared by every later stage: display widths ([`width`]) and the one
//! place untrusted characters become visible notation ([`sanitize`]).

pub mod sanitize;
pub mod truncate;
pub mod width;
