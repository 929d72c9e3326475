/** The Worker behind <authz-sim>: the engine runs here, off the page's main thread. */
import { serveModel } from '../kit/worker-host';
import { computeAuthz } from './model';

serveModel(computeAuthz);
