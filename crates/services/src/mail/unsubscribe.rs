//! Unsubscribe links: a token naming a user and a notification kind, signed
//! with the server's secret, so that the link in a mail turns that kind off
//! without a login and nobody can forge one for someone else.

use domain::UserId;
use domain::notification::NotificationKind;
use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretString};
use sha2::Sha256;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Signs and checks unsubscribe tokens of the form `{user}.{kind}.{signature}`.
#[derive(Clone)]
pub struct UnsubscribeKey {
    secret: SecretString,
}

impl UnsubscribeKey {
    pub fn new(secret: SecretString) -> Self {
        Self { secret }
    }

    pub fn token(&self, user: UserId, kind: NotificationKind) -> String {
        let signature = URL_SAFE_NO_PAD.encode(self.mac(user, kind).finalize().into_bytes());
        format!("{user}.{kind}.{signature}")
    }

    /// The user and kind a genuine token names; `None` for anything else.
    pub fn verify(&self, token: &str) -> Option<(UserId, NotificationKind)> {
        let mut parts = token.split('.');
        let (user, kind, signature) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let user: UserId = user.parse().ok()?;
        let kind = NotificationKind::parse(kind)?;
        let signature = URL_SAFE_NO_PAD.decode(signature).ok()?;
        // `verify_slice` compares in constant time.
        self.mac(user, kind).verify_slice(&signature).ok()?;
        Some((user, kind))
    }

    fn mac(&self, user: UserId, kind: NotificationKind) -> Hmac<Sha256> {
        // HMAC takes a key of any length, so this cannot fail.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(self.secret.expose_secret().as_bytes())
            .unwrap_or_else(|_| unreachable!("HMAC accepts keys of every length"));
        mac.update(b"downwork unsubscribe\n");
        mac.update(user.to_string().as_bytes());
        mac.update(b"\n");
        mac.update(kind.as_str().as_bytes());
        mac
    }
}

impl std::fmt::Debug for UnsubscribeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UnsubscribeKey([REDACTED])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(secret: &str) -> UnsubscribeKey {
        UnsubscribeKey::new(SecretString::from(secret.to_owned()))
    }

    #[test]
    fn a_token_names_its_user_and_kind() {
        let user = UserId::new();
        let token = key("one secret").token(user, NotificationKind::Hired);
        assert_eq!(key("one secret").verify(&token), Some((user, NotificationKind::Hired)));
    }

    #[test]
    fn altered_or_foreign_tokens_are_refused() {
        let user = UserId::new();
        let token = key("one secret").token(user, NotificationKind::Hired);
        assert_eq!(key("another secret").verify(&token), None);
        let other_kind = token.replacen("hired", "milestone_funded", 1);
        assert_eq!(key("one secret").verify(&other_kind), None);
        let other_user = token.replacen(&user.to_string(), &UserId::new().to_string(), 1);
        assert_eq!(key("one secret").verify(&other_user), None);
        assert_eq!(key("one secret").verify(&format!("{token}.x")), None);
        assert_eq!(key("one secret").verify("garbage"), None);
    }
}
