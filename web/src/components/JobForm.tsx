import { useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { createJob, updateJob } from "../api/jobs";
import type { ExperienceLevel, Job, PaymentType, ProjectDuration, Visibility } from "../api/types";
import { sendable } from "../lib/built";
import { buildJobInput, emptyJobForm, formFromJob, MAX_QUESTIONS, newQuestion, type JobFormState } from "../lib/jobForm";
import { DURATIONS, EXPERIENCE_LEVELS, PAYMENT_TYPES, VISIBILITIES } from "../lib/labels";
import { currencyLabel } from "../lib/money";
import { categoriesQuery } from "../pages/marketQueries";
import { Options, SelectField, TextAreaField, TextField } from "./Field";
import { FormErrors } from "./FormErrors";
import { SkillPicker } from "./SkillPicker";
import { useFormSave } from "./useFormSave";

interface JobFormProps {
  /** The job to edit; without one the form posts a new job. */
  job?: Job;
  onSaved: (job: Job) => void;
  onCancel?: () => void;
}

const FIELDS = [
  "title",
  "description",
  "category",
  "skills",
  "payment_type",
  "budget",
  "hourly_rate_min",
  "hourly_rate_max",
  "hours_per_week",
  "duration",
  "experience_level",
  "screening_questions",
  "deadline",
  "visibility",
  "hires_wanted",
] as const;

function tomorrow(): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Posting a job, or editing one: per-field messages from the form's checks and the server's 422s. */
export function JobForm({ job, onSaved, onCancel }: JobFormProps) {
  const [state, setState] = useState<JobFormState>(() => (job ? formFromJob(job) : emptyJobForm()));
  const categories = useQuery(categoriesQuery());
  const { mutation: save, error, errors, summary, clearError } = useFormSave(({ draft }: { draft: boolean }) => {
    const input = sendable(buildJobInput(state, { draft: job ? undefined : draft, attachmentFileIds: job?.attachment_file_ids }));
    return job ? updateJob(job.id, input) : createJob(input);
  }, onSaved);

  const set = <K extends keyof JobFormState>(key: K, value: JobFormState[K]) => {
    setState((current) => ({ ...current, [key]: value }));
    clearError(key);
  };
  const setQuestion = (index: number, text: string) => {
    setState((current) => ({
      ...current,
      screening_questions: current.screening_questions.map((q, i) => (i === index ? { ...q, text } : q)),
    }));
    clearError(`screening_questions[${index}]`);
  };

  const shown = [...FIELDS, ...state.screening_questions.map((_, i) => `screening_questions[${i}]`)];
  const currency = currencyLabel(state.currency);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    save.mutate({ draft: submitter?.getAttribute("value") === "draft" });
  }

  return (
    <form className="form job-form" onSubmit={onSubmit} noValidate aria-label={job ? "Edit job" : "Post a job"}>
      <div ref={summary} tabIndex={-1} className="form-errors-anchor">
        <FormErrors error={error} shown={shown} />
      </div>

      <fieldset className="card">
        <legend>The work</legend>
        <TextField
          label="Title"
          name="title"
          maxLength={120}
          placeholder="e.g. Build a responsive landing page"
          value={state.title}
          error={errors.title}
          hint="5 to 120 characters."
          onChange={(e) => set("title", e.target.value)}
        />
        <TextAreaField
          label="Description"
          name="description"
          rows={8}
          maxLength={10_000}
          placeholder="What needs doing, what done looks like, and anything a freelancer should know."
          value={state.description}
          error={errors.description}
          hint="At least 20 characters."
          onChange={(e) => set("description", e.target.value)}
        />
        <div className="grid-2">
          <SelectField label="Category" name="category" value={state.category} error={errors.category} onChange={(e) => set("category", e.target.value)}>
            <option value="">{categories.isPending ? "Loading categories…" : "Choose a category"}</option>
            {categories.data?.map((category) => (
              <option key={category.slug} value={category.slug}>
                {category.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Experience level"
            name="experience_level"
            value={state.experience_level}
            error={errors.experience_level}
            onChange={(e) => set("experience_level", e.target.value as ExperienceLevel)}
          >
            <Options labels={EXPERIENCE_LEVELS} />
          </SelectField>
        </div>
        {categories.isError && <p className="field-error">Could not load the categories. Reload the page to try again.</p>}
        <SkillPicker label="Skills needed" value={state.skills} onChange={(skills) => set("skills", skills)} error={errors.skills} />
      </fieldset>

      <fieldset className="card">
        <legend>Budget</legend>
        <fieldset className="role-picker">
          <legend>How will you pay?</legend>
          {(Object.keys(PAYMENT_TYPES) as PaymentType[]).map((type) => (
            <label key={type} className={`role-option${state.payment_type === type ? " is-selected" : ""}`}>
              <input type="radio" name="payment_type" value={type} checked={state.payment_type === type} onChange={() => set("payment_type", type)} />
              <span>
                <strong>{PAYMENT_TYPES[type]}</strong>
                <span className="muted">{type === "fixed" ? "One price for the whole job" : "Pay by the hour"}</span>
              </span>
            </label>
          ))}
          {errors.payment_type && <p className="field-error">{errors.payment_type}</p>}
        </fieldset>
        {state.payment_type === "fixed" ? (
          <TextField
            label={`Budget (${currency})`}
            name="budget"
            inputMode="decimal"
            placeholder="500"
            value={state.budget}
            error={errors.budget}
            hint="From 5.00 to 10,000,000.00."
            onChange={(e) => set("budget", e.target.value)}
          />
        ) : (
          <div className="grid-3">
            <TextField
              label={`Lowest hourly rate (${currency})`}
              name="hourly_rate_min"
              inputMode="decimal"
              placeholder="25"
              value={state.hourly_rate_min}
              error={errors.hourly_rate_min}
              onChange={(e) => set("hourly_rate_min", e.target.value)}
            />
            <TextField
              label={`Highest hourly rate (${currency})`}
              name="hourly_rate_max"
              inputMode="decimal"
              placeholder="45"
              value={state.hourly_rate_max}
              error={errors.hourly_rate_max}
              onChange={(e) => set("hourly_rate_max", e.target.value)}
            />
            <TextField
              label="Hours per week"
              name="hours_per_week"
              inputMode="numeric"
              placeholder="20"
              value={state.hours_per_week}
              error={errors.hours_per_week}
              hint="Optional."
              onChange={(e) => set("hours_per_week", e.target.value)}
            />
          </div>
        )}
        <div className="grid-2">
          <SelectField label="Expected duration" name="duration" value={state.duration} error={errors.duration} onChange={(e) => set("duration", e.target.value as ProjectDuration | "")}>
            <option value="">Not sure yet</option>
            <Options labels={DURATIONS} />
          </SelectField>
          <TextField
            label="Deadline"
            name="deadline"
            type="date"
            min={tomorrow()}
            value={state.deadline}
            error={errors.deadline}
            hint="Optional."
            onChange={(e) => set("deadline", e.target.value)}
          />
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>Hiring</legend>
        <div className="grid-2">
          <SelectField label="Who can find this job" name="visibility" value={state.visibility} error={errors.visibility} onChange={(e) => set("visibility", e.target.value as Visibility)}>
            <Options labels={VISIBILITIES} />
          </SelectField>
          <TextField
            label="People to hire"
            name="hires_wanted"
            inputMode="numeric"
            value={state.hires_wanted}
            error={errors.hires_wanted}
            hint="The job closes once this many are hired."
            onChange={(e) => set("hires_wanted", e.target.value)}
          />
        </div>
        <div className="subsection">
          <h3>Screening questions</h3>
          <p className="muted">Every proposal must answer these. Up to {MAX_QUESTIONS}.</p>
          {errors.screening_questions && <p className="field-error">{errors.screening_questions}</p>}
          {state.screening_questions.map((question, index) => (
            <div key={question.key} className="question-row">
              <TextField
                label={`Question ${index + 1}`}
                maxLength={500}
                value={question.text}
                error={errors[`screening_questions[${index}]`]}
                onChange={(e) => setQuestion(index, e.target.value)}
              />
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => set("screening_questions", state.screening_questions.filter((_, i) => i !== index))}
              >
                Remove question {index + 1}
              </button>
            </div>
          ))}
          {state.screening_questions.length < MAX_QUESTIONS && (
            <button type="button" className="button button--secondary button--small" onClick={() => set("screening_questions", [...state.screening_questions, newQuestion()])}>
              Add question
            </button>
          )}
        </div>
      </fieldset>

      <div className="form-actions">
        <button type="submit" name="intent" value="post" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : job ? "Save changes" : "Post job"}
        </button>
        {!job && (
          <button type="submit" name="intent" value="draft" className="button button--secondary" disabled={save.isPending}>
            Save as draft
          </button>
        )}
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
