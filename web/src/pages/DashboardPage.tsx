import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import type { Contract } from "../api/types";
import { useSession } from "../auth/session";
import { ClientOverview } from "../components/ClientOverview";
import { FreelancerOverview } from "../components/FreelancerOverview";
import { ErrorPanel, Loading } from "../components/Status";
import { describeContractTerms } from "../lib/contracts";
import { formatDate } from "../lib/labels";
import { activeContractsQuery, dashboardQuery } from "./dashboardQueries";

/** The signed-in user's home: their figures as a freelancer and as a client, and the work under way. */
export function DashboardPage() {
  const dashboard = useQuery(dashboardQuery());
  return (
    <div className="stack">
      <div className="page-heading">
        <h1>Dashboard</h1>
        <p>
          <Link to="/balance">Balance</Link> · <Link to="/disputes">Disputes</Link>
        </p>
      </div>
      {dashboard.isPending ? (
        <Loading label="Loading your dashboard…" />
      ) : dashboard.isError ? (
        <ErrorPanel error={dashboard.error} retry={() => dashboard.refetch()} />
      ) : (
        <>
          {dashboard.data.freelancer && <FreelancerOverview figures={dashboard.data.freelancer} />}
          {dashboard.data.client && <ClientOverview figures={dashboard.data.client} />}
        </>
      )}
      <ActiveContracts />
    </div>
  );
}

function ActiveContracts() {
  const contracts = useQuery(activeContractsQuery());
  return (
    <section className="card" aria-labelledby="active-contracts-title">
      <h2 id="active-contracts-title">Active contracts</h2>
      {contracts.isPending ? (
        <Loading label="Loading contracts…" />
      ) : contracts.isError ? (
        <ErrorPanel error={contracts.error} retry={() => contracts.refetch()} />
      ) : contracts.data.length === 0 ? (
        <p className="muted">No contract under way. A contract starts when a client hires a freelancer.</p>
      ) : (
        <ContractsTable contracts={contracts.data} />
      )}
    </section>
  );
}

function ContractsTable({ contracts }: { contracts: Contract[] }) {
  const session = useSession();
  return (
    <table className="table" aria-labelledby="active-contracts-title">
      <thead>
        <tr>
          <th scope="col">Contract</th>
          <th scope="col">Terms</th>
          <th scope="col">Your side</th>
          <th scope="col">Started</th>
        </tr>
      </thead>
      <tbody>
        {contracts.map((c) => (
          <tr key={c.id}>
            <th scope="row">
              <Link to={`/contracts/${c.id}`}>{c.title}</Link>
            </th>
            <td>{describeContractTerms(c)}</td>
            <td>{c.client_id === session?.user.id ? "Client" : "Freelancer"}</td>
            <td>{formatDate(c.started_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
