import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { listReports, resolveReport } from "../../api/admin";
import type { Report } from "../../api/types";
import { TextAreaField } from "../../components/Field";
import { FormErrors, serverFieldErrors } from "../../components/FormErrors";
import { LoadMore } from "../../components/LoadMore";
import { QueueHeading, useQueueStatus } from "../../components/QueueHeading";
import { ErrorPanel, Loading } from "../../components/Status";
import { StatusBadge } from "../../components/StatusBadge";
import { REPORT_REASONS, REPORT_STATUSES, formatDateTime } from "../../lib/labels";
import { usePaged } from "../../lib/usePaged";
import { FormActions } from "../../components/FormActions";

// The first is the default.
const FILTERS = { open: "Open", resolved: "Resolved", dismissed: "Dismissed", all: "All" } as const;
type StatusFilter = keyof typeof FILTERS;

/** Reports of users, jobs and messages; open ones are resolved or dismissed with a note. */
export function AdminReportsPage() {
  const [status, setStatus] = useQueueStatus(FILTERS);
  const reports = usePagedReports(status);

  return (
    <section className="stack" aria-labelledby="reports-title">
      <QueueHeading id="reports-title" title="Reports" filters={FILTERS} status={status} onChange={setStatus} />
      {reports.isPending ? (
        <Loading label="Loading reports…" />
      ) : reports.isError && reports.items.length === 0 ? (
        <ErrorPanel error={reports.error} retry={() => reports.refetch()} />
      ) : reports.items.length === 0 ? (
        <p className="muted">{status === "open" ? "No open reports." : "No reports."}</p>
      ) : (
        <ul className="stack report-list">
          {reports.items.map((report) => (
            <li key={report.id}>
              <ReportCard report={report} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore hasMore={reports.hasNextPage} loading={reports.isFetchingNextPage} error={reports.isFetchNextPageError ? reports.error : undefined} onLoad={() => reports.fetchNextPage()} />
    </section>
  );
}

function usePagedReports(status: StatusFilter) {
  return usePaged(["admin", "reports", status], (cursor) => listReports(status, cursor));
}

function Subject({ report }: { report: Report }) {
  if (report.subject_kind === "user") return <Link to={`/admin/users/${report.subject_id}`}>User {report.subject_id.slice(-8)}</Link>;
  if (report.subject_kind === "job") return <Link to={`/jobs/${report.subject_id}`}>Job {report.subject_id.slice(-8)}</Link>;
  return (
    <span>
      {report.subject_kind === "message" ? "Message" : report.subject_kind} {report.subject_id.slice(-8)}
    </span>
  );
}

function ReportCard({ report }: { report: Report }) {
  const [outcome, setOutcome] = useState<"resolved" | "dismissed" | null>(null);
  const reason = REPORT_REASONS[report.reason as keyof typeof REPORT_REASONS] ?? report.reason;
  return (
    <article className="card" aria-label={`Report: ${reason}`}>
      <p className="page-heading">
        <strong>{reason}</strong>
        <StatusBadge status={report.status === "open" ? "pending" : report.status} label={REPORT_STATUSES[report.status] ?? report.status} />
      </p>
      <ul className="meta">
        <li>
          <Subject report={report} />
        </li>
        <li>
          Reported by <Link to={`/admin/users/${report.reporter_id}`}>{report.reporter_id.slice(-8)}</Link>
        </li>
        <li>{formatDateTime(report.created_at)}</li>
        {report.handled_at && <li>Handled {formatDateTime(report.handled_at)}</li>}
      </ul>
      {report.details ? <p className="prose">{report.details}</p> : <p className="muted">No details given.</p>}
      {report.status === "open" &&
        (outcome ? (
          <HandleForm report={report} outcome={outcome} onClose={() => setOutcome(null)} />
        ) : (
          <div className="form-actions">
            <button type="button" className="button button--primary button--small" onClick={() => setOutcome("resolved")}>
              Resolve
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setOutcome("dismissed")}>
              Dismiss
            </button>
          </div>
        ))}
    </article>
  );
}

function HandleForm({ report, outcome, onClose }: { report: Report; outcome: "resolved" | "dismissed"; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | undefined>();
  const handle = useMutation({
    mutationFn: () => resolveReport(report.id, outcome, note.trim()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["admin", "reports"] });
      onClose();
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!note.trim()) return setNoteError("Write a note on what was done.");
    handle.mutate();
  }

  const verb = outcome === "resolved" ? "Resolve" : "Dismiss";
  return (
    <form className="form confirm-panel" aria-label={`${verb} report`} onSubmit={onSubmit} noValidate>
      <FormErrors error={handle.error} shown={["note"]} />
      <TextAreaField
        label="Note"
        rows={2}
        value={note}
        error={noteError ?? serverFieldErrors(handle.error).note}
        onChange={(e) => {
          setNote(e.target.value);
          setNoteError(undefined);
        }}
      />
      <FormActions small pending={handle.isPending} pendingLabel="Saving…" submitLabel={verb} onCancel={onClose} />
    </form>
  );
}
