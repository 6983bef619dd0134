import { useState, type ChangeEvent } from "react";
import { uploadFile } from "../api/endpoints";
import { ApiError, errorMessage } from "../api/errors";
import { Field } from "./Field";

export const ATTACHMENT_TYPES = "image/png,image/jpeg,image/webp,image/gif,application/pdf";
export const MAX_ATTACHMENTS = 10;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface Attachment {
  id: string;
  name: string;
}

interface AttachmentPickerProps {
  attachments: Attachment[];
  onChange: (attachments: Attachment[]) => void;
  onBusyChange: (busy: boolean) => void;
  /** A server message about `file_ids`. */
  error?: string;
}

/** Picks files and uploads each right away as an attachment; lists them with a way to drop one. */
export function AttachmentPicker({ attachments, onChange, onBusyChange, error }: AttachmentPickerProps) {
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string | undefined>();

  async function onPick(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const files = [...(input.files ?? [])];
    input.value = "";
    if (files.length === 0) return;
    setUploadError(undefined);
    if (attachments.length + files.length > MAX_ATTACHMENTS) return setUploadError(`Attach at most ${MAX_ATTACHMENTS} files.`);
    if (files.some((file) => file.size > MAX_ATTACHMENT_BYTES)) return setUploadError("Each file may be at most 10 MB.");
    setBusy(true);
    onBusyChange(true);
    const added: Attachment[] = [];
    try {
      for (const file of files) {
        const uploaded = await uploadFile(file, "attachment");
        added.push({ id: uploaded.id, name: file.name });
      }
    } catch (err) {
      const fieldMessage = err instanceof ApiError ? err.fields.file : undefined;
      setUploadError(fieldMessage ?? errorMessage(err));
    } finally {
      onChange([...attachments, ...added]);
      setBusy(false);
      onBusyChange(false);
    }
  }

  return (
    <Field label="Attachments (optional)" error={uploadError ?? error} hint={busy ? "Uploading…" : "PNG, JPEG, WebP, GIF or PDF, up to 10 MB each."}>
      {(control) => (
        <div>
          <input type="file" multiple accept={ATTACHMENT_TYPES} disabled={busy || attachments.length >= MAX_ATTACHMENTS} onChange={onPick} {...control} />
          {attachments.length > 0 && (
            <ul className="attachments" aria-label="Attached files">
              {attachments.map((attachment) => (
                <li key={attachment.id}>
                  {attachment.name}{" "}
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    aria-label={`Remove ${attachment.name}`}
                    onClick={() => onChange(attachments.filter((a) => a.id !== attachment.id))}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Field>
  );
}
