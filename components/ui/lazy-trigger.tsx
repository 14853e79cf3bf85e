"use client";
// A trigger (a menu button, a focusable text with a tooltip) whose popup (Radix: roving focus, typeahead,
// layers, positioning) is loaded apart from the page, right after it paints, so that code is in no page's
// first-load JavaScript (issue 12's budget). Until it has loaded the trigger is plain; a click then opens the
// popup as soon as it arrives, and a trigger that had focus keeps it when the popup takes it over.
import { cloneElement, useEffect, useRef, useState, type ComponentProps, type ComponentType, type ReactElement } from "react";

type TriggerProps = ComponentProps<"button"> | ComponentProps<"span"> | ComponentProps<"a">;

/** What a loaded popup receives besides its own props. */
export type LoadedTriggerProps = {
  /** The trigger, to wrap in the popup's Trigger (asChild). */
  trigger: ReactElement<TriggerProps>;
  /** Clicked before the popup arrived: open at once. */
  defaultOpen: boolean;
  /** Had focus before the popup arrived: focus the trigger again. */
  refocus: boolean;
};

/** `popup: "menu"`: the plain trigger says it opens a menu (aria-haspopup), as the loaded one will. */
export function lazyTrigger<P extends object>(load: () => Promise<ComponentType<P & LoadedTriggerProps>>, { popup }: { popup?: "menu" } = {}) {
  let loading: Promise<ComponentType<P & LoadedTriggerProps>> | undefined;
  let loaded: ComponentType<P & LoadedTriggerProps> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (loadedPopup) => (loaded = loadedPopup),
      (error: unknown) => {
        loading = undefined; // tried again on the next click
        throw error;
      },
    ));

  return function LazyTrigger({ trigger, ...props }: P & { trigger: ReactElement<TriggerProps> }) {
    const [Popup, setPopup] = useState(() => loaded);
    const [clicked, setClicked] = useState(false);
    const focused = useRef(false);
    useEffect(() => {
      if (Popup) return;
      let live = true;
      preload()
        .then((loadedPopup) => live && setPopup(() => loadedPopup))
        .catch(() => {}); // stays a plain button until a click loads it
      return () => {
        live = false;
      };
    }, [Popup, clicked]);
    if (Popup) return <Popup {...(props as P)} trigger={trigger} defaultOpen={clicked} refocus={focused.current} />;
    return cloneElement(trigger, {
      ...(popup ? { "aria-haspopup": popup, "aria-expanded": false } : {}),
      onClick: () => setClicked(true),
      onFocus: () => (focused.current = true),
      onBlur: () => (focused.current = false),
    });
  };
}
