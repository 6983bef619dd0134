import { api, publicClient, unwrap } from "./client";
import { getSession, sessionFromAuth, setSession } from "./session";
import type { OwnProfile, PagedSkills, ProfileUpdate, PublicProfile, Role, UploadedFile } from "./types";

export interface SignupInput {
  name: string;
  email: string;
  password: string;
  role: Extract<Role, "freelancer" | "client">;
  /** Needed while sign-up is invite-only. */
  invite_code?: string;
}

export async function signup(input: SignupInput) {
  const auth = await unwrap(publicClient.POST("/api/users/signup", { body: input }));
  setSession(sessionFromAuth(auth));
  return auth.user;
}

export async function login(email: string, password: string) {
  const auth = await unwrap(publicClient.POST("/api/users/login", { body: { email, password } }));
  setSession(sessionFromAuth(auth));
  return auth.user;
}

/** Ends the session on the server (best effort) and forgets it here. */
export async function logout() {
  const session = getSession();
  setSession(null);
  if (!session) return;
  try {
    await publicClient.POST("/api/auth/logout", { body: { refresh_token: session.refreshToken } });
  } catch {
    // Offline: the refresh token expires on its own.
  }
}

export function getOwnProfile(): Promise<OwnProfile> {
  return unwrap(api.GET("/api/users/profile"));
}

export function updateProfile(update: ProfileUpdate): Promise<OwnProfile> {
  return unwrap(api.PUT("/api/users/profile", { body: update }));
}

export function getPublicProfile(id: string): Promise<PublicProfile> {
  return unwrap(api.GET("/api/users/{id}", { params: { path: { id } } }));
}

export type UploadPurpose = "avatar" | "portfolio" | "attachment";

export function uploadFile(file: File, purpose: UploadPurpose): Promise<UploadedFile> {
  return unwrap(
    api.POST("/api/files", {
      body: { file: file.name, purpose },
      // Multipart: the browser sets the boundary.
      bodySerializer: () => {
        const form = new FormData();
        form.append("file", file);
        form.append("purpose", purpose);
        return form;
      },
    }),
  );
}

export function fileUrl(id: string): string {
  return `/api/files/${encodeURIComponent(id)}`;
}

export interface SkillQuery {
  q?: string;
  category?: string;
  limit?: number;
  cursor?: string;
}

/** Searches the skills taxonomy, ordered by slug. */
export function listSkills(query: SkillQuery): Promise<PagedSkills> {
  return unwrap(api.GET("/api/skills", { params: { query } }));
}
