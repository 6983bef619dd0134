import { Link, useLocation, useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../api/errors";
import { useSession } from "../auth/session";
import { ErrorPanel, Loading } from "../components/Status";
import { StatusBadge } from "../components/StatusBadge";
import { describeContractTerms } from "../lib/contracts";
import { CONTRACT_STATUSES, MILESTONE_STATUSES, formatDate } from "../lib/labels";
import { formatMoney } from "../lib/money";
import { contractQuery } from "./marketQueries";
import { publicProfileQuery } from "./profileQueries";

export function ContractPage() {
  const { id = "" } = useParams();
  const location = useLocation();
  const hired = (location.state as { hired?: string } | null)?.hired;
  const session = useSession();
  const contract = useQuery(contractQuery(id));

  if (contract.isPending) return <Loading label="Loading the contract…" />;
  if (contract.isError) {
    if (contract.error instanceof ApiError && (contract.error.status === 404 || contract.error.status === 400)) {
      return (
        <div className="card empty-state">
          <h1>Contract not found</h1>
          <p className="muted">Only the client and the freelancer of a contract can see it.</p>
          <Link to="/contracts">My contracts</Link>
        </div>
      );
    }
    return <ErrorPanel error={contract.error} retry={() => contract.refetch()} />;
  }

  const c = contract.data;
  return (
    <div className="stack narrow">
      {hired && (
        <p className="notice" role="status">
          You hired {hired}. The contract has started.
        </p>
      )}
      <article className="card contract" aria-labelledby="contract-title">
        <p className="breadcrumb">
          <Link to="/contracts">Contracts</Link> ›
        </p>
        <h1 id="contract-title">{c.title}</h1>
        <ul className="meta">
          <li>
            <StatusBadge status={c.status} label={CONTRACT_STATUSES[c.status]} />
          </li>
          <li>Started {formatDate(c.started_at)}</li>
          {c.ended_at && <li>Ended {formatDate(c.ended_at)}</li>}
          <li>
            <Link to={`/jobs/${c.job_id}`}>View job</Link>
          </li>
        </ul>
        <dl className="facts">
          <div>
            <dt>Terms</dt>
            <dd>{describeContractTerms(c)}</dd>
          </div>
          <Party label="Client" userId={c.client_id} me={session?.user.id} />
          <Party label="Freelancer" userId={c.freelancer_id} me={session?.user.id} />
        </dl>
        {c.milestones.length > 0 ? (
          <table className="table">
            <caption>Milestones</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Milestone</th>
                <th scope="col">Amount</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {[...c.milestones]
                .sort((a, b) => a.position - b.position)
                .map((m, i) => (
                  <tr key={m.id}>
                    <td>{i + 1}</td>
                    <td>{m.title}</td>
                    <td>{formatMoney(m.amount)}</td>
                    <td>{m.due_date ? formatDate(m.due_date) : "—"}</td>
                    <td>
                      <StatusBadge status={m.status} label={MILESTONE_STATUSES[m.status]} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        ) : (
          c.payment_type === "fixed" && <p className="muted">No milestones: the whole amount is paid on completion.</p>
        )}
      </article>
    </div>
  );
}

function Party({ label, userId, me }: { label: string; userId: string; me?: string }) {
  const profile = useQuery(publicProfileQuery(userId));
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <Link to={`/users/${userId}`}>{profile.data?.name ?? "…"}</Link>
        {userId === me && <span className="muted"> (you)</span>}
      </dd>
    </div>
  );
}
