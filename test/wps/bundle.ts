// The built WPS add-in, loaded as WPS loads it: ribbon.js run as a classic script in a fresh context whose globals
// are the fake ET Application (and wps), then the callbacks ribbon.xml names called on it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type { FakeEt } from './fakeEt.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { name, version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { name: string; version: string };
export const FOLDER = `${name}_${version}`;
export const DIST = `${ROOT}dist/wps`;
export const ADDIN = `${DIST}/${FOLDER}`;

/** Builds dist/wps when it is missing or older than its sources (the step `npm test` runs first). */
export function ensureWpsBuild(): void {
  const r = spawnSync(process.execPath, [`${ROOT}scripts/test-prerequisites.mjs`, '--build', 'wps'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`WPS build failed:\n${r.stdout}\n${r.stderr}`);
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, String(v)),
    removeItem: (k: string) => void items.delete(k),
  };
}

export type AddinGlobals = Record<string, unknown>;

/** `only` leaves out the other global, for WPS builds that offer one of the two. */
export function loadRibbonBundle(et: FakeEt, only?: 'Application' | 'wps'): AddinGlobals {
  const context = vm.createContext({
    ...(only !== 'wps' ? { Application: et.application } : {}),
    ...(only !== 'Application' ? { wps: et.application } : {}),
    console: { log() {}, info() {}, warn() {}, error() {} },
    location: { href: `file:///home/user/.local/share/Kingsoft/wps/jsaddons/${FOLDER}/index.html` },
    localStorage: memoryStorage(),
  });
  vm.runInContext(readFileSync(`${ADDIN}/js/ribbon.js`, 'utf8'), context, { filename: 'ribbon.js' });
  return context as AddinGlobals;
}

/** xmllint's answer to an XPath query on one of the add-in's files (a real XML parser, not a pattern). */
export function xpath(file: string, query: string): string {
  const r = spawnSync('xmllint', ['--xpath', query, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`xmllint --xpath ${query} ${file}: ${r.stderr}`);
  return r.stdout.trim();
}

export function wellFormed(file: string): { ok: boolean; errors: string } {
  const r = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
  return { ok: r.status === 0, errors: r.stderr };
}

/** onAction of the ribbon button with this label, and the button's id (what WPS passes as control.Id). */
export function ribbonButton(label: string): { id: string; onAction: string } {
  const file = `${ADDIN}/ribbon.xml`;
  const button = `//*[local-name()='button'][@label='${label}']`;
  return { id: xpath(file, `string(${button}/@id)`), onAction: xpath(file, `string(${button}/@onAction)`) };
}

/** Every callback name in ribbon.xml: onLoad, onAction, getImage, getLabel, … */
export function ribbonCallbacks(): string[] {
  const out = xpath(`${ADDIN}/ribbon.xml`, "//@*[starts-with(local-name(),'on') or starts-with(local-name(),'get')]");
  return [...new Set([...out.matchAll(/="([^"]+)"/g)].map((m) => m[1]))];
}
