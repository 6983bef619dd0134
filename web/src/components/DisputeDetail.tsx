import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import type { DisputeResolution, DisputeWithTimeline, Money } from "../api/types";
import { describeDeadline, describeDisputeEvent, describeResolution, disputeSubject } from "../lib/disputes";
import { DISPUTE_REASONS, DISPUTE_STATUSES, formatDate, formatDateTime } from "../lib/labels";
import { formatMoney } from "../lib/money";
import { useContractParties } from "../lib/useContractParties";
import { contractQuery } from "../pages/marketQueries";
import { DisputeActions } from "./DisputeActions";
import { StatusBadge } from "./StatusBadge";
import { Timeline } from "./Timeline";

/** A dispute as its parties and admins see it (`listPath` leads back to the list the viewer came from): what and how much, the deadline to respond, the decision, and everything said. */
export function DisputeDetail({ dispute: d, listPath }: { dispute: DisputeWithTimeline; listPath: string }) {
  const { me, nameOf } = useContractParties(d);
  const contract = useQuery(contractQuery(d.contract_id)).data;
  const entries = d.timeline.map((entry) => ({ heading: describeDisputeEvent(entry, nameOf), created_at: entry.created_at, text: entry.body, file_ids: entry.file_ids }));
  return (
    <div className="stack narrow">
      <article className="card" aria-labelledby="dispute-title">
        <p className="breadcrumb">
          <Link to={listPath}>Disputes</Link> ›
        </p>
        <h1 id="dispute-title">Dispute over {disputeSubject(d, contract)}</h1>
        <ul className="meta">
          <li>
            <StatusBadge status={d.status} label={DISPUTE_STATUSES[d.status]} />
          </li>
          <li>
            <strong>{formatMoney(d.amount)}</strong> held
          </li>
          <li>{DISPUTE_REASONS[d.reason]}</li>
          <li>
            Opened by {nameOf(d.opened_by)} on {formatDate(d.created_at)}
          </li>
          {d.closed_at && <li>Closed {formatDateTime(d.closed_at)}</li>}
        </ul>
        <p>
          Contract: <Link to={`/contracts/${d.contract_id}`}>{contract?.title ?? "View contract"}</Link>
        </p>
        <p className="notice" role="status">
          {describeDeadline(d, nameOf)}
        </p>
        {d.resolution && <Decision resolution={d.resolution} held={d.amount} />}
      </article>
      <section className="card" aria-labelledby="dispute-timeline-title">
        <h2 id="dispute-timeline-title">What was said</h2>
        <Timeline label="Dispute timeline" entries={entries} />
        <DisputeActions dispute={d} me={me} />
      </section>
    </div>
  );
}

function Decision({ resolution, held }: { resolution: DisputeResolution; held: Money }) {
  return (
    <section className="dispute-decision" aria-labelledby="decision-title">
      <h2 id="decision-title">Decision</h2>
      <p>{describeResolution(resolution, held)}</p>
      <p className="prose">{resolution.note}</p>
    </section>
  );
}
