/** The Worker behind <route-sim>: the engine runs here, off the page's main thread. */
import { serveModel } from '../kit/worker-host';
import { computeRoute } from './model';

serveModel(computeRoute);
