/** AuthorizationPolicy evaluation: the decision, and the value matchers it is built on. */
export * from './decision';
export { ipInBlock, parseCidr } from './ip';
export { authzStringMatch } from './match';
export { authzPathMatch, pathTemplateProblem } from './path-template';
