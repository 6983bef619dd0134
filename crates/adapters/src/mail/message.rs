//! One queued mail as an RFC 5322 message: plain text, with an HTML
//! alternative when there is one, the queue's id as Message-ID and the
//! unsubscribe headers of RFC 2369 and RFC 8058.

use lettre::Message;
use lettre::message::header::{ContentTransferEncoding, ContentType, HeaderName, HeaderValue};
use lettre::message::{Body, Mailbox, MultiPart, SinglePart};
use services::ports::{MailError, OutgoingMail};

/// How bodies are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Encoding {
    /// 8bit where the text allows it, so that an `.eml` file reads as
    /// written, links and all.
    Readable,
    /// 7bit, quoted-printable or base64 as the text needs: what any SMTP
    /// server accepts.
    Transport,
}

/// The sender's address, checked once at start-up.
pub(super) fn sender(from: &str) -> Result<Mailbox, MailError> {
    from.parse().map_err(|e| MailError(format!("invalid sender address {from:?}: {e}")))
}

pub(super) fn build(from: &Mailbox, mail: &OutgoingMail, encoding: Encoding) -> Result<Message, MailError> {
    let to: Mailbox = mail.to.parse().map_err(|e| MailError(format!("invalid recipient {:?}: {e}", mail.to)))?;
    let one_line = |s: &str| s.replace(['\r', '\n'], " ");
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(one_line(&mail.subject))
        .date_now()
        .message_id(Some(format!("<{}@{}>", mail.id, from.email.domain())));
    if let Some(url) = &mail.unsubscribe_url {
        builder = builder
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{}>", one_line(url)),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".to_owned(),
            ));
    }
    let text = part(ContentType::TEXT_PLAIN, &mail.text, encoding);
    let built = match &mail.html {
        Some(html) => builder.multipart(MultiPart::alternative().singlepart(text).singlepart(part(
            ContentType::TEXT_HTML,
            html,
            encoding,
        ))),
        None => builder.singlepart(text),
    };
    built.map_err(|e| MailError(format!("cannot build the message: {e}")))
}

fn part(content_type: ContentType, body: &str, encoding: Encoding) -> SinglePart {
    let body = match encoding {
        Encoding::Readable if fits_8bit(body) => {
            let crlf = body.replace('\n', "\r\n");
            Body::dangerous_pre_encoded(crlf.into_bytes(), ContentTransferEncoding::EightBit)
        }
        Encoding::Readable | Encoding::Transport => Body::new(body.to_owned()),
    };
    SinglePart::builder().header(content_type).body(body)
}

/// Whether `body` may go as it is: RFC 5322 allows lines of up to 998
/// octets (lettre's own 8bit check keeps to the advised 78, which would
/// fold every link).
fn fits_8bit(body: &str) -> bool {
    !body.contains(['\0', '\r']) && body.split('\n').all(|line| line.len() <= 998)
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::MailId;

    fn mail(to: &str, subject: &str) -> OutgoingMail {
        OutgoingMail {
            id: MailId::new(),
            to: to.into(),
            subject: subject.into(),
            text: "Body".into(),
            html: Some("<p>Body</p>".into()),
            unsubscribe_url: Some("https://downwork.test/api/notifications/unsubscribe?token=t".into()),
        }
    }

    fn render(mail: &OutgoingMail) -> Result<String, MailError> {
        let from = sender("Downwork <no-reply@downwork.local>")?;
        Ok(String::from_utf8_lossy(&build(&from, mail, Encoding::Readable)?.formatted()).into_owned())
    }

    #[test]
    fn headers_cannot_be_injected() {
        assert!(render(&mail("a@b.co\r\nBcc: evil@x.co", "Hi")).is_err());
        let message = render(&mail("a@b.co", "Hi\r\nBcc: evil@x.co")).expect("renders");
        assert!(!message.contains("\r\nBcc:"), "{message}");
    }

    #[test]
    fn text_and_html_travel_as_alternatives_with_the_unsubscribe_headers() {
        let mail = mail("a@b.co", "Grüße");
        let message = render(&mail).expect("renders");
        assert!(message.contains("multipart/alternative"), "{message}");
        assert!(message.contains("<p>Body</p>"), "{message}");
        assert!(message.contains(&format!("Message-ID: <{}@downwork.local>", mail.id)), "{message}");
        assert!(message.contains("List-Unsubscribe: <https://downwork.test/api/notifications/unsubscribe?token=t>"));
        assert!(message.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
        assert!(!message.contains("Grüße"), "non-ASCII subjects are encoded: {message}");
    }
}
