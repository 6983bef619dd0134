import { listReviews } from "../api/reviews";
import type { ReviewList, ReviewSide } from "../api/types";
import { usePaged } from "../lib/usePaged";
import { LoadMore } from "./LoadMore";
import { ReviewItem } from "./ReviewItem";
import { ErrorPanel, Loading } from "./Status";

interface ProfileReviewsProps {
  userId: string;
  side: ReviewSide;
  /** The viewer owns the profile and may answer the reviews. */
  own: boolean;
}

/** "★ 4.7 from 12 reviews", or that there are none yet. */
export function describeAverage(average: number | null | undefined, count: number): string {
  if (!count || average === null || average === undefined) return "No reviews yet";
  return `★ ${average.toFixed(1)} from ${count} review${count === 1 ? "" : "s"}`;
}

/** The reviews a user received on one side of their contracts, with the average and count. */
export function ProfileReviews({ userId, side, own }: ProfileReviewsProps) {
  const reviews = usePaged(["reviews", userId, side], (cursor) => listReviews(userId, side, cursor));
  // The first page carries the average and count over all of them.
  const first = reviews.data?.pages[0] as ReviewList | undefined;
  const headingId = `reviews-${side}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{side === "freelancer" ? "Reviews as a freelancer" : "Reviews as a client"}</h2>
      {reviews.isPending ? (
        <Loading label="Loading reviews…" />
      ) : reviews.isError && !first ? (
        <ErrorPanel error={reviews.error} retry={() => reviews.refetch()} />
      ) : (
        <>
          <p className="review-summary">{describeAverage(first?.average, first?.count ?? 0)}</p>
          {reviews.items.length > 0 && (
            <ul className="plain-list review-list">
              {reviews.items.map((review) => (
                <li key={review.id}>
                  <ReviewItem review={review} canReply={own} />
                </li>
              ))}
            </ul>
          )}
          <LoadMore
            hasMore={reviews.hasNextPage}
            loading={reviews.isFetchingNextPage}
            error={reviews.isFetchNextPageError ? reviews.error : undefined}
            onLoad={() => reviews.fetchNextPage()}
            label="More reviews"
          />
        </>
      )}
    </section>
  );
}
