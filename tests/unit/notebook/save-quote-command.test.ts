import { describe, expect, it } from 'vitest';
import { runCommand, SAVE_QUOTE_COMMAND, setQuoteSaver } from '@/entrypoints/background/commands';
import { selectionFromBlocks } from '@/lib/notebook/capture';

describe('save-quote command', () => {
  it('runs the quote saver for the tab and passes its failure on', async () => {
    const tabs: number[] = [];
    setQuoteSaver(async (tabId) => {
      tabs.push(tabId);
      return tabId === 7 ? { ok: true, value: { id: 'n1' } } : { ok: false, error: 'Select some text first.' };
    });
    expect(await runCommand(SAVE_QUOTE_COMMAND, 7)).toEqual({ ok: true, value: { done: true } });
    expect(await runCommand(SAVE_QUOTE_COMMAND, 8)).toEqual({ ok: false, error: 'Select some text first.' });
    expect(tabs).toEqual([7, 8]);
    expect(await runCommand('make-coffee', 7)).toEqual({ ok: false, error: 'Unknown command "make-coffee".' });
  });

  it('finds a menu selection in the article text for its context', () => {
    const page = { url: 'https://a.test/x', title: 'X' };
    const blocks = ['First block.', 'Russia closed its   mission to Nato on Monday and will remove the staff.'];
    expect(selectionFromBlocks('closed its mission\nto Nato', blocks, page)).toEqual({
      exact: 'closed its mission to Nato',
      prefix: 'Russia ',
      suffix: ' on Monday and will remove the s',
      ...page,
    });
    expect(selectionFromBlocks('not there', blocks, page)).toEqual({
      exact: 'not there',
      prefix: '',
      suffix: '',
      ...page,
    });
  });
});
