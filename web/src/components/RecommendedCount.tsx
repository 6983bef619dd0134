import { useQuery } from "@tanstack/react-query";
import { describeTimesRecommended } from "../lib/friends";
import { recommendationStatsQuery } from "../pages/friendQueries";

/** How often friends recommended the freelancer, on their own pages. */
export function RecommendedCount() {
  const stats = useQuery(recommendationStatsQuery());
  if (!stats.data) return null;
  const times = stats.data.times_recommended;
  return (
    <p className="notice notice--muted">
      {times > 0 ? `${describeTimesRecommended(times)} to friends.` : "No one has recommended you to a friend yet."}
    </p>
  );
}
