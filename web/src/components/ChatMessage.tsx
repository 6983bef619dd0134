import { useState, type FormEvent, type KeyboardEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { deleteMessage, editMessage } from "../api/chats";
import { fileUrl } from "../api/endpoints";
import { errorMessage } from "../api/errors";
import type { Message } from "../api/types";
import { formatMessageTime } from "../lib/chatMessages";
import type { Outgoing } from "../lib/useChat";
import { DocumentButton } from "./DocumentButton";
import { FormErrors } from "./FormErrors";
import { ReportDialog } from "./ReportDialog";

const MAX_BODY = 5000;

interface ChatMessageProps {
  message: Message;
  mine: boolean;
  senderName: string;
  /** The peer has read up to here: "Seen" goes under it. */
  seen: boolean;
  /** The server's copy after an edit or a deletion. */
  onChanged: (message: Message) => void;
}

type Mode = "reading" | "editing" | "deleting" | "reporting";

/** One message: its words and files, when it was sent, and (for one's own) edit and delete. */
export function ChatMessage({ message, mine, senderName, seen, onChanged }: ChatMessageProps) {
  const [mode, setMode] = useState<Mode>("reading");
  const [draft, setDraft] = useState(message.body);
  const edit = useMutation({
    mutationFn: (body: string) => editMessage(message.id, body),
    onSuccess: (changed) => {
      onChanged(changed);
      setMode("reading");
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteMessage(message.id),
    onSuccess: (changed) => {
      onChanged(changed);
      setMode("reading");
    },
  });
  const deleted = Boolean(message.deleted_at);

  function onSave(event?: FormEvent) {
    event?.preventDefault();
    const body = draft.trim();
    if (!body) return;
    if (body === message.body) return setMode("reading");
    edit.mutate(body);
  }

  function onEditKey(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      setMode("reading");
    } else if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onSave();
    }
  }

  return (
    <li className={`chat-message${mine ? " chat-message--mine" : ""}`} data-seq={message.seq}>
      <div className={`chat-message__bubble${deleted ? " is-deleted" : ""}`}>
        <span className="visually-hidden">{mine ? "You" : senderName}: </span>
        {deleted ? (
          <p className="chat-message__deleted">Message deleted</p>
        ) : mode === "editing" ? (
          <form className="chat-message__edit" aria-label="Edit message" onSubmit={onSave}>
            <label className="visually-hidden" htmlFor={`edit-${message.id}`}>
              Message
            </label>
            <textarea id={`edit-${message.id}`} rows={2} maxLength={MAX_BODY} value={draft} autoFocus onChange={(e) => setDraft(e.target.value)} onKeyDown={onEditKey} />
            <div className="button-row">
              <button type="submit" className="button button--primary button--small" disabled={edit.isPending || !draft.trim()}>
                {edit.isPending ? "Saving…" : "Save"}
              </button>
              <button type="button" className="button button--ghost button--small" onClick={() => setMode("reading")}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <>
            {message.body && <p className="chat-message__body">{message.body}</p>}
            {message.attachments.length > 0 && (
              <ul className="chat-message__files" aria-label="Attachments">
                {message.attachments.map((id, n) => (
                  <li key={id}>
                    <DocumentButton path={fileUrl(id)} mode="view" className="link-button">
                      Attachment {n + 1}
                    </DocumentButton>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      <p className="chat-message__meta">
        <time dateTime={message.created_at} title={new Date(message.created_at).toLocaleString()}>
          {formatMessageTime(message.created_at)}
        </time>
        {message.edited_at && !deleted && <span> · edited</span>}
        {mine && !deleted && mode === "reading" && (
          <>
            {" · "}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setDraft(message.body);
                edit.reset();
                setMode("editing");
              }}
            >
              Edit
            </button>
            {" · "}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                remove.reset();
                setMode("deleting");
              }}
            >
              Delete
            </button>
          </>
        )}
        {!mine && !deleted && mode === "reading" && (
          <>
            {" · "}
            <button type="button" className="link-button" aria-label={`Report message from ${senderName}`} onClick={() => setMode("reporting")}>
              Report
            </button>
          </>
        )}
      </p>
      {mode === "reporting" && <ReportDialog kind="message" subjectId={message.id} what={`message from ${senderName}`} onClose={() => setMode("reading")} />}
      {mode === "deleting" && !deleted && (
        <div className="chat-message__confirm" role="group" aria-label="Delete message">
          <span>Delete this message for both of you?</span>
          <button type="button" className="button button--primary button--small" disabled={remove.isPending} onClick={() => remove.mutate()}>
            {remove.isPending ? "Deleting…" : "Delete"}
          </button>
          <button type="button" className="button button--ghost button--small" onClick={() => setMode("reading")}>
            Cancel
          </button>
        </div>
      )}
      <FormErrors error={edit.error ?? remove.error} />
      {seen && <p className="chat-message__seen">Seen</p>}
    </li>
  );
}

interface PendingMessageProps {
  message: Outgoing;
  onRetry: () => void;
  onDiscard: () => void;
}

/** A message of one's own on its way, or one that failed with a way to send it again. */
export function PendingMessage({ message, onRetry, onDiscard }: PendingMessageProps) {
  const failed = message.status === "failed";
  return (
    <li className={`chat-message chat-message--mine ${failed ? "is-failed" : "is-sending"}`}>
      <div className="chat-message__bubble">
        <span className="visually-hidden">You: </span>
        {message.body && <p className="chat-message__body">{message.body}</p>}
        {message.attachments.length > 0 && (
          <ul className="chat-message__files" aria-label="Attachments">
            {message.attachments.map((file) => (
              <li key={file.id}>{file.name}</li>
            ))}
          </ul>
        )}
      </div>
      {failed ? (
        <div className="chat-message__failed" role="alert">
          <span>Not sent: {errorMessage(message.error)}</span>
          <button type="button" className="button button--secondary button--small" onClick={onRetry}>
            Retry
          </button>
          <button type="button" className="button button--ghost button--small" onClick={onDiscard}>
            Discard
          </button>
        </div>
      ) : (
        <p className="chat-message__meta">Sending…</p>
      )}
    </li>
  );
}
