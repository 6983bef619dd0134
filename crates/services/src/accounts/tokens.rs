//! Access tokens (short-lived JWTs) and opaque random tokens (refresh tokens,
//! e-mail links), of which only a SHA-256 is ever stored.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use domain::{SessionFamilyId, UserId};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

const ISSUER: &str = "downwork";

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: UserId,
    /// The session family, so that revoking a session also stops its access tokens.
    sid: SessionFamilyId,
    iat: i64,
    exp: i64,
    iss: String,
}

/// Who an access token speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccessClaims {
    pub user_id: UserId,
    pub family: SessionFamilyId,
}

pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl JwtKeys {
    pub fn new(secret: &SecretString) -> Self {
        let bytes = secret.expose_secret().as_bytes();
        // Only HS256 is accepted: a token claiming `alg: none` or another
        // algorithm is refused before its signature is even looked at.
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "sub", "iss"]);
        Self { encoding: EncodingKey::from_secret(bytes), decoding: DecodingKey::from_secret(bytes), validation }
    }

    pub fn issue(&self, user_id: UserId, family: SessionFamilyId, now: DateTime<Utc>, ttl: chrono::Duration) -> String {
        let claims = Claims {
            sub: user_id,
            sid: family,
            iat: now.timestamp(),
            exp: (now + ttl).timestamp(),
            iss: ISSUER.to_owned(),
        };
        // HMAC signing of a small struct cannot fail.
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding).unwrap_or_default()
    }

    /// `None` for anything but an unexpired token we signed.
    pub fn verify(&self, token: &str) -> Option<AccessClaims> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation).ok()?;
        Some(AccessClaims { user_id: data.claims.sub, family: data.claims.sid })
    }
}

/// 256 random bits, URL-safe.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn digest(token: &str) -> String {
    let hash = Sha256::digest(token.as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> JwtKeys {
        JwtKeys::new(&SecretString::from("a test secret that is long enough"))
    }

    #[test]
    fn issued_tokens_verify() {
        let (user, family) = (UserId::new(), SessionFamilyId::new());
        let token = keys().issue(user, family, Utc::now(), chrono::Duration::minutes(15));
        assert_eq!(keys().verify(&token), Some(AccessClaims { user_id: user, family }));
    }

    #[test]
    fn expired_and_foreign_tokens_do_not() {
        let past = Utc::now() - chrono::Duration::hours(1);
        let token = keys().issue(UserId::new(), SessionFamilyId::new(), past, chrono::Duration::minutes(15));
        assert_eq!(keys().verify(&token), None);
        let other = JwtKeys::new(&SecretString::from("another secret entirely, also long"));
        let token = other.issue(UserId::new(), SessionFamilyId::new(), Utc::now(), chrono::Duration::minutes(15));
        assert_eq!(keys().verify(&token), None);
    }

    #[test]
    fn random_tokens_are_unique_and_digests_stable() {
        assert_ne!(random_token(), random_token());
        assert_eq!(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
