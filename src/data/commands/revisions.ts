/**
 * The two releases of the canary upgrade (install pages and the canary lab): the release upgraded from is the
 * last patch of the minor before the exam's, and revision names are versions with dashes (a revision may not
 * contain dots).
 */
import { referencePatch } from '../versions';

export const previousPatch = '1.25.5';
const rev = (version: string) => version.replaceAll('.', '-');
export const newRev = rev(referencePatch);
export const oldRev = rev(previousPatch);
