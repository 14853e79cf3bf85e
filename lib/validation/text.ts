import { z } from "zod";

// Control characters (C0 and DEL) belong in no name, filter or id: PostgreSQL refuses NUL outright (it was a
// 500 when it got that far), and the others make log lines, CSV exports and the console show something else
// than what is stored. Every schema that takes text from outside builds on these two.
const ANY_CONTROL = /[\u0000-\u001f\u007f]/;
// Multi-line text keeps tab, line feed and carriage return (a textarea sends CR LF).
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const CONTROL_CHARACTERS_MESSAGE = "Must not contain control characters";

/** Text on one line: no control character, tab included. Add .trim(), .min(), .max() as the field needs. */
export function singleLineText(message = CONTROL_CHARACTERS_MESSAGE) {
  return z.string().refine((text) => !ANY_CONTROL.test(text), message);
}

/** Text that may span lines: tab and line breaks are allowed, every other control character is not. */
export function multiLineText(message = CONTROL_CHARACTERS_MESSAGE) {
  return z.string().refine((text) => !CONTROL_BUT_LINES.test(text), message);
}

/** For text read from elsewhere than a schema (e.g. a header): true when it has no control character. */
export const isSingleLine = (text: string) => !ANY_CONTROL.test(text);
