/** Roles in increasing power; each can do everything the previous one can. */
export const ROLES = ["VIEWER", "REPORTER", "PLANNER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  VIEWER: "Consulta",
  REPORTER: "Reporte",
  PLANNER: "Planificación",
  ADMIN: "Administración",
};

/** What each action needs, in one place, so pages, actions and API agree. */
export const PERMISSIONS = {
  "matrix:read": "VIEWER",
  "matrix:export": "VIEWER",
  "views:manage": "PLANNER",
  /** A REPORTER only on initiatives its secretariats lead or support (lib/accountability/reporting-rights.ts). */
  "progress:write": "REPORTER",
  /** The period report of an initiative; a REPORTER only on its secretariats' initiatives, like progress. */
  "reports:submit": "REPORTER",
  /** The review queue (/revision): approve or return submitted reports. */
  "reports:review": "PLANNER",
  /** Reporting periods (/admin/periodos). */
  "periods:manage": "ADMIN",
  /** Defining indicators, their targets and milestones; measurements go with progress:write. */
  "indicators:define": "PLANNER",
  "matrix:edit": "ADMIN",
  /** Ownership, instruments and the secretariat and counterpart catalogues. */
  "tracking:edit": "ADMIN",
  "users:manage": "ADMIN",
  "audit:read": "ADMIN",
  /** Portal-wide settings such as the roll-up coverage threshold. */
  "settings:manage": "ADMIN",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(PERMISSIONS[permission]);
}
