import { useQuery } from "@tanstack/react-query";
import { getProfileViews } from "../api/reviews";
import type { ProfileViewSeries } from "../api/types";
import { formatDate } from "../lib/labels";

/** "12 people viewed your profile in the last 30 days; most on Dec 3, 2026 (4)." */
export function describeViews(series: ProfileViewSeries): string {
  const days = series.items.length;
  if (series.total === 0) return `No one viewed your profile in the last ${days} days.`;
  const busiest = series.items.reduce((best, day) => (day.views > best.views ? day : best));
  const who = series.total === 1 ? "1 view" : `${series.total} views`;
  return `${who} of your profile in the last ${days} days; most on ${formatDate(busiest.day)} (${busiest.views}).`;
}

/** The owner's profile views over the last 30 days, day by day. */
export function ProfileViews() {
  const views = useQuery({ queryKey: ["profile", "views"], queryFn: () => getProfileViews() });
  if (!views.data) return null;
  const series = views.data;
  const peak = Math.max(1, ...series.items.map((day) => day.views));
  return (
    <section className="card" aria-labelledby="profile-views-title">
      <h2 id="profile-views-title">Profile views</h2>
      <p>{describeViews(series)}</p>
      {series.total > 0 && (
        <ol className="view-bars" aria-hidden="true">
          {series.items.map((day) => (
            <li key={day.day} title={`${formatDate(day.day)}: ${day.views}`} style={{ height: `${(day.views / peak) * 100}%` }} />
          ))}
        </ol>
      )}
    </section>
  );
}
