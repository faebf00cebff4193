/** The largest file the bulk import takes; also checked in the browser and, for the whole request, by the production server. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
