//! The socket.io server: in-process by default, linked across instances
//! through Redis when `REDIS_URL` is set, so that a push made on one
//! instance reaches a socket held by another.

use std::sync::Arc;

use anyhow::Context as _;
use api::realtime::{SocketFanout, attach};
use secrecy::{ExposeSecret, SecretString};
use services::Services;
use services::ports::Fanout;
use socketioxide::SocketIo;
use socketioxide::adapter::Emitter;
use socketioxide::layer::SocketIoLayer;
use socketioxide_redis::drivers::redis::redis_client;
use socketioxide_redis::{RedisAdapter, RedisAdapterCtr};

pub enum Realtime {
    Local(SocketIoLayer, SocketIo),
    Redis(SocketIoLayer<RedisAdapter<Emitter>>, SocketIo<RedisAdapter<Emitter>>),
}

impl Realtime {
    pub async fn new(redis_url: Option<&SecretString>) -> anyhow::Result<Self> {
        let Some(url) = redis_url else {
            let (layer, io) = SocketIo::builder().build_layer();
            return Ok(Self::Local(layer, io));
        };
        let client = redis_client::Client::open(resp3(url.expose_secret())).context("invalid REDIS_URL")?;
        let adapter = RedisAdapterCtr::new_with_redis(&client).await.context("cannot connect to Redis")?;
        let (layer, io) = SocketIo::builder().with_adapter::<RedisAdapter<_>>(adapter).build_layer();
        Ok(Self::Redis(layer, io))
    }

    /// The services' way to reach sockets.
    pub fn fanout(&self) -> Arc<dyn Fanout> {
        match self {
            Self::Local(_, io) => Arc::new(SocketFanout::new(io.clone())),
            Self::Redis(_, io) => Arc::new(SocketFanout::new(io.clone())),
        }
    }

    /// Serves the namespace and puts socket.io in front of `router`.
    pub async fn serve(self, router: axum::Router, services: Services) -> anyhow::Result<axum::Router> {
        Ok(match self {
            Self::Local(layer, io) => {
                attach(&io, services);
                router.layer(layer)
            }
            Self::Redis(layer, io) => {
                attach(&io, services).await.context("cannot subscribe to Redis")?;
                router.layer(layer)
            }
        })
    }
}

/// The Redis driver speaks RESP3 (Redis 7 and later); ask for it unless the URL does.
fn resp3(url: &str) -> String {
    if url.contains("protocol=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&protocol=resp3")
    } else {
        format!("{url}?protocol=resp3")
    }
}

#[cfg(test)]
mod tests {
    use super::resp3;

    #[test]
    fn asks_for_resp3_unless_told_otherwise() {
        assert_eq!(resp3("redis://h:6379"), "redis://h:6379?protocol=resp3");
        assert_eq!(resp3("redis://h/0?x=1"), "redis://h/0?x=1&protocol=resp3");
        assert_eq!(resp3("redis://h?protocol=resp2"), "redis://h?protocol=resp2");
    }
}
