import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import { ApiError } from "../api/errors";
import { TextField } from "./Field";
import { describeField, FormErrors, serverFieldErrors } from "./FormErrors";

const validation = () =>
  ApiError.from(422, {
    error: {
      code: "validation_failed",
      message: "validation failed",
      fields: {
        name: "must not be empty",
        "freelancer.hourly_rate": "must be more than 0 and at most 10,000.00 an hour",
        "freelancer.experience[1].start_date": "must not be in the future",
      },
    },
  });

describe("Field errors", () => {
  it("shows a message under the field and ties it to the input", () => {
    render(<TextField label="Name" value="" onChange={() => {}} error="must not be empty" hint="As clients will see it." />);
    const input = screen.getByLabelText("Name");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription("Must not be empty As clients will see it.");
    expect(screen.getByText("Must not be empty")).toHaveClass("field-error");
  });

  it("shows no message and no invalid state without an error", () => {
    render(<TextField label="Name" value="Ada" onChange={() => {}} />);
    const input = screen.getByLabelText("Name");
    expect(input).not.toHaveAttribute("aria-invalid");
    expect(input).not.toHaveAttribute("aria-describedby");
  });
});

describe("FormErrors", () => {
  it("renders nothing without an error", () => {
    const { container } = render(<FormErrors error={null} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("summarises a validation error and lists only the fields the form does not show", () => {
    render(<FormErrors error={validation()} shown={["name", "freelancer.hourly_rate"]} />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Please correct the highlighted fields.");
    const items = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toEqual(["Experience 2: start date: must not be in the future"]);
  });

  it("shows the server's message for other errors", () => {
    const error = ApiError.from(401, { error: { code: "invalid_credentials", message: "wrong e-mail or password" } });
    render(<FormErrors error={error} />);
    expect(screen.getByRole("alert")).toHaveTextContent("Wrong e-mail or password");
  });

  it("explains a network failure", () => {
    render(<FormErrors error={ApiError.network()} />);
    expect(screen.getByRole("alert")).toHaveTextContent(/could not reach the server/i);
  });
});

describe("helpers", () => {
  it("reads field errors only from API errors", () => {
    expect(serverFieldErrors(validation())).toHaveProperty("name", "must not be empty");
    expect(serverFieldErrors(new Error("boom"))).toEqual({});
    expect(serverFieldErrors(null)).toEqual({});
  });

  it("names nested field paths for people", () => {
    expect(describeField("name")).toBe("Name");
    expect(describeField("freelancer.hourly_rate")).toBe("Hourly rate");
    expect(describeField("client.company_name")).toBe("Company name");
    expect(describeField("freelancer.portfolio[0].image_file_ids")).toBe("Portfolio 1: image file ids");
  });

  it("keeps a body it does not understand as a generic error", () => {
    const error = ApiError.from(502, "<html>Bad gateway</html>");
    expect(error.code).toBe("unexpected_response");
    expect(error.fields).toEqual({});
  });
});
