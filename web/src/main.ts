import './zodSetup.ts';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { langOf } from '../../src/ui/strings.ts';
import { App } from './App.ts';

// A file dropped beside the drop zone would otherwise make the browser open or download it.
for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (e) => e.preventDefault());

createRoot(document.getElementById('root')!).render(
  h(FluentProvider, { theme: webLightTheme }, h(App, { initialLang: langOf(navigator.language) })));
