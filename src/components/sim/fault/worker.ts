/** The Worker behind <fault-lab>: the engine runs here, off the page's main thread. */
import { serveModel } from '../kit/worker-host';
import { computeFault } from './model';

serveModel(computeFault);
