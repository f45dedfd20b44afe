import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
let copy: string;

/** A copy of the sources, so a deliberately wrong import never touches the real tree. */
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'wvv-boundaries-'));
  cpSync(join(root, 'src'), join(copy, 'src'), { recursive: true });
  for (const file of ['tsconfig.base.json', 'package.json']) cpSync(join(root, file), join(copy, file));
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

async function typecheck(project: string): Promise<{ ok: boolean; output: string }> {
  try {
    await run(process.execPath, [tsc, '-b', join(copy, project)], { cwd: copy });
    return { ok: true, output: '' };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr };
  }
}

describe('import directions are enforced by the compiler', () => {
  it('the copy typechecks as it is', async () => {
    expect(await typecheck('src/server')).toEqual({ ok: true, output: '' });
  }, 120_000);

  it('src/shared importing from the ward app fails', async () => {
    // A real module of the ward app, so the failure is the boundary, not a missing file.
    writeFileSync(join(copy, 'src/app/boundary-probe.ts'), 'export const probe = 1;\n');
    writeFileSync(join(copy, 'src/shared/wrong-way.ts'), "export * from '../app/boundary-probe.js';\n");
    const result = await typecheck('src/shared');
    rmSync(join(copy, 'src/shared/wrong-way.ts'));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/error TS(6307|6059)/);
  }, 120_000);

  it('src/server importing a browser module fails', async () => {
    writeFileSync(join(copy, 'src/visits/boundary-probe.ts'), 'export const probe = 1;\n');
    writeFileSync(join(copy, 'src/server/wrong-way.ts'), "export * from '../visits/boundary-probe.js';\n");
    const result = await typecheck('src/server');
    rmSync(join(copy, 'src/server/wrong-way.ts'));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/error TS(6307|6059)/);
  }, 120_000);
});
