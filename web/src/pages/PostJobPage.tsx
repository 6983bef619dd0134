import { useNavigate } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import { JobForm } from "../components/JobForm";
import { jobQuery } from "./marketQueries";

export function PostJobPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <div className="stack narrow">
      <div>
        <h1>Post a job</h1>
        <p className="muted">Describe the work, set a budget, and freelancers can start sending proposals.</p>
      </div>
      <JobForm
        onCancel={() => navigate("/my/jobs")}
        onSaved={(job) => {
          queryClient.setQueryData(jobQuery(job.id).queryKey, job);
          queryClient.invalidateQueries({ queryKey: ["jobs", "mine"] });
          navigate(`/jobs/${job.id}`, { state: { saved: job.status === "draft" ? "draft" : "posted" } });
        }}
      />
    </div>
  );
}
