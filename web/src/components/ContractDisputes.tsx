import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { contractDisputesQuery } from "../pages/disputeQueries";
import { DisputeItem } from "./DisputeItem";

/** The contract's disputes, when there are any, each leading to its page. */
export function ContractDisputes({ contractId }: { contractId: string }) {
  const disputes = useQuery(contractDisputesQuery(contractId));
  if (!disputes.data || disputes.data.length === 0) return null;
  return (
    <section className="card" aria-labelledby="contract-disputes-title">
      <h2 id="contract-disputes-title">Disputes</h2>
      <ul className="list" aria-label="Disputes on this contract">
        {disputes.data.map((dispute) => (
          <li key={dispute.id} className="list-item">
            <DisputeItem dispute={dispute} href={`/disputes/${dispute.id}`} />
          </li>
        ))}
      </ul>
      <p>
        <Link to="/disputes">All my disputes</Link>
      </p>
    </section>
  );
}
