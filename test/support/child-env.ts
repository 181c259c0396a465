/**
 * The environment for npm and pre-commit run by tests. `npm test` exports npm_config_* and
 * npm_package_* variables (npm_config_local_prefix among them) that would point a nested npm at
 * this repository instead of the temporary project it is meant to work in.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NO_COLOR: '1' };
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && key !== 'INIT_CWD') env[key] = value;
  }
  return { ...env, ...extra };
}
