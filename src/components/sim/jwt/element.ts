/** <jwt-matrix>: runs the model in its Worker as the reader edits (the behaviour is the kit's, kit/element.ts). */
import { defineSim } from '../kit/element';
import type { JwtFields } from './model';

defineSim<JwtFields>('jwt-matrix', {
  fields: ['issuer', 'audiences', 'tokenIss', 'tokenSub', 'tokenAud', 'principal'],
  presets: [],
  worker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'jwt-matrix' }),
});
