/** The Worker behind <outlier-lab>: the engine runs here, off the page's main thread. */
import { serveModel } from '../kit/worker-host';
import { computeOutlier } from './model';

serveModel(computeOutlier);
