import { AppError } from "@/lib/errors/app-error";

/** A tracking write against a version someone else has already replaced; the form keeps what the user typed. */
export class TrackingConflictError extends AppError {
  constructor(what = "el seguimiento de esta iniciativa") {
    super(
      "conflict",
      `Otra persona modificó ${what} mientras usted escribía. Recargue la página para ver lo guardado; su texto sigue en el formulario.`,
    );
  }
}
