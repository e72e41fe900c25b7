import { createRequire } from 'node:module';
import type * as MockModule from 'office-addin-mock';

// office-addin-mock is CommonJS; load it the way Node does for the ESM tests.
const require = createRequire(import.meta.url);
export const { OfficeMockObject } = require('office-addin-mock') as typeof MockModule;
export type OfficeMockObject = MockModule.OfficeMockObject;
