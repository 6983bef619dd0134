//! The account e-mails. Plain text keeps them readable in every client and in
//! the outbox files developers look at.

use store::mail_queue::NewMail;

pub fn verify_email(to: &str, name: &str, link: &str) -> NewMail {
    NewMail {
        to: to.to_owned(),
        subject: "Confirm your e-mail address for Downwork".to_owned(),
        text: format!(
            "Hi {name},\n\nWelcome to Downwork. Please confirm your e-mail address by opening this link:\n\n{link}\n\n\
             The link is valid for 48 hours. If you did not sign up, you can ignore this message.\n"
        ),
        html: None,
        kind: Some("verify_email".to_owned()),
        unsubscribe_url: None,
    }
}

pub fn reset_password(to: &str, name: &str, link: &str) -> NewMail {
    NewMail {
        to: to.to_owned(),
        subject: "Reset your Downwork password".to_owned(),
        text: format!(
            "Hi {name},\n\nSomeone asked to reset the password of your Downwork account. To choose a new one, open:\n\n\
             {link}\n\nThe link is valid for one hour and works once. If it was not you, ignore this message: \
             your password stays as it is.\n"
        ),
        html: None,
        kind: Some("password_reset".to_owned()),
        unsubscribe_url: None,
    }
}
