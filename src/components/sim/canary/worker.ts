/** The Worker behind <canary-slider>: the engine runs here, off the page's main thread. */
import { serveModel } from '../kit/worker-host';
import { computeCanary } from './model';

serveModel(computeCanary);
