import type { TestProject } from 'vitest/node';
import { startCluster, stopCluster } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's throwaway cluster (tests/helpers/postgres.ts), without a database name. */
    postgresBaseUrl: string;
  }
}

/**
 * Vitest globalSetup of the projects that run on PostgreSQL: one cluster for the whole run,
 * stopped by its pid when the run ends. Each test server makes its own database in it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startCluster();
  project.provide('postgresBaseUrl', cluster.baseUrl);
  return () => stopCluster(cluster);
}
