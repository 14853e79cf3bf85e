// toast.success / toast.error for the console's code: sonner is loaded apart from the page (./toaster.tsx), so
// a toast waits for it rather than putting it in every page's first-load JavaScript.
const sonner = () => import("sonner").then((m) => m.toast);

export const toast = {
  success: (message: string) => void sonner().then((t) => t.success(message)),
  error: (message: string) => void sonner().then((t) => t.error(message)),
};
