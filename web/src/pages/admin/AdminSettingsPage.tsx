import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getSettings, updateSettings } from "../../api/admin";
import type { PlatformSettings, SignupMode } from "../../api/types";
import { Options, SelectField, TextAreaField, TextField } from "../../components/Field";
import { FormErrors, serverFieldErrors } from "../../components/FormErrors";
import { ErrorPanel, Loading } from "../../components/Status";
import { SIGNUP_MODES } from "../../lib/labels";

/** The numeric settings this form edits; the PUT leaves the others as they are. */
type Key = { [K in keyof PlatformSettings]-?: PlatformSettings[K] extends number | undefined ? K : never }[keyof PlatformSettings];

/** `bounds` are the server's, checked here too so a wrong number is caught before sending. */
const FIELDS: { key: Key; label: string; hint: string; bounds?: [number, number] }[] = [
  { key: "client_fee_bps", label: "Client fee (basis points)", hint: "Added to what clients pay; 500 is 5%." },
  { key: "freelancer_fee_bps", label: "Freelancer fee (basis points)", hint: "Taken from what freelancers are paid; 1,000 is 10%." },
  { key: "auto_release_days", label: "Auto-release after (days)", hint: "Submitted work the client has not answered is released after this many days." },
  { key: "hourly_review_days", label: "Hourly review (days)", hint: "How long a billed week is held for the client's review." },
  { key: "job_open_days", label: "Jobs open for (days)", hint: "How long a published or reopened job takes proposals.", bounds: [1, 365] },
];

/** The platform's settings; a change needs a reason, kept in the audit log. */
export function AdminSettingsPage() {
  const settings = useQuery({ queryKey: ["admin", "settings"], queryFn: getSettings });
  return (
    <section className="card stack narrow" aria-labelledby="admin-settings-title">
      <h1 id="admin-settings-title">Settings</h1>
      {settings.isPending ? (
        <Loading label="Loading settings…" />
      ) : settings.isError ? (
        <ErrorPanel error={settings.error} retry={() => settings.refetch()} />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </section>
  );
}

function SettingsForm({ settings }: { settings: PlatformSettings }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<Key, string>>(() => {
    const start = {} as Record<Key, string>;
    for (const { key } of FIELDS) start[key] = String(settings[key] ?? "");
    return start;
  });
  const [signupMode, setSignupMode] = useState<SignupMode>(settings.signup_mode ?? "open");
  const [reason, setReason] = useState("");
  const [checks, setChecks] = useState<Partial<Record<Key | "reason", string>>>({});
  const save = useMutation({
    mutationFn: updateSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(["admin", "settings"], saved);
      void queryClient.invalidateQueries({ queryKey: ["admin", "audit-log"] });
    },
  });
  const server = serverFieldErrors(save.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: typeof checks = {};
    const update: Partial<PlatformSettings> = {};
    for (const { key, bounds } of FIELDS) {
      const value = Number(values[key].trim());
      if (!/^\d+$/.test(values[key].trim())) found[key] = "Enter a whole number.";
      else if (bounds && (value < bounds[0] || value > bounds[1])) found[key] = `Enter a whole number from ${bounds[0]} to ${bounds[1]}.`;
      else update[key] = value;
    }
    if (!reason.trim()) found.reason = "Say why; it goes in the audit log.";
    setChecks(found);
    if (Object.keys(found).length === 0) save.mutate({ ...(update as PlatformSettings), signup_mode: signupMode, reason: reason.trim() });
  }

  return (
    <form className="form" aria-label="Platform settings" onSubmit={onSubmit} noValidate>
      {save.isSuccess && (
        <p className="notice" role="status">
          Settings saved.
        </p>
      )}
      <FormErrors error={save.error} shown={[...FIELDS.map((f) => f.key), "signup_mode", "reason"]} />
      {FIELDS.map(({ key, label, hint, bounds }) => (
        <TextField
          key={key}
          label={label}
          hint={hint}
          inputMode="numeric"
          {...(bounds && { type: "number", min: bounds[0], max: bounds[1] })}
          value={values[key]}
          error={checks[key] ?? server[key]}
          onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
        />
      ))}
      <SelectField
        label="Sign-up"
        hint="Invite-only asks new accounts for an invitation code."
        value={signupMode}
        error={server.signup_mode}
        onChange={(e) => setSignupMode(e.target.value as SignupMode)}
      >
        <Options labels={SIGNUP_MODES} />
      </SelectField>
      <TextAreaField label="Reason" rows={2} value={reason} error={checks.reason ?? server.reason} onChange={(e) => setReason(e.target.value)} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save settings"}
        </button>
      </div>
    </form>
  );
}
