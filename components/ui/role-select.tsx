import type { ComponentProps } from "react";
import { ROLE_LABELS, type AnyRole } from "@/lib/auth/permissions";
import { Select } from "./input";

/** A drop-down of roles by their labels: the roles the actor may grant, for a form. */
export function RoleSelect({ roles, ...props }: ComponentProps<typeof Select> & { roles: readonly AnyRole[] }) {
  return (
    <Select {...props}>
      {roles.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </Select>
  );
}
