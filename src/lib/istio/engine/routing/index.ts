/** HTTP routing through a VirtualService: the decision, its types, and the DestinationRule policy merge. */
export * from './types';
export { mergeTrafficPolicy } from './destinations';
export { routeHttp } from './decision';
