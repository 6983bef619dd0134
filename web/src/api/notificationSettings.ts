import { api, unwrap } from "./client";
import type { components } from "./generated/schema";

export type NotificationPreference = components["schemas"]["NotificationPreference"];

/** Every kind of notification with whether it also comes by e-mail. */
export function emailPreferences() {
  return unwrap(api.GET("/api/notifications/preferences"));
}

/** Changes the given kinds; the others keep their setting. */
export function setEmailPreferences(items: NotificationPreference[]) {
  return unwrap(api.PUT("/api/notifications/preferences", { body: { items } }));
}
