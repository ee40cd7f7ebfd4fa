//! A renderer for a vendor's builder: every SQL script starts with a comment naming the
//! product, the rest is the backend's own.

use crate::core::brand::Brand;
use crate::core::client::{Client, ConnInfo};
use crate::core::output::{Part, Render};

/// The backend's renderer, with the product's header on setup, verify and uninstall.
pub struct Branded {
    /// The backend's renderer.
    pub inner: Box<dyn Render>,
    /// The product.
    pub brand: Brand,
}

impl Render for Branded {
    fn render(&self, part: Part) -> Option<String> {
        let text = self.inner.render(part)?;
        Some(match part {
            Part::Setup
            | Part::Verify
            | Part::Uninstall
            | Part::Inspect
            | Part::Rotate
            | Part::Retire => self.brand.sql_header() + &text,
            _ => text,
        })
    }

    fn conn_info(&self) -> Option<ConnInfo> {
        self.inner.conn_info()
    }

    fn form(&self, client: Client) -> Option<Result<String, String>> {
        self.inner.form(client)
    }

    // The product's header is a comment of the inspect query, never a line of its
    // output: the comparison is the backend's own. (Without this a product's builder
    // checked nothing.)
    fn check(&self, paste: &str) -> Option<Result<crate::core::drift::Report, String>> {
        self.inner.check(paste)
    }
}
