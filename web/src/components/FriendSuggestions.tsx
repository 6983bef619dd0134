import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { listFriendSuggestions, sendFriendRequest } from "../api/friends";
import type { FriendSuggestion } from "../api/types";
import { describeMutual } from "../lib/friends";
import { friendsKey } from "../pages/friendQueries";
import { FormErrors } from "./FormErrors";
import { PersonItem } from "./PersonItem";
import { ErrorPanel, Loading } from "./Status";

/** Friends of friends, most mutual friends first, each a click away from a request. */
export function FriendSuggestions() {
  const suggestions = useQuery({ queryKey: ["friends", "suggestions"], queryFn: () => listFriendSuggestions(10) });

  return (
    <section className="card" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">People you may know</h2>
      {suggestions.isPending ? (
        <Loading label="Loading suggestions…" />
      ) : suggestions.isError ? (
        <ErrorPanel error={suggestions.error} retry={() => suggestions.refetch()} />
      ) : suggestions.data.items.length === 0 ? (
        <p className="muted">Your friends’ friends will show up here.</p>
      ) : (
        <ul className="people" aria-label="Suggestions">
          {suggestions.data.items.map((suggestion) => (
            <Suggestion key={suggestion.user.id} suggestion={suggestion} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Suggestion({ suggestion }: { suggestion: FriendSuggestion }) {
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: () => sendFriendRequest(suggestion.user.id),
    // The request now shows under the sent ones, and the suggestion goes.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: friendsKey }),
  });
  return (
    <PersonItem
      user={suggestion.user}
      actions={
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={add.isPending || add.isSuccess}
          onClick={() => add.mutate()}
        >
          {add.isSuccess ? "Request sent" : add.isPending ? "Sending…" : "Add friend"}
        </button>
      }
      below={<FormErrors error={add.error} />}
    >
      {describeMutual(suggestion.mutual_friends)}
    </PersonItem>
  );
}
