import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { shareJob } from "../api/sharing";
import type { Job } from "../api/types";
import { listNames } from "../lib/friends";
import { allFriendsQuery } from "../pages/friendQueries";
import { TextAreaField } from "./Field";
import { FormErrors, serverFieldErrors } from "./FormErrors";
import { FriendPicker } from "./FriendPicker";
import { FormActions } from "./FormActions";

/** "Share with friends" on a job's page: pick friends, add a note. */
export function ShareJob({ job }: { job: Pick<Job, "id" | "title"> }) {
  const [open, setOpen] = useState(false);
  return (
    <aside className="card" aria-labelledby="share-job">
      <h2 id="share-job">Know someone for this?</h2>
      {open ? (
        <ShareJobForm job={job} onClose={() => setOpen(false)} />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          Share with friends
        </button>
      )}
    </aside>
  );
}

function ShareJobForm({ job, onClose }: { job: Pick<Job, "id" | "title">; onClose: () => void }) {
  const queryClient = useQueryClient();
  const friends = useQuery(allFriendsQuery());
  const [picked, setPicked] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [pickError, setPickError] = useState<string | undefined>();
  const share = useMutation({
    mutationFn: () => shareJob(job.id, picked, note),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["shares"] }),
  });
  const errors = serverFieldErrors(share.error);

  if (share.isSuccess) {
    const nameOf = (id: string) => friends.data?.find((friend) => friend.id === id)?.name ?? "a friend";
    const fresh = share.data.items.map((item) => item.to_user_id);
    const before = picked.filter((id) => !fresh.includes(id));
    const said = [
      fresh.length > 0 ? `Shared with ${listNames(fresh.map(nameOf))}.` : "",
      before.length > 0 ? `You had shared it with ${listNames(before.map(nameOf))} before.` : "",
    ];
    return (
      <div className="confirm-panel">
        <p role="status">{said.filter(Boolean).join(" ")}</p>
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (picked.length === 0) return setPickError("Pick at least one friend.");
    share.mutate();
  }

  return (
    <form className="form confirm-panel" aria-label="Share with friends" onSubmit={onSubmit} noValidate>
      <FormErrors error={share.error} shown={["note", "user_ids"]} />
      <FriendPicker
        selected={picked}
        error={pickError ?? errors.user_ids}
        onChange={(ids) => {
          setPicked(ids);
          setPickError(undefined);
        }}
      />
      <TextAreaField
        label="Note (optional)"
        rows={3}
        maxLength={1000}
        value={note}
        error={errors.note}
        placeholder={`Thought of you for “${job.title}”.`}
        onChange={(e) => setNote(e.target.value)}
      />
      <FormActions small pending={share.isPending} pendingLabel="Sharing…" submitLabel="Share" onCancel={onClose} />
    </form>
  );
}
