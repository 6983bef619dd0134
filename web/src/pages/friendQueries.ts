import { listFriendRequests, listFriends, type RequestDirection } from "../api/friends";
import { listSuggestedFreelancers } from "../api/jobs";
import { getRecommendationStats } from "../api/sharing";
import type { UserCard } from "../api/types";
import { usePaged } from "../lib/usePaged";

/** Friends, requests, suggestions and blocks: all of it changes when a friendship does. */
export const friendsKey = ["friends"] as const;

/** The largest page the server hands out. */
const PAGE = 100;

/** Every friend of the caller, for picking friends and for a profile's friendship state. */
export const allFriendsQuery = () => ({
  queryKey: ["friends", "all"] as const,
  queryFn: listAllFriends,
});

async function listAllFriends(): Promise<UserCard[]> {
  const friends: UserCard[] = [];
  let cursor: string | undefined;
  do {
    const page = await listFriends({ cursor, limit: PAGE });
    friends.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return friends;
}

/** Pending requests one way, a hundred at a time: the Friends page and profiles share them. */
export function useFriendRequests(direction: RequestDirection) {
  return usePaged(["friends", "requests", direction], (cursor) => listFriendRequests(direction, { cursor, limit: PAGE }));
}

/** How often friends recommended the caller as a freelancer. */
export const recommendationStatsQuery = () => ({
  queryKey: ["recommendations", "stats"] as const,
  queryFn: getRecommendationStats,
});

/** The freelancers who fit one of the caller's jobs best. */
export const suggestedFreelancersQuery = (jobId: string) => ({
  queryKey: ["jobs", jobId, "suggested"] as const,
  queryFn: () => listSuggestedFreelancers(jobId, 10),
});
