/** Texts of the protections against abuse: upload limits, malformed requests, the user's own sessions. */
export const security = {
  importBusy: "Ya hay una importación en curso; intente en unos segundos.",
};
