import type { CommandEntry } from './types';

export const commands: CommandEntry[] = [
  {
    id: 'istioctl-analyze-namespace',
    command: 'istioctl analyze -n <namespace>',
    summary: 'Checks the Istio configuration of one namespace for mistakes (missing subsets, unknown gateways, conflicting policies) and prints each finding with its code.',
    domain: 'troubleshooting',
    tool: 'istioctl',
    tags: ['analyze', 'configuration', 'validate'],
    output: '✔ No validation issues found when analyzing namespace: bookinfo.',
  },
];
