import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { langOf } from '../../src/ui/strings.ts';
import { App } from './App.ts';
import { officeHost } from './officeHost.ts';

const root = document.getElementById('root')!;

if (typeof Office === 'undefined') {
  // office.js did not load (no CDN access?): say so instead of showing an empty pane.
  root.textContent = '无法加载 Office.js，请检查网络或改用 OFFICE_JS=local 构建（见 docs/addin.md）。 / ' +
    'Office.js could not be loaded; check the network or build with OFFICE_JS=local (see docs/addin.md).';
} else {
  Office.onReady(() => {
    const lang = langOf(Office.context?.displayLanguage);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    createRoot(root).render(h(FluentProvider, { theme: webLightTheme }, h(App, { lang, host: officeHost })));
  });
}
