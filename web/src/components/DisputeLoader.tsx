import type { ReactNode } from "react";
import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../api/errors";
import type { DisputeWithTimeline } from "../api/types";
import { disputeQuery } from "../pages/disputeQueries";
import { ErrorPanel, Loading } from "./Status";

/** Reads a dispute and hands it to `children`; "not found" for anyone who may not see it. */
export function DisputeLoader({ id, backTo, children }: { id: string; backTo: string; children: (dispute: DisputeWithTimeline) => ReactNode }) {
  const dispute = useQuery(disputeQuery(id));
  if (dispute.isPending) return <Loading label="Loading the dispute…" />;
  if (dispute.isError) {
    if (dispute.error instanceof ApiError && (dispute.error.status === 404 || dispute.error.status === 400)) {
      return (
        <div className="card empty-state">
          <h1>Dispute not found</h1>
          <p className="muted">Only the parties of a contract and the platform's admins can see its disputes.</p>
          <Link to={backTo}>Back to disputes</Link>
        </div>
      );
    }
    return <ErrorPanel error={dispute.error} retry={() => dispute.refetch()} />;
  }
  return <>{children(dispute.data)}</>;
}
