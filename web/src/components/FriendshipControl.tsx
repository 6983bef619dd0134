import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/errors";
import { acceptFriendRequest, blockUser, cancelFriendRequest, declineFriendRequest, sendFriendRequest } from "../api/friends";
import { friendshipWith } from "../lib/friends";
import { allFriendsQuery, friendsKey, useFriendRequests } from "../pages/friendQueries";
import { ConfirmPanel } from "./ConfirmPanel";
import { FormErrors } from "./FormErrors";

type Change = { action: "add" } | { action: "cancel" | "accept" | "decline"; requestId: string };

interface FriendshipControlProps {
  user: { id: string; name: string };
  /** Called once the user is blocked: their profile is no longer there for the caller. */
  onBlocked: () => void;
}

/**
 * On someone's profile: "Add friend", "Request sent" (and cancel), accept or
 * decline their request, or "Friends"; and "Block". Where the two stand is
 * read from the caller's friends and pending requests, which are cached.
 */
export function FriendshipControl({ user, onBlocked }: FriendshipControlProps) {
  const queryClient = useQueryClient();
  const friends = useQuery(allFriendsQuery());
  const incoming = useFriendRequests("incoming");
  const outgoing = useFriendRequests("outgoing");
  const [blocking, setBlocking] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: friendsKey });
  const change = useMutation({
    mutationFn: (change: Change) => {
      if (change.action === "add") return sendFriendRequest(user.id);
      if (change.action === "cancel") return cancelFriendRequest(change.requestId);
      if (change.action === "accept") return acceptFriendRequest(change.requestId);
      return declineFriendRequest(change.requestId);
    },
    // Waits for the lists, so the control shows the new state as soon as it is enabled again.
    onSuccess: refresh,
    onError: (error) => {
      // The other side acted meanwhile (a request crossed, or was answered): read again.
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) void refresh();
    },
  });

  const friendship =
    friends.data && incoming.data && outgoing.data ? friendshipWith(user.id, friends.data, incoming.items, outgoing.items) : null;
  const busy = change.isPending;

  return (
    <>
      {friendship?.state === "none" && (
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => change.mutate({ action: "add" })}>
          {busy ? "Sending…" : "Add friend"}
        </button>
      )}
      {friendship?.state === "request_sent" && (
        <>
          <span className="friend-state">Request sent</span>
          <button
            type="button"
            className="button button--ghost"
            disabled={busy}
            onClick={() => change.mutate({ action: "cancel", requestId: friendship.requestId })}
          >
            {busy ? "Cancelling…" : "Cancel request"}
          </button>
        </>
      )}
      {friendship?.state === "request_received" && (
        <>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => change.mutate({ action: "accept", requestId: friendship.requestId })}
          >
            Accept friend request
          </button>
          <button
            type="button"
            className="button button--ghost"
            disabled={busy}
            onClick={() => change.mutate({ action: "decline", requestId: friendship.requestId })}
          >
            Decline
          </button>
        </>
      )}
      {friendship?.state === "friends" && (
        <span className="friend-state">
          <span aria-hidden="true">✓&nbsp;</span>Friends
        </span>
      )}
      {!blocking && (
        <button type="button" className="button button--ghost" onClick={() => setBlocking(true)}>
          Block
        </button>
      )}
      <FormErrors error={change.error} />
      {blocking && (
        <ConfirmPanel
          label={`Block ${user.name}`}
          confirmLabel="Block"
          pendingLabel="Blocking…"
          run={() => blockUser(user.id)}
          onDone={() => {
            void refresh();
            onBlocked();
          }}
          onDismiss={() => setBlocking(false)}
        >
          Block <strong>{user.name}</strong>? Any friendship or request between you ends, and they can no longer see your profile, ask to be
          your friend or message you.
        </ConfirmPanel>
      )}
    </>
  );
}
