/** Bodies of thrown error responses that the error page recognises (shared by server and browser). */
export const STORAGE_UNAVAILABLE = 'storage_unavailable';
/** The same when reading: the file exists but cannot be fetched right now. */
export const STORAGE_READ_UNAVAILABLE = 'storage_read_unavailable';
