import { createApiClient } from '../visits/index.js';

/** The tablet's one HTTP client (sign-in, session, join links; visits go through the store). */
export const api = createApiClient();
