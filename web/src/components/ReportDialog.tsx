import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { reportContent } from "../api/reports";
import type { ReportReason, ReportSubject } from "../api/types";
import { REPORT_REASONS } from "../lib/labels";
import { Options, SelectField, TextAreaField } from "./Field";
import { FormErrors, serverFieldErrors } from "./FormErrors";
import { FormActions } from "./FormActions";

interface ReportDialogProps {
  kind: ReportSubject;
  subjectId: string;
  /** What is reported, as the form's name: "Finn Freelancer", "this message". */
  what: string;
  onClose: () => void;
}

/** Tells the moderators about a user, a job or a message: why, and details. */
export function ReportDialog({ kind, subjectId, what, onClose }: ReportDialogProps) {
  const [reason, setReason] = useState<ReportReason | "">("");
  const [details, setDetails] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const report = useMutation({
    mutationFn: (why: ReportReason) => reportContent(kind, subjectId, why, details.trim()),
  });
  const errors = serverFieldErrors(report.error);

  if (report.isSuccess) {
    return (
      <div className="confirm-panel">
        <p role="status">Thanks, we received your report. Our moderators will look into it.</p>
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!reason) return setReasonError("Pick a reason.");
    report.mutate(reason);
  }

  return (
    <form className="form confirm-panel" aria-label={`Report ${what}`} onSubmit={onSubmit} noValidate>
      <FormErrors error={report.error} shown={["reason", "details"]} />
      <SelectField
        label="Reason"
        value={reason}
        error={reasonError ?? errors.reason}
        onChange={(e) => {
          setReason(e.target.value as ReportReason | "");
          setReasonError(undefined);
        }}
      >
        <option value="">Choose…</option>
        <Options labels={REPORT_REASONS} />
      </SelectField>
      <TextAreaField
        label="Details (optional)"
        rows={3}
        maxLength={2000}
        value={details}
        error={errors.details}
        hint="What happened? Only the moderators read this."
        onChange={(e) => setDetails(e.target.value)}
      />
      <FormActions small pending={report.isPending} pendingLabel="Sending…" submitLabel="Send report" onCancel={onClose} />
    </form>
  );
}

/** "Report this job" and, once clicked, the dialog in its place. */
export function ReportButton({ kind, subjectId, what, label }: Omit<ReportDialogProps, "onClose"> & { label: string }) {
  const [open, setOpen] = useState(false);
  return open ? (
    <ReportDialog kind={kind} subjectId={subjectId} what={what} onClose={() => setOpen(false)} />
  ) : (
    <button type="button" className="link-button" onClick={() => setOpen(true)}>
      {label}
    </button>
  );
}
