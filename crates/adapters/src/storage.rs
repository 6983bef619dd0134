//! File storage on `object_store`: the local file system by default, any
//! S3-compatible service when `STORAGE_URL=s3://bucket` is set (credentials,
//! region and endpoint come from the usual `AWS_*` environment variables).

use std::path::Path;
use std::sync::Arc;

use async_trait::async_trait;
use bytes::Bytes;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, PutPayload};
use services::ports::{FileStorage, StorageError};

pub struct ObjectStorage {
    store: Arc<dyn ObjectStore>,
}

impl ObjectStorage {
    pub fn local(dir: &Path) -> Result<Self, StorageError> {
        std::fs::create_dir_all(dir).map_err(|e| StorageError::Backend(e.to_string()))?;
        let store = LocalFileSystem::new_with_prefix(dir).map_err(|e| StorageError::Backend(e.to_string()))?;
        Ok(Self { store: Arc::new(store) })
    }

    pub fn s3(url: &str) -> Result<Self, StorageError> {
        let store =
            AmazonS3Builder::from_env().with_url(url).build().map_err(|e| StorageError::Backend(e.to_string()))?;
        Ok(Self { store: Arc::new(store) })
    }
}

fn backend(err: object_store::Error, key: &str) -> StorageError {
    match err {
        object_store::Error::NotFound { .. } => StorageError::NotFound(key.to_owned()),
        other => StorageError::Backend(other.to_string()),
    }
}

#[async_trait]
impl FileStorage for ObjectStorage {
    async fn put(&self, key: &str, bytes: Bytes, _content_type: &str) -> Result<(), StorageError> {
        self.store.put(&ObjectPath::from(key), PutPayload::from_bytes(bytes)).await.map_err(|e| backend(e, key))?;
        Ok(())
    }

    async fn get(&self, key: &str) -> Result<Bytes, StorageError> {
        let object = self.store.get(&ObjectPath::from(key)).await.map_err(|e| backend(e, key))?;
        object.bytes().await.map_err(|e| backend(e, key))
    }

    async fn delete(&self, key: &str) -> Result<(), StorageError> {
        self.store.delete(&ObjectPath::from(key)).await.map_err(|e| backend(e, key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn local_storage_round_trips_and_reports_missing_keys() {
        let dir = std::env::temp_dir().join(format!("downwork-storage-{}", uuid::Uuid::now_v7()));
        let storage = ObjectStorage::local(&dir).expect("opens");
        storage.put("files/a", Bytes::from_static(b"hello"), "text/plain").await.expect("stores");
        assert_eq!(storage.get("files/a").await.expect("reads"), Bytes::from_static(b"hello"));
        storage.delete("files/a").await.expect("deletes");
        assert!(matches!(storage.get("files/a").await, Err(StorageError::NotFound(_))));
        std::fs::remove_dir_all(dir).ok();
    }
}
