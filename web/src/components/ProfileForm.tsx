import { useMemo, useState, type FormEvent } from "react";
import { updateProfile } from "../api/endpoints";
import type { Availability, CompanySize, ExperienceLevel, OwnProfile } from "../api/types";
import { sendable } from "../lib/built";
import { AVAILABILITY, COMPANY_SIZES, EXPERIENCE_LEVELS } from "../lib/labels";
import { currencyLabel } from "../lib/money";
import { buildProfileUpdate, formFromProfile, newExperience, type ExperienceDraft, type ProfileFormState } from "../lib/profileForm";
import { AvatarUpload } from "./AvatarUpload";
import { Options, SelectField, TextAreaField, TextField } from "./Field";
import { FormErrors } from "./FormErrors";
import { SkillPicker } from "./SkillPicker";
import { useFormSave } from "./useFormSave";

interface ProfileFormProps {
  profile: OwnProfile;
  onSaved: (profile: OwnProfile) => void;
  onCancel?: () => void;
}

/** The server's name for each field of the form, for its error messages. */
const FIELD_PATHS: Partial<Record<keyof ProfileFormState, string>> = {
  name: "name",
  location: "location",
  timezone: "timezone",
  avatarFileId: "avatar_file_id",
  headline: "freelancer.headline",
  bio: "freelancer.bio",
  hourlyRate: "freelancer.hourly_rate",
  availability: "freelancer.availability",
  experienceLevel: "freelancer.experience_level",
  skills: "freelancer.skills",
  companyName: "client.company_name",
  website: "client.website",
  companySize: "client.company_size",
  industry: "client.industry",
  companyDescription: "client.description",
};

const EXPERIENCE_FIELDS = ["title", "company", "start_date", "end_date", "description"] as const;

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
}

export function ProfileForm({ profile, onSaved, onCancel }: ProfileFormProps) {
  const [state, setState] = useState<ProfileFormState>(() => formFromProfile(profile));
  const [uploading, setUploading] = useState(false);
  const zones = useMemo(timeZones, []);
  const browserZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const { mutation: save, error, errors, summary, clearError } = useFormSave(
    () => updateProfile(sendable(buildProfileUpdate(state, profile))),
    onSaved,
  );

  const set = <K extends keyof ProfileFormState>(key: K, value: ProfileFormState[K]) => {
    setState((current) => ({ ...current, [key]: value }));
    const path = FIELD_PATHS[key];
    if (path) clearError(path);
  };
  const setJob = (index: number, patch: Partial<ExperienceDraft>) => {
    setState((current) => ({
      ...current,
      experience: current.experience.map((job, i) => (i === index ? { ...job, ...patch } : job)),
    }));
    clearError(...Object.keys(patch).map((key) => `freelancer.experience[${index}].${key}`));
  };

  const shown = [
    "name",
    "location",
    "timezone",
    "avatar_file_id",
    ...["headline", "bio", "hourly_rate", "availability", "experience_level", "skills"].map((f) => `freelancer.${f}`),
    ...state.experience.flatMap((_, i) => EXPERIENCE_FIELDS.map((f) => `freelancer.experience[${i}].${f}`)),
    ...["company_name", "website", "company_size", "industry", "description"].map((f) => `client.${f}`),
  ];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  const hadFreelancer = Boolean(profile.freelancer);
  const hadClient = Boolean(profile.client);

  return (
    <form className="form profile-form" onSubmit={onSubmit} noValidate aria-label="Edit profile">
      <div ref={summary} tabIndex={-1} className="form-errors-anchor">
        <FormErrors error={error} shown={shown} />
      </div>

      <fieldset className="card">
        <legend>Basics</legend>
        <AvatarUpload
          name={state.name}
          url={state.avatarUrl}
          error={errors.avatar_file_id}
          onBusyChange={setUploading}
          onChange={(fileId, url) => {
            setState((current) => ({ ...current, avatarFileId: fileId, avatarUrl: url }));
            clearError("avatar_file_id");
          }}
        />
        <TextField label="Name" name="name" autoComplete="name" required maxLength={100} value={state.name} error={errors.name} onChange={(e) => set("name", e.target.value)} />
        <div className="grid-2">
          <TextField
            label="Location"
            name="location"
            placeholder="City, country"
            maxLength={100}
            value={state.location}
            error={errors.location}
            onChange={(e) => set("location", e.target.value)}
          />
          <TextField
            label="Time zone"
            name="timezone"
            list="timezones"
            placeholder={browserZone || "Europe/Berlin"}
            value={state.timezone}
            error={errors.timezone}
            hint={
              !state.timezone && browserZone ? (
                <button type="button" className="link-button" onClick={() => set("timezone", browserZone)}>
                  Use {browserZone}
                </button>
              ) : undefined
            }
            onChange={(e) => set("timezone", e.target.value)}
          />
          <datalist id="timezones">
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
      </fieldset>

      {!hadFreelancer && (
        <label className="checkbox">
          <input type="checkbox" checked={state.freelancer} onChange={(e) => set("freelancer", e.target.checked)} />
          Add a freelancer profile to find work
        </label>
      )}
      {state.freelancer && (
        <fieldset className="card">
          <legend>Freelancer profile</legend>
          <TextField
            label="Headline"
            name="headline"
            maxLength={120}
            placeholder="e.g. Senior Rust engineer for backend services"
            value={state.headline}
            error={errors["freelancer.headline"]}
            onChange={(e) => set("headline", e.target.value)}
          />
          <TextAreaField
            label="Bio"
            name="bio"
            maxLength={5000}
            rows={6}
            placeholder="What you do, who you have done it for, and how you work."
            value={state.bio}
            error={errors["freelancer.bio"]}
            onChange={(e) => set("bio", e.target.value)}
          />
          <div className="grid-2">
            <TextField
              label={`Hourly rate (${currencyLabel(state.currency)})`}
              name="hourly_rate"
              inputMode="decimal"
              placeholder="45.00"
              value={state.hourlyRate}
              error={errors["freelancer.hourly_rate"]}
              hint="Leave blank to discuss the rate per job."
              onChange={(e) => set("hourlyRate", e.target.value)}
            />
            <SelectField
              label="Availability"
              name="availability"
              value={state.availability}
              error={errors["freelancer.availability"]}
              onChange={(e) => set("availability", e.target.value as Availability)}
            >
              <Options labels={AVAILABILITY} />
            </SelectField>
          </div>
          <SelectField
            label="Experience level"
            name="experience_level"
            value={state.experienceLevel}
            error={errors["freelancer.experience_level"]}
            hint="Clients can search by it."
            onChange={(e) => set("experienceLevel", e.target.value as ExperienceLevel)}
          >
            <Options labels={EXPERIENCE_LEVELS} />
          </SelectField>
          <SkillPicker value={state.skills} onChange={(skills) => set("skills", skills)} error={errors["freelancer.skills"]} />

          <div className="subsection">
            <h3>Experience</h3>
            {state.experience.length === 0 && <p className="muted">No positions yet.</p>}
            {state.experience.map((job, index) => {
              const at = `freelancer.experience[${index}]`;
              const n = index + 1;
              return (
                <fieldset key={job.key} className="experience-entry">
                  <legend>Position {n}</legend>
                  <div className="grid-2">
                    <TextField label={`Job title (position ${n})`} value={job.title} error={errors[`${at}.title`]} onChange={(e) => setJob(index, { title: e.target.value })} />
                    <TextField label={`Company (position ${n})`} value={job.company} error={errors[`${at}.company`]} onChange={(e) => setJob(index, { company: e.target.value })} />
                    <TextField
                      label={`Start date (position ${n})`}
                      type="date"
                      value={job.start_date}
                      error={errors[`${at}.start_date`]}
                      onChange={(e) => setJob(index, { start_date: e.target.value })}
                    />
                    <TextField
                      label={`End date (position ${n})`}
                      type="date"
                      value={job.end_date}
                      hint="Leave blank if you still work there."
                      error={errors[`${at}.end_date`]}
                      onChange={(e) => setJob(index, { end_date: e.target.value })}
                    />
                  </div>
                  <TextAreaField
                    label={`Description (position ${n})`}
                    rows={3}
                    value={job.description}
                    error={errors[`${at}.description`]}
                    onChange={(e) => setJob(index, { description: e.target.value })}
                  />
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => set("experience", state.experience.filter((_, i) => i !== index))}
                  >
                    Remove position {n}
                  </button>
                </fieldset>
              );
            })}
            <button type="button" className="button button--secondary button--small" onClick={() => set("experience", [...state.experience, newExperience()])}>
              Add position
            </button>
          </div>
        </fieldset>
      )}

      {!hadClient && (
        <label className="checkbox">
          <input type="checkbox" checked={state.client} onChange={(e) => set("client", e.target.checked)} />
          Add a client profile to hire freelancers
        </label>
      )}
      {state.client && (
        <fieldset className="card">
          <legend>Client profile</legend>
          <div className="grid-2">
            <TextField
              label="Company name"
              name="company_name"
              required
              maxLength={120}
              value={state.companyName}
              error={errors["client.company_name"]}
              onChange={(e) => set("companyName", e.target.value)}
            />
            <TextField
              label="Website"
              name="website"
              type="url"
              inputMode="url"
              placeholder="https://example.com"
              value={state.website}
              error={errors["client.website"]}
              onChange={(e) => set("website", e.target.value)}
            />
            <SelectField
              label="Company size"
              name="company_size"
              value={state.companySize}
              error={errors["client.company_size"]}
              onChange={(e) => set("companySize", e.target.value as CompanySize)}
            >
              <Options labels={COMPANY_SIZES} />
            </SelectField>
            <TextField label="Industry" name="industry" maxLength={100} value={state.industry} error={errors["client.industry"]} onChange={(e) => set("industry", e.target.value)} />
          </div>
          <TextAreaField
            label="Company description"
            name="company_description"
            maxLength={5000}
            rows={4}
            value={state.companyDescription}
            error={errors["client.description"]}
            onChange={(e) => set("companyDescription", e.target.value)}
          />
        </fieldset>
      )}

      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending || uploading}>
          {save.isPending ? "Saving…" : "Save profile"}
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
