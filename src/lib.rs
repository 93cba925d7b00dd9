pub mod article;
pub mod layout;
