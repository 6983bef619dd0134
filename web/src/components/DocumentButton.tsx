import type { ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import { fetchDocument } from "../api/documents";
import { saveBlob, showInTab } from "../lib/download";
import { FormErrors } from "./FormErrors";

interface DocumentButtonProps {
  /** The API path of the document. */
  path: string;
  /** Open it in a new tab, or save it under `saveAs`. */
  mode: "view" | "save";
  saveAs?: string;
  className?: string;
  children: ReactNode;
}

/** A button that fetches a private document with the session's token, then shows or saves it. */
export function DocumentButton({ path, mode, saveAs = "download", className = "button button--secondary button--small", children }: DocumentButtonProps) {
  const fetching = useMutation({
    mutationFn: async (tab: Window | null) => {
      try {
        const blob = await fetchDocument(path);
        if (mode === "view") showInTab(blob, tab);
        else saveBlob(blob, saveAs);
      } catch (error) {
        tab?.close();
        throw error;
      }
    },
  });

  return (
    <>
      <button
        type="button"
        className={className}
        disabled={fetching.isPending}
        aria-busy={fetching.isPending || undefined}
        // The tab opens during the click; it gets the document once fetched.
        onClick={() => fetching.mutate(mode === "view" ? window.open("", "_blank") : null)}
      >
        {children}
      </button>
      <FormErrors error={fetching.error} />
    </>
  );
}
