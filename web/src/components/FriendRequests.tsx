import { useMutation, useQueryClient } from "@tanstack/react-query";
import { acceptFriendRequest, cancelFriendRequest, declineFriendRequest } from "../api/friends";
import type { PendingRequest } from "../api/types";
import { formatAgo } from "../lib/labels";
import { friendsKey, useFriendRequests } from "../pages/friendQueries";
import { FormErrors } from "./FormErrors";
import { LoadMore } from "./LoadMore";
import { PersonItem } from "./PersonItem";
import { ErrorPanel, Loading } from "./Status";

/** Requests waiting for the caller's answer, and those the caller sent. */
export function FriendRequests() {
  const incoming = useFriendRequests("incoming");
  const outgoing = useFriendRequests("outgoing");

  return (
    <section className="card" aria-labelledby="requests-heading">
      <h2 id="requests-heading">Friend requests</h2>
      {incoming.isPending ? (
        <Loading label="Loading friend requests…" />
      ) : !incoming.data ? (
        <ErrorPanel error={incoming.error} retry={() => incoming.refetch()} />
      ) : incoming.items.length === 0 ? (
        <p className="muted">No one is waiting for your answer.</p>
      ) : (
        <ul className="people" aria-label="Requests to you">
          {incoming.items.map((request) => (
            <IncomingRequest key={request.id} request={request} />
          ))}
        </ul>
      )}
      <LoadMore
        hasMore={incoming.hasNextPage}
        loading={incoming.isFetchingNextPage}
        error={incoming.isFetchNextPageError ? incoming.error : null}
        onLoad={() => incoming.fetchNextPage()}
      />
      {outgoing.isError && !outgoing.data && <ErrorPanel error={outgoing.error} retry={() => outgoing.refetch()} />}
      {outgoing.items.length > 0 && (
        <div className="subsection">
          <h3>Sent by you</h3>
          <ul className="people" aria-label="Requests you sent">
            {outgoing.items.map((request) => (
              <OutgoingRequest key={request.id} request={request} />
            ))}
          </ul>
          <LoadMore
            hasMore={outgoing.hasNextPage}
            loading={outgoing.isFetchingNextPage}
            error={outgoing.isFetchNextPageError ? outgoing.error : null}
            onLoad={() => outgoing.fetchNextPage()}
          />
        </div>
      )}
    </section>
  );
}

function IncomingRequest({ request }: { request: PendingRequest }) {
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: (accept: boolean) => (accept ? acceptFriendRequest(request.id) : declineFriendRequest(request.id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: friendsKey }),
  });
  return (
    <PersonItem
      user={request.user}
      actions={
        <>
          <button type="button" className="button button--primary button--small" disabled={answer.isPending} onClick={() => answer.mutate(true)}>
            {answer.isPending && answer.variables ? "Accepting…" : "Accept"}
          </button>
          <button type="button" className="button button--ghost button--small" disabled={answer.isPending} onClick={() => answer.mutate(false)}>
            {answer.isPending && !answer.variables ? "Declining…" : "Decline"}
          </button>
        </>
      }
      below={<FormErrors error={answer.error} />}
    >
      Asked {formatAgo(request.created_at)}
    </PersonItem>
  );
}

function OutgoingRequest({ request }: { request: PendingRequest }) {
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => cancelFriendRequest(request.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: friendsKey }),
  });
  return (
    <PersonItem
      user={request.user}
      actions={
        <button type="button" className="button button--ghost button--small" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
          {cancel.isPending ? "Cancelling…" : "Cancel request"}
        </button>
      }
      below={<FormErrors error={cancel.error} />}
    >
      Sent {formatAgo(request.created_at)}
    </PersonItem>
  );
}
