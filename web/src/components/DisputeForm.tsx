import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { openDispute } from "../api/disputes";
import type { DisputeReason } from "../api/types";
import { MAX_DESCRIPTION, MIN_DESCRIPTION } from "../lib/disputes";
import { DISPUTE_REASONS } from "../lib/labels";
import { refreshDisputes } from "../pages/disputeQueries";
import { AttachmentPicker, type Attachment } from "./AttachmentPicker";
import { SelectField, TextAreaField } from "./Field";
import { FormActions } from "./FormActions";
import { FormErrors, serverFieldErrors } from "./FormErrors";

interface DisputeFormProps {
  /** Names the form: "Dispute Design". */
  label: string;
  /** What is disputed: a milestone or a billed hourly week. */
  subject: { milestone_id: string } | { hourly_week_id: string };
  onCancel: () => void;
}

/** Contests the money held for a milestone or a week: why, what went wrong, and evidence. Leads to the new dispute. */
export function DisputeForm({ label, subject, onCancel }: DisputeFormProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<DisputeReason>("not_delivered");
  const [description, setDescription] = useState("");
  const [descriptionError, setDescriptionError] = useState<string | undefined>();
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const opening = useMutation({
    mutationFn: () => openDispute({ ...subject, reason, description: description.trim(), evidence_file_ids: attachments.map((a) => a.id) }),
    onSuccess: (dispute) => {
      refreshDisputes(queryClient);
      navigate(`/disputes/${dispute.id}`);
    },
  });
  const fields = serverFieldErrors(opening.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (description.trim().length < MIN_DESCRIPTION) return setDescriptionError(`Describe what went wrong in at least ${MIN_DESCRIPTION} characters.`);
    opening.mutate();
  }

  return (
    <form className="form confirm-panel" aria-label={label} onSubmit={onSubmit} noValidate>
      <p>The money stays in escrow, released to no one, until the dispute is withdrawn or an admin decides it. The other party is asked to respond.</p>
      <FormErrors error={opening.error} shown={["reason", "description", "evidence_file_ids"]} />
      <SelectField label="Reason" value={reason} error={fields.reason} onChange={(e) => setReason(e.target.value as DisputeReason)}>
        {Object.entries(DISPUTE_REASONS).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label="What went wrong"
        rows={4}
        maxLength={MAX_DESCRIPTION}
        value={description}
        hint="What was agreed, what happened, and what you ask for."
        error={descriptionError ?? fields.description}
        onChange={(e) => {
          setDescription(e.target.value);
          setDescriptionError(undefined);
        }}
      />
      <AttachmentPicker attachments={attachments} onChange={setAttachments} onBusyChange={setUploading} error={fields.evidence_file_ids} />
      <FormActions submitLabel="Open dispute" pendingLabel="Opening…" pending={opening.isPending} busy={uploading} onCancel={onCancel} />
    </form>
  );
}
