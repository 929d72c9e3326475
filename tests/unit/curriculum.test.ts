import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { competencyIds, curriculum, examDomains, findCompetency, sidebarGroups } from '~/data/curriculum';
import { istioKinds, servedApiVersions, findIstioKind } from '~/data/versions';

const docsDir = join(process.cwd(), 'src/content/docs');

function pages(): Array<{ path: string; data: Record<string, unknown>; body: string }> {
  const out: Array<{ path: string; data: Record<string, unknown>; body: string }> = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.mdx?$/.test(name)) {
        const text = readFileSync(full, 'utf8');
        const fm = /^---\n([\s\S]*?)\n---/.exec(text);
        out.push({
          path: relative(docsDir, full).split(sep).join('/'),
          data: fm ? (parse(fm[1]!) as Record<string, unknown>) : {},
          body: fm ? text.slice(fm[0].length) : text,
        });
      }
    }
  };
  walk(docsDir);
  return out;
}

describe('curriculum', () => {
  it('has the four official domains with weights adding up to 100', () => {
    expect(examDomains.map((d) => [d.id, d.weight])).toEqual([
      ['install', 20],
      ['traffic', 35],
      ['security', 25],
      ['troubleshooting', 20],
    ]);
    expect(curriculum.effective).toBe('2025-08-12');
  });

  it('has unique competency ids that name their domain', () => {
    expect(new Set(competencyIds).size).toBe(competencyIds.length);
    for (const id of competencyIds) expect(findCompetency(id)?.domain.id).toBe(id.split('.')[0]);
    expect(findCompetency('traffic.nope')).toBeUndefined();
  });

  it('orders the sidebar groups as the site promises', () => {
    expect(sidebarGroups.map((g) => g.label)).toEqual([
      'Fundamentals',
      'Installation & Upgrades (20%)',
      'Traffic Management (35%)',
      'Securing Workloads (25%)',
      'Troubleshooting (20%)',
      'Cheat sheets',
      'Labs',
    ]);
  });

  it('every competency of the official curriculum is taught by at least one page', () => {
    const taught = new Set(pages().flatMap((p) => (Array.isArray(p.data.competencies) ? (p.data.competencies as string[]) : [])));
    const missing = competencyIds.filter((id) => !taught.has(id));
    expect(missing, `competencies without a page: ${missing.join(', ')}`).toEqual([]);
  });

  it('every competency of the official curriculum has a hands-on lab', () => {
    const labs = pages().filter((p) => p.data.kind === 'lab');
    const practised = new Set(labs.flatMap((p) => (p.data.competencies as string[] | undefined) ?? []));
    const missing = competencyIds.filter((id) => !practised.has(id));
    expect(missing, `competencies without a lab: ${missing.join(', ')}`).toEqual([]);
  });

  it('every lab has a goal, steps with catalog commands, a way to verify, a cleanup and references', () => {
    const labs = pages().filter((p) => p.data.kind === 'lab');
    expect(labs.length).toBeGreaterThan(0);
    for (const lab of labs) {
      expect(lab.path.startsWith('labs/'), lab.path).toBe(true);
      expect(lab.data.domain, lab.path).toBe('labs');
      expect(String(lab.data.title), lab.path).toMatch(/^Lab: /);
      expect(((lab.data.competencies as string[] | undefined) ?? []).length, `${lab.path} declares no competency`).toBeGreaterThan(0);
      const headings = [...lab.body.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
      for (const h of ['Goal', 'How to verify', 'Cleanup', 'Reference']) expect(headings, `${lab.path} lacks "## ${h}"`).toContain(h);
      expect(headings.some((h) => h === 'Steps' || /^Part \d+: /.test(h)), `${lab.path} lacks "## Steps" (or "## Part 1: ...")`).toBe(true);
      expect(lab.body, `${lab.path}: steps go in <Steps>`).toMatch(/<Steps>[\s\S]*<\/Steps>/);
      expect(lab.body, `${lab.path}: no catalog command`).toMatch(/<Command\s[^>]*id=/);
      expect(lab.body, `${lab.path}: no istio.io reference link`).toMatch(/https:\/\/istio\.io\/v1\.26\//);
    }
  });

  it('pages declare only known competency ids and a known kind', () => {
    for (const p of pages()) {
      for (const id of (p.data.competencies as string[] | undefined) ?? []) expect(competencyIds, p.path).toContain(id);
      if (p.data.kind !== undefined) expect(['topic', 'cheatsheet', 'lab', 'exam'], p.path).toContain(p.data.kind);
    }
  });
});

describe('versions', () => {
  it('serves v1 for the networking and security kinds the exam uses', () => {
    for (const kind of ['VirtualService', 'DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar', 'WorkloadEntry', 'WorkloadGroup']) {
      expect(servedApiVersions(kind)).toEqual([`networking.istio.io/v1`, `networking.istio.io/v1beta1`, `networking.istio.io/v1alpha3`]);
    }
    for (const kind of ['AuthorizationPolicy', 'PeerAuthentication', 'RequestAuthentication']) {
      expect(servedApiVersions(kind)).toEqual(['security.istio.io/v1', 'security.istio.io/v1beta1']);
    }
    expect(findIstioKind('security.istio.io/v1alpha1', 'AuthorizationPolicy')).toBeUndefined();
  });

  it('has exactly one storage version per kind and the short names kubectl knows', () => {
    for (const k of istioKinds) expect(k.versions.filter((v) => v.storage), k.kind).toHaveLength(1);
    const short = Object.fromEntries(istioKinds.map((k) => [k.kind, k.shortNames]));
    expect(short).toMatchObject({ VirtualService: ['vs'], DestinationRule: ['dr'], Gateway: ['gw'], ServiceEntry: ['se'], WorkloadEntry: ['we'], WorkloadGroup: ['wg'], AuthorizationPolicy: ['ap'], PeerAuthentication: ['pa'], RequestAuthentication: ['ra'] });
  });
});
