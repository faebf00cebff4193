"use client";

import { errors } from "@/lib/i18n/es/errors";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { errors } as const;

/** Unexpected failures: a plain Spanish message and the code to quote; details stay in the server log. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-2xl font-bold text-brand-900">{t.errors.title}</h1>
      <p className="mt-3 text-slate-700">{t.errors.generic}</p>
      {error.digest && <p className="mt-2 text-sm text-slate-600">{t.errors.requestId(error.digest)}</p>}
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
        {t.errors.retry}
      </button>
    </div>
  );
}
