import { Link, useNavigate, useParams } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getProposal, updateProposal } from "../api/proposals";
import { ProposalForm } from "../components/ProposalForm";
import { ErrorPanel, Loading } from "../components/Status";
import { jobQuery } from "./marketQueries";

export function EditProposalPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const proposal = useQuery({ queryKey: ["proposals", "one", id], queryFn: () => getProposal(id) });
  const jobId = proposal.data?.job_id ?? "";
  // The form needs the job's screening questions, which the summary lacks.
  const job = useQuery({ ...jobQuery(jobId), enabled: jobId !== "" });

  if (proposal.isError) return <ErrorPanel error={proposal.error} retry={() => proposal.refetch()} />;
  if (job.isError) return <ErrorPanel error={job.error} retry={() => job.refetch()} />;
  if (!proposal.data || !job.data) return <Loading label="Loading your proposal…" />;
  if (proposal.data.status !== "submitted" && proposal.data.status !== "shortlisted") {
    return (
      <div className="card empty-state">
        <h1>This proposal can no longer be changed</h1>
        <Link to="/my/proposals">Back to my proposals</Link>
      </div>
    );
  }

  return (
    <div className="stack narrow">
      <h1>Edit proposal</h1>
      <p className="muted">
        For <Link to={`/jobs/${job.data.id}`}>{job.data.title}</Link>
      </p>
      <div className="card">
        <ProposalForm
          job={job.data}
          proposal={proposal.data}
          submitLabel="Save proposal"
          submit={(input) => updateProposal(id, input)}
          onCancel={() => navigate("/my/proposals")}
          onSubmitted={() => {
            queryClient.invalidateQueries({ queryKey: ["proposals"] });
            navigate("/my/proposals", { state: { saved: true } });
          }}
        />
      </div>
    </div>
  );
}
