//! Text primitives shared by every later stage: display widths ([`width`]), the one
//! place untrusted characters become visible notation ([`sanitize`]), Simplified ⇄
//! Traditional conversion for display ([`convert`]) and search folding ([`fold`]).

pub mod convert;
pub mod fold;
pub mod sanitize;
pub mod width;
