import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation, useQuery } from "@tanstack/react-query";
import { listMyJobs } from "../api/jobs";
import { inviteFreelancer } from "../api/proposals";
import { SelectField, TextAreaField } from "./Field";
import { FormErrors, serverFieldErrors } from "./FormErrors";
import { Loading } from "./Status";
import { FormActions } from "./FormActions";

interface InviteToJobProps {
  freelancerId: string;
  freelancerName: string;
  onClose: () => void;
}

/** Invites a freelancer to propose on one of the caller's open jobs. */
export function InviteToJob({ freelancerId, freelancerName, onClose }: InviteToJobProps) {
  const jobs = useQuery({ queryKey: ["jobs", "mine", "open", "all"], queryFn: () => listMyJobs({ status: "open", limit: 100 }) });
  const [jobId, setJobId] = useState("");
  const [message, setMessage] = useState("");
  const invite = useMutation({ mutationFn: (job: string) => inviteFreelancer(job, freelancerId, message) });
  const open = jobs.data?.items ?? [];
  const chosen = jobId || open[0]?.id || "";
  const errors = serverFieldErrors(invite.error);

  if (jobs.isPending) return <Loading label="Loading your open jobs…" />;
  if (invite.isSuccess) {
    const title = open.find((job) => job.id === chosen)?.title ?? "your job";
    return (
      <div className="confirm-panel">
        <p role="status">
          Invited {freelancerName} to “{title}”.
        </p>
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }
  if (open.length === 0) {
    return (
      <div className="confirm-panel">
        <p>
          You have no open jobs to invite {freelancerName} to. <Link to="/jobs/new">Post a job</Link> first.
        </p>
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setJobId(chosen);
    invite.mutate(chosen);
  }

  return (
    <form className="form confirm-panel" aria-label={`Invite ${freelancerName}`} onSubmit={onSubmit}>
      <FormErrors error={invite.error} shown={["message"]} />
      <SelectField label="Job" value={chosen} onChange={(e) => setJobId(e.target.value)}>
        {open.map((job) => (
          <option key={job.id} value={job.id}>
            {job.title}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label="Message (optional)"
        rows={3}
        maxLength={2000}
        value={message}
        error={errors.message}
        placeholder={`Hi ${freelancerName.split(" ")[0]}, I think you would be a great fit for this job.`}
        onChange={(e) => setMessage(e.target.value)}
      />
      <FormActions small pending={invite.isPending} pendingLabel="Sending…" submitLabel="Send invitation" onCancel={onClose} />
    </form>
  );
}
