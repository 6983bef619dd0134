import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import type { WorkNote } from "../api/types";
import { AttachmentPicker, type Attachment } from "./AttachmentPicker";
import { TextAreaField } from "./Field";
import { FormActions } from "./FormActions";
import { FormErrors, serverFieldErrors } from "./FormErrors";

const MAX_MESSAGE = 5000;

interface WorkNoteFormProps {
  /** Names the form, e.g. "Submit work for Design". */
  label: string;
  messageLabel: string;
  messageHint?: string;
  submitLabel: string;
  pendingLabel: string;
  /** A hand-in carries files; a request for changes does not. */
  withAttachments?: boolean;
  send: (note: WorkNote) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
}

/** A message about a milestone's work: the freelancer's hand-in, or the client's request for changes. */
export function WorkNoteForm({ label, messageLabel, messageHint, submitLabel, pendingLabel, withAttachments = false, send, onDone, onCancel }: WorkNoteFormProps) {
  const [message, setMessage] = useState("");
  const [messageError, setMessageError] = useState<string | undefined>();
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const sending = useMutation({ mutationFn: send, onSuccess: onDone });
  const fields = serverFieldErrors(sending.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!message.trim()) return setMessageError("Write a message.");
    sending.mutate({ message: message.trim(), file_ids: attachments.map((a) => a.id) });
  }

  return (
    <form className="form confirm-panel" aria-label={label} onSubmit={onSubmit} noValidate>
      <FormErrors error={sending.error} shown={["message", "file_ids"]} />
      <TextAreaField
        label={messageLabel}
        rows={4}
        maxLength={MAX_MESSAGE}
        value={message}
        hint={messageHint}
        error={messageError ?? fields.message}
        onChange={(e) => {
          setMessage(e.target.value);
          setMessageError(undefined);
        }}
      />
      {withAttachments && <AttachmentPicker attachments={attachments} onChange={setAttachments} onBusyChange={setUploading} error={fields.file_ids} />}
      <FormActions submitLabel={submitLabel} pendingLabel={pendingLabel} pending={sending.isPending} busy={uploading} onCancel={onCancel} />
    </form>
  );
}
