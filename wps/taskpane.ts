// The task pane: the Excel add-in's pane (results, chart, issues with a jump to the cell, 生成考核表) on the ET host.
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { langOf } from '../src/ui/strings.ts';
import { App } from '../addin/taskpane/App.ts';
import type { PaneHost } from '../addin/taskpane/officeHost.ts';
import { etApplication } from './host/application.ts';
import { generateSheets, recalculate, selectCell } from './host/index.ts';
import { adoptLastRun } from './lastRun.ts';

const root = document.getElementById('root')!;
const wps = etApplication();

if (!wps) {
  root.textContent = '请在 WPS 表格中打开本页面（“目标绩效计分”选项卡 → 计分面板）。 / Open this page from WPS Spreadsheets.';
} else {
  // A yield first, so the spinner shows before WPS blocks the page for the synchronous run.
  const later = <T,>(work: () => T) => new Promise<T>((resolve, reject) => setTimeout(() => {
    try {
      resolve(work());
    } catch (error) {
      reject(error);
    }
  }, 30));
  const host: PaneHost = {
    recalculate: () => later(() => recalculate(wps)),
    generateSheets: () => later(() => generateSheets(wps)),
    goTo: (sheet, cell) => later(() => selectCell(wps, sheet, cell)),
  };
  adoptLastRun(wps);
  const lang = langOf(navigator.language);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  createRoot(root).render(h(FluentProvider, { theme: webLightTheme }, h(App, { lang, host })));
}
