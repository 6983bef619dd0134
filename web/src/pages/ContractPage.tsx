import { Link, useLocation, useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../api/errors";
import type { ContractDetail } from "../api/types";
import { AddMilestone } from "../components/AddMilestone";
import { BilledWeeks } from "../components/BilledWeeks";
import { ContractDisputes } from "../components/ContractDisputes";
import { ContractEnd } from "../components/ContractEnd";
import { ContractInvoices } from "../components/ContractInvoices";
import { ContractReviews } from "../components/ContractReviews";
import { MessageButton } from "../components/MessageButton";
import { MilestoneCard } from "../components/MilestoneCard";
import { ErrorPanel, Loading } from "../components/Status";
import { StatusBadge } from "../components/StatusBadge";
import { Timesheet } from "../components/Timesheet";
import { describeContractTerms } from "../lib/contracts";
import { CONTRACT_STATUSES, formatDate } from "../lib/labels";
import { useContractParties } from "../lib/useContractParties";
import { contractQuery } from "./marketQueries";
import { publicProfileQuery } from "./profileQueries";

export function ContractPage() {
  const { id = "" } = useParams();
  const location = useLocation();
  const hired = (location.state as { hired?: string } | null)?.hired;
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

  return <ContractView contract={contract.data} hired={hired} />;
}

function ContractView({ contract: c, hired }: { contract: ContractDetail; hired?: string }) {
  const { me, role, nameOf } = useContractParties(c);
  const milestones = [...c.milestones].sort((a, b) => a.position - b.position);
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
          {c.status === "active" && c.cancel_requested_by && (
            <li>
              <StatusBadge status="pending" label="Cancellation requested" />
            </li>
          )}
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
          <Party label="Client" userId={c.client_id} me={me} canMessage={role === "freelancer"} />
          <Party label="Freelancer" userId={c.freelancer_id} me={me} canMessage={role === "client"} />
        </dl>
      </article>
      {c.payment_type === "hourly" && (
        <>
          <Timesheet contract={c} role={role} />
          <BilledWeeks contract={c} role={role} />
        </>
      )}
      {(milestones.length > 0 || c.payment_type === "fixed") && (
        <section className="card" aria-labelledby="milestones-title">
          <h2 id="milestones-title">Milestones</h2>
          {milestones.length === 0 ? (
            <p className="muted">No milestones yet. Add one for the client to fund.</p>
          ) : (
            <ol className="milestone-list">
              {milestones.map((m, i) => (
                <li key={m.id}>
                  <MilestoneCard
                    contract={c}
                    milestone={m}
                    number={i + 1}
                    history={c.history.filter((event) => event.milestone_id === m.id)}
                    role={role}
                    nameOf={nameOf}
                  />
                </li>
              ))}
            </ol>
          )}
          {role && <AddMilestone contract={c} />}
        </section>
      )}
      {role && <ContractDisputes contractId={c.id} />}
      {(c.status === "completed" || c.status === "cancelled") && <ContractReviews contract={c} role={role} nameOf={nameOf} />}
      <ContractInvoices contractId={c.id} me={me} />
      {role && me && <ContractEnd contract={c} role={role} me={me} nameOf={nameOf} />}
    </div>
  );
}

/** One side of the contract; the other side may write to them from here. */
function Party({ label, userId, me, canMessage }: { label: string; userId: string; me?: string; canMessage: boolean }) {
  const profile = useQuery(publicProfileQuery(userId));
  const name = profile.data?.name ?? "…";
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <Link to={`/users/${userId}`}>{name}</Link>
        {userId === me && <span className="muted"> (you)</span>}
        {canMessage && userId !== me && (
          <>
            {" "}
            <MessageButton userId={userId} name={name} />
          </>
        )}
      </dd>
    </div>
  );
}
