// The fake ET model for a browser page: the pane test bundles this and runs it before the pane's own script.
import { FakeEt, type FakeSheetSpec } from './fakeEt.ts';

const page = globalThis as unknown as { Application: unknown; fakeEt: FakeEt; fakeEtSpecs: FakeSheetSpec[] };
page.fakeEt = new FakeEt(page.fakeEtSpecs);
page.Application = page.fakeEt.application;
