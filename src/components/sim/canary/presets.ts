/** Presets of the canary slider (kept apart from model.ts so the element loads without the engine). */
import type { CanaryFields } from './model';

export const canaryPresets: { id: string; label: string; fields: CanaryFields }[] = [
  { id: 'start', label: 'Start: 10% to v2', fields: { v2: '10', host: 'reviews' } },
  { id: 'half', label: 'Half and half', fields: { v2: '50', host: 'reviews' } },
  { id: 'done', label: 'Complete: 100% to v2', fields: { v2: '100', host: 'reviews' } },
];
