import { Link } from "react-router";
import { useSession } from "../auth/session";

export function HomePage() {
  const session = useSession();
  return (
    <section className="hero">
      <h1>Great work, from people who love doing it.</h1>
      <p className="hero__lead">Downwork connects clients with independent professionals: developers, designers, writers and more.</p>
      <div className="hero__actions">
        {session ? (
          <>
            <Link to="/profile" className="button button--primary">
              Go to my profile
            </Link>
            <Link to="/profile/edit" className="button button--secondary">
              Edit profile
            </Link>
          </>
        ) : (
          <>
            <Link to="/signup" className="button button--primary">
              Get started
            </Link>
            <Link to="/login" className="button button--secondary">
              Log in
            </Link>
          </>
        )}
      </div>
    </section>
  );
}
