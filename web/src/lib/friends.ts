import type { PendingRequest, UserCard } from "../api/types";

/** Where the caller stands with another user. */
export type Friendship =
  | { state: "none" }
  | { state: "friends" }
  /** The caller asked; `requestId` cancels it. */
  | { state: "request_sent"; requestId: string }
  /** The other user asked; `requestId` accepts or declines it. */
  | { state: "request_received"; requestId: string };

/** The caller's friendship with `userId`, read from their friends and pending requests. */
export function friendshipWith(userId: string, friends: UserCard[], incoming: PendingRequest[], outgoing: PendingRequest[]): Friendship {
  if (friends.some((friend) => friend.id === userId)) return { state: "friends" };
  const sent = outgoing.find((request) => request.to_user_id === userId);
  if (sent) return { state: "request_sent", requestId: sent.id };
  const received = incoming.find((request) => request.from_user_id === userId);
  if (received) return { state: "request_received", requestId: received.id };
  return { state: "none" };
}

/** "1 mutual friend", "3 mutual friends". */
export function describeMutual(count: number): string {
  return `${count} mutual friend${count === 1 ? "" : "s"}`;
}

/** "Recommended 1 time", "Recommended 3 times". */
export function describeTimesRecommended(count: number): string {
  return `Recommended ${count} time${count === 1 ? "" : "s"}`;
}

/** "Ann", "Ann and Bo", "Ann, Bo and Cy". */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
