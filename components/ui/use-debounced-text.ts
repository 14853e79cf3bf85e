"use client";
import { useEffect, useRef, useState } from "react";


/**
 * A filter box's text, committed once typing pauses. It follows the URL when the URL changes for another
 * reason (Clear filters, the back button), but not while its own change is on the way: the echo of an
 * earlier commit must not overwrite what has been typed since. `normalize` turns the text into the URL's
 * value (trimmed; "" while incomplete), so an incomplete entry does not count as a change on the way.
 */
export function useDebouncedText(
  urlValue: string,
  onCommit: (value: string) => void,
  normalize: (text: string) => string = (t) => t.trim(),
  delayMs = 400,
) {
  const [text, setText] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue); // the URL's value at the last render
  const [sent, setSent] = useState(urlValue); // the value last committed, or taken from the URL
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  if (urlValue !== seen) {
    const committing = sent !== seen;
    setSeen(urlValue);
    if (!committing) {
      setText(urlValue);
      setSent(urlValue);
    }
  }

  useEffect(() => {
    const pending = timer;
    return () => clearTimeout(pending.current);
  }, []);

  const change = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const next = normalize(value); // what the URL will hold: "" when the text is not (yet) a valid filter
      if (next === sent) return;
      setSent(next);
      onCommit(next);
    }, delayMs);
  };

  return [text, change] as const;
}
