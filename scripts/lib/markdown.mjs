// A small Markdown-to-HTML renderer for the project's own docs (the quick start in the release zip): headings,
// paragraphs, lists with indented continuation, tables, block quotes, rules, code, emphasis, links and images.
// Not a general Markdown implementation: the docs it renders are ours, and the release test reads its output.

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
export const slug = (text) => text.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');

/**
 * Inline markup. `link(href)` returns the href to use, or null to keep only the link's text (a file not shipped).
 * Our own <img> tags pass through with their src rewritten the same way; any other HTML is escaped.
 */
function inline(text, link) {
  const out = [];
  const re = /`([^`]+)`|!\[([^\]]*)\]\(([^)\s]+)\)|\[([^\]]+)\]\(([^)\s]+)\)|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|<img\s+src="([^"]+)"\s+alt="([^"]*)"(?:\s+width="(\d+)")?\s*\/?>/g;
  let at = 0;
  for (let m; (m = re.exec(text)); ) {
    out.push(escape(text.slice(at, m.index)));
    at = m.index + m[0].length;
    if (m[1] !== undefined) out.push(`<code>${escape(m[1])}</code>`);
    else if (m[3] !== undefined) out.push(`<img src="${escape(link(m[3]) ?? m[3])}" alt="${escape(m[2])}">`);
    else if (m[5] !== undefined) {
      const href = link(m[5]);
      out.push(href === null ? inline(m[4], link) : `<a href="${escape(href)}">${inline(m[4], link)}</a>`);
    } else if (m[6] !== undefined) out.push(`<strong>${inline(m[6], link)}</strong>`);
    else if (m[7] !== undefined) out.push(`<em>${inline(m[7], link)}</em>`);
    else out.push(`<img src="${escape(link(m[8]) ?? m[8])}" alt="${escape(m[9])}"${m[10] ? ` width="${m[10]}"` : ''}>`);
  }
  out.push(escape(text.slice(at)));
  return out.join('');
}

/** Lines of one paragraph: a space between words, none between Chinese characters (as a browser would not). */
const CJK = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/;
const joinLines = (a, b) => (CJK.test(a.at(-1) ?? '') || CJK.test(b[0] ?? '') ? a + b : `${a} ${b}`);

const cells = (row) => row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());

function blocks(lines, link) {
  const html = [];
  let i = 0;
  const para = [];
  const flush = () => {
    if (para.length) html.push(`<p>${inline(para.reduce(joinLines), link)}</p>`);
    para.length = 0;
  };
  while (i < lines.length) {
    const line = lines[i];
    let m;
    if (line.trim() === '') {
      flush();
      i++;
    } else if ((m = /^(#{1,6})\s+(.*)$/.exec(line))) {
      flush();
      const n = m[1].length;
      html.push(`<h${n} id="${escape(slug(m[2]))}">${inline(m[2], link)}</h${n}>`);
      i++;
    } else if (/^(-{3,}|\*{3,})\s*$/.test(line)) {
      flush();
      html.push('<hr>');
      i++;
    } else if (line.startsWith('```')) {
      flush();
      const code = [];
      for (i++; i < lines.length && !lines[i].startsWith('```'); i++) code.push(lines[i]);
      html.push(`<pre><code>${escape(code.join('\n'))}</code></pre>`);
      i++;
    } else if (line.startsWith('>')) {
      flush();
      const quote = [];
      for (; i < lines.length && lines[i].startsWith('>'); i++) quote.push(lines[i].replace(/^>\s?/, ''));
      html.push(`<blockquote>${blocks(quote, link)}</blockquote>`);
    } else if (line.startsWith('|') && /^\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) {
      flush();
      const head = cells(line);
      const body = [];
      for (i += 2; i < lines.length && lines[i].startsWith('|'); i++) body.push(cells(lines[i]));
      const row = (cs, tag) => `<tr>${cs.map((c) => `<${tag}>${inline(c, link)}</${tag}>`).join('')}</tr>`;
      html.push(`<table><thead>${row(head, 'th')}</thead><tbody>${body.map((r) => row(r, 'td')).join('')}</tbody></table>`);
    } else if ((m = /^(\s*)([-*]|\d+\.)\s+/.exec(line))) {
      flush();
      const ordered = /\d/.test(m[2]);
      const items = [];
      while (i < lines.length) {
        const item = /^\s*([-*]|\d+\.)\s+(.*)$/.exec(lines[i]);
        if (!item || /\d/.test(item[1]) !== ordered) break;
        const body = [item[2]];
        // Continuation: indented lines, including after blank lines, belong to the item.
        for (i++; i < lines.length; i++) {
          if (/^\s{2,}\S/.test(lines[i]) && !/^\s*([-*]|\d+\.)\s+/.test(lines[i])) body.push(lines[i].trim());
          else if (lines[i].trim() === '' && /^\s{2,}\S/.test(lines[i + 1] ?? '') && !/^\s*([-*]|\d+\.)\s+/.test(lines[i + 1])) body.push('');
          else break;
        }
        const inner = blocks(body, link);
        items.push(`<li>${body.includes('') ? inner : inner.replace(/^<p>([\s\S]*)<\/p>$/, '$1')}</li>`);
        while (i < lines.length && lines[i].trim() === '' && /^\s*([-*]|\d+\.)\s+/.test(lines[i + 1] ?? '')) i++;
      }
      html.push(ordered ? `<ol>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`);
    } else {
      para.push(line.trim());
      i++;
    }
  }
  flush();
  return html.join('\n');
}

const STYLE = `body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;line-height:1.6;max-width:980px;margin:2em auto;padding:0 1em;color:#222}
img{max-width:100%;border:1px solid #ddd}table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;vertical-align:top}
th{background:#f3f3f3}code{background:#f3f3f3;padding:0 3px}blockquote{border-left:4px solid #0f6cbd;margin:1em 0;padding:0 1em;background:#f5f9fd}`;

/** A whole page: the Markdown's first heading as its title; HTML comments are dropped. */
export function markdownPage(markdown, { link = (href) => href } = {}) {
  const text = markdown.replace(/<!--[\s\S]*?-->\n?/g, '');
  const title = /^#\s+(.*)$/m.exec(text)?.[1] ?? '';
  return `<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' data: file:; style-src 'unsafe-inline'">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escape(title)}</title>\n<style>${STYLE}</style>\n</head>\n` +
    `<body>\n${blocks(text.split(/\r?\n/), link)}\n</body>\n</html>\n`;
}
