import { useQuery } from "@tanstack/react-query";
import { getContractReviews } from "../api/reviews";
import type { ContractDetail, Review } from "../api/types";
import type { PartyRole } from "../lib/contracts";
import { formatDate } from "../lib/labels";
import { ReviewForm } from "./ReviewForm";
import { ReviewItem } from "./ReviewItem";
import { ErrorPanel, Loading } from "./Status";

export const contractReviewsQuery = (contractId: string) => ({
  queryKey: ["contracts", contractId, "reviews"] as const,
  queryFn: () => getContractReviews(contractId),
});

interface ContractReviewsProps {
  contract: ContractDetail;
  role: PartyRole | null;
  nameOf: (userId: string) => string;
}

/**
 * A finished contract's reviews. Double-blind: each side reads the other's
 * review only once both have written theirs, or when the window closes.
 */
export function ContractReviews({ contract, role, nameOf }: ContractReviewsProps) {
  const reviews = useQuery(contractReviewsQuery(contract.id));
  // A cancelled contract is reviewed only when money changed hands, as the server says.
  const optional = contract.status !== "completed";
  if (reviews.isPending) return optional ? null : <Loading label="Loading reviews…" />;
  if (reviews.isError) return optional ? null : <ErrorPanel error={reviews.error} retry={() => reviews.refetch()} />;

  const { can_review, from_client, from_freelancer, window_closes_at } = reviews.data;
  if (optional && !can_review && !from_client && !from_freelancer) return null;
  const mine = role === "client" ? from_client : role === "freelancer" ? from_freelancer : null;
  const theirs = role === "client" ? from_freelancer : role === "freelancer" ? from_client : null;
  const otherId = role === "client" ? contract.freelancer_id : contract.client_id;
  const other = nameOf(otherId);
  const closes = window_closes_at ? ` (by ${formatDate(window_closes_at)})` : "";

  return (
    <section className="card" aria-labelledby="reviews-title">
      <h2 id="reviews-title">Reviews</h2>
      {role ? (
        <>
          <p className="muted">
            Reviews are hidden until the other party reviews or 14 days pass{closes}; neither of you can change what you wrote.
          </p>
          <div className="stack">
            <div>
              <h3>Your review of {other}</h3>
              {mine ? (
                <Written review={mine} hiddenNote={`Hidden from ${other} until they review or 14 days pass.`} />
              ) : can_review ? (
                <ReviewForm contractId={contract.id} revieweeName={other} />
              ) : (
                <p className="muted">The time to review this contract has passed.</p>
              )}
            </div>
            <div>
              <h3>{other}’s review of you</h3>
              {theirs ? (
                <Written review={theirs} canReply={Boolean(theirs.released_at)} />
              ) : (
                <p className="muted">Not there yet: it shows once {other} has reviewed and you have too, or when 14 days pass.</p>
              )}
            </div>
          </div>
        </>
      ) : (
        <div className="stack">
          {[from_client, from_freelancer].map((review) => review && <Written key={review.id} review={review} />)}
          {!from_client && !from_freelancer && <p className="muted">No reviews yet.</p>}
        </div>
      )}
    </section>
  );
}

function Written({ review, hiddenNote, canReply }: { review: Review; hiddenNote?: string; canReply?: boolean }) {
  return (
    <>
      {!review.released_at && hiddenNote && <p className="notice notice--muted">{hiddenNote}</p>}
      <ReviewItem review={review} canReply={canReply} />
    </>
  );
}
