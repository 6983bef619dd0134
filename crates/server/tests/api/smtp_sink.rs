//! A local SMTP server for the mail tests: it speaks just enough SMTP for a
//! real client (greeting, EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT),
//! keeps every message it accepts, and can be taken down to stand for an
//! outage: while down it answers each connection with 421 and hangs up.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// One accepted message.
#[derive(Debug, Clone)]
pub struct Received {
    pub recipients: Vec<String>,
    /// The message as sent after DATA, dot-stuffing undone.
    pub data: String,
}

impl Received {
    /// The value of the `Message-ID` header.
    pub fn message_id(&self) -> Option<String> {
        self.data
            .lines()
            .take_while(|line| !line.is_empty())
            .find_map(|line| line.strip_prefix("Message-ID: ").map(str::to_owned))
    }
}

pub struct SmtpSink {
    addr: SocketAddr,
    up: Arc<AtomicBool>,
    received: Arc<Mutex<Vec<Received>>>,
}

impl SmtpSink {
    /// Listens on a free port, up.
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("sink binds");
        let addr = listener.local_addr().expect("sink address");
        let up = Arc::new(AtomicBool::new(true));
        let received = Arc::new(Mutex::new(Vec::new()));
        let (up_flag, store) = (up.clone(), received.clone());
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (up, store) = (up_flag.load(Ordering::SeqCst), store.clone());
                tokio::spawn(async move {
                    // A client that hangs up mid-conversation ends only its own session.
                    let _ = serve(stream, up, store).await;
                });
            }
        });
        Self { addr, up, received }
    }

    /// The `SMTP_URL` that reaches this sink (no TLS, no login).
    pub fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    /// Takes the sink down (every connection refused with 421) or back up.
    pub fn set_up(&self, up: bool) {
        self.up.store(up, Ordering::SeqCst);
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().expect("sink lock").clone()
    }

    /// The Message-ID of every accepted message, in order of arrival.
    pub fn message_ids(&self) -> Vec<String> {
        self.received().iter().map(|m| m.message_id().expect("every message has a Message-ID")).collect()
    }
}

async fn serve(stream: TcpStream, up: bool, store: Arc<Mutex<Vec<Received>>>) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    if !up {
        write.write_all(b"421 4.3.2 sink is down, try again later\r\n").await?;
        return write.shutdown().await;
    }
    write.write_all(b"220 sink.test ESMTP ready\r\n").await?;
    let mut recipients = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if lines.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let command = String::from_utf8_lossy(&line).trim_end().to_owned();
        let verb = command.split_whitespace().next().unwrap_or_default().to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "HELO" | "NOOP" => b"250 2.0.0 ok\r\n",
            "MAIL" => {
                recipients.clear();
                b"250 2.1.0 ok\r\n"
            }
            "RSET" => {
                recipients.clear();
                b"250 2.0.0 ok\r\n"
            }
            "RCPT" => {
                recipients.push(command.split_once(':').map(|(_, to)| to.trim().to_owned()).unwrap_or_default());
                b"250 2.1.5 ok\r\n"
            }
            "DATA" => {
                write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                let data = read_data(&mut lines).await?;
                store.lock().expect("sink lock").push(Received { recipients: std::mem::take(&mut recipients), data });
                b"250 2.0.0 queued\r\n"
            }
            "QUIT" => {
                write.write_all(b"221 2.0.0 bye\r\n").await?;
                return write.shutdown().await;
            }
            _ => b"502 5.5.2 command not recognised\r\n",
        };
        write.write_all(reply).await?;
    }
}

/// The message up to the lone dot, with leading dots unstuffed.
async fn read_data(lines: &mut BufReader<tokio::net::tcp::OwnedReadHalf>) -> std::io::Result<String> {
    let mut data = String::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if lines.read_until(b'\n', &mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let text = String::from_utf8_lossy(&line);
        if text == ".\r\n" || text == ".\n" {
            return Ok(data);
        }
        data.push_str(text.strip_prefix('.').unwrap_or(&text));
    }
}
