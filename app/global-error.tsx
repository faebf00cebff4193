"use client";

import { errors } from "@/lib/i18n/es/errors";
import "./globals.css";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { errors } as const;

/** When even the layout fails (for example the database is down while reading the session). */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="es-EC">
      <body className="flex min-h-screen items-center justify-center p-4">
        <div role="alert" className="max-w-xl rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
          <h1 className="text-2xl font-bold text-brand-900">{t.errors.title}</h1>
          <p className="mt-3 text-slate-700">{t.errors.generic}</p>
          {error.digest && <p className="mt-2 text-sm text-slate-600">{t.errors.requestId(error.digest)}</p>}
          <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            {t.errors.retry}
          </button>
        </div>
      </body>
    </html>
  );
}
