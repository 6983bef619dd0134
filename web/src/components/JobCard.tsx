import { Link } from "react-router";
import type { JobSummary } from "../api/types";
import { describePay } from "../lib/jobs";
import { EXPERIENCE_LEVELS, PAYMENT_TYPES, formatAgo, formatDate } from "../lib/labels";

/** A job in a list: what it pays, who it suits, and the start of its description. */
export function JobCard({ job, categoryName }: { job: JobSummary; categoryName?: string }) {
  return (
    <article className="card job-card" aria-labelledby={`job-${job.id}`}>
      <h2 id={`job-${job.id}`} className="job-card__title">
        <Link to={`/jobs/${job.id}`}>{job.title}</Link>
      </h2>
      <ul className="meta">
        <li>
          <strong>{PAYMENT_TYPES[job.payment_type]}</strong>: {describePay(job)}
        </li>
        <li>{EXPERIENCE_LEVELS[job.experience_level]}</li>
        {categoryName && <li>{categoryName}</li>}
        {job.deadline && <li>Due {formatDate(job.deadline)}</li>}
        {job.posted_at && <li>Posted {formatAgo(job.posted_at)}</li>}
      </ul>
      <p className="job-card__snippet">{job.snippet}</p>
      {job.skills.length > 0 && (
        <ul className="chips" aria-label="Skills">
          {job.skills.map((skill) => (
            <li key={skill.slug} className="chip">
              {skill.name}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
