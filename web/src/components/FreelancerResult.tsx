import { useState } from "react";
import { Link } from "react-router";
import type { FreelancerCard } from "../api/types";
import { AVAILABILITY, EXPERIENCE_LEVELS } from "../lib/labels";
import { formatHourlyRate } from "../lib/money";
import { Avatar } from "./Avatar";
import { InviteToJob } from "./InviteToJob";
import { LevelBadge } from "./LevelBadge";

/** "★ 4.8 (12 reviews)", or that there are none yet. */
export function describeRating(card: Pick<FreelancerCard, "rating" | "rating_count">): string {
  if (card.rating === null || card.rating === undefined || card.rating_count === 0) return "No reviews yet";
  return `★ ${card.rating.toFixed(1)} (${card.rating_count} review${card.rating_count === 1 ? "" : "s"})`;
}

/** A freelancer in the search results, with the way to invite them. */
export function FreelancerResult({ freelancer }: { freelancer: FreelancerCard }) {
  const [inviting, setInviting] = useState(false);
  const headingId = `freelancer-${freelancer.id}`;
  return (
    <article className="card freelancer-card" aria-labelledby={headingId}>
      <div className="freelancer-card__head">
        <Avatar name={freelancer.name} url={freelancer.avatar_url} size="small" />
        <div className="freelancer-card__who">
          <h2 id={headingId} className="list-item__title">
            <Link to={`/users/${freelancer.id}`}>{freelancer.name}</Link>
          </h2>
          {freelancer.headline && <p className="muted">{freelancer.headline}</p>}
        </div>
        <strong className="rate">{freelancer.hourly_rate ? formatHourlyRate(freelancer.hourly_rate) : "Rate on request"}</strong>
      </div>
      <ul className="meta">
        <li>
          <LevelBadge level={freelancer.level} />
        </li>
        <li>{describeRating(freelancer)}</li>
        <li>
          {freelancer.completed_jobs} job{freelancer.completed_jobs === 1 ? "" : "s"} completed
        </li>
        <li>{EXPERIENCE_LEVELS[freelancer.experience_level]}</li>
        <li>{AVAILABILITY[freelancer.availability]}</li>
        {freelancer.location && <li>{freelancer.location}</li>}
      </ul>
      {freelancer.skills.length > 0 && (
        <ul className="chips" aria-label="Skills">
          {freelancer.skills.map((skill) => (
            <li key={skill.slug} className="chip">
              {skill.name}
            </li>
          ))}
        </ul>
      )}
      {inviting ? (
        <InviteToJob freelancerId={freelancer.id} freelancerName={freelancer.name} onClose={() => setInviting(false)} />
      ) : (
        <div className="form-actions freelancer-card__actions">
          <button type="button" className="button button--secondary button--small" onClick={() => setInviting(true)}>
            Invite to job
          </button>
        </div>
      )}
    </article>
  );
}
