import { es } from "./es";

/** The portal speaks Spanish; this is the one place a locale switch would go. */
export const t = es;

export * from "./format";
