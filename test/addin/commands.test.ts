// The ribbon command must always call event.completed(), or Office queues every later click.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMPLETE_AFTER_MS, scoreWorkbook } from '../../addin/commands.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('一键计分 (ribbon command)', () => {
  it('completes the event even when Excel never answers, and never calls showAsTaskpane', async () => {
    vi.useFakeTimers();
    const showAsTaskpane = vi.fn(() => new Promise<void>(() => undefined));
    vi.stubGlobal('Excel', { run: () => new Promise(() => undefined) });
    vi.stubGlobal('Office', { addin: { showAsTaskpane }, context: { requirements: { isSetSupported: () => true } } });
    const completed = vi.fn();
    void scoreWorkbook({ completed } as unknown as Office.AddinCommands.Event);
    await vi.advanceTimersByTimeAsync(COMPLETE_AFTER_MS - 1);
    expect(completed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(showAsTaskpane).not.toHaveBeenCalled();
  });

  it('completes once when the run fails, without opening the pane', async () => {
    const showAsTaskpane = vi.fn(() => new Promise<void>(() => undefined));
    vi.stubGlobal('Excel', { run: () => Promise.reject(Object.assign(new Error('x'), { code: 'GeneralException' })) });
    vi.stubGlobal('Office', { addin: { showAsTaskpane }, context: { requirements: { isSetSupported: () => true } } });
    const completed = vi.fn();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await scoreWorkbook({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(showAsTaskpane).not.toHaveBeenCalled();
  });
});
