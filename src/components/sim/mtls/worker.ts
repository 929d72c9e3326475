/** The Worker behind <mtls-sim>: the engine runs here, off the page's main thread. */
import { serveModel } from '../kit/worker-host';
import { computeMtls } from './model';

serveModel(computeMtls);
