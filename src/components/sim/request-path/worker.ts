/** The Worker behind <request-path-stepper>: the model runs here, off the page's main thread. */
import { serveModel } from '../kit/worker-host';
import { computeRequestPath } from './model';

serveModel(computeRequestPath);
