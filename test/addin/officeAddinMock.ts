import { createRequire } from 'node:module';
import type * as MockModule from 'office-addin-mock';

const require = createRequire(import.meta.url);

// office-addin-mock takes only the OfficeApp enum from office-addin-manifest. In this install the rest of
// office-addin-manifest cannot load (its ajv-draft-04 resolves eslint's ajv 6 instead of ajv 8), so when it
// fails, hand office-addin-mock the manifest package's own enum module, which has no dependencies.
try {
  require('office-addin-manifest');
} catch {
  const main = require.resolve('office-addin-manifest');
  const officeApp = require.resolve('office-addin-manifest/lib/officeApp.js');
  require.cache[main] = { id: main, filename: main, loaded: true, exports: require(officeApp) } as NodeJS.Module;
}

export const { OfficeMockObject } = require('office-addin-mock') as typeof MockModule;
export type OfficeMockObject = MockModule.OfficeMockObject;
