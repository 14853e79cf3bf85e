"use client";
// A dialog's form, loaded apart from the page: forms bring zod, react-hook-form and the schemas, which would
// otherwise be in every list page's first-load JavaScript (issue 12's budget, npm run bench:bundle). The dialog
// (title, focus trap, focus return) stays in the page; `preload` fetches the form as soon as its opener shows,
// so by the time anyone clicks it is there.
import { lazy, Suspense, useEffect, useRef, type ComponentType } from "react";

const FIELD = "input:not([type=hidden]), select, textarea, button";

export function lazyForm<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => (loading ??= load());
  const Lazy = lazy(async () => ({ default: await preload() }));

  function LazyForm(props: P) {
    return (
      <Suspense fallback={<p role="status" className="text-sm text-slate-600">Loading…</p>}>
        <FocusFirstField>
          <Lazy {...props} />
        </FocusFirstField>
      </Suspense>
    );
  }
  /** Call from the opener's component: the form is fetched once it has painted. */
  function usePreload() {
    useEffect(() => void preload().catch(() => {}), []);
  }
  return { LazyForm, usePreload };
}

/**
 * A dialog focuses its first field as it opens. When the form arrives later, focus is still on the dialog
 * itself: move it on to the form's first field, as if the form had been there all along.
 */
function FocusFirstField({ children }: { children: React.ReactNode }) {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const dialog = marker.current?.closest<HTMLElement>("[role=dialog]");
    if (!dialog || document.activeElement !== dialog) return;
    marker.current?.parentElement?.querySelector<HTMLElement>(FIELD)?.focus();
  }, []);
  return (
    <>
      <span ref={marker} hidden />
      {children}
    </>
  );
}
