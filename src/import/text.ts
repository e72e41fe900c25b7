/** Full-width ASCII (１９％（）) to half-width, one UTF-16 unit for one, so offsets stay valid. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += text[i];
  }
  return out;
}

/** Removes every kind of space and line break: "自  身\n\n组  织" → "自身组织". */
export function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** Joins a cell's lines into one line of Chinese text (no spaces are added between lines). */
export function joinLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('');
}

export interface NumberedItem {
  /** 1, 2, … or null where the cell has no numbering */
  no: number | null;
  /** the item's text without its number, on one line */
  text: string;
}

/** 3.2015年… is item 3, not the number 3.2015. */
const ITEM_START = /^\s*[(（]?(\d{1,2})\s*(?:[.．、]|[)）])(?:(?!\d)|(?=\d{4}\s*年))/;

/**
 * Splits a cell into its numbered items ("1.…", "2.…"). A line only starts an item when its
 * number is the next one expected, so a line such as "3000人" inside an item stays put. `first` is
 * the number expected first, for items continued from a cell above.
 */
export function splitNumberedItems(cell: string, first = 1): NumberedItem[] {
  const items: { no: number | null; lines: string[] }[] = [];
  let expected = first;
  // Items run on in one paragraph (…3次。2.新招募…) are split after the sentence end; the numbering check decides.
  const lines = cell.replace(/([。；;！!])[ \t]*(?=[(（]?\d{1,2}\s*(?:[.．、]|[)）])(?:(?!\d)|\d{4}\s*年))/g, '$1\n').split(/\r?\n/);
  for (const line of lines) {
    const m = ITEM_START.exec(line);
    if (m && Number(m[1]) === expected) {
      items.push({ no: expected, lines: [line.slice(m[0].length)] });
      expected++;
    } else if (items.length > 0) {
      items[items.length - 1].lines.push(line);
    } else if (line.trim() !== '') {
      items.push({ no: null, lines: [line] });
    }
  }
  return items
    .map((item) => ({ no: item.no, text: joinLines(item.lines.join('\n')) }))
    .filter((item) => item.text !== '');
}

/** Whether a cell says more than numbers, numbering and punctuation: 2. （三） 15分 0 say nothing. */
export function hasWords(text: string): boolean {
  return /[^\s\p{P}\p{S}\p{N}零〇一二两三四五六七八九十百千万分]/u.test(toHalfWidth(text));
}
