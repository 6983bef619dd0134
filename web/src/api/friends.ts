import { api, unwrap } from "./client";
import type { FriendRequest, FriendSuggestions, PendingRequestPage, UserCardPage } from "./types";

/** Incoming requests were asked of the caller; outgoing ones the caller asked. */
export type RequestDirection = "incoming" | "outgoing";

interface PageQuery {
  cursor?: string;
  limit?: number;
}

/** Asks someone to be friends (409 `request_exists` or `already_friends` when the pair is connected already). */
export function sendFriendRequest(userId: string): Promise<FriendRequest> {
  return unwrap(api.POST("/api/users/friend-request", { body: { user_id: userId } }));
}

/** The addressee says yes; the two are friends from now on. */
export function acceptFriendRequest(id: string): Promise<FriendRequest> {
  return unwrap(api.PUT("/api/users/friend-request/{id}/accept", { params: { path: { id } } }));
}

export function declineFriendRequest(id: string): Promise<FriendRequest> {
  return unwrap(api.PUT("/api/users/friend-request/{id}/decline", { params: { path: { id } } }));
}

/** The requester takes a request back. */
export function cancelFriendRequest(id: string): Promise<FriendRequest> {
  return unwrap(api.DELETE("/api/users/friend-request/{id}", { params: { path: { id } } }));
}

/** Pending requests to or from the caller, newest first, each with the other person. */
export function listFriendRequests(direction: RequestDirection, query: PageQuery = {}): Promise<PendingRequestPage> {
  return unwrap(api.GET("/api/users/friend-requests", { params: { query: { direction, ...query } } }));
}

/** The caller's friends. */
export function listFriends(query: PageQuery = {}): Promise<UserCardPage> {
  return unwrap(api.GET("/api/users/friends", { params: { query } }));
}

export function unfriend(userId: string): Promise<void> {
  return unwrap(api.DELETE("/api/users/friends/{id}", { params: { path: { id: userId } } }));
}

/** Friends the caller and another user have in common. */
export function listMutualFriends(userId: string, query: PageQuery = {}): Promise<UserCardPage> {
  return unwrap(api.GET("/api/users/{id}/mutual-friends", { params: { path: { id: userId }, query } }));
}

/** Friends of friends the caller is not connected to, most mutual friends first. */
export function listFriendSuggestions(limit?: number): Promise<FriendSuggestions> {
  return unwrap(api.GET("/api/users/friend-suggestions", { params: { query: { limit } } }));
}

/** Ends any friendship or request with the user; they can no longer ask, message or see the caller. */
export function blockUser(userId: string): Promise<void> {
  return unwrap(api.POST("/api/users/{id}/block", { params: { path: { id: userId } } }));
}

export function unblockUser(userId: string): Promise<void> {
  return unwrap(api.DELETE("/api/users/{id}/block", { params: { path: { id: userId } } }));
}

export function listBlocked(query: PageQuery = {}): Promise<UserCardPage> {
  return unwrap(api.GET("/api/users/blocked", { params: { query } }));
}
