import { api, unwrap } from "./client";
import type { Invite } from "./types";

/** Mails a friend a code to sign up with, good once for 14 days (409 `too_many_invites` while 20 of the caller's are unused). */
export function inviteFriend(email: string): Promise<Invite> {
  return unwrap(api.POST("/api/invites", { body: { email } }));
}
