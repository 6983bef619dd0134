import { api, unwrap } from "./client";
import type { NotificationPage } from "./types";

export function listNotifications(query: { unread?: boolean; cursor?: string; limit?: number } = {}): Promise<NotificationPage> {
  return unwrap(api.GET("/api/notifications", { params: { query } }));
}

/** Marks one notification read, or all of them without an id. */
export function markNotificationsRead(id?: string) {
  return unwrap(api.POST("/api/notifications/read", { body: { id: id ?? null } }));
}
