import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { submitReview } from "../api/reviews";
import { TextAreaField } from "./Field";
import { FormErrors, serverFieldErrors } from "./FormErrors";
import { StarPicker } from "./Stars";

interface ReviewFormProps {
  contractId: string;
  /** Whom the review is about. */
  revieweeName: string;
}

/** "Leave a review" on a completed contract: stars, a public comment and private feedback to the platform. */
export function ReviewForm({ contractId, revieweeName }: ReviewFormProps) {
  const queryClient = useQueryClient();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState("");
  const [privateFeedback, setPrivateFeedback] = useState("");
  const [checks, setChecks] = useState<{ rating?: string; comment?: string }>({});
  const submit = useMutation({
    mutationFn: () =>
      submitReview({ contract_id: contractId, rating, comment: comment.trim(), private_feedback: privateFeedback.trim() || null }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["contracts", contractId, "reviews"] }),
  });
  const server = serverFieldErrors(submit.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: typeof checks = {};
    if (rating < 1) found.rating = "Pick from 1 to 5 stars.";
    if (!comment.trim()) found.comment = "Say a few words about working together.";
    setChecks(found);
    if (Object.keys(found).length === 0) submit.mutate();
  }

  return (
    <form className="form" aria-label="Leave a review" onSubmit={onSubmit} noValidate>
      <h3>Leave a review</h3>
      <p className="muted">
        {revieweeName} reads your review once they have written theirs, or when 14 days have passed.
      </p>
      <FormErrors error={submit.error} shown={["rating", "comment", "private_feedback"]} />
      <StarPicker
        value={rating}
        error={checks.rating ?? server.rating}
        onChange={(n) => {
          setRating(n);
          setChecks((c) => ({ ...c, rating: undefined }));
        }}
      />
      <TextAreaField
        label="Comment"
        hint="Everyone can read it on the profile."
        rows={4}
        maxLength={5000}
        value={comment}
        error={checks.comment ?? server.comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <TextAreaField
        label="Private feedback to Downwork (optional)"
        hint={`Never shown to ${revieweeName} or the public.`}
        rows={3}
        maxLength={5000}
        value={privateFeedback}
        error={server.private_feedback}
        onChange={(e) => setPrivateFeedback(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={submit.isPending}>
          {submit.isPending ? "Sending…" : "Submit review"}
        </button>
      </div>
    </form>
  );
}
