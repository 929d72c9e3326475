import type { CommandEntry } from './types';

/**
 * Commands every lab uses: apply and delete a manifest the reader saved from the page. Lab-specific
 * commands live in labs-<area>.ts next to this file.
 */
export const commands: CommandEntry[] = [
  {
    id: 'kubectl-apply-file',
    command: 'kubectl apply -f <file>',
    summary: 'Applies the manifest you saved in a file. Each manifest in the labs names its namespace, so no -n is needed.',
    domain: 'exam',
    tool: 'kubectl',
    tags: ['apply', 'lab'],
    output: 'gateway.networking.istio.io/httpbin-gateway created',
    page: '/exam/exam-day/',
  },
  {
    id: 'kubectl-delete-file',
    command: 'kubectl delete -f <file>',
    summary: 'Deletes everything a saved manifest file created, for example when a lab step asks you to undo a change.',
    domain: 'exam',
    tool: 'kubectl',
    tags: ['cleanup', 'lab'],
    page: '/exam/exam-day/',
  },
];
