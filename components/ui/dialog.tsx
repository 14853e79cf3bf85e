"use client";
// Every dialog of the console. Radix's dialog (focus trap, scroll lock, layers) is loaded apart from the page
// and only rendered once the dialog first opens, so it is not in any page's first-load JavaScript (issue 12's
// budget); it is fetched as soon as a page with a dialog has painted, so opening one does not wait.
import { lazy, Suspense, useEffect, useState, type ReactNode, type RefObject } from "react";

/** What a dialog opened from a row's menu takes: controlled open state, and the menu trigger to return focus to. */
export type MenuDialogProps = { open: boolean; onOpenChange: (open: boolean) => void; returnFocusTo?: RefObject<HTMLElement | null> };

export type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
  /** False: a click outside or Escape does not close it (only its own buttons do). */
  dismissible?: boolean;
  /**
   * Where focus goes when it closes; by default what had focus when it opened (the button that opened it).
   * For a dialog opened from a menu item that element is gone, so pass the menu's trigger here.
   */
  returnFocusTo?: RefObject<HTMLElement | null>;
};

let loading: Promise<typeof import("./dialog-panel")> | undefined;
const load = () => (loading ??= import("./dialog-panel"));
const DialogPanel = lazy(async () => ({ default: (await load()).DialogPanel }));

/** A modal dialog, labelled by its title. Controlled: `open` and `onOpenChange`. */
export function Dialog(props: DialogProps) {
  // Rendered from its first opening on (and kept, so closing runs Radix's focus return).
  const [opened, setOpened] = useState(props.open);
  if (props.open && !opened) setOpened(true);
  useEffect(() => void load().catch(() => {}), []);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <DialogPanel {...props} />
    </Suspense>
  );
}
