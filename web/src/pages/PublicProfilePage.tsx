import { Link, useParams } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../api/errors";
import { useSession } from "../auth/session";
import { MessageButton } from "../components/MessageButton";
import { ProfileView } from "../components/ProfileView";
import { ErrorPanel, Loading } from "../components/Status";
import { publicProfileQuery } from "./profileQueries";

export function PublicProfilePage() {
  const { id = "" } = useParams();
  const session = useSession();
  const profile = useQuery(publicProfileQuery(id));

  if (profile.isPending) return <Loading label="Loading profile…" />;
  if (profile.isError) {
    if (profile.error instanceof ApiError && (profile.error.status === 404 || profile.error.status === 400)) {
      return (
        <div className="card empty-state">
          <h1>Profile not found</h1>
          <p className="muted">This person may have closed their account, or the link is wrong.</p>
          <Link to="/">Back to the home page</Link>
        </div>
      );
    }
    return <ErrorPanel error={profile.error} retry={() => profile.refetch()} />;
  }

  return (
    <div className="stack">
      {session?.user.id === profile.data.id && (
        <p className="notice notice--muted">
          This is how others see your profile. <Link to="/profile/edit">Edit profile</Link>
        </p>
      )}
      {session && session.user.id !== profile.data.id && (
        <div className="page-actions">
          <MessageButton userId={profile.data.id} name={profile.data.name} className="button button--primary" />
        </div>
      )}
      <ProfileView profile={profile.data} />
    </div>
  );
}
