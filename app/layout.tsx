import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { THEME_SCRIPT } from "@/components/shell/theme";
import { Toaster } from "@/components/ui/toaster";
import "./globals.css";

export const metadata: Metadata = { title: { default: "Keyhold", template: "%s · Keyhold" } };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The Content-Security-Policy (proxy.ts) allows inline scripts only with this request's nonce.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The theme script sets class and color-scheme on <html> before React hydrates: not a mismatch to report.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        {children}
        <Toaster />
      </body>
    </html>
  );
}
