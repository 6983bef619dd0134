import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { ApiError } from "../api/errors";
import type { Job, Proposal, ProposalInput } from "../api/types";
import { sendable } from "../lib/built";
import { describePay, jobCurrency } from "../lib/jobs";
import { currencyLabel, formatMoney, parseAmountToCents } from "../lib/money";
import {
  buildProposalInput,
  emptyProposalForm,
  formFromProposal,
  milestoneMismatch,
  milestoneTotal,
  MAX_DURATION_DAYS,
  newMilestone,
  type MilestoneState,
  type ProposalFormState,
} from "../lib/proposalForm";
import { TextAreaField, TextField } from "./Field";
import { FormErrors } from "./FormErrors";
import { useFormSave } from "./useFormSave";

interface ProposalFormProps {
  job: Job;
  /** The proposal being edited, if any. */
  proposal?: Proposal;
  /** Sends the proposal: a bid, an edit, or the answer to an invitation. */
  submit: (input: ProposalInput) => Promise<Proposal>;
  onSubmitted: (proposal: Proposal) => void;
  submitLabel?: string;
  onCancel?: () => void;
}

const MILESTONE_FIELDS = ["title", "amount", "due_date"] as const;

/** What a freelancer offers: cover letter, price, time, answers and, for fixed-price jobs, milestones. */
export function ProposalForm({ job, proposal, submit, onSubmitted, submitLabel = "Send proposal", onCancel }: ProposalFormProps) {
  const [state, setState] = useState<ProposalFormState>(() => (proposal ? formFromProposal(proposal, job) : emptyProposalForm(job)));
  const { mutation: send, error, errors, summary, clearError } = useFormSave(
    () => submit(sendable(buildProposalInput(state, job, proposal?.attachment_file_ids))),
    onSubmitted,
  );
  const currency = jobCurrency(job);
  const fixed = job.payment_type === "fixed";

  const set = <K extends keyof ProposalFormState>(key: K, value: ProposalFormState[K]) => {
    setState((current) => ({ ...current, [key]: value }));
    clearError(key);
  };
  const setAnswer = (index: number, text: string) => {
    setState((current) => ({ ...current, answers: current.answers.map((a, i) => (i === index ? text : a)) }));
    clearError(`answers[${index}]`, "answers");
  };
  const setMilestone = (index: number, patch: Partial<MilestoneState>) => {
    setState((current) => ({
      ...current,
      milestones: current.milestones.map((m, i) => (i === index ? { ...m, ...patch } : m)),
    }));
    clearError(...Object.keys(patch).map((key) => `milestones[${index}].${key}`), "milestones");
  };

  const shown = [
    "cover_letter",
    "amount",
    "duration_days",
    "answers",
    "milestones",
    ...job.screening_questions.map((_, i) => `answers[${i}]`),
    ...state.milestones.flatMap((_, i) => MILESTONE_FIELDS.map((f) => `milestones[${i}].${f}`)),
  ];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    send.mutate();
  }

  const total = milestoneTotal(state.milestones);
  const bid = parseAmountToCents(state.amount);
  const mismatch = milestoneMismatch(state, currency);
  const code = error instanceof ApiError ? error.code : null;

  return (
    <form className="form proposal-form" onSubmit={onSubmit} noValidate aria-label={proposal ? "Edit proposal" : "Proposal"}>
      <div ref={summary} tabIndex={-1} className="form-errors-anchor">
        <FormErrors error={error} shown={shown} />
        {code === "already_proposed" && (
          <p className="notice notice--muted">
            See it under <Link to="/my/proposals">My proposals</Link>.
          </p>
        )}
      </div>

      <div className="grid-2">
        <TextField
          label={fixed ? `Your bid for the whole job (${currencyLabel(currency)})` : `Your hourly rate (${currencyLabel(currency)})`}
          name="amount"
          inputMode="decimal"
          value={state.amount}
          error={errors.amount}
          hint={`The client's budget: ${describePay(job)}.`}
          onChange={(e) => set("amount", e.target.value)}
        />
        <TextField
          label="How many days will it take?"
          name="duration_days"
          inputMode="numeric"
          value={state.duration_days}
          error={errors.duration_days}
          hint={`Optional; up to ${MAX_DURATION_DAYS} days.`}
          onChange={(e) => set("duration_days", e.target.value)}
        />
      </div>
      <TextAreaField
        label="Cover letter"
        name="cover_letter"
        rows={8}
        maxLength={5000}
        placeholder="Why you are a good fit, how you would approach the work, and what you need from the client."
        value={state.cover_letter}
        error={errors.cover_letter}
        hint="At least 20 characters."
        onChange={(e) => set("cover_letter", e.target.value)}
      />

      {job.screening_questions.length > 0 && (
        <fieldset className="subsection">
          <legend>The client's questions</legend>
          {errors.answers && <p className="field-error">{errors.answers}</p>}
          {job.screening_questions.map((question, index) => (
            <TextAreaField
              key={index}
              label={question}
              rows={3}
              maxLength={2000}
              value={state.answers[index] ?? ""}
              error={errors[`answers[${index}]`]}
              onChange={(e) => setAnswer(index, e.target.value)}
            />
          ))}
        </fieldset>
      )}

      {fixed && (
        <fieldset className="subsection milestones">
          <legend>Milestones</legend>
          <p className="muted">Optional: split the work into parts, each paid when it is done. Their amounts must add up to your bid.</p>
          {state.milestones.map((milestone, index) => {
            const at = `milestones[${index}]`;
            const n = index + 1;
            return (
              <fieldset key={milestone.key} className="milestone-row">
                <legend className="visually-hidden">Milestone {n}</legend>
                <TextField
                  label={`Milestone ${n}`}
                  placeholder="e.g. Design"
                  maxLength={100}
                  value={milestone.title}
                  error={errors[`${at}.title`]}
                  onChange={(e) => setMilestone(index, { title: e.target.value })}
                />
                <TextField
                  label={`Amount ${n} (${currencyLabel(currency)})`}
                  inputMode="decimal"
                  value={milestone.amount}
                  error={errors[`${at}.amount`]}
                  onChange={(e) => setMilestone(index, { amount: e.target.value })}
                />
                <TextField
                  label={`Due date ${n}`}
                  type="date"
                  value={milestone.due_date}
                  error={errors[`${at}.due_date`]}
                  onChange={(e) => setMilestone(index, { due_date: e.target.value })}
                />
                <button
                  type="button"
                  className="button button--ghost button--small"
                  aria-label={`Remove milestone ${n}`}
                  onClick={() => set("milestones", state.milestones.filter((_, i) => i !== index))}
                >
                  Remove
                </button>
              </fieldset>
            );
          })}
          {state.milestones.length > 0 && (
            <div className={`milestone-total${mismatch ? " is-off" : ""}`} aria-live="polite" data-testid="milestone-total">
              <strong>
                Milestones total: {formatMoney({ amount: total.cents, currency })}
                {bid.ok && bid.cents !== null && ` of ${formatMoney({ amount: bid.cents, currency })}`}
              </strong>
              {mismatch && <span> {mismatch}</span>}
            </div>
          )}
          {errors.milestones && <p className="field-error">{errors.milestones}</p>}
          <button type="button" className="button button--secondary button--small" onClick={() => set("milestones", [...state.milestones, newMilestone()])}>
            Add milestone
          </button>
        </fieldset>
      )}

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? "Sending…" : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
