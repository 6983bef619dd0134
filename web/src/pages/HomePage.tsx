import { Link } from "react-router";
import { useRoles } from "../auth/roles";
import { useSession } from "../auth/session";

export function HomePage() {
  const session = useSession();
  const roles = useRoles();
  return (
    <section className="hero">
      <h1>Great work, from people who love doing it.</h1>
      <p className="hero__lead">Downwork connects clients with independent professionals: developers, designers, writers and more.</p>
      <div className="hero__actions">
        {session ? (
          <>
            <Link to="/dashboard" className="button button--primary">
              Go to my dashboard
            </Link>
            {roles.freelancer && (
              <Link to="/jobs" className="button button--secondary">
                Find work
              </Link>
            )}
            {roles.client && (
              <Link to="/jobs/new" className="button button--secondary">
                Post a job
              </Link>
            )}
            <Link to="/profile" className="button button--secondary">
              Go to my profile
            </Link>
          </>
        ) : (
          <>
            <Link to="/signup" className="button button--primary">
              Get started
            </Link>
            <Link to="/jobs" className="button button--secondary">
              Browse jobs
            </Link>
          </>
        )}
      </div>
    </section>
  );
}
