import { useState } from "react";
import { Link, useParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/errors";
import { unblockUser } from "../api/friends";
import type { PublicProfile } from "../api/types";
import { useSession } from "../auth/session";
import { FormErrors } from "../components/FormErrors";
import { FriendshipControl } from "../components/FriendshipControl";
import { MessageButton } from "../components/MessageButton";
import { ProfileReviews } from "../components/ProfileReviews";
import { ProfileView } from "../components/ProfileView";
import { RecommendDialog } from "../components/RecommendDialog";
import { ReportDialog } from "../components/ReportDialog";
import { ErrorPanel, Loading } from "../components/Status";
import { friendsKey } from "./friendQueries";
import { publicProfileQuery } from "./profileQueries";

export function PublicProfilePage() {
  const { id = "" } = useParams();
  const session = useSession();
  const profile = useQuery(publicProfileQuery(id));
  // Whom the viewer blocked from this page (no longer there for them) or is recommending; the page stays as `id` changes.
  const [blockedId, setBlockedId] = useState<string | null>(null);
  const [recommendingId, setRecommendingId] = useState<string | null>(null);
  const recommending = recommendingId === id;
  const [reportingId, setReportingId] = useState<string | null>(null);
  const reporting = reportingId === id;

  if (blockedId === id && profile.data) return <Blocked user={profile.data} onUnblocked={() => setBlockedId(null)} />;
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

  const other = session !== null && session.user.id !== profile.data.id;
  return (
    <div className="stack">
      {session?.user.id === profile.data.id && (
        <p className="notice notice--muted">
          This is how others see your profile. <Link to="/profile/edit">Edit profile</Link>
        </p>
      )}
      {other && (
        <div className="page-actions">
          <FriendshipControl key={profile.data.id} user={profile.data} onBlocked={() => setBlockedId(id)} />
          {profile.data.freelancer && !recommending && (
            <button type="button" className="button button--secondary" onClick={() => setRecommendingId(id)}>
              Recommend to a friend
            </button>
          )}
          <MessageButton userId={profile.data.id} name={profile.data.name} className="button button--primary" />
          {!reporting && (
            <button type="button" className="button button--ghost" onClick={() => setReportingId(id)}>
              Report
            </button>
          )}
          {recommending && <RecommendDialog freelancer={profile.data} onClose={() => setRecommendingId(null)} />}
          {reporting && <ReportDialog kind="user" subjectId={profile.data.id} what={profile.data.name} onClose={() => setReportingId(null)} />}
        </div>
      )}
      <ProfileView profile={profile.data} />
      {profile.data.freelancer && <ProfileReviews userId={profile.data.id} side="freelancer" own={session?.user.id === profile.data.id} />}
      {profile.data.client && <ProfileReviews userId={profile.data.id} side="client" own={session?.user.id === profile.data.id} />}
    </div>
  );
}

/** In place of the profile of someone the viewer just blocked, with the way back. */
function Blocked({ user, onUnblocked }: { user: PublicProfile; onUnblocked: () => void }) {
  const queryClient = useQueryClient();
  const unblock = useMutation({
    mutationFn: () => unblockUser(user.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: friendsKey });
      onUnblocked();
    },
  });
  return (
    <div className="card empty-state">
      <h1>You blocked {user.name}</h1>
      <p className="muted">They can no longer see your profile, ask to be your friend or message you.</p>
      <FormErrors error={unblock.error} />
      <div className="form-actions">
        <button type="button" className="button button--secondary" disabled={unblock.isPending} onClick={() => unblock.mutate()}>
          {unblock.isPending ? "Unblocking…" : "Unblock"}
        </button>
        <Link to="/friends" className="button button--ghost">
          Go to friends
        </Link>
      </div>
    </div>
  );
}
