import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { recommendFreelancer } from "../api/sharing";
import type { UserCard } from "../api/types";
import { listNames } from "../lib/friends";
import { TextAreaField } from "./Field";
import { FormErrors, serverFieldErrors } from "./FormErrors";
import { FriendPicker } from "./FriendPicker";
import { FormActions } from "./FormActions";

interface RecommendDialogProps {
  freelancer: { id: string; name: string };
  onClose: () => void;
}

/** Recommends a freelancer to one or more friends, with a note. */
export function RecommendDialog({ freelancer, onClose }: RecommendDialogProps) {
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [pickError, setPickError] = useState<string | undefined>();
  // Friends it went to, kept when a later one fails so that a retry sends only the rest.
  const [sentTo, setSentTo] = useState<UserCard[]>([]);
  const recommend = useMutation({
    mutationFn: async (friends: string[]) => {
      for (const friend of friends) {
        const recommendation = await recommendFreelancer(friend, freelancer.id, note);
        setSentTo((sent) => [...sent, recommendation.to]);
        setPicked((still) => still.filter((id) => id !== friend));
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["recommendations"] }),
  });
  const errors = serverFieldErrors(recommend.error);
  const names = listNames(sentTo.map((friend) => friend.name));

  if (recommend.isSuccess) {
    return (
      <div className="confirm-panel">
        <p role="status">
          Recommended {freelancer.name} to {names}.
        </p>
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (picked.length === 0) return setPickError("Pick at least one friend.");
    recommend.mutate(picked);
  }

  return (
    <form className="form confirm-panel" aria-label={`Recommend ${freelancer.name}`} onSubmit={onSubmit} noValidate>
      <p>Which friends should hear about {freelancer.name}?</p>
      {sentTo.length > 0 && <p role="status">Recommended to {names}.</p>}
      <FormErrors error={recommend.error} shown={["note"]} />
      <FriendPicker
        selected={picked}
        exclude={[freelancer.id, ...sentTo.map((friend) => friend.id)]}
        error={pickError}
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
        placeholder={`What makes ${freelancer.name.split(" ")[0]} worth hiring?`}
        onChange={(e) => setNote(e.target.value)}
      />
      <FormActions small pending={recommend.isPending} pendingLabel="Sending…" submitLabel="Send recommendation" onCancel={onClose} />
    </form>
  );
}
