import { useQuery } from "@tanstack/react-query";
import { ownProfileQuery } from "../pages/profileQueries";
import { useSession } from "./session";

export interface Roles {
  freelancer: boolean;
  client: boolean;
  admin: boolean;
}

/**
 * What the logged-in user can do. A user may add the other role to their
 * profile later, so the profile's list of roles counts; until it has loaded,
 * the role they signed up with stands in.
 */
export function useRoles(): Roles {
  const session = useSession();
  const profile = useQuery({ ...ownProfileQuery(), enabled: session !== null });
  if (!session) return { freelancer: false, client: false, admin: false };
  const roles: string[] = profile.data?.roles ?? [session.user.role];
  return { freelancer: roles.includes("freelancer"), client: roles.includes("client"), admin: roles.includes("admin") };
}
