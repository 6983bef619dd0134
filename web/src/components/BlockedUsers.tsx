import { useMutation, useQueryClient } from "@tanstack/react-query";
import { listBlocked, unblockUser } from "../api/friends";
import type { UserCard } from "../api/types";
import { usePaged } from "../lib/usePaged";
import { friendsKey } from "../pages/friendQueries";
import { FormErrors } from "./FormErrors";
import { LoadMore } from "./LoadMore";
import { PersonItem } from "./PersonItem";
import { ErrorPanel, Loading } from "./Status";

/** The people the caller blocked, each with a way back. */
export function BlockedUsers() {
  const blocked = usePaged(["friends", "blocked"], (cursor) => listBlocked({ cursor }));

  return (
    <section className="card" aria-labelledby="blocked-heading">
      <h2 id="blocked-heading">Blocked</h2>
      {blocked.isPending ? (
        <Loading label="Loading blocked people…" />
      ) : !blocked.data ? (
        <ErrorPanel error={blocked.error} retry={() => blocked.refetch()} />
      ) : blocked.items.length === 0 ? (
        <p className="muted">You have blocked no one.</p>
      ) : (
        <ul className="people" aria-label="Blocked people">
          {blocked.items.map((user) => (
            <Blocked key={user.id} user={user} />
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={blocked.hasNextPage}
        loading={blocked.isFetchingNextPage}
        error={blocked.isFetchNextPageError ? blocked.error : null}
        onLoad={() => blocked.fetchNextPage()}
      />
    </section>
  );
}

function Blocked({ user }: { user: UserCard }) {
  const queryClient = useQueryClient();
  const unblock = useMutation({
    mutationFn: () => unblockUser(user.id),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: friendsKey });
      // Their profile can be seen again.
      queryClient.invalidateQueries({ queryKey: ["users", user.id] });
    },
  });
  return (
    <PersonItem
      user={user}
      link={false}
      actions={
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={`Unblock ${user.name}`}
          disabled={unblock.isPending}
          onClick={() => unblock.mutate()}
        >
          {unblock.isPending ? "Unblocking…" : "Unblock"}
        </button>
      }
      below={<FormErrors error={unblock.error} />}
    />
  );
}
