import { Link, useNavigate, useParams } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSession } from "../auth/session";
import { JobForm } from "../components/JobForm";
import { ErrorPanel, Loading } from "../components/Status";
import { jobQuery } from "./marketQueries";

export function EditJobPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const queryClient = useQueryClient();
  const job = useQuery(jobQuery(id));

  if (job.isPending) return <Loading label="Loading the job…" />;
  if (job.isError) return <ErrorPanel error={job.error} retry={() => job.refetch()} />;
  if (job.data.client_id !== session?.user.id) {
    return (
      <div className="card empty-state">
        <h1>Not your job</h1>
        <p className="muted">Only the client who posted a job can edit it.</p>
        <Link to={`/jobs/${id}`}>Back to the job</Link>
      </div>
    );
  }
  if (job.data.status !== "draft" && job.data.status !== "open") {
    return (
      <div className="card empty-state">
        <h1>This job can no longer be edited</h1>
        <p className="muted">Only drafts and open jobs can be changed. Reopen a closed job first.</p>
        <Link to={`/jobs/${id}`}>Back to the job</Link>
      </div>
    );
  }

  return (
    <div className="stack narrow">
      <h1>Edit job</h1>
      <JobForm
        job={job.data}
        onCancel={() => navigate(`/jobs/${id}`)}
        onSaved={(saved) => {
          queryClient.setQueryData(jobQuery(saved.id).queryKey, saved);
          queryClient.invalidateQueries({ queryKey: ["jobs", "mine"] });
          navigate(`/jobs/${saved.id}`, { state: { saved: "edited" } });
        }}
      />
    </div>
  );
}
