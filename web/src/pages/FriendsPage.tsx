import { BlockedUsers } from "../components/BlockedUsers";
import { FriendRequests } from "../components/FriendRequests";
import { FriendsList } from "../components/FriendsList";
import { FriendSuggestions } from "../components/FriendSuggestions";
import { InviteFriend } from "../components/InviteFriend";
import { RecommendationsList } from "../components/RecommendationsList";
import { SharedJobs } from "../components/SharedJobs";

/** Requests, friends, people one may know, inviting a friend to Downwork, what friends recommended and shared, and blocks. */
export function FriendsPage() {
  return (
    <div className="stack">
      <h1>Friends</h1>
      <div className="friends-layout">
        <div className="stack">
          <FriendRequests />
          <FriendsList />
          <SharedJobs />
          <RecommendationsList />
        </div>
        <div className="stack">
          <FriendSuggestions />
          <InviteFriend />
          <BlockedUsers />
        </div>
      </div>
    </div>
  );
}
