//! A script's shape in its database's own tokenizer (`sqlparser`): names, strings and
//! numbers as atoms, dollar-quoted bodies tokenized in turn, comments checked for control
//! characters; and where each `DO $tag$` body closes.

use grantsmith::core::Db;
use sqlparser::dialect::{
    BigQueryDialect, Dialect, MsSqlDialect, MySqlDialect, PostgreSqlDialect, RedshiftSqlDialect,
    SnowflakeDialect,
};
use sqlparser::tokenizer::{Token, Tokenizer, Whitespace};

fn dialect(db: Db) -> Box<dyn Dialect> {
    match db {
        Db::Postgres => Box::new(PostgreSqlDialect {}),
        Db::MySql => Box::new(MySqlDialect {}),
        Db::SqlServer => Box::new(MsSqlDialect {}),
        Db::Snowflake => Box::new(SnowflakeDialect {}),
        Db::Redshift => Box::new(RedshiftSqlDialect {}),
        Db::BigQuery => Box::new(BigQueryDialect {}),
    }
}

/// Tokens with every name, string and number as one atom, dollar-quoted bodies
/// tokenized in turn; comments checked on the way: no control character but the
/// newline that ends one (the tokenizer ends a PostgreSQL comment at CR too, and keeps
/// the CR, so a comment ended early is caught here as well).
pub(crate) fn shape(db: Db, sql: &str, out: &mut Vec<String>) -> Result<(), String> {
    let d = dialect(db);
    // What the user does before running it (the placeholder is not SQL on purpose).
    let sql = sql.replace("[[REPLACE_WITH_PASSWORD]]", "'pw'");
    let tokens = Tokenizer::new(d.as_ref(), &sql)
        .tokenize()
        .map_err(|e| format!("tokenize: {e}"))?;
    for t in tokens {
        match t {
            Token::Whitespace(Whitespace::SingleLineComment { comment, .. }) => {
                let text = comment.strip_suffix('\n').unwrap_or(&comment);
                if text
                    .chars()
                    .any(grantsmith::core::quote::is_unsafe_in_comment)
                {
                    return Err(format!("a control character inside a comment: {comment:?}"));
                }
            }
            Token::Whitespace(_) => {}
            Token::DollarQuotedString(s) => {
                out.push("<$".into());
                shape(db, &s.value, out)?;
                out.push("$>".into());
            }
            Token::Word(_)
            | Token::Number(..)
            | Token::SingleQuotedString(_)
            | Token::DoubleQuotedString(_)
            | Token::NationalStringLiteral(_)
            | Token::SingleQuotedByteStringLiteral(_)
            | Token::EscapedStringLiteral(_) => out.push("<atom>".into()),
            t => out.push(t.to_string()),
        }
    }
    Ok(())
}

/// Every `DO $tag$` body closes at `$tag$ LANGUAGE plpgsql;`, nowhere earlier.
pub(crate) fn dollar_bodies_close_where_meant(sql: &str) -> Result<(), String> {
    for (at, _) in sql.match_indices("DO $") {
        let rest = &sql[at + 3..];
        let tag_len = rest[1..].find('$').ok_or("unterminated tag")? + 2;
        let tag = &rest[..tag_len];
        let body_end = rest[tag_len..].find(tag).ok_or("unclosed body")? + tag_len;
        if !rest[body_end + tag.len()..].starts_with(" LANGUAGE plpgsql;") {
            return Err(format!("the body opened by {tag} closes early"));
        }
    }
    Ok(())
}
