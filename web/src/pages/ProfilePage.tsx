import { Link, useLocation } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { ProfileView } from "../components/ProfileView";
import { ProfileViews } from "../components/ProfileViews";
import { RecommendedCount } from "../components/RecommendedCount";
import { ErrorPanel, Loading } from "../components/Status";
import { ownProfileQuery } from "./profileQueries";

/** The owner's view of their profile. */
export function ProfilePage() {
  const location = useLocation();
  const saved = (location.state as { saved?: boolean } | null)?.saved;
  const profile = useQuery(ownProfileQuery());

  if (profile.isPending) return <Loading label="Loading your profile…" />;
  if (profile.isError) return <ErrorPanel error={profile.error} retry={() => profile.refetch()} />;

  const me = profile.data;
  return (
    <div className="stack">
      {saved && (
        <p className="notice" role="status">
          Your profile is saved.
        </p>
      )}
      <div className="page-actions">
        <Link to="/profile/edit" className="button button--primary">
          Edit profile
        </Link>
        <Link to={`/users/${me.id}`} className="button button--secondary">
          View public profile
        </Link>
      </div>
      {!me.email_verified && <p className="notice notice--muted">Your e-mail address is not verified yet. Check your inbox for the link.</p>}
      {me.roles.includes("freelancer") && <RecommendedCount />}
      <ProfileView profile={me} email={me.email} />
      <ProfileViews />
    </div>
  );
}
