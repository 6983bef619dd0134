import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { emailPreferences, setEmailPreferences, type NotificationPreference } from "../api/notificationSettings";
import { FormErrors } from "./FormErrors";
import { ErrorPanel, Loading } from "./Status";

/** What each kind of notification is about, in words. */
const KIND_LABELS: Record<string, string> = {
  job_invitation: "Invitations to propose on a job",
  invitation_answered: "Answers to my invitations",
  proposal_received: "New proposals on my jobs",
  proposal_shortlisted: "My proposal was shortlisted",
  proposal_declined: "My proposal was declined",
  proposal_closed: "A job I proposed on closed",
  hired: "I was hired",
  milestone_funded: "A milestone was funded",
  milestone_submitted: "Work was handed in",
  milestone_released: "Money was released to me",
  changes_requested: "Changes were requested",
  milestone_refunded: "A milestone was refunded",
  invoice_ready: "A new invoice",
  cancellation_requested: "A contract cancellation was asked for",
  contract_ended: "A contract ended",
  withdrawal_failed: "A withdrawal came back",
  friend_request: "Friend requests",
  friend_request_accepted: "My friend request was accepted",
  freelancer_recommended: "A friend recommended a freelancer",
  job_shared: "A friend shared a job",
  announcement: "News from Downwork",
  report_handled: "My reports were looked at",
  review_received: "I received a review",
};

function label(kind: string) {
  return KIND_LABELS[kind] ?? kind.replaceAll("_", " ");
}

/** The kinds of notification the user also wants by e-mail; each box saves at once. */
export function EmailPreferences() {
  const queryClient = useQueryClient();
  const preferences = useQuery({ queryKey: ["notifications", "preferences"], queryFn: emailPreferences });
  const save = useMutation({
    mutationFn: (change: NotificationPreference) => setEmailPreferences([change]),
    onSuccess: (saved) => queryClient.setQueryData(["notifications", "preferences"], saved),
  });

  if (preferences.isPending) return <Loading label="Loading e-mail settings…" />;
  if (!preferences.data) return <ErrorPanel error={preferences.error} retry={() => preferences.refetch()} />;
  return (
    <section className="card stack" aria-labelledby="email-preferences">
      <h2 id="email-preferences">E-mail me about</h2>
      <p className="muted">Everything shows up here and in the bell; these also come by e-mail. Each e-mail has a link to stop its kind.</p>
      <FormErrors error={save.error} />
      <ul className="list">
        {preferences.data.items.map((preference) => (
          <li key={preference.kind}>
            <label>
              <input
                type="checkbox"
                checked={preference.email}
                disabled={save.isPending}
                onChange={(event) => save.mutate({ kind: preference.kind, email: event.target.checked })}
              />{" "}
              {label(preference.kind)}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
