// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestQueue } from '@/lib/lookup/queue';
import { WikipediaClient } from '@/lib/lookup/wikipedia';
import { resolveName } from '@/lib/lookup/resolve';
import { baseTitle, choose, kindsIn } from '@/lib/lookup/score';
import { startWikiServer, type WikiServer } from './wiki-server';

let server: WikiServer;
let client: WikipediaClient;
beforeAll(async () => {
  server = await startWikiServer();
  client = new WikipediaClient({
    baseUrl: server.baseUrl,
    queue: new RequestQueue({ baseDelayMs: 10 }),
    version: '1',
    timeoutMs: 500,
  });
});
afterAll(() => server.close());

describe('scoring candidates', () => {
  it('reads kinds from short descriptions', () => {
    expect(kindsIn('British statesman and prime minister (1830–1903)')).toEqual(['person']);
    expect(kindsIn('City in Maryland, United States')).toEqual(['place']);
    expect(kindsIn('Intergovernmental military alliance')).toEqual(['organization']);
    expect(kindsIn('2018 nerve agent poisoning in England')).toEqual(['event']);
    expect(kindsIn('Topics referred to by the same term')).toEqual([]);
  });

  it('strips the disambiguating part of a title', () => {
    expect(baseTitle('Georgia (country)')).toBe('Georgia');
    expect(baseTitle('Salisbury, Maryland')).toBe('Salisbury');
    expect(baseTitle('Theresa May')).toBe('Theresa May');
  });

  const pages = [
    { title: 'Salisbury, Maryland', description: 'City in Maryland, United States', disambiguation: false, rank: 1 },
    {
      title: 'Salisbury, Wiltshire',
      description: 'Cathedral city in Wiltshire, England',
      disambiguation: false,
      rank: 2,
    },
    {
      title: 'Robert Cecil, 3rd Marquess of Salisbury',
      description: 'British statesman (1830–1903)',
      disambiguation: false,
      rank: 3,
    },
    { title: 'Salisbury', description: 'Topics referred to by the same term', disambiguation: true, rank: 4 },
  ];

  it('lets the other names of the page decide', () => {
    const c = choose(pages, { name: 'Salisbury', kind: 'place', context: ['Sergei Skripal', 'Wiltshire Police'] });
    expect(c.chosen?.title).toBe('Salisbury, Wiltshire');
    expect(c.ranked.map((r) => r.page.title)).not.toContain('Salisbury'); // disambiguation pages are never candidates
  });

  it('uses the kind: a person named like a place gets the person', () => {
    const c = choose(pages, { name: 'Salisbury', kind: 'person', context: [] });
    expect(c.ranked[0]?.page.title).toBe('Robert Cecil, 3rd Marquess of Salisbury');
  });

  it('is unsure when nothing on the page tells two places apart', () => {
    const c = choose(pages, { name: 'Salisbury', kind: 'place', context: ['Reuters'] });
    expect(c.chosen).toBeNull();
    expect(
      c.ranked
        .slice(0, 2)
        .map((r) => r.page.title)
        .sort(),
    ).toEqual(['Salisbury, Maryland', 'Salisbury, Wiltshire']);
  });
});

describe('resolveName against a local server', () => {
  it('takes the exact article for a plain name', async () => {
    const r = await resolveName(client, { name: 'Yulia Skripal', kind: 'person', context: [] });
    expect(r.status).toBe('found');
    expect(r.status === 'found' && r.summary.title).toBe('Yulia Skripal');
  });

  it('follows a redirect to the article', async () => {
    const r = await resolveName(client, { name: 'Nato', kind: 'organization', context: [] });
    expect(r.status === 'found' && r.summary.title).toBe('NATO');
  });

  it('resolves a disambiguation page from the page context, offering the others as alternatives', async () => {
    const r = await resolveName(client, { name: 'Salisbury', kind: 'place', context: ['Wiltshire', 'Porton Down'] });
    expect(r.status).toBe('found');
    if (r.status !== 'found') return;
    expect(r.summary.title).toBe('Salisbury, Wiltshire');
    expect(r.candidates.map((c) => c.title)).toContain('Salisbury, Maryland');
    expect(r.candidates.map((c) => c.title)).not.toContain('Salisbury, Wiltshire');
  });

  it('offers a short list when the page does not settle it', async () => {
    const r = await resolveName(client, { name: 'Salisbury', kind: 'place', context: [] });
    expect(r.status).toBe('ambiguous');
    if (r.status !== 'ambiguous') return;
    expect(r.candidates.length).toBeGreaterThan(1);
    expect(r.candidates.length).toBeLessThanOrEqual(5);
    expect(r.candidates.map((c) => c.title)).not.toContain('Salisbury');
  });

  it('notices a disambiguation summary the title query did not flag', async () => {
    const r = await resolveName(client, { name: 'Hidden Disambiguation', kind: 'person', context: [] });
    expect(r.status).toBe('ambiguous');
  });

  it('says missing when there is no article and no search result', async () => {
    expect(await resolveName(client, { name: 'Nobody Atall', kind: 'person', context: [] })).toEqual({
      status: 'missing',
    });
  });

  it('says missing when the REST API 404s', async () => {
    expect((await resolveName(client, { name: 'Hidden Page', kind: 'place', context: [] })).status).toBe('missing');
  });

  it('says failed (not missing) when the server misbehaves', async () => {
    for (const name of ['Malformed Name', 'Html Name', 'Stalling Name', 'Huge Name']) {
      const r = await resolveName(client, { name, kind: 'person', context: [] });
      expect(r.status, name).toBe('failed');
    }
  });
});
