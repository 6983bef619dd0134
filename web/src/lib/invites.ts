/** The sign-up page's query parameter that fills in the invitation code. */
export const INVITE_PARAM = "invite";

/** The same, as the links in the server's invitation mails spell it. */
export const MAILED_INVITE_PARAM = "invite_code";

/** The address to hand someone so they sign up with `code` already filled in. */
export function signupLink(code: string): string {
  return `${window.location.origin}/signup?${new URLSearchParams({ [INVITE_PARAM]: code })}`;
}

