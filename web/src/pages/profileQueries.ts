import { getOwnProfile, getPublicProfile } from "../api/endpoints";

export const ownProfileQuery = () => ({
  queryKey: ["profile", "me"] as const,
  queryFn: getOwnProfile,
});

export const publicProfileQuery = (id: string) => ({
  queryKey: ["users", id] as const,
  queryFn: () => getPublicProfile(id),
});
