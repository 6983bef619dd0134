import { useId, useRef, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from "react";
import { uploadFile } from "../api/endpoints";
import { ApiError, errorMessage } from "../api/errors";
import type { OutgoingFile } from "../lib/useChat";
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "./AttachmentPicker";

const MAX_BODY = 5000;

interface MessageComposerProps {
  /** Names the box, e.g. "Write to Finn Freelancer". */
  label: string;
  disabled?: boolean;
  onSend: (body: string, attachments: OutgoingFile[]) => void;
  /** Every change of the text, for the typing signal. */
  onInput?: (text: string) => void;
}

/** Where a message is written: Enter sends, Shift+Enter starts a new line; files upload as they are picked. */
export function MessageComposer({ label, disabled = false, onSend, onInput }: MessageComposerProps) {
  const id = useId();
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<OutgoingFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [fileError, setFileError] = useState<string | undefined>();
  const text = useRef<HTMLTextAreaElement>(null);
  const canSend = !disabled && !uploading && (body.trim() !== "" || files.length > 0);

  function send(event?: FormEvent) {
    event?.preventDefault();
    if (!canSend) return;
    onSend(body.trim(), files);
    setBody("");
    setFiles([]);
    setFileError(undefined);
    onInput?.("");
    text.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  async function onPick(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const picked = [...(input.files ?? [])];
    input.value = "";
    if (picked.length === 0) return;
    setFileError(undefined);
    if (files.length + picked.length > MAX_ATTACHMENTS) return setFileError(`Attach at most ${MAX_ATTACHMENTS} files.`);
    if (picked.some((file) => file.size > MAX_ATTACHMENT_BYTES)) return setFileError("Each file may be at most 10 MB.");
    setUploading(true);
    const added: OutgoingFile[] = [];
    try {
      for (const file of picked) {
        const uploaded = await uploadFile(file, "attachment");
        added.push({ id: uploaded.id, name: file.name });
      }
    } catch (err) {
      setFileError((err instanceof ApiError ? err.fields.file : undefined) ?? errorMessage(err));
    } finally {
      setFiles((held) => [...held, ...added]);
      setUploading(false);
    }
  }

  return (
    <form className="chat-composer" aria-label={label} onSubmit={send}>
      <label className="visually-hidden" htmlFor={`${id}-body`}>
        Message
      </label>
      <textarea
        id={`${id}-body`}
        ref={text}
        rows={2}
        maxLength={MAX_BODY}
        placeholder="Write a message…"
        aria-describedby={`${id}-hint`}
        value={body}
        onChange={(e) => {
          setBody(e.target.value);
          onInput?.(e.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      {files.length > 0 && (
        <ul className="attachments" aria-label="Attached files">
          {files.map((file) => (
            <li key={file.id}>
              {file.name}{" "}
              <button type="button" className="button button--ghost button--small" aria-label={`Remove ${file.name}`} onClick={() => setFiles(files.filter((f) => f.id !== file.id))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {fileError && (
        <p className="field-error" role="alert">
          {fileError}
        </p>
      )}
      <div className="chat-composer__actions">
        <p className="field-hint" id={`${id}-hint`}>
          {uploading ? "Uploading…" : "Enter sends, Shift+Enter starts a new line."}
        </p>
        <label className={`button button--ghost button--small chat-composer__attach${uploading || files.length >= MAX_ATTACHMENTS ? " is-disabled" : ""}`}>
          Attach files
          <input
            type="file"
            multiple
            className="visually-hidden"
            accept={ATTACHMENT_TYPES}
            disabled={disabled || uploading || files.length >= MAX_ATTACHMENTS}
            onChange={onPick}
          />
        </label>
        <button type="submit" className="button button--primary" disabled={!canSend}>
          Send
        </button>
      </div>
    </form>
  );
}
