import { describe, expect, it } from 'vitest';
import { fillPlaceholders, PlaceholderError, placeholders } from '../../src/lib/commands/placeholders';
import { commands } from '../../src/data/commands';
import { checkCommand } from '../../src/lib/commands/validate';

describe('command placeholders', () => {
  it('lists placeholder names once, in order', () => {
    expect(placeholders('kubectl logs <pod> -n <namespace> -c istio-proxy | grep <pod>')).toEqual(['pod', 'namespace']);
    expect(placeholders('istioctl proxy-status')).toEqual([]);
  });

  it('does not read shell redirections as placeholders', () => {
    expect(placeholders('cmd 2>&1 | tee <file> < input')).toEqual(['file']);
  });

  it('fills the given names and keeps the others', () => {
    expect(fillPlaceholders('kubectl apply -n <namespace> -f <file>', { file: 'gateway.yaml' })).toBe(
      'kubectl apply -n <namespace> -f gateway.yaml',
    );
    expect(fillPlaceholders('kubectl get pods -n <namespace> -l app=<app>', { namespace: 'shop', app: 'httpbin' })).toBe(
      'kubectl get pods -n shop -l app=httpbin',
    );
  });

  it('rejects a name the command does not have, naming the ones it has', () => {
    expect(() => fillPlaceholders('kubectl get ns <namespace>', { ns: 'shop' })).toThrow(PlaceholderError);
    expect(() => fillPlaceholders('kubectl get ns <namespace>', { ns: 'shop' })).toThrow('its placeholders: <namespace>');
  });

  it.each([['shop; rm -rf /'], ['$(id)'], ['a b'], ['`x`'], [''], ['a|b'], ['<x>']])('rejects the shell-active value %j', (value) => {
    expect(() => fillPlaceholders('kubectl get ns <namespace>', { namespace: value })).toThrow('one plain word');
  });

  it('a filled catalog command still passes the catalog checks', () => {
    const ids = new Set(commands.map((c) => c.id));
    for (const c of commands.filter((x) => !x.removedIn && placeholders(x.command).includes('namespace'))) {
      const filled = { ...c, command: fillPlaceholders(c.command, { namespace: 'shop' }) };
      expect(checkCommand(filled, ids), c.id).toEqual([]);
    }
  });
});
