/** A config that cannot be used; `where` names the file, line and JSON path of the mistake. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly where: string,
  ) {
    super(`${where}: ${message}`);
    this.name = 'ConfigError';
  }
}
