import { useId, useState, type KeyboardEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { listSkills } from "../api/endpoints";
import type { SkillTag } from "../api/types";
import { useDebouncedValue } from "../lib/useDebouncedValue";

export const MAX_SKILLS = 15;

interface SkillPickerProps {
  value: SkillTag[];
  onChange: (skills: SkillTag[]) => void;
  error?: string;
  label?: string;
}

/** Search-as-you-type over the skills taxonomy, with the chosen skills as removable chips. */
export function SkillPicker({ value, onChange, error, label = "Skills" }: SkillPickerProps) {
  const id = useId();
  const listId = `${id}-options`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const query = useDebouncedValue(text.trim(), 200);
  const full = value.length >= MAX_SKILLS;

  const results = useQuery({
    queryKey: ["skills", query],
    queryFn: () => listSkills({ q: query, limit: 10 }),
    enabled: query.length > 0,
    staleTime: 5 * 60_000,
  });

  const chosen = new Set(value.map((skill) => skill.slug));
  const options = (results.data?.items ?? []).filter((skill) => !chosen.has(skill.slug));
  const expanded = open && query.length > 0 && text.trim().length > 0;

  function add(skill: SkillTag) {
    if (!chosen.has(skill.slug) && !full) onChange([...value, { slug: skill.slug, name: skill.name }]);
    setText("");
    setActive(0);
  }

  function remove(slug: string) {
    onChange(value.filter((skill) => skill.slug !== slug));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(options.length - 1, 0)));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter") {
      // Never submit the surrounding form from here.
      event.preventDefault();
      if (expanded && options[active]) add(options[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    } else if (event.key === "Backspace" && text === "" && value.length > 0) {
      remove(value[value.length - 1].slug);
    }
  }

  let status: string | null = null;
  if (expanded) {
    if (results.isError) status = "Could not load skills.";
    else if (results.isFetching && options.length === 0) status = "Searching…";
    else if (results.isSuccess && options.length === 0) status = "No matching skills.";
  }

  return (
    <div className={`field skill-picker${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {value.length > 0 && (
        <ul className="chips" aria-label={`Selected ${label.toLowerCase()}`}>
          {value.map((skill) => (
            <li key={skill.slug} className="chip">
              <span>{skill.name}</span>
              <button type="button" className="chip__remove" aria-label={`Remove ${skill.name}`} onClick={() => remove(skill.slug)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="combobox">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && options[active] ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? errorId : "", hintId].filter(Boolean).join(" ")}
          placeholder={full ? "Skill limit reached" : "Search skills, e.g. React"}
          disabled={full}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label={`${label} suggestions`} className="combobox__options" hidden={!expanded || options.length === 0}>
          {expanded &&
            options.map((skill, index) => (
              <li
                key={skill.slug}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={index === active ? "is-active" : undefined}
                // Keep focus in the input so the list does not close first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => add(skill)}
                onMouseEnter={() => setActive(index)}
              >
                {skill.name}
                <span className="combobox__category" aria-hidden="true">
                  {skill.category}
                </span>
              </li>
            ))}
        </ul>
        {status && (
          <p className="combobox__status" role="status">
            {status}
          </p>
        )}
      </div>
      <p className="field-hint" id={hintId}>
        Up to {MAX_SKILLS} skills. {value.length} chosen.
      </p>
      {error && (
        <p className="field-error" id={errorId}>
          {error[0].toUpperCase() + error.slice(1)}
        </p>
      )}
    </div>
  );
}
