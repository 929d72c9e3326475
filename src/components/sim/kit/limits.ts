/**
 * The bounds every simulator holds to, so no paste can freeze the page: text sizes (also set as
 * `maxlength` on the fields), how many YAML documents and how deep they nest, and how long one run may
 * take in its Worker. The engine adds its own regex work budget (`REGEX_WORK_BUDGET`).
 */

/** Characters in a YAML text area (256 KB). */
export const MAX_YAML = 256 * 1024;
/** Characters in a one-line field (path, authority, labels, principal...). */
export const MAX_LINE = 2048;
/** Characters in a small multi-line field (headers, workloads). */
export const MAX_LINES = 8192;
/** YAML documents in one text area. */
export const MAX_DOCUMENTS = 100;
/** Nesting of maps and lists (brackets or indentation) in one text area. */
export const MAX_DEPTH = 64;
/** Nodes that expanding aliases may produce in one document (the Kubernetes decoder refuses alias bombs too). */
export const MAX_ALIAS_NODES = 10_000;
/** A run that takes longer (from the moment its Worker starts on it) is stopped and reported. */
export const RUN_DEADLINE_MS = 8000;
