"use client";
import { useEffect } from "react";

/**
 * When the focused control disappears (its row deleted, a Revoke button gone with its token, a page refreshed
 * under it), the browser drops focus to <body> and the next Tab starts again at the logo. This puts it on
 * <main id="content"> instead, so a keyboard user carries on where they were.
 */
export function FocusRescue() {
  useEffect(() => {
    let last: Element | null = null;
    const onFocusIn = (event: FocusEvent) => {
      last = event.target instanceof Element ? event.target : null;
    };
    const observer = new MutationObserver(() => {
      if (!last || last.isConnected || document.activeElement !== document.body) return;
      last = null;
      document.getElementById("content")?.focus({ preventScroll: true });
    });
    document.addEventListener("focusin", onFocusIn);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      observer.disconnect();
    };
  }, []);
  return null;
}
