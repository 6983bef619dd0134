import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { inviteFreelancer } from "../api/proposals";
import type { Job, SuggestedFreelancer } from "../api/types";
import { percent, suggestionReasons } from "../lib/suggestions";
import { suggestedFreelancersQuery } from "../pages/friendQueries";
import { TextAreaField } from "./Field";
import { FormErrors, serverFieldErrors } from "./FormErrors";
import { MessageButton } from "./MessageButton";
import { PersonItem } from "./PersonItem";
import { ErrorPanel, Loading } from "./Status";
import { FormActions } from "./FormActions";

/** Freelancers who fit the client's open job, why, and a way to invite them. */
export function SuggestedFreelancers({ job }: { job: Job }) {
  const suggestions = useQuery(suggestedFreelancersQuery(job.id));

  return (
    <section className="card" aria-labelledby="suggested-heading">
      <h2 id="suggested-heading">Suggested freelancers</h2>
      <p className="muted">
        Picked for their skills, how close their profile and past work are to this job, their rating, and whether they are your friends
        or friends of friends. Those who already proposed are left out.
      </p>
      {suggestions.isPending ? (
        <Loading label="Finding freelancers who fit…" />
      ) : suggestions.isError ? (
        <ErrorPanel error={suggestions.error} retry={() => suggestions.refetch()} />
      ) : suggestions.data.items.length === 0 ? (
        <p className="muted">No one fits this job yet. Adding skills to the job helps.</p>
      ) : (
        <ul className="people" aria-label="Suggested freelancers">
          {suggestions.data.items.map((suggestion) => (
            <Suggestion key={suggestion.freelancer.id} job={job} suggestion={suggestion} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Suggestion({ job, suggestion }: { job: Job; suggestion: SuggestedFreelancer }) {
  const { freelancer } = suggestion;
  const [inviting, setInviting] = useState(false);
  const [message, setMessage] = useState("");
  const invite = useMutation({ mutationFn: () => inviteFreelancer(job.id, freelancer.id, message) });
  const errors = serverFieldErrors(invite.error);
  // The server lets a client message friends, and those invited to their job.
  const canMessage = suggestion.connection === "friend" || invite.isSuccess;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    invite.mutate();
  }

  return (
    <PersonItem
      user={freelancer}
      className="suggestion"
      actions={
        <>
          <strong className="suggestion__score">{percent(suggestion.score)} match</strong>
          {invite.isSuccess ? (
            <span className="friend-state">Invited</span>
          ) : (
            !inviting && (
              <button type="button" className="button button--secondary button--small" onClick={() => setInviting(true)}>
                Invite
              </button>
            )
          )}
          {canMessage && <MessageButton userId={freelancer.id} name={freelancer.name} />}
        </>
      }
      below={
        <>
          <ul className="chips" aria-label={`Why ${freelancer.name}`}>
            {suggestionReasons(suggestion).map((reason) => (
              <li key={reason} className="chip">
                {reason}
              </li>
            ))}
          </ul>
          {inviting && !invite.isSuccess && (
            <form className="form confirm-panel" aria-label={`Invite ${freelancer.name}`} onSubmit={onSubmit}>
              <FormErrors error={invite.error} shown={["message"]} />
              <TextAreaField
                label="Message (optional)"
                rows={3}
                maxLength={2000}
                value={message}
                error={errors.message}
                placeholder={`Hi ${freelancer.name.split(" ")[0]}, I think you would be a great fit for “${job.title}”.`}
                onChange={(e) => setMessage(e.target.value)}
              />
              <FormActions small pending={invite.isPending} pendingLabel="Sending…" submitLabel="Send invitation" onCancel={() => setInviting(false)} />
            </form>
          )}
          {invite.isSuccess && (
            <p className="notice" role="status">
              {freelancer.name} is invited to send a proposal.
            </p>
          )}
        </>
      }
    >
      {suggestion.headline || "No headline yet"}
    </PersonItem>
  );
}
