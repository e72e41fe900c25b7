import pkg from '../../package.json' with { type: 'json' };

/** The package's version, bundled into the CLI at build time. */
export const version: string = pkg.version;
