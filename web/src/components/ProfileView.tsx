import type { PublicProfile } from "../api/types";
import { fileUrl } from "../api/endpoints";
import { formatHourlyRate } from "../lib/money";
import { AVAILABILITY, COMPANY_SIZES, ROLES, formatMonth, formatPeriod } from "../lib/labels";
import { Avatar } from "./Avatar";
import { LevelBadge } from "./LevelBadge";

interface ProfileViewProps {
  profile: PublicProfile;
  /** Shown only on the owner's own page. */
  email?: string;
}

/** A profile as people see it: the same view for the owner and the public. */
export function ProfileView({ profile, email }: ProfileViewProps) {
  const freelancer = profile.freelancer ?? null;
  const client = profile.client ?? null;
  const avatarUrl = profile.avatar_url ?? (profile.avatar_file_id ? fileUrl(profile.avatar_file_id) : null);
  const place = [profile.location, profile.timezone].filter(Boolean).join(" · ");

  return (
    <article className="profile" aria-labelledby="profile-name">
      <header className="card profile-hero">
        <Avatar name={profile.name} url={avatarUrl} />
        <div className="profile-hero__main">
          <h1 id="profile-name">{profile.name}</h1>
          {freelancer?.headline && <p className="profile-hero__headline">{freelancer.headline}</p>}
          <ul className="meta">
            {place && <li>{place}</li>}
            <li>Member since {formatMonth(profile.member_since)}</li>
            {email && <li>{email}</li>}
          </ul>
          {freelancer && (
            <p>
              <LevelBadge level={freelancer.level} />
            </p>
          )}
          <ul className="tags" aria-label="Roles">
            {profile.roles.map((role) => (
              <li key={role} className="tag">
                {ROLES[role]}
              </li>
            ))}
          </ul>
        </div>
        {freelancer && (
          <dl className="profile-hero__facts">
            <div>
              <dt>Hourly rate</dt>
              <dd className="rate">{freelancer.hourly_rate ? formatHourlyRate(freelancer.hourly_rate) : "Not set"}</dd>
            </div>
            <div>
              <dt>Availability</dt>
              <dd>{AVAILABILITY[freelancer.availability]}</dd>
            </div>
          </dl>
        )}
      </header>

      {freelancer && (
        <>
          <section className="card" aria-labelledby="about-heading">
            <h2 id="about-heading">About</h2>
            {freelancer.bio ? <p className="prose">{freelancer.bio}</p> : <p className="muted">No bio yet.</p>}
          </section>

          <section className="card" aria-labelledby="skills-heading">
            <h2 id="skills-heading">Skills</h2>
            {freelancer.skills.length > 0 ? (
              <ul className="chips">
                {freelancer.skills.map((skill) => (
                  <li key={skill.slug} className="chip">
                    {skill.name}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No skills listed yet.</p>
            )}
          </section>

          {freelancer.experience.length > 0 && (
            <section className="card" aria-labelledby="experience-heading">
              <h2 id="experience-heading">Experience</h2>
              <ol className="timeline">
                {freelancer.experience.map((job, index) => (
                  <li key={index}>
                    <h3>
                      {job.title} <span className="muted">at</span> {job.company}
                    </h3>
                    <p className="muted">{formatPeriod(job.start_date, job.end_date)}</p>
                    {job.description && <p className="prose">{job.description}</p>}
                  </li>
                ))}
              </ol>
            </section>
          )}

          {freelancer.education.length > 0 && (
            <section className="card" aria-labelledby="education-heading">
              <h2 id="education-heading">Education</h2>
              <ol className="timeline">
                {freelancer.education.map((entry, index) => (
                  <li key={index}>
                    <h3>{entry.school}</h3>
                    <p>{[entry.degree, entry.field_of_study].filter(Boolean).join(", ")}</p>
                    <p className="muted">
                      {entry.start_year} – {entry.end_year ?? "Present"}
                    </p>
                  </li>
                ))}
              </ol>
            </section>
          )}

          {freelancer.portfolio.length > 0 && (
            <section className="card" aria-labelledby="portfolio-heading">
              <h2 id="portfolio-heading">Portfolio</h2>
              <ul className="portfolio">
                {freelancer.portfolio.map((item, index) => (
                  <li key={index}>
                    <h3>{item.link ? <a href={item.link} rel="noopener noreferrer nofollow">{item.title}</a> : item.title}</h3>
                    {item.description && <p className="prose">{item.description}</p>}
                    {(item.image_file_ids ?? []).length > 0 && (
                      <div className="portfolio__images">
                        {(item.image_file_ids ?? []).map((id) => (
                          <img key={id} src={fileUrl(id)} alt={`${item.title} image`} loading="lazy" />
                        ))}
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}

      {client && (
        <section className="card" aria-labelledby="company-heading">
          <h2 id="company-heading">Company</h2>
          <dl className="facts">
            <div>
              <dt>Company</dt>
              <dd>{client.company_name}</dd>
            </div>
            <div>
              <dt>Size</dt>
              <dd>{COMPANY_SIZES[client.company_size]}</dd>
            </div>
            {client.industry && (
              <div>
                <dt>Industry</dt>
                <dd>{client.industry}</dd>
              </div>
            )}
            {client.website && (
              <div>
                <dt>Website</dt>
                <dd>
                  <a href={client.website} rel="noopener noreferrer nofollow">
                    {client.website.replace(/^https?:\/\//, "")}
                  </a>
                </dd>
              </div>
            )}
          </dl>
          {client.description && <p className="prose">{client.description}</p>}
        </section>
      )}
    </article>
  );
}
