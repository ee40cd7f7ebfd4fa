//! Known traps of hosted PostgreSQL, spotted from the host and port: pooler endpoints
//! where a direct connection is needed, and providers that require TLS.

use super::text::js_trim;

/// Warnings for a host and port as typed (none for an empty host).
///
/// ```
/// use grantsmith::core::traps::warnings;
/// assert_eq!(warnings("ep-x-123-pooler.us-east-2.aws.neon.tech", "5432").len(), 2);
/// assert!(warnings("db.example.com", "5432").is_empty());
/// ```
pub fn warnings(host: &str, port: &str) -> Vec<&'static str> {
    let h = js_trim(host).to_ascii_lowercase();
    let mut w = Vec::new();
    if h.is_empty() {
        return w;
    }
    if h.contains("neon.tech") && h.contains("-pooler.") {
        w.push("This is Neon's pooled host (-pooler): setup and integrations that keep sessions need the direct host, the same name without -pooler.");
    }
    if supabase_pooler(&h) {
        w.push("This is Supabase's connection pooler: use the direct host db.<project-ref>.supabase.co on port 5432 (the pooler's user would be postgres.<project-ref>).");
    }
    if js_trim(port) == "6543" {
        w.push("Port 6543 is Supabase's transaction pooler (and a common PgBouncer port): use the direct port 5432.");
    }
    const TLS: [&str; 8] = [
        "neon.tech",
        "supabase.co",
        "supabase.com",
        "rds.amazonaws.com",
        "postgres.database.azure.com",
        "render.com",
        "aivencloud.com",
        "ondigitalocean.com",
    ];
    if TLS.iter().any(|d| h == *d || h.ends_with(&format!(".{d}"))) {
        w.push("This provider requires TLS: add ?sslmode=require to the connection string (verify-full also checks the host name).");
    }
    w
}

/// Whether `host` is Supabase's pooler (Supavisor), where a user signs in as
/// `user.project-ref` (<https://supabase.com/docs/guides/database/connecting-to-postgres>).
///
/// ```
/// use grantsmith::core::traps::supabase_pooler;
/// assert!(supabase_pooler(" AWS-0-eu-west-1.pooler.supabase.com "));
/// assert!(!supabase_pooler("db.abcdefghijklmnopqrst.supabase.co"));
/// ```
pub fn supabase_pooler(host: &str) -> bool {
    // The same test the pooler warning always made, so the field and the warning agree.
    js_trim(host)
        .to_ascii_lowercase()
        .ends_with("pooler.supabase.com")
}
