import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { listFriends, unfriend } from "../api/friends";
import type { UserCard } from "../api/types";
import { usePaged } from "../lib/usePaged";
import { friendsKey } from "../pages/friendQueries";
import { ConfirmPanel } from "./ConfirmPanel";
import { LoadMore } from "./LoadMore";
import { MessageButton } from "./MessageButton";
import { PersonItem } from "./PersonItem";
import { ErrorPanel, Loading } from "./Status";

/** The caller's friends, page by page, with a way to message or unfriend each. */
export function FriendsList() {
  const friends = usePaged(["friends", "list"], (cursor) => listFriends({ cursor }));

  return (
    <section className="card" aria-labelledby="friends-heading">
      <h2 id="friends-heading">Your friends</h2>
      {friends.isPending ? (
        <Loading label="Loading your friends…" />
      ) : !friends.data ? (
        <ErrorPanel error={friends.error} retry={() => friends.refetch()} />
      ) : friends.items.length === 0 ? (
        <p className="muted">No friends yet. Add people you know from their profile or from the suggestions.</p>
      ) : (
        <ul className="people" aria-label="Friends">
          {friends.items.map((friend) => (
            <Friend key={friend.id} friend={friend} />
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={friends.hasNextPage}
        loading={friends.isFetchingNextPage}
        error={friends.isFetchNextPageError ? friends.error : null}
        onLoad={() => friends.fetchNextPage()}
      />
    </section>
  );
}

function Friend({ friend }: { friend: UserCard }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  return (
    <PersonItem
      user={friend}
      actions={
        <>
          <MessageButton userId={friend.id} name={friend.name} />
          <button type="button" className="button button--ghost button--small" onClick={() => setConfirming(true)}>
            Unfriend
          </button>
        </>
      }
      below={
        confirming && (
          <ConfirmPanel
            label={`Unfriend ${friend.name}`}
            confirmLabel="Unfriend"
            pendingLabel="Removing…"
            run={() => unfriend(friend.id)}
            onDone={() => queryClient.invalidateQueries({ queryKey: friendsKey })}
            onDismiss={() => setConfirming(false)}
          >
            Remove <strong>{friend.name}</strong> from your friends? Either of you can ask again later.
          </ConfirmPanel>
        )
      }
    />
  );
}
