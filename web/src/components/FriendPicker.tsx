import { useId, useState } from "react";
import { Link } from "react-router";
import { useQuery } from "@tanstack/react-query";
import { allFriendsQuery } from "../pages/friendQueries";
import { ErrorPanel, Loading } from "./Status";

/** Past this many friends, a box filters them by name. */
const FILTER_FROM = 8;

interface FriendPickerProps {
  selected: string[];
  onChange: (ids: string[]) => void;
  /** Friends who cannot be picked here, such as the freelancer being recommended. */
  exclude?: string[];
  error?: string;
}

/** Checkboxes for the caller's friends. */
export function FriendPicker({ selected, onChange, exclude = [], error }: FriendPickerProps) {
  const id = useId();
  const friends = useQuery(allFriendsQuery());
  const [filter, setFilter] = useState("");

  if (friends.isPending) return <Loading label="Loading your friends…" />;
  if (friends.isError) return <ErrorPanel error={friends.error} retry={() => friends.refetch()} />;
  const choices = friends.data.filter((friend) => !exclude.includes(friend.id));
  if (choices.length === 0) {
    return (
      <p className="muted">
        You have no friends to pick yet. <Link to="/friends">Find people you know</Link>.
      </p>
    );
  }
  const wanted = filter.trim().toLowerCase();
  const shown = wanted ? choices.filter((friend) => friend.name.toLowerCase().includes(wanted)) : choices;
  const toggle = (friendId: string, on: boolean) => onChange(on ? [...selected, friendId] : selected.filter((picked) => picked !== friendId));

  return (
    <fieldset className={["friend-picker", error ? "field--invalid" : ""].filter(Boolean).join(" ")} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>Friends</legend>
      {choices.length > FILTER_FROM && (
        <input type="text" aria-label="Filter friends by name" placeholder="Filter by name" value={filter} onChange={(e) => setFilter(e.target.value)} />
      )}
      <ul className="friend-picker__list">
        {shown.map((friend) => (
          <li key={friend.id}>
            <label>
              <input type="checkbox" checked={selected.includes(friend.id)} onChange={(e) => toggle(friend.id, e.target.checked)} />
              {friend.name}
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="muted">No friend is called that.</li>}
      </ul>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
