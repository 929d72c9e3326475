import { previousPatch, newRev, oldRev } from '../revisions';
import type { CommandSpec } from '../types';

/**
 * Commands first used by the lab src/content/docs/labs/canary-upgrade.mdx (manifests in
 * src/examples/labs/canary-upgrade/).
 * Domain: the lab's first competency; tool: from each command's first word.
 */
export const commands: CommandSpec[] = [
  {
    id: 'curl-download-istio-previous',
    command: `curl -L https://istio.io/downloadIstio | ISTIO_VERSION=${previousPatch} sh -`,
    summary: `Downloads Istio ${previousPatch}, the release the canary lab starts from.`,
    tags: ['upgrade', 'download'],
    page: '/labs/canary-upgrade/',
  },
  {
    id: 'shell-enter-istio-previous',
    command: `cd istio-${previousPatch} && export PATH=$PWD/bin:$PATH`,
    summary: `Enters the ${previousPatch} release folder and makes "istioctl" run the ${previousPatch} binary in this shell.`,
    tags: ['upgrade', 'download', 'path'],
    page: '/labs/canary-upgrade/',
  },
  {
    id: 'istioctl-install-revision-previous',
    command: `istioctl install --set profile=minimal --set revision=${oldRev} -y`,
    summary: `Installs a ${previousPatch} control plane as revision ${oldRev}: a Deployment named istiod-${oldRev} and its own injection webhook. Run it with the ${previousPatch} istioctl.`,
    tags: ['upgrade', 'canary', 'revision'],
    page: '/labs/canary-upgrade/',
  },
  {
    id: 'kubectl-label-namespace-rev-previous',
    command: `kubectl label namespace <namespace> istio.io/rev=${oldRev} --overwrite`,
    summary: `Points a namespace at revision ${oldRev}: at the start of the lab, and again to roll back.`,
    tags: ['upgrade', 'canary', 'labels', 'rollback'],
    page: '/labs/canary-upgrade/',
  },
  {
    id: 'istioctl-uninstall-revision-new',
    command: `istioctl uninstall --revision ${newRev} -y`,
    summary: `Removes the revision ${newRev} control plane: the last step of a rollback, after every namespace is back on the old revision and restarted.`,
    tags: ['upgrade', 'canary', 'uninstall', 'rollback'],
    page: '/labs/canary-upgrade/',
  },
];
