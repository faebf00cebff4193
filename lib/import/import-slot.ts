import { ActionError } from "@/lib/actions/action-error";
import { t } from "@/lib/i18n";

let running = false;

/**
 * Runs an import (reading the file, planning, applying) unless another is
 * running in this process; then it is refused at once with a message to retry.
 * Per process on purpose: what it protects is this process's memory, which
 * several uploads read at once exhausted (issue 22). Other instances, and other
 * workers of WEB_CONCURRENCY, each have their own memory and their own slot;
 * writes of concurrent applies are ordered by PostgreSQL (lib/import/bulk-import.ts).
 */
export async function withImportSlot<T>(run: () => Promise<T>): Promise<T> {
  if (running) throw new ActionError(t.security.importBusy);
  running = true;
  try {
    return await run();
  } finally {
    running = false;
  }
}
