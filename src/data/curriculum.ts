/**
 * The official ICA curriculum (Linux Foundation / CNCF), the one source of domains, weights and
 * competencies for the whole site: sidebar labels, the home page, the exam overview and the
 * front-matter check (`competencies` ids in a page must exist here).
 */

export type ExamDomainId = 'install' | 'traffic' | 'security' | 'troubleshooting';

export interface Competency {
  /** Stable id used in page front matter, e.g. `traffic.resilience`. */
  id: string;
  /** The competency as the curriculum words it (shortened where it is long). */
  title: string;
}

export interface ExamDomain {
  id: ExamDomainId;
  /** The domain title as the curriculum names it. */
  title: string;
  /** Short label for the sidebar. */
  shortTitle: string;
  /** Share of the exam score, in percent. */
  weight: number;
  /** The content folder under `src/content/docs/` that holds the domain's pages. */
  directory: string;
  competencies: Competency[];
}

export const curriculum = {
  /** The date the current curriculum took effect. */
  effective: '2025-08-12',
  source: 'cncf/curriculum ICA_Curriculum.pdf (2025-08-12) and the Linux Foundation ICA program changes page',
  domains: [
    {
      id: 'install',
      title: 'Installation, Upgrades & Configuration',
      shortTitle: 'Installation & Upgrades',
      weight: 20,
      directory: 'install',
      competencies: [
        { id: 'install.istioctl-helm', title: 'Install Istio with istioctl or Helm' },
        { id: 'install.sidecar-ambient', title: 'Install Istio in sidecar or ambient mode' },
        { id: 'install.customize', title: 'Customize the Istio installation' },
        { id: 'install.upgrade', title: 'Upgrade Istio (canary and in-place)' },
      ],
    },
    {
      id: 'traffic',
      title: 'Traffic Management',
      shortTitle: 'Traffic Management',
      weight: 35,
      directory: 'traffic',
      competencies: [
        { id: 'traffic.ingress-egress', title: 'Control ingress and egress traffic' },
        { id: 'traffic.routing', title: 'Configure routing within the service mesh' },
        { id: 'traffic.destination-rules', title: 'Define traffic policies with DestinationRules' },
        { id: 'traffic.shifting', title: 'Configure traffic shifting' },
        {
          id: 'traffic.external',
          title: 'Connect in-mesh workloads to external workloads and services',
        },
        {
          id: 'traffic.resilience',
          title: 'Use resilience features: circuit breaking, failover, outlier detection, timeouts, retries',
        },
        { id: 'traffic.fault-injection', title: 'Create fault injection' },
      ],
    },
    {
      id: 'security',
      title: 'Securing Workloads',
      shortTitle: 'Securing Workloads',
      weight: 25,
      directory: 'security',
      competencies: [
        { id: 'security.authorization', title: 'Configure authorization' },
        { id: 'security.authentication', title: 'Configure authentication (mTLS, JWT)' },
        { id: 'security.edge-tls', title: 'Secure edge traffic with TLS' },
      ],
    },
    {
      id: 'troubleshooting',
      title: 'Troubleshooting',
      shortTitle: 'Troubleshooting',
      weight: 20,
      directory: 'troubleshooting',
      competencies: [
        { id: 'troubleshooting.configuration', title: 'Troubleshoot configuration' },
        { id: 'troubleshooting.control-plane', title: 'Troubleshoot the mesh control plane' },
        { id: 'troubleshooting.data-plane', title: 'Troubleshoot the mesh data plane' },
      ],
    },
  ] satisfies ExamDomain[],
} as const;

export const examDomains: readonly ExamDomain[] = curriculum.domains;

/** Every competency id, for the front-matter check. */
export const competencyIds: readonly string[] = examDomains.flatMap((d) => d.competencies.map((c) => c.id));

export function findCompetency(id: string): (Competency & { domain: ExamDomain }) | undefined {
  for (const domain of examDomains) {
    const c = domain.competencies.find((x) => x.id === id);
    if (c) return { ...c, domain };
  }
  return undefined;
}

/** A domain value in page front matter: an exam domain, or one of the site's own sections. */
export const pageDomains = ['exam', 'fundamentals', 'install', 'traffic', 'security', 'troubleshooting', 'cheat-sheets', 'labs'] as const;
export type PageDomain = (typeof pageDomains)[number];

/**
 * The sidebar groups, in order. Exam domains show their weight in the label. A group is only shown once
 * its folder has at least one page (see astro.config.mjs).
 */
export const sidebarGroups: ReadonlyArray<{ label: string; directory: string }> = [
  { label: 'Fundamentals', directory: 'fundamentals' },
  ...examDomains.map((d) => ({ label: `${d.shortTitle} (${d.weight}%)`, directory: d.directory })),
  { label: 'Cheat sheets', directory: 'cheat-sheets' },
  { label: 'Labs', directory: 'labs' },
];
