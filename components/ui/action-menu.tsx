"use client";
import { lazyTrigger } from "./lazy-trigger";

export type { ActionMenuItem } from "./action-menu-panel";

/** A ⋯ menu of actions: `<ActionMenu trigger={<Button …/>} items={[…]} />` (loaded apart from the page: ./lazy-trigger.tsx). */
export const ActionMenu = lazyTrigger(() => import("./action-menu-panel").then((m) => m.ActionMenuPanel), { popup: "menu" });
