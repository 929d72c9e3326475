import { describe, expect, it } from 'vitest';
import { canonicalCommand, checkCommand, checkIstioctlWords, shellWords, simpleCommands, checkCatalog, formatProblems } from '../../src/lib/commands/validate';
import type { CommandEntry } from '../../src/data/commands/types';

const entry = (command: string, extra: Partial<CommandEntry> = {}): CommandEntry => ({
  id: 'istioctl-test',
  command,
  summary: 'A command used only by this test file.',
  domain: 'troubleshooting',
  tool: 'istioctl',
  tags: ['test'],
  source: 'topics/troubleshooting',
  ...extra,
});
const reasons = (command: string, extra: Partial<CommandEntry> = {}) => checkCommand(entry(command, extra)).map((p) => p.reason);

describe('shell parsing', () => {
  it('honours quotes and escapes', () => {
    expect(shellWords(`a "b c" 'd e' f\\ g`)).toEqual(['a', 'b c', 'd e', 'f g']);
  });
  it('rejects an unclosed quote', () => {
    expect(() => shellWords('echo "oops')).toThrow(/unclosed/);
  });
  it('splits pipelines and lists', () => {
    expect(simpleCommands('istioctl kube-inject -f d.yaml | kubectl apply -f - && echo ok')).toEqual([
      ['istioctl', 'kube-inject', '-f', 'd.yaml'],
      ['kubectl', 'apply', '-f', '-'],
      ['echo', 'ok'],
    ]);
  });
});

describe('istioctl commands that exist', () => {
  it.each([
    'istioctl proxy-status',
    'istioctl ps',
    'istioctl proxy-config cluster <pod> -n <namespace> --fqdn reviews.default.svc.cluster.local',
    'istioctl pc clusters <pod>.<namespace>',
    'istioctl pc routes <pod> --name 9080 -o json',
    'istioctl proxy-config log <pod> --level connection:debug,http:debug',
    'istioctl x describe pod <pod>',
    'istioctl experimental check-inject -n <namespace>',
    'istioctl analyze -n <namespace>',
    'istioctl -n default analyze',
    'istioctl analyze --all-namespaces',
    'istioctl uninstall --purge -y',
    'istioctl install --set profile=demo -y',
    'istioctl dashboard envoy <pod>',
    'istioctl dash kiali',
    'istioctl zc workloads',
    'istioctl ztunnel-config connections',
    'istioctl version --remote=false',
    'istioctl tag set prod --revision 1-26-0',
  ])('%s', (cmd) => {
    expect(reasons(cmd)).toEqual([]);
  });

  it('reads flag values through the command: -s is --set on install, a value flag', () => {
    // If -s were read as a flag without value, "analyze" would look like an argument of install.
    expect(checkIstioctlWords(['-s', 'profile=demo', 'install']).path).toBe('install');
    expect(checkIstioctlWords(['version', '-s']).problems).toEqual([]);
    expect(checkIstioctlWords(['install', '-s', 'profile=demo', '-y']).problems).toEqual([]);
    expect(checkIstioctlWords(['-n', 'default', 'proxy-status']).path).toBe('proxy-status');
  });

  it('checks every istioctl part of a pipeline', () => {
    expect(checkCommand(entry('istioctl kube-inject -f deployment.yaml | kubectl apply -f -'))).toEqual([]);
  });
});

describe('istioctl commands that must fail, with the command and the reason', () => {
  it('unknown subcommand', () => {
    expect(reasons('istioctl proxy-cfg cluster <pod>')).toEqual(['unknown subcommand "istioctl proxy-cfg"']);
    expect(reasons('istioctl proxy-config clstr <pod>')).toEqual(['unknown subcommand "clstr" of "istioctl proxy-config"']);
  });
  it('unknown flag', () => {
    expect(reasons('istioctl proxy-status --verbose')).toEqual(['unknown flag --verbose for "istioctl proxy-status"']);
    expect(reasons('istioctl analyze -z')).toEqual(['unknown flag -z for "istioctl analyze"']);
  });
  it('a flag of another subcommand', () => {
    expect(reasons('istioctl proxy-config route <pod> --fqdn x')).toEqual(['unknown flag --fqdn for "istioctl proxy-config route"']);
  });
  it('a group without its subcommand', () => {
    expect(reasons('istioctl proxy-config')[0]).toMatch(/needs a subcommand/);
  });
  it('no subcommand at all', () => {
    expect(reasons('istioctl')).toEqual(['no istioctl subcommand']);
  });
  it('removed commands without removedIn', () => {
    expect(reasons('istioctl profile list')[0]).toMatch(/"istioctl profile list" was removed in Istio 1\.24/);
    expect(reasons('istioctl profile dump demo')[0]).toMatch(/profile dump/);
    expect(reasons('istioctl verify-install')[0]).toMatch(/verify-install" was removed in Istio 1\.24/);
  });
  it('removed commands are fine as history, with removedIn and replacedBy', () => {
    expect(reasons('istioctl profile list', { removedIn: '1.24', replacedBy: 'istioctl-version' })).toEqual([]);
    expect(checkIstioctlWords(['verify-install']).removed).toEqual({ path: 'verify-install', in: '1.24' });
  });
  it('removedIn on a command that still exists', () => {
    expect(reasons('istioctl version', { removedIn: '1.24', replacedBy: 'x' })).toContain('marked removedIn 1.24 but uses no removed istioctl command');
  });
  it('problems name the command', () => {
    const ps = checkCommand(entry('istioctl pc clusterz <pod>'));
    expect(formatProblems(ps)).toContain('istioctl pc clusterz <pod>');
  });
});

describe('entry schema', () => {
  it('rejects bad ids, prompts, wrong tools, missing tags', () => {
    const r = reasons('$ kubectl get pods', { id: 'Bad_Id', tags: [], tool: 'istioctl' });
    expect(r).toContain('id must be kebab-case');
    expect(r).toContain('command starts with a "$ " prompt');
    expect(r).toContain('needs at least one tag');
    expect(r.some((x) => x.startsWith('tool is "istioctl"'))).toBe(true);
  });
  it('rejects a page path without trailing slash and an unknown domain', () => {
    const r = reasons('istioctl ps', { page: '/troubleshooting/x', domain: 'nope' as CommandEntry['domain'] });
    expect(r).toContain('page "/troubleshooting/x" must be a site path with a trailing slash');
    expect(r).toContain('unknown domain "nope"');
  });
  it('sees through aliases and plurals', () => {
    expect(canonicalCommand('istioctl pc clusters <pod>')).toBe('istioctl proxy-config cluster <pod>');
    expect(canonicalCommand('istioctl x describe po <pod>')).toBe('istioctl experimental describe pod <pod>');
    expect(canonicalCommand('kubectl get authorizationpolicies -A')).toBe(canonicalCommand('kubectl get authorizationpolicy -A'));
    expect(canonicalCommand('kubectl get pods -n x | grep a')).toBe('kubectl get pod -n x | grep a');
    const r = checkCatalog([entry('istioctl pc routes <pod>', { id: 'istioctl-a' }), entry('istioctl proxy-config route <pod>', { id: 'istioctl-b' })]);
    expect(r.map((p) => p.reason)).toEqual(['same command text as "istioctl-a": reuse that id']);
  });

  it('finds duplicate command texts and ids', () => {
    const a = entry('istioctl ps', { id: 'istioctl-a' });
    const b = entry('istioctl  ps', { id: 'istioctl-b' });
    const c = entry('istioctl version', { id: 'istioctl-a' });
    const r = checkCatalog([a, b, c]).map((p) => p.reason);
    expect(r).toContain('same command text as "istioctl-a": reuse that id');
    expect(r).toContain('id used 2 times');
  });
});
