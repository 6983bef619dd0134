import { useLocation, useNavigate } from "react-router";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { updateSessionUser } from "../api/session";
import { ProfileForm } from "../components/ProfileForm";
import { ErrorPanel, Loading } from "../components/Status";
import { ownProfileQuery } from "./profileQueries";

export function EditProfilePage() {
  const navigate = useNavigate();
  const location = useLocation();
  const welcome = (location.state as { welcome?: boolean } | null)?.welcome;
  const queryClient = useQueryClient();
  const profile = useQuery(ownProfileQuery());

  if (profile.isPending) return <Loading label="Loading your profile…" />;
  if (profile.isError) return <ErrorPanel error={profile.error} retry={() => profile.refetch()} />;

  return (
    <div className="stack narrow">
      <div>
        <h1>{welcome ? "Welcome! Set up your profile" : "Edit profile"}</h1>
        <p className="muted">
          {welcome ? "A complete profile helps clients and freelancers find and trust you." : "Changes appear on your public profile as soon as you save."}
        </p>
      </div>
      <ProfileForm
        profile={profile.data}
        onCancel={() => navigate("/profile")}
        onSaved={(saved) => {
          queryClient.setQueryData(ownProfileQuery().queryKey, saved);
          queryClient.removeQueries({ queryKey: ["users", saved.id] });
          updateSessionUser({ name: saved.name });
          navigate("/profile", { state: { saved: true } });
        }}
      />
    </div>
  );
}
