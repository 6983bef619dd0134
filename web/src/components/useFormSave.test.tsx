import { useState } from "react";
import { describe, expect, it } from "vitest";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ApiError } from "../api/errors";
import { sendable } from "../lib/built";
import { renderWithProviders } from "../test/utils";
import { TextField } from "./Field";
import { FormErrors } from "./FormErrors";
import { useFormSave } from "./useFormSave";

interface Team {
  name: string;
  city: string;
}

/** A form the way the real ones use the hook: the name and city fields, the city's message only in the summary. */
function TeamForm({ send, onSaved }: { send: (team: Team) => Promise<Team>; onSaved: (team: Team) => void }) {
  const [name, setName] = useState("");
  const [city, setCity] = useState("");
  const { mutation, error, errors, summary, clearError } = useFormSave(() => {
    const built = name.trim()
      ? ({ ok: true, input: { name, city } } as const)
      : ({ ok: false, errors: { name: "must not be empty", city: "must not be empty either" } } as const);
    return send(sendable(built));
  }, onSaved);
  return (
    <form
      aria-label="Team"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        mutation.mutate();
      }}
    >
      <div ref={summary} tabIndex={-1} data-testid="summary">
        <FormErrors error={error} shown={["name"]} />
      </div>
      <TextField
        label="Name"
        value={name}
        error={errors.name}
        onChange={(e) => {
          setName(e.target.value);
          clearError("name", "city");
        }}
      />
      <TextField label="City" value={city} onChange={(e) => setCity(e.target.value)} />
      <button type="submit">Save</button>
    </form>
  );
}

function setup(send: (team: Team) => Promise<Team>) {
  const saved: Team[] = [];
  const sent: Team[] = [];
  const user = userEvent.setup();
  renderWithProviders(
    <TeamForm
      send={(team) => {
        sent.push(team);
        return send(team);
      }}
      onSaved={(team) => saved.push(team)}
    />,
  );
  return { user, saved, sent, form: screen.getByRole("form", { name: "Team" }) };
}

describe("useFormSave", () => {
  it("shows a form's own failed checks like the server's, sends nothing, and moves the focus to the summary", async () => {
    const { user, sent, form } = setup(async (team) => team);
    await user.click(within(form).getByRole("button", { name: "Save" }));

    const alert = await within(form).findByRole("alert");
    expect(within(form).getByLabelText("Name")).toHaveAccessibleDescription("Must not be empty");
    expect(alert).toHaveTextContent("City: must not be empty either");
    expect(screen.getByTestId("summary")).toHaveFocus();
    expect(sent).toHaveLength(0);
  });

  it("clears the messages of the fields being edited, all at once, and keeps the summary until the next save", async () => {
    const { user, form } = setup(async (team) => team);
    await user.click(within(form).getByRole("button", { name: "Save" }));
    await within(form).findByRole("alert");

    expect(within(form).getByRole("alert")).toHaveTextContent("City: must not be empty either");
    await user.type(within(form).getByLabelText("Name"), "R");
    expect(within(form).getByLabelText("Name")).not.toHaveAttribute("aria-invalid");
    expect(within(form).getByLabelText("Name")).not.toHaveAccessibleDescription();
    expect(within(form).getByRole("alert")).toHaveTextContent("Please correct the highlighted fields.");
    expect(within(form).getByRole("alert")).not.toHaveTextContent("City");
  });

  it("shows the server's refusal, and clears it when a save goes through", async () => {
    let refuse = true;
    const { user, saved, form } = setup(async (team) => {
      if (refuse) throw new ApiError(422, "validation_failed", "validation failed", { name: "is taken" });
      return team;
    });
    await user.type(within(form).getByLabelText("Name"), "Rowers");
    await user.click(within(form).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(within(form).getByLabelText("Name")).toHaveAccessibleDescription("Is taken"));
    expect(screen.getByTestId("summary")).toHaveFocus();

    refuse = false;
    await user.click(within(form).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(saved).toEqual([{ name: "Rowers", city: "" }]));
    expect(within(form).queryByRole("alert")).not.toBeInTheDocument();
  });
});
