/** Light, dark, or whatever the system says (prefers-color-scheme). Kept per browser in localStorage. */
export type Theme = "light" | "dark" | "system";

export const THEMES: readonly { value: Theme; label: string }[] = [
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
  { value: "system", label: "System" },
];

export const THEME_STORAGE_KEY = "keyhold-theme";

/**
 * Run before the first paint (inline in app/layout.tsx), so a dark page never flashes light: sets `dark` on
 * <html> from the stored choice or the system's, and the matching color-scheme for native controls.
 * The same function applies a choice later (saveTheme), so the two cannot differ. It must use only globals:
 * its source text is what the inline script runs.
 */
function applyStoredTheme(key: string) {
  try {
    const stored = localStorage.getItem(key);
    const dark = stored === "dark" || (stored !== "light" && matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.classList.toggle("dark", dark);
    document.documentElement.style.colorScheme = dark ? "dark" : "light";
  } catch {
    // No storage (private mode, blocked): the page stays light, as without the script.
  }
}

export const THEME_SCRIPT = `(${applyStoredTheme.toString()})(${JSON.stringify(THEME_STORAGE_KEY)})`;

export function readTheme(): Theme {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch {
    return "system";
  }
}

export function saveTheme(theme: Theme) {
  try {
    if (theme === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Not kept, but still applied to this page.
  }
  applyStoredTheme(THEME_STORAGE_KEY);
  window.dispatchEvent(new Event(THEME_CHANGED));
}

const THEME_CHANGED = "keyhold-theme-changed";

/** For useSyncExternalStore: a choice made here, or in another tab of this browser. */
export function subscribeToTheme(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY) return;
    applyStoredTheme(THEME_STORAGE_KEY);
    onChange();
  };
  window.addEventListener(THEME_CHANGED, onChange);
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener(THEME_CHANGED, onChange);
    window.removeEventListener("storage", onStorage);
  };
}

/** Follows the system while the choice is "System" (the OS switching to dark at dusk). */
export function followSystemTheme(): () => void {
  const query = matchMedia("(prefers-color-scheme: dark)");
  const onChange = () => {
    if (readTheme() === "system") applyStoredTheme(THEME_STORAGE_KEY);
  };
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}
