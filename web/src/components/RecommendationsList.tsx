import { useState } from "react";
import { Link } from "react-router";
import { listRecommendations, type RecommendationDirection } from "../api/sharing";
import type { Recommendation } from "../api/types";
import { useRoles } from "../auth/roles";
import { formatAgo } from "../lib/labels";
import { usePaged } from "../lib/usePaged";
import { InviteToJob } from "./InviteToJob";
import { LoadMore } from "./LoadMore";
import { PersonItem } from "./PersonItem";
import { ErrorPanel, Loading } from "./Status";

/** Freelancers friends recommended to the caller, or the caller to friends. */
export function RecommendationsList() {
  const [direction, setDirection] = useState<RecommendationDirection>("received");
  const recommendations = usePaged(["recommendations", direction], (cursor) => listRecommendations(direction, { cursor }));

  return (
    <section className="card" aria-labelledby="recommendations-heading">
      <div className="page-heading">
        <h2 id="recommendations-heading">Recommendations</h2>
        <label className="inline-select">
          Show{" "}
          <select value={direction} onChange={(e) => setDirection(e.target.value as RecommendationDirection)}>
            <option value="received">Received</option>
            <option value="sent">Sent</option>
          </select>
        </label>
      </div>
      {recommendations.isPending ? (
        <Loading label="Loading recommendations…" />
      ) : !recommendations.data ? (
        <ErrorPanel error={recommendations.error} retry={() => recommendations.refetch()} />
      ) : recommendations.items.length === 0 ? (
        <p className="muted">
          {direction === "received"
            ? "When a friend recommends a freelancer to you, it shows here."
            : "Recommend a freelancer to a friend from the freelancer’s profile."}
        </p>
      ) : (
        <ul className="people" aria-label={direction === "received" ? "Recommendations to you" : "Recommendations you sent"}>
          {recommendations.items.map((recommendation) => (
            <RecommendationItem key={recommendation.id} recommendation={recommendation} direction={direction} />
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={recommendations.hasNextPage}
        loading={recommendations.isFetchingNextPage}
        error={recommendations.isFetchNextPageError ? recommendations.error : null}
        onLoad={() => recommendations.fetchNextPage()}
      />
    </section>
  );
}

function RecommendationItem({ recommendation, direction }: { recommendation: Recommendation; direction: RecommendationDirection }) {
  const roles = useRoles();
  const [inviting, setInviting] = useState(false);
  const { freelancer, from, to } = recommendation;
  const received = direction === "received";
  return (
    <PersonItem
      user={freelancer}
      actions={
        received &&
        roles.client &&
        !inviting && (
          <button type="button" className="button button--secondary button--small" onClick={() => setInviting(true)}>
            Invite to job
          </button>
        )
      }
      below={
        <>
          {recommendation.note && <blockquote className="person__note prose">{recommendation.note}</blockquote>}
          {inviting && <InviteToJob freelancerId={freelancer.id} freelancerName={freelancer.name} onClose={() => setInviting(false)} />}
        </>
      }
    >
      {received ? (
        <>
          Recommended by <Link to={`/users/${from.id}`}>{from.name}</Link>
        </>
      ) : (
        <>
          You recommended them to <Link to={`/users/${to.id}`}>{to.name}</Link>
        </>
      )}{" "}
      · {formatAgo(recommendation.created_at)}
    </PersonItem>
  );
}
