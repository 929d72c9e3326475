/** The Worker behind <jwt-matrix>: the engine runs here, off the page's main thread. */
import { serveModel } from '../kit/worker-host';
import { computeJwt } from './model';

serveModel(computeJwt);
