/**
 * The Istio semantics engine: pure TypeScript, browser-safe (no Node built-ins, no validator or field
 * catalog). Routing, authorization, peer authentication, JWT, resilience and seeded sampling.
 */
export * from './engine/result';
export * from './engine/reader';
export * from './engine/routing/index';
export * from './engine/authz/index';
export * from './engine/peer-authn';
export * from './engine/jwt';
export * from './engine/resilience';
export * from './engine/random';
export { re2FullMatch, compileRe2 } from './engine/regex';
export { parseDuration, formatMs } from './engine/duration';
export { fqdn, hostCovers, splitAuthority } from './engine/hosts';
export { applyStringMatch, describeMatch, type StringMatch } from './engine/string-match';
