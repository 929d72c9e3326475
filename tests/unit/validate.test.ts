import { describe, expect, it } from 'vitest';
import { checkAllExamples, checkExampleText } from '~/lib/istio/examples';

const vs = (extra: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
${extra}`;

describe('examples: one validator for the whole site', () => {
  it('every example under src/examples is accepted, or rejected for exactly the reason its header gives', () => {
    const { files, errors } = checkAllExamples();
    expect(errors).toEqual([]);
    expect(files).toBeGreaterThan(180);
  });

  it('rejects a route to a subset the DestinationRule in the same file does not define', () => {
    const dr = `---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  subsets:
  - name: v1
    labels:
      version: v1
`;
    const bad = checkExampleText(vs('        subset: v3\n') + dr, 'x.yaml');
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]).toMatch(/^x\.yaml:12:9: error undefined-subset at spec\.http\[0\]\.route\[0\]\.destination\.subset: subset "v3" is not defined/);
    expect(checkExampleText(vs('        subset: v1\n') + dr, 'x.yaml').errors).toEqual([]);
  });

  it('an istiod warning does not fail an example', () => {
    const deny = 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: d\nspec:\n  action: DENY\n  rules:\n  - to:\n    - operation:\n        paths: ["/admin"]\n';
    const r = checkExampleText(deny, 'x.yaml');
    expect(r.errors).toEqual([]);
    expect(r.validation!.diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'webhook']]);
  });
});

describe('example files: annotations and expected failures', () => {
  const file = (header: string, body = vs('        subset: v1\n')) => `${header}\n${body}`;

  it('maps a note to the line and columns of its key in the shown YAML', () => {
    const r = checkExampleText(file('# @note spec.http[0].route[0].destination.host\n#   The service.'), 'x.yaml');
    expect(r.errors).toEqual([]);
    const body = r.header!.body.split('\n');
    const n = r.notes[0]!;
    expect(body[n.line - 1]!.slice(n.column - 1, n.endColumn - 1)).toBe('host');
    expect(n.apiDescription).toBe('The name of a service from the service registry.');
  });

  it('fails when a note points at a path that is not in the YAML', () => {
    const r = checkExampleText(file('# @note spec.http[0].match[0].uri\n#   Nothing here.'), 'x.yaml');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^x\.yaml:1: bad-annotation: .*spec\.http\[0\]\.match\[0\]\.uri/);
  });

  it('fails when a note names a document the file does not have', () => {
    const r = checkExampleText(file('# @note 2 spec.host\n#   No second document.'), 'x.yaml');
    expect(r.errors[0]).toContain('bad-annotation');
  });

  it('fails when a file marked broken on purpose is not rejected', () => {
    const r = checkExampleText(file('# @expect-invalid undefined-subset\n#   Should fail but does not.'), 'x.yaml');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('not-rejected');
  });

  it('fails when a broken example is rejected for another reason than the one it states', () => {
    const body = vs('      wieght: 5\n');
    const r = checkExampleText(file('# @expect-invalid undefined-subset\n#   Wrong reason.', body), 'x.yaml');
    expect(r.errors.some((e) => e.includes('unknown-field'))).toBe(true);
    expect(r.errors.some((e) => e.includes('not-rejected'))).toBe(true);
  });

  it('passes a broken example that is rejected for the stated reason and path', () => {
    const body = vs('      wieght: 5\n');
    const r = checkExampleText(file('# @expect-invalid unknown-field spec.http[0].route[0].wieght\n#   A typo.', body), 'x.yaml');
    expect(r.errors).toEqual([]);
    expect(r.expected.map((p) => p.code)).toEqual(['unknown-field']);
  });

  it('reports a malformed header with its line', () => {
    const r = checkExampleText('# @title A\n# @colour red\n' + vs(''), 'x.yaml');
    expect(r.errors[0]).toBe('x.yaml:2: bad-header: unknown directive @colour (known: @title, @note, @expect-invalid)');
  });
});
