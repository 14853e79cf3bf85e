import { Button } from "./button";

/** A dialog form's footer: Cancel, and the submit button (disabled while the form is busy). */
export function FormActions({ submitLabel, onCancel, busy }: { submitLabel: string; onCancel: () => void; busy: boolean }) {
  return (
    <div className="flex justify-end gap-2 pt-2">
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" disabled={busy}>
        {submitLabel}
      </Button>
    </div>
  );
}
