import { referencePatch } from '../../versions';
import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/install-and-inject.mdx (manifests in
 * src/examples/labs/install-and-inject/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'istioctl-version-client',
    command: 'istioctl version --remote=false',
    summary: 'Prints only the version of the istioctl binary, without contacting a cluster. Check it before installing: istioctl installs its own release.',
    tags: ['install', 'version'],
    output: `client version: ${referencePatch}`,
    page: '/labs/install-and-inject/',
  },
  {
    id: 'shell-enter-istio-release',
    command: `cd istio-${referencePatch} && export PATH=$PWD/bin:$PATH`,
    summary: 'Enters the unpacked release folder (where samples/ and manifests/ are) and puts its istioctl first on the PATH for this shell, so "istioctl" runs that version.',
    tags: ['install', 'download', 'path'],
    page: '/labs/install-and-inject/',
  },
  {
    id: 'kubectl-apply-httpbin-sample',
    command: 'kubectl apply -n <namespace> -f samples/httpbin/httpbin.yaml',
    summary: 'Deploys the httpbin sample server (Service on port 8000) from the unpacked release.',
    tags: ['sample', 'httpbin', 'injection'],
    page: '/labs/install-and-inject/',
  },
  {
    id: 'kubectl-delete-namespace',
    command: 'kubectl delete namespace <namespace>',
    summary: 'Deletes a namespace and everything in it: the quickest cleanup after an exercise.',
    tags: ['namespace', 'cleanup'],
    page: '/labs/install-and-inject/',
  },
];
