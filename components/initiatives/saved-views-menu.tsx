"use client";

import { Link } from "@/components/ui/link";
import { useSearchParams } from "next/navigation";
import { useActionState, useRef } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { views } from "@/lib/i18n/es/views";
import { FormMessage, SubmitButton } from "@/components/ui/form-controls";

// Only the namespaces this component uses: the whole catalogue stays out of the browser bundle.
const t = { views } as const;

type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

interface Props {
  views: { id: number; name: string; query: string }[];
  save: Action;
  remove: Action;
}

export function SavedViewsMenu({ views, save, remove }: Props) {
  const searchParams = useSearchParams();
  const [saveState, saveAction] = useActionState(save, { status: "idle" });
  const [removeState, removeAction] = useActionState(remove, { status: "idle" });
  const menu = useRef<HTMLDetailsElement>(null);
  const current = new URLSearchParams(searchParams.toString());
  current.delete("pagina");
  const last = removeState.status !== "idle" ? removeState : saveState;

  return (
    <details ref={menu} data-dropdown className="relative text-sm" data-testid="saved-views">
      <summary className="cursor-pointer rounded border border-slate-400 bg-white px-3 py-1.5 font-medium">
        {t.views.menu(views.length)}
      </summary>
      <div className="absolute left-0 z-20 mt-1 w-80 max-w-[calc(100vw-2rem)] space-y-3 rounded border border-slate-200 bg-white p-3 shadow-lg">
        {views.length === 0 ? (
          <p className="text-slate-700">{t.views.none}</p>
        ) : (
          <ul className="space-y-1">
            {views.map((view) => (
              <li key={view.id} className="flex items-center justify-between gap-2">
                <Link
                  href={view.query ? `/iniciativas?${view.query}` : "/iniciativas"}
                  className="truncate text-brand-700 underline-offset-2 hover:underline"
                  onClick={() => menu.current?.removeAttribute("open")}
                >
                  {view.name}
                </Link>
                <form action={removeAction}>
                  <input type="hidden" name="id" value={view.id} />
                  <button
                    type="submit"
                    className="rounded px-2 py-1 text-accent-600 hover:bg-red-50"
                    aria-label={t.views.delete(view.name)}
                  >
                    ✕
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <form action={saveAction} className="space-y-2 border-t border-slate-100 pt-3">
          <input type="hidden" name="query" value={current.toString()} />
          <label htmlFor="nombre-vista" className="block font-medium text-slate-800">
            {t.views.saveCurrent}
          </label>
          <input
            id="nombre-vista"
            name="name"
            required
            maxLength={80}
            placeholder={t.views.name}
            aria-describedby={saveState.fieldErrors?.name ? "nombre-vista-error" : undefined}
            className="block w-full rounded border border-slate-400 px-3 py-2"
          />
          {saveState.fieldErrors?.name && (
            <p id="nombre-vista-error" className="text-red-800">
              {saveState.fieldErrors.name.join(" ")}
            </p>
          )}
          <SubmitButton>{t.views.save}</SubmitButton>
        </form>
        <FormMessage status={last.status} message={last.message} />
      </div>
    </details>
  );
}
