import { useId, useState, type ChangeEvent } from "react";
import { uploadFile } from "../api/endpoints";
import { ApiError, errorMessage } from "../api/errors";
import { Avatar } from "./Avatar";

export const AVATAR_TYPES = "image/png,image/jpeg,image/webp,image/gif";
const MAX_BYTES = 10 * 1024 * 1024;

interface AvatarUploadProps {
  name: string;
  url: string | null;
  /** Called with the uploaded file's id and URL, or nulls when removed. */
  onChange: (fileId: string | null, url: string | null) => void;
  onBusyChange?: (busy: boolean) => void;
  /** A server message about `avatar_file_id`. */
  error?: string;
}

/** Picks an image, uploads it right away, and shows it. */
export function AvatarUpload({ name, url, onChange, onBusyChange, error }: AvatarUploadProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const shownError = uploadError ?? error;

  async function onPick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setUploadError(null);
    if (file.size > MAX_BYTES) {
      setUploadError("Choose an image of at most 10 MB.");
      event.target.value = "";
      return;
    }
    setBusy(true);
    onBusyChange?.(true);
    try {
      const uploaded = await uploadFile(file, "avatar");
      onChange(uploaded.id, uploaded.url);
    } catch (err) {
      const fieldMessage = err instanceof ApiError ? err.fields.file : undefined;
      setUploadError(fieldMessage ? capitalize(fieldMessage) : errorMessage(err));
    } finally {
      setBusy(false);
      onBusyChange?.(false);
      event.target.value = "";
    }
  }

  return (
    <div className={`field avatar-upload${shownError ? " field--invalid" : ""}`}>
      <Avatar name={name || "?"} url={url} />
      <div className="avatar-upload__controls">
        <label htmlFor={id}>Profile photo</label>
        <input
          id={id}
          type="file"
          accept={AVATAR_TYPES}
          onChange={onPick}
          disabled={busy}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={`${id}-hint${shownError ? ` ${id}-error` : ""}`}
        />
        <p className="field-hint" id={`${id}-hint`}>
          {busy ? "Uploading…" : "PNG, JPEG, WebP or GIF, up to 10 MB."}
        </p>
        {url && !busy && (
          <button type="button" className="button button--ghost button--small" onClick={() => onChange(null, null)}>
            Remove photo
          </button>
        )}
        {shownError && (
          <p className="field-error" id={`${id}-error`}>
            {capitalize(shownError)}
          </p>
        )}
        {busy && (
          <p className="visually-hidden" role="status">
            Uploading photo
          </p>
        )}
      </div>
    </div>
  );
}

function capitalize(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}
