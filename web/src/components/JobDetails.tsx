import type { Job } from "../api/types";
import { describePay } from "../lib/jobs";
import { DURATIONS, EXPERIENCE_LEVELS, PAYMENT_TYPES, formatAgo, formatDate } from "../lib/labels";

/** A job in full, as freelancers and its owner read it. */
export function JobDetails({ job, categoryName }: { job: Job; categoryName?: string }) {
  return (
    <article className="card job-details" aria-labelledby="job-title">
      <h1 id="job-title">{job.title}</h1>
      <ul className="meta">
        {categoryName && <li>{categoryName}</li>}
        {job.posted_at && <li>Posted {formatAgo(job.posted_at)}</li>}
        {job.visibility === "invite_only" && <li>Invite only</li>}
      </ul>
      <dl className="facts">
        <div>
          <dt>{PAYMENT_TYPES[job.payment_type]}</dt>
          <dd>{describePay(job)}</dd>
        </div>
        {job.payment_type === "hourly" && job.hours_per_week && (
          <div>
            <dt>Hours per week</dt>
            <dd>{job.hours_per_week}</dd>
          </div>
        )}
        <div>
          <dt>Experience</dt>
          <dd>{EXPERIENCE_LEVELS[job.experience_level]}</dd>
        </div>
        {job.duration && (
          <div>
            <dt>Duration</dt>
            <dd>{DURATIONS[job.duration]}</dd>
          </div>
        )}
        {job.deadline && (
          <div>
            <dt>Deadline</dt>
            <dd>{formatDate(job.deadline)}</dd>
          </div>
        )}
        {job.hires_wanted > 1 && (
          <div>
            <dt>Hiring</dt>
            <dd>
              {job.hires_count} of {job.hires_wanted} people
            </dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="job-description">
        <h2 id="job-description">Description</h2>
        <p className="prose">{job.description}</p>
      </section>
      {job.skills.length > 0 && (
        <section aria-labelledby="job-skills" className="subsection">
          <h2 id="job-skills">Skills</h2>
          <ul className="chips">
            {job.skills.map((skill) => (
              <li key={skill.slug} className="chip">
                {skill.name}
              </li>
            ))}
          </ul>
        </section>
      )}
      {job.screening_questions.length > 0 && (
        <section aria-labelledby="job-questions" className="subsection">
          <h2 id="job-questions">Screening questions</h2>
          <ol>
            {job.screening_questions.map((question, i) => (
              <li key={i}>{question}</li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
