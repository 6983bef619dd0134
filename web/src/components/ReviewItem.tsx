import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { replyToReview } from "../api/reviews";
import type { Review } from "../api/types";
import { formatDate } from "../lib/labels";
import { TextAreaField } from "./Field";
import { FormErrors, serverFieldErrors } from "./FormErrors";
import { Stars } from "./Stars";
import { FormActions } from "./FormActions";

interface ReviewItemProps {
  review: Review;
  /** The viewer is the reviewee and may answer (once). */
  canReply?: boolean;
}

/** One review: the stars, who wrote it, on which contract, the comment and the reviewee's reply. */
export function ReviewItem({ review, canReply = false }: ReviewItemProps) {
  const [replying, setReplying] = useState(false);
  return (
    <article className="review" aria-label={`Review by ${review.reviewer.name}`}>
      <p className="review__head">
        <Stars rating={review.rating} /> <strong>{review.title}</strong>
      </p>
      <p className="meta">
        By <Link to={`/users/${review.reviewer.id}`}>{review.reviewer.name}</Link> · {formatDate(review.created_at)}
      </p>
      <p className="prose">{review.comment}</p>
      {review.private_feedback && (
        <p className="muted">
          <strong>Private feedback:</strong> {review.private_feedback}
        </p>
      )}
      {review.reply ? (
        <blockquote className="review__reply">
          <p className="meta">Reply · {formatDate(review.reply.created_at)}</p>
          <p className="prose">{review.reply.body}</p>
        </blockquote>
      ) : (
        canReply &&
        (replying ? (
          <ReplyForm review={review} onClose={() => setReplying(false)} />
        ) : (
          <button type="button" className="button button--ghost button--small" onClick={() => setReplying(true)}>
            Reply
          </button>
        ))
      )}
    </article>
  );
}

function ReplyForm({ review, onClose }: { review: Review; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const reply = useMutation({
    mutationFn: () => replyToReview(review.id, body.trim()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["reviews"] });
      void queryClient.invalidateQueries({ queryKey: ["contracts", review.contract_id, "reviews"] });
      onClose();
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return setError("Write your reply.");
    reply.mutate();
  }

  return (
    <form className="form confirm-panel" aria-label={`Reply to ${review.reviewer.name}`} onSubmit={onSubmit} noValidate>
      <FormErrors error={reply.error} shown={["body"]} />
      <TextAreaField
        label="Your reply"
        hint="Shown under the review to everyone. You can reply once."
        rows={3}
        maxLength={5000}
        value={body}
        error={error ?? serverFieldErrors(reply.error).body}
        onChange={(e) => {
          setBody(e.target.value);
          setError(undefined);
        }}
      />
      <FormActions small pending={reply.isPending} pendingLabel="Sending…" submitLabel="Post reply" onCancel={onClose} />
    </form>
  );
}
