import type { AuthResponse, UserSummary } from "./types";

/** What a logged-in browser keeps: the token pair and who it belongs to. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  user: UserSummary;
}

const STORAGE_KEY = "downwork.session";

type Listener = () => void;
const listeners = new Set<Listener>();
let cached: Session | null | undefined;

function read(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.accessToken === "string" && typeof parsed.refreshToken === "string" && parsed.user) {
      return parsed as Session;
    }
  } catch {
    // Unreadable storage counts as logged out.
  }
  return null;
}

function emit() {
  for (const listener of listeners) listener();
}

/** The current session, or null when logged out. Stable between changes. */
export function getSession(): Session | null {
  if (cached === undefined) cached = read();
  return cached;
}

/** Re-reads storage, which another tab may have changed. */
export function reloadSession(): Session | null {
  const fresh = read();
  if (JSON.stringify(fresh) !== JSON.stringify(cached ?? null)) {
    cached = fresh;
    emit();
  }
  return fresh;
}

export function setSession(session: Session | null) {
  cached = session;
  try {
    if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode or a full quota: keep the session in memory only.
  }
  emit();
}

export function sessionFromAuth(auth: AuthResponse): Session {
  return { accessToken: auth.access_token, refreshToken: auth.refresh_token, user: auth.user };
}

/** Keeps the stored user's display fields in step after a profile change. */
export function updateSessionUser(patch: Partial<UserSummary>) {
  const current = getSession();
  if (current) setSession({ ...current, user: { ...current.user, ...patch } });
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab logged in, refreshed or logged out.
if (typeof window !== "undefined") {
  window.addEventListener("storage", (event) => {
    if (event.key === STORAGE_KEY || event.key === null) {
      cached = read();
      emit();
    }
  });
}
